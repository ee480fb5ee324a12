from django.urls import path

from styringshjul.keyfigures import catalogue_views

CATALOGUE = "<kommunenr:number>/nokkeltall/katalog/"
GROUPS = "<kommunenr:number>/nokkeltall/sammenligningsgrupper/"

urlpatterns = [
    path(CATALOGUE, catalogue_views.catalogue, name="keyfigure_catalogue"),
    path(f"{CATALOGUE}ny/", catalogue_views.figure_edit, name="keyfigure_create"),
    path(f"{CATALOGUE}<int:pk>/endre/", catalogue_views.figure_edit, name="keyfigure_edit"),
    path(GROUPS, catalogue_views.comparison_groups, name="comparison_groups"),
    path(f"{GROUPS}ny/", catalogue_views.comparison_group_edit,
         name="comparison_group_create"),
    path(f"{GROUPS}<int:pk>/endre/", catalogue_views.comparison_group_edit,
         name="comparison_group_edit"),
]
