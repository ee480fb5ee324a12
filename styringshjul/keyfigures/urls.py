from django.urls import include, path

urlpatterns = [
    path("", include("styringshjul.keyfigures.catalogue_urls")),
    path("", include("styringshjul.keyfigures.compare_urls")),
]
