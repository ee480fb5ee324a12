from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "styringshjul.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from styringshjul.surveys import rules  # noqa: F401  registers the permissions

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Surveys"), "surveys", order=45)]
