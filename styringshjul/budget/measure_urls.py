from django.urls import path

from styringshjul.budget import measure_views, party_views

BUDGET = "<kommunenr:number>/budsjett/"

urlpatterns = [
    path(BUDGET + "tiltak/", measure_views.measures_index, name="budget_measures_index"),
    path(BUDGET + "plan/<int:first_year>/tiltak/", measure_views.measure_list,
         name="budget_measures"),
    path(BUDGET + "plan/<int:first_year>/tiltak/nytt/", measure_views.measure_create,
         name="budget_measure_create"),
    path(BUDGET + "tiltak/<int:pk>/", measure_views.measure_detail, name="budget_measure"),
    path(BUDGET + "tiltak/<int:pk>/endre/", measure_views.measure_edit, name="budget_measure_edit"),
    path(BUDGET + "versjon/<int:pk>/tiltak/", measure_views.version_measures,
         name="budget_version_measures"),
    path(BUDGET + "versjon/<int:pk>/rammer/", measure_views.frames, name="budget_frames"),
    path(BUDGET + "versjon/<int:pk>/rammer/endre/", measure_views.frames_edit,
         name="budget_frames_edit"),
    path(BUDGET + "versjon/<int:pk>/rammer/fra-forslaget/", measure_views.frames_copy,
         name="budget_frames_copy"),
    path(BUDGET + "partigrupper/", party_views.party_groups, name="budget_party_groups"),
    path(BUDGET + "partigrupper/ny/", party_views.party_group_edit,
         name="budget_party_group_create"),
    path(BUDGET + "partigrupper/<int:pk>/endre/", party_views.party_group_edit,
         name="budget_party_group_edit"),
    path(BUDGET + "partigrupper/<int:pk>/alternativ/", party_views.party_alternative,
         name="budget_party_alternative"),
    path(BUDGET + "partigrupper/<int:pk>/publiser/<int:version_pk>/",
         party_views.party_publish, name="budget_party_publish"),
]
