from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "styringshjul.ledger"
    label = "ledger"
    verbose_name = _("Accounts")

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [
            MenuItem(_("Accounts import"), "ledger_import", permission="ledger.import_ledger",
                     order=40),
            MenuItem(_("KOSTRA codes"), "kostra_functions", per_municipality=False, order=50),
        ]
