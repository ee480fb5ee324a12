from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from styringshjul.org import people_views, views
from styringshjul.org.import_views import organisation_import
from styringshjul.org.login import LoginView
from styringshjul.org.tenancy import MunicipalityNumberConverter

register_converter(MunicipalityNumberConverter, "kommunenr")

urlpatterns = [
    path("", views.home, name="home"),
    path("logg-inn/", LoginView.as_view(), name="login"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("bytt-kommune/", views.switch_municipality, name="switch_municipality"),
    path("<kommunenr:number>/", views.front_page, name="municipality"),
    path("<kommunenr:number>/organisasjon/", views.organisation, name="organisation"),
    path(
        "<kommunenr:number>/organisasjon/importer/", organisation_import, name="organisation_import"
    ),
    path(
        "<kommunenr:number>/organisasjon/tjenesteomrade/ny/",
        views.service_area_edit,
        name="service_area_create",
    ),
    path(
        "<kommunenr:number>/organisasjon/tjenesteomrade/<int:pk>/endre/",
        views.service_area_edit,
        name="service_area_edit",
    ),
    path("<kommunenr:number>/organisasjon/enhet/ny/", views.unit_create, name="unit_create"),
    path("<kommunenr:number>/organisasjon/enhet/<int:pk>/", views.unit_detail, name="unit"),
    path(
        "<kommunenr:number>/organisasjon/enhet/<int:pk>/endre/", views.unit_edit, name="unit_edit"
    ),
    path(
        "<kommunenr:number>/organisasjon/enhet/<int:unit_pk>/ansvar/ny/",
        views.responsibility_edit,
        name="responsibility_create",
    ),
    path(
        "<kommunenr:number>/organisasjon/enhet/<int:unit_pk>/ansvar/<int:pk>/endre/",
        views.responsibility_edit,
        name="responsibility_edit",
    ),
    path("<kommunenr:number>/personer/", people_views.people, name="people"),
    path("<kommunenr:number>/personer/ny/", people_views.membership_edit, name="membership_create"),
    path(
        "<kommunenr:number>/personer/<int:pk>/endre/",
        people_views.membership_edit,
        name="membership_edit",
    ),
    path(
        "<kommunenr:number>/personer/<int:pk>/fjern/",
        people_views.membership_delete,
        name="membership_delete",
    ),
]
