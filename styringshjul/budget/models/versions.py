"""The economic plan, its assumptions, party groups and the budget versions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.models import Municipality, ServiceArea
from styringshjul.org.tenancy import TenantQuerySet


class VersionState(models.TextChoices):
    BASELINE = "baseline", _("baseline (consequence-adjusted)")
    PROPOSAL = "proposal", _("chief executive's proposal")
    RECOMMENDATION = "recommendation", _("executive committee's recommendation")
    ADOPTED = "adopted", _("adopted")
    ALTERNATIVE = "alternative", _("party alternative")
    REVISED = "revised", _("revised")


FROZEN_STATES = (VersionState.ADOPTED, VersionState.REVISED)
"""Decisions of the council: never edited again; a revision makes a new version."""


class EconomicPlan(models.Model):
    """A four-year economic plan (økonomiplan), e.g. 2026–2029, with the balances the
    balance panel starts from."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="economic_plans"
    )
    first_year = models.PositiveSmallIntegerField(_("first year"))
    years = models.PositiveSmallIntegerField(
        _("number of years"), default=4, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    opening_loan_debt = models.DecimalField(
        _("loan debt at the start of the first year"), max_digits=16, decimal_places=2,
        default=0,
    )
    opening_reserve = models.DecimalField(
        _("unrestricted reserve (disposisjonsfond) at the start of the first year"),
        max_digits=16, decimal_places=2, default=0,
    )
    lock_version = models.PositiveIntegerField(default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year"]
        verbose_name = _("economic plan")
        verbose_name_plural = _("economic plans")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "first_year"], name="unique_plan")
        ]

    def __str__(self) -> str:
        return _("Economic plan %(first)s–%(last)s") % {"first": self.first_year,
                                                         "last": self.last_year}

    @property
    def last_year(self) -> int:
        return self.first_year + self.years - 1

    @property
    def year_range(self) -> range:
        return range(self.first_year, self.first_year + self.years)


class PlanYear(models.Model):
    """The growth rates assumed for one year of the plan (the state budget's deflator)."""

    plan = models.ForeignKey(EconomicPlan, on_delete=models.CASCADE, related_name="plan_years")
    year = models.PositiveSmallIntegerField(_("year"))
    wage_growth = models.DecimalField(_("wage growth (%)"), max_digits=5, decimal_places=2,
                                      default=0)
    price_growth = models.DecimalField(_("price growth (%)"), max_digits=5, decimal_places=2,
                                       default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = _("plan year")
        verbose_name_plural = _("plan years")
        constraints = [models.UniqueConstraint(fields=["plan", "year"], name="unique_plan_year")]

    def __str__(self) -> str:
        return str(self.year)


class DemographicDriver(models.Model):
    """A change in demand for a service area, e.g. «innbyggere 80 år og eldre» +3.5 %:
    the baseline grows the area's expenses by that share."""

    plan = models.ForeignKey(EconomicPlan, on_delete=models.CASCADE, related_name="drivers")
    service_area = models.ForeignKey(ServiceArea, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("service area"))
    year = models.PositiveSmallIntegerField(_("year"))
    driver = models.CharField(_("driver"), max_length=150)
    change_pct = models.DecimalField(_("change (%)"), max_digits=6, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "service_area__sort_order"]
        verbose_name = _("demographic driver")
        verbose_name_plural = _("demographic drivers")

    def __str__(self) -> str:
        return f"{self.driver} {self.year}"


class PartyGroup(models.Model):
    """A party's group in the council; its members build the party's alternative budget."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="party_groups"
    )
    name = models.CharField(_("name"), max_length=150)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                     verbose_name=_("members"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]
        verbose_name = _("party group")
        verbose_name_plural = _("party groups")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_party_group")
        ]

    def __str__(self) -> str:
        return self.name


class BudgetVersion(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="budget_versions"
    )
    plan = models.ForeignKey(EconomicPlan, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="versions", verbose_name=_("economic plan"))
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="successors", verbose_name=_("based on"))
    party = models.ForeignKey(PartyGroup, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="alternatives", verbose_name=_("party group"))
    published = models.BooleanField(
        _("published"), default=False,
        help_text=_("A party alternative is seen only by the party until it is published."),
    )
    lock_version = models.PositiveIntegerField(default=0)
    name = models.CharField(_("name"), max_length=150)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    years = models.PositiveSmallIntegerField(
        _("number of years"), default=1, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    state = models.CharField(
        _("state"), max_length=20, choices=VersionState.choices, default=VersionState.ADOPTED
    )
    source_file = models.CharField(_("file"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year", "name"]
        verbose_name = _("budget version")
        verbose_name_plural = _("budget versions")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_version_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_frozen(self) -> bool:
        return self.state in FROZEN_STATES

    @property
    def year_range(self) -> range:
        return range(self.first_year, self.first_year + self.years)
