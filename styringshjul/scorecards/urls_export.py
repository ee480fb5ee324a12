from django.urls import path

from styringshjul.scorecards import export_views

P = "<kommunenr:number>/malekart/<int:pk>/"

urlpatterns = [
    path(P + "utskrift/", export_views.print_page, name="scorecard_print"),
    path(P + "malekart.pdf", export_views.pdf, name="scorecard_pdf"),
    path(P + "malekart.docx", export_views.docx, name="scorecard_docx"),
]
