"""The steps around the versions: baseline adjustments, frames and budget revisions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.budget.models.versions import BudgetVersion
from styringshjul.ledger.models import AccountString
from styringshjul.org.models import Municipality, ServiceArea
from styringshjul.org.tenancy import TenantQuerySet


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
