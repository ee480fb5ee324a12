from django.urls import path

from styringshjul.budget import profile_views

urlpatterns = [
    path("<kommunenr:number>/budsjett/periodeprofiler/", profile_views.profiles,
         name="period_profiles"),
    path("<kommunenr:number>/budsjett/periodeprofiler/ny/", profile_views.profile_edit,
         name="period_profile_create"),
    path("<kommunenr:number>/budsjett/periodeprofiler/<int:pk>/endre/",
         profile_views.profile_edit, name="period_profile_edit"),
    path("<kommunenr:number>/budsjett/periodeprofiler/<int:pk>/slett/",
         profile_views.profile_delete, name="period_profile_delete"),
]
