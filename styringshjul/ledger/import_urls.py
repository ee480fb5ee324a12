from django.urls import path

from styringshjul.ledger import import_views

urlpatterns = [
    path("<kommunenr:number>/regnskap/import/", import_views.upload, name="ledger_import"),
    path("<kommunenr:number>/regnskap/import/<uuid:job_id>/", import_views.job,
         name="ledger_import_job"),
    path("<kommunenr:number>/regnskap/import/<uuid:job_id>/kolonner/",
         import_views.mapping, name="ledger_import_mapping"),
    path("<kommunenr:number>/regnskap/import/<uuid:job_id>/avvik.csv",
         import_views.issues_download, name="ledger_import_issues"),
]
