from django.urls import path

from styringshjul.budget import schedule_views

urlpatterns = [
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/oversikt/<str:code>/",
         schedule_views.budget_schedule, name="budget_schedule"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/oversikt/<str:code>/linje/<str:key>/",
         schedule_views.budget_schedule_lines, name="budget_schedule_lines"),
    path("<kommunenr:number>/budsjett/regnskap/<int:year>/oversikt/<str:code>/",
         schedule_views.accounts_schedule, name="accounts_schedule"),
    path("<kommunenr:number>/budsjett/regnskap/<int:year>/oversikt/<str:code>/linje/<str:key>/",
         schedule_views.accounts_schedule_lines, name="accounts_schedule_lines"),
]
