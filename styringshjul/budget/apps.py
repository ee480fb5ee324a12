from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "styringshjul.budget"
    label = "budget"
    verbose_name = _("Budget")

    def ready(self) -> None:
        from styringshjul.budget import rules  # noqa: F401  registers the permissions

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Budget and economic plan"), "budget_plans", order=25)]
