from django.contrib.auth import views as auth_views
from django.urls import path

from styringshjul.org import views
from styringshjul.org.import_views import organisation_import
from styringshjul.org.login import LoginView

urlpatterns = [
    path("", views.home, name="home"),
    path("logg-inn/", LoginView.as_view(), name="login"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("bytt-kommune/", views.switch_municipality, name="switch_municipality"),
    path("<str:number>/", views.front_page, name="municipality"),
    path("<str:number>/organisasjon/", views.organisation, name="organisation"),
    path("<str:number>/organisasjon/importer/", organisation_import, name="organisation_import"),
    path("<str:number>/organisasjon/tjenesteomrade/ny/", views.service_area_edit,
         name="service_area_create"),
    path("<str:number>/organisasjon/tjenesteomrade/<int:pk>/endre/", views.service_area_edit,
         name="service_area_edit"),
    path("<str:number>/organisasjon/enhet/ny/", views.unit_create, name="unit_create"),
    path("<str:number>/organisasjon/enhet/<int:pk>/", views.unit_detail, name="unit"),
    path("<str:number>/organisasjon/enhet/<int:pk>/endre/", views.unit_edit, name="unit_edit"),
    path("<str:number>/organisasjon/enhet/<int:unit_pk>/ansvar/ny/", views.responsibility_edit,
         name="responsibility_create"),
    path("<str:number>/organisasjon/enhet/<int:unit_pk>/ansvar/<int:pk>/endre/",
         views.responsibility_edit, name="responsibility_edit"),
    path("<str:number>/personer/", views.people, name="people"),
]
