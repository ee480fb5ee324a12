from django.urls import path

from styringshjul.surveys import alias_views, import_views, survey_views

BASE = "<kommunenr:number>/undersokelser/"

urlpatterns = [
    path(BASE, survey_views.survey_list, name="surveys"),
    path(f"{BASE}ny/", survey_views.survey_edit, name="survey_create"),
    path(f"{BASE}import/", import_views.survey_import, name="survey_import"),
    path(f"{BASE}enhetsnavn/", alias_views.survey_aliases, name="survey_aliases"),
    path(f"{BASE}<int:pk>/", survey_views.survey_page, name="survey"),
    path(f"{BASE}<int:pk>/endre/", survey_views.survey_edit, name="survey_edit"),
    path(f"{BASE}<int:pk>/trend/", survey_views.survey_trend, name="survey_trend"),
    path(f"{BASE}<int:pk>/<int:year>/csv/", survey_views.survey_csv, name="survey_csv"),
]
