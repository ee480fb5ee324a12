"""Comparison pages of key figures; included from styringshjul/keyfigures/urls.py."""

from django.urls import path

from styringshjul.keyfigures import compare_views

BASE = "<kommunenr:number>/nokkeltall/"

urlpatterns = [
    path(BASE, compare_views.overview, name="keyfigures"),
    path(BASE + "sammenheng/", compare_views.scatter_page, name="keyfigure_scatter"),
    path(BASE + "tjeneste/<slug:service>/", compare_views.service_page,
         name="keyfigure_service"),
    path(BASE + "<int:pk>/", compare_views.figure_page, name="keyfigure"),
]
