"""The economic plan and its budget versions.

A plan spans four years (the first is the annual budget). The budget process runs through
versions — baseline, proposal, recommendation, adopted, party alternatives, revised — each
holding its own lines, so any two can be compared. A version's lines are its whole budget:
lines without a measure are the base; a measure included in a version writes its own lines
(marked with the measure), so sums, schedules and follow-up need no special case.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.ledger.models import AccountString
from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
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


ACCOUNT_STRING_FIELDS = ["account_class", "responsibility", "function", "art", "project"]


class BudgetLine(AccountString):  # noqa: DJ008 (the account string names it)
    """The annual amount of one account string in one year of a version. Lines written by a
    measure carry it; a version's budget is the sum of all its lines."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="lines")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="lines", verbose_name=_("measure"))
    lock_version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        indexes = [models.Index(fields=["version", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "year", *ACCOUNT_STRING_FIELDS],
                condition=models.Q(measure__isnull=True),
                name="unique_budget_line_per_account_string",
            ),
            models.UniqueConstraint(
                fields=["version", "year", *ACCOUNT_STRING_FIELDS, "measure"],
                condition=models.Q(measure__isnull=False),
                name="unique_measure_line_per_account_string",
            ),
        ]


class ChangeSource(models.TextChoices):
    FORM = "form", _("edited on screen")
    SPREADSHEET = "spreadsheet", _("uploaded spreadsheet")
    REVISION = "revision", _("budget revision")


class LineChange(AccountString):  # noqa: DJ008 (the account string names it)
    """Who changed a budget line's amount, when, from what to what. Lines are many and
    copied in bulk between versions, so they carry no history table of their own; every
    edit of an amount by a person is written here by the service that makes it."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE,
                                related_name="line_changes")
    year = models.PositiveSmallIntegerField(_("year"))
    old_amount = models.DecimalField(_("before"), max_digits=16, decimal_places=2, default=0)
    new_amount = models.DecimalField(_("after"), max_digits=16, decimal_places=2, default=0)
    source = models.CharField(_("source"), max_length=20, choices=ChangeSource.choices)
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("change of a budget line")
        verbose_name_plural = _("changes of budget lines")


class AdjustmentKind(models.TextChoices):
    STARTING_POINT = "starting_point", _("starting point")
    ONE_OFF = "one_off", _("one-off items removed")
    FULL_YEAR = "full_year", _("full-year effect of measures")
    WAGE_GROWTH = "wage_growth", _("wage growth")
    PRICE_GROWTH = "price_growth", _("price growth")
    DEMOGRAPHY = "demography", _("demographic change")


class BaselineAdjustment(models.Model):
    """One visible step from last year's budget to the consequence-adjusted baseline, with
    its reason; the lines it changed are in the baseline version."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE,
                                related_name="adjustments")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=AdjustmentKind.choices)
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("service area"))
    reason = models.TextField(_("reason"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["year", "sort_order", "pk"]
        verbose_name = _("baseline adjustment")
        verbose_name_plural = _("baseline adjustments")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"


class Frame(models.Model):
    """The net frame (ramme) a service area gets in one year of a version."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="frames")
    service_area = models.ForeignKey(ServiceArea, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("service area"))
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("frame"), max_digits=16, decimal_places=2)
    lock_version = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "service_area__sort_order"]
        verbose_name = _("frame")
        verbose_name_plural = _("frames")
        constraints = [
            models.UniqueConstraint(fields=["version", "service_area", "year"],
                                    name="unique_frame")
        ]

    def __str__(self) -> str:
        return f"{self.service_area} {self.year}"


class DecidingBody(models.TextChoices):
    COUNCIL = "council", _("municipal council")
    EXECUTIVE = "executive", _("executive committee")
    CHIEF_EXECUTIVE = "chief_executive", _("chief executive (delegated)")


class BudgetRevision(models.Model):
    """A budget revision (budsjettregulering): a decision that changes lines of a decided
    version and so makes a new, revised version."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="budget_revisions")
    based_on = models.ForeignKey(BudgetVersion, on_delete=models.PROTECT,
                                 related_name="revisions", verbose_name=_("revises"))
    result = models.OneToOneField(BudgetVersion, on_delete=models.CASCADE,
                                  related_name="revision", verbose_name=_("revised version"))
    case_number = models.CharField(_("case number"), max_length=50)
    decided_on = models.DateField(_("decision date"))
    decided_by = models.CharField(_("decided by"), max_length=20, choices=DecidingBody.choices)
    justification = models.TextField(_("justification"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("budget revision")
        verbose_name_plural = _("budget revisions")

    def __str__(self) -> str:
        return _("Revision %(case)s") % {"case": self.case_number}


class RevisionLine(AccountString):  # noqa: DJ008 (the account string names it)
    """One changed line of a revision: the change in kroner (KOSTRA sign)."""

    revision = models.ForeignKey(BudgetRevision, on_delete=models.CASCADE,
                                 related_name="changes")
    year = models.PositiveSmallIntegerField(_("year"))
    change = models.DecimalField(_("change"), max_digits=16, decimal_places=2)
    one_off = models.BooleanField(_("one-off"), default=False)
    text = models.CharField(_("text"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("revision line")
        verbose_name_plural = _("revision lines")


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
