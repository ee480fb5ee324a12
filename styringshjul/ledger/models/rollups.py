"""Actuals summed per dimension: what the follow-up reports read instead of the actuals.

One row per municipality, year, period, operating or capital, dimension and key (an ansvar,
funksjon, KOSTRA art or objekt code). Kept in step with the actuals by
`styringshjul.ledger.rollups.refresh_rollups`, in the transaction that writes them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from styringshjul.ledger.models.actuals import AccountClass
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import TenantQuerySet


class Dimension(models.TextChoices):
    """Named after the account-string field each dimension sums by."""

    RESPONSIBILITY = "responsibility", _("responsibility code")
    FUNCTION = "function", _("function")
    KOSTRA_ART = "kostra_art", _("KOSTRA art")
    PROJECT = "project", _("project")


class ActualRollup(models.Model):  # noqa: DJ008 (a sum, never shown on its own)
    """The sum booked in one period on every account string with one dimension's key."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.PositiveSmallIntegerField(_("period"))
    account_class = models.CharField(
        _("operating or capital"), max_length=10, choices=AccountClass.choices,
        default=AccountClass.OPERATING,
    )
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    key = models.CharField(_("code"), max_length=20, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("actuals rollup")
        verbose_name_plural = _("actuals rollups")
        indexes = [models.Index(fields=["municipality", "year", "dimension"])]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "period", "account_class", "dimension", "key"],
                name="unique_rollup_per_key",
            )
        ]
