from django.urls import path

from styringshjul.budget import investment_views, revision_views

PLAN = "<kommunenr:number>/budsjett/plan/<int:first_year>/investeringer/"

urlpatterns = [
    path(PLAN, investment_views.investments, name="budget_investments"),
    path(f"{PLAN}ny/", investment_views.investment_edit, name="budget_investment_create"),
    path(f"{PLAN}<int:pk>/endre/", investment_views.investment_edit,
         name="budget_investment_edit"),
    path("<kommunenr:number>/budsjett/reguleringer/", revision_views.revisions,
         name="budget_revisions"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/regulering/",
         revision_views.revision_create, name="budget_revision_create"),
    path("<kommunenr:number>/budsjett/linje/", revision_views.line_history_view,
         name="budget_line_history"),
]
