from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KeyfiguresConfig(AppConfig):
    name = "styringshjul.keyfigures"
    label = "keyfigures"
    verbose_name = _("Key figures")

    def ready(self) -> None:
        from styringshjul.keyfigures import rules  # noqa: F401  registers the permissions

    @property
    def menu(self):
        from styringshjul.org.navigation import MenuItem

        return [MenuItem(_("Key figures"), "keyfigures", order=40)]
