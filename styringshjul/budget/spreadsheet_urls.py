from django.urls import path

from styringshjul.budget import comparison_views, spreadsheet_views

urlpatterns = [
    path("<kommunenr:number>/budsjett/sammenlign/", comparison_views.compare,
         name="budget_compare"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/regneark/", spreadsheet_views.spreadsheet,
         name="budget_spreadsheet"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/regneark/mal.xlsx",
         spreadsheet_views.template, name="budget_spreadsheet_template"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/regneark/avvik.csv",
         spreadsheet_views.issues_download, name="budget_spreadsheet_issues"),
    path("<kommunenr:number>/budsjett/versjon/<int:pk>/eksport.xlsx", spreadsheet_views.export,
         name="budget_export_xlsx"),
]
