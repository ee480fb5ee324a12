"""Unit leaders' year-end forecasts (prognose)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.models import Municipality, OrgUnit
from styringshjul.org.tenancy import TenantQuerySet


class Forecast(models.Model):
    """The expected net result of a unit at year end, as its leader sees it now."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="forecasts")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("forecast for the year"), max_digits=16, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)
    as_of_period = models.PositiveSmallIntegerField(_("as of period"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("forecast")
        verbose_name_plural = _("forecasts")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_forecast_per_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"
