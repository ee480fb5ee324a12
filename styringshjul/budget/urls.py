from django.urls import include, path

from styringshjul.budget import version_views

urlpatterns = [
    path("<kommunenr:number>/budsjett/", version_views.plans, name="budget_plans"),
    path("<kommunenr:number>/budsjett/ny-plan/", version_views.plan_create,
         name="budget_plan_create"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/", version_views.version_detail,
         name="budget_version"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/neste-steg/",
         version_views.version_advance, name="budget_version_advance"),
    path("", include("styringshjul.budget.profile_urls")),
    path("", include("styringshjul.budget.plan_urls")),
    path("", include("styringshjul.budget.measure_urls")),
    path("", include("styringshjul.budget.investment_urls")),
    path("", include("styringshjul.budget.schedule_urls")),
    path("", include("styringshjul.budget.spreadsheet_urls")),
]
