from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CycleConfig(AppConfig):
    name = "styringshjul.cycle"
    label = "cycle"
    verbose_name = _("Annual cycle")

    def ready(self) -> None:
        from styringshjul.cycle import rules  # noqa: F401  registers the permissions

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Annual cycle"), "cycle", order=20)]

    @property
    def front_page(self):
        from styringshjul.cycle.front_page import deadlines
        from styringshjul.org.navigation import FrontPageSection

        return [FrontPageSection("cycle/_front_page.html", deadlines, order=10)]
