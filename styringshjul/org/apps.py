from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "styringshjul.org"
    label = "org"
    verbose_name = _("Organisation")

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [
            MenuItem(_("Front page"), "municipality", order=0),
            MenuItem(_("Organisation"), "organisation", order=10),
            MenuItem(_("People and roles"), "people", permission="org.view_people", order=90),
        ]
