from django.urls import path

from styringshjul.budget import plan_views

PLAN = "<kommunenr:number>/budsjett/plan/<int:first_year>/"

urlpatterns = [
    path(PLAN + "innstillinger/", plan_views.plan_settings, name="budget_plan_settings"),
    path(PLAN + "innstillinger/drivere/<int:pk>/", plan_views.driver_edit,
         name="budget_driver_edit"),
    path(PLAN + "innstillinger/drivere/<int:pk>/slett/", plan_views.driver_delete,
         name="budget_driver_delete"),
    path(PLAN + "konsekvensjustert/", plan_views.baseline, name="budget_baseline"),
]
