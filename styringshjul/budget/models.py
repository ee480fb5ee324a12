"""Budget versions and their lines. A version spans one to four years (the economic plan's
first year is the annual budget); this app starts with adopted budgets loaded from files
and grows into the whole budget process."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.ledger.models import AccountString
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import TenantQuerySet


class VersionState(models.TextChoices):
    BASELINE = "baseline", _("baseline (consequence-adjusted)")
    PROPOSAL = "proposal", _("chief executive's proposal")
    RECOMMENDATION = "recommendation", _("executive committee's recommendation")
    ADOPTED = "adopted", _("adopted")
    ALTERNATIVE = "alternative", _("party alternative")
    REVISED = "revised", _("revised")


class BudgetVersion(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="budget_versions"
    )
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


class BudgetLine(AccountString):  # noqa: DJ008 (the account string names it)
    """The annual amount of one account string in one year of a version."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="lines")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        indexes = [models.Index(fields=["version", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "year", "account_class", "responsibility", "function", "art",
                        "project"],
                name="unique_budget_line_per_account_string",
            )
        ]


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
