from django.urls import path

from styringshjul.scorecards import import_views

urlpatterns = [
    path("<kommunenr:number>/malekart/<int:year>/import/", import_views.result_import,
         name="scorecard_import"),
]
