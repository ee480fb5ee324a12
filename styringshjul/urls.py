from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("kostra/", include("styringshjul.ledger.urls")),
    path("", include("styringshjul.org.urls")),
    path("", include("styringshjul.cycle.urls")),
    path("", include("styringshjul.ledger.import_urls")),
    path("", include("styringshjul.followup.urls")),
    path("", include("styringshjul.budget.urls")),
    path("", include("styringshjul.scorecards.urls")),
    path("", include("styringshjul.keyfigures.urls")),
    path("", include("styringshjul.surveys.urls")),
]
