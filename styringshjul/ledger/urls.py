from django.urls import path

from styringshjul.ledger import views

urlpatterns = [
    path("funksjoner/", views.functions, name="kostra_functions"),
    path("funksjoner/<str:code>/", views.function_detail, name="kostra_function"),
    path("arter/", views.arts, name="kostra_arts"),
    path("arter/<str:code>/", views.art_detail, name="kostra_art"),
]
