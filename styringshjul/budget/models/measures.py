"""Measures (tiltak), investment projects and a measure's place in each version."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.budget.models.versions import BudgetVersion, EconomicPlan
from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.org.tenancy import TenantQuerySet


class MeasureKind(models.TextChoices):
    SAVING = "saving", _("saving")
    EFFICIENCY = "efficiency", _("efficiency")
    NEW_INITIATIVE = "new_initiative", _("new initiative")
    INVESTMENT = "investment", _("investment")
    STRUCTURAL = "structural", _("structural change")
    CRISIS = "crisis", _("short-term crisis measure")


class MeasureStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ADOPTED = "adopted", _("adopted")
    REJECTED = "rejected", _("rejected")
    IMPLEMENTED = "implemented", _("implemented")


class LoanKind(models.TextChoices):
    ANNUITY = "annuity", _("annuity loan")
    SERIAL = "serial", _("serial loan")


class InvestmentProject(models.Model):
    """An investment (e.g. a new kindergarten) booked in the capital accounts on its project
    code, with yearly amounts and financing; the loans it takes produce interest and
    repayment in the operating budget."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="investment_projects"
    )
    plan = models.ForeignKey(EconomicPlan, on_delete=models.CASCADE, related_name="projects")
    code = models.CharField(_("project code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    responsibility = models.CharField(_("responsibility code"), max_length=10)
    function = models.CharField(_("function"), max_length=3)
    art = models.CharField(_("art"), max_length=4, default="230")
    loan_kind = models.CharField(_("loan"), max_length=10, choices=LoanKind.choices,
                                 default=LoanKind.ANNUITY)
    loan_years = models.PositiveSmallIntegerField(
        _("repayment years"), default=30, validators=[MinValueValidator(1)])
    interest_rate = models.DecimalField(_("interest rate (%)"), max_digits=5, decimal_places=2,
                                        default=4)
    lock_version = models.PositiveIntegerField(default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_project_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class InvestmentYear(models.Model):
    """One year of a project: the gross expense and how it is financed (the financing
    should add up to the expense)."""

    project = models.ForeignKey(InvestmentProject, on_delete=models.CASCADE,
                                related_name="project_years")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("investment"), max_digits=16, decimal_places=2, default=0)
    loan = models.DecimalField(_("loans"), max_digits=16, decimal_places=2, default=0)
    grants = models.DecimalField(_("grants"), max_digits=16, decimal_places=2, default=0)
    vat_compensation = models.DecimalField(_("VAT compensation"), max_digits=16,
                                           decimal_places=2, default=0)
    sales = models.DecimalField(_("sales"), max_digits=16, decimal_places=2, default=0)
    own_funds = models.DecimalField(_("own funds"), max_digits=16, decimal_places=2,
                                    default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = _("investment year")
        verbose_name_plural = _("investment years")
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="unique_project_year")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class Measure(models.Model):
    """A proposed change (tiltak) with its effect per year. Its operating effect is booked
    on one account string (KOSTRA sign: a cost positive, a saving negative); an investment
    measure names its project instead."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="measures")
    plan = models.ForeignKey(EconomicPlan, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=MeasureKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices,
                              default=MeasureStatus.PROPOSED)
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="measures", verbose_name=_("responsible unit"))
    service_area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT,
                                     related_name="measures", verbose_name=_("service area"))
    description = models.TextField(_("description"), blank=True)
    consequences_users = models.TextField(_("consequences for users"), blank=True)
    consequences_staff = models.TextField(_("consequences for staff"), blank=True)
    one_off = models.BooleanField(
        _("one-off"), default=False,
        help_text=_("A one-off item is removed when next year's baseline is computed."))
    responsibility = models.CharField(_("responsibility code"), max_length=10, blank=True)
    function = models.CharField(_("function"), max_length=3, blank=True)
    art = models.CharField(_("art"), max_length=4, blank=True)
    project = models.OneToOneField(InvestmentProject, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="measure",
                                   verbose_name=_("investment project"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    lock_version = models.PositiveIntegerField(default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_measure_number")
        ]

    def __str__(self) -> str:
        return f"T{self.number} {self.title}"


class MeasureYear(models.Model):
    """A measure's effect in one year: on operations (KOSTRA sign) and the investment."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="measure_years")
    year = models.PositiveSmallIntegerField(_("year"))
    operating = models.DecimalField(_("operating effect"), max_digits=16, decimal_places=2,
                                    default=0)
    investment = models.DecimalField(_("investment"), max_digits=16, decimal_places=2,
                                     default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = _("measure year")
        verbose_name_plural = _("measure years")
        constraints = [
            models.UniqueConstraint(fields=["measure", "year"], name="unique_measure_year")
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.year}"


class VersionMeasure(models.Model):
    """A measure's place in a version: included or not, and its rank there (a party
    ranks its own choices in its alternative)."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE,
                                related_name="version_measures")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="in_versions")
    included = models.BooleanField(_("included"), default=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rank", "measure__number"]
        verbose_name = _("measure in version")
        verbose_name_plural = _("measures in versions")
        constraints = [
            models.UniqueConstraint(fields=["version", "measure"], name="unique_version_measure")
        ]

    def __str__(self) -> str:
        return f"{self.measure} – {self.version}"
