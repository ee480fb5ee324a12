"""Period profiles that spread annual amounts over the periods."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import TenantQuerySet


class PeriodProfile(models.Model):
    """How an annual amount is spread over the twelve periods. The most specific matching
    profile wins: art prefix and responsibility prefix, then either, then the default."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="period_profiles"
    )
    name = models.CharField(_("name"), max_length=100)
    weights = models.JSONField(
        _("share per period"), help_text=_("Twelve numbers; they are scaled to sum to 1.")
    )
    art_prefix = models.CharField(_("arter starting with"), max_length=4, blank=True)
    responsibility_prefix = models.CharField(
        _("responsibility codes starting with"), max_length=10, blank=True
    )

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("period profile")
        verbose_name_plural = _("period profiles")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_profile")
        ]

    def __str__(self) -> str:
        return self.name
