from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScorecardsConfig(AppConfig):
    name = "styringshjul.scorecards"
    label = "scorecards"
    verbose_name = _("Scorecards")

    def ready(self) -> None:
        from styringshjul.scorecards import (
            keyfigure_source,
            rules,  # noqa: F401  registers the permissions
            survey_source,
        )

        keyfigure_source.register_kind()
        survey_source.register_kind()

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Scorecards"), "scorecards", order=35)]

    @property
    def front_page(self):
        from styringshjul.org.navigation import FrontPageSection
        from styringshjul.scorecards.front_page import open_inquiries

        return [FrontPageSection("scorecards/_front_inquiries.html", open_inquiries, order=20)]
