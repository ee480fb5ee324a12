from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScorecardsConfig(AppConfig):
    name = "styringshjul.scorecards"
    label = "scorecards"
    verbose_name = _("Scorecards")

    def ready(self) -> None:
        from styringshjul.scorecards import rules  # noqa: F401  registers the permissions

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Scorecards"), "scorecards", order=35)]
