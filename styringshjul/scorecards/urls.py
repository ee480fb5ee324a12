from django.urls import include, path

urlpatterns = [
    path("", include("styringshjul.scorecards.urls_pages")),
    path("", include("styringshjul.scorecards.urls_inquiries")),
    path("", include("styringshjul.scorecards.import_urls")),
    path("", include("styringshjul.scorecards.urls_export")),
]
