from django.urls import path

from styringshjul.ledger import views

urlpatterns = [
    path("funksjoner/", views.functions, name="kostra_functions"),
]
