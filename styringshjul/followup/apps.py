from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "styringshjul.followup"
    label = "followup"
    verbose_name = _("Follow-up")

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Budget follow-up"), "followup", order=30)]
