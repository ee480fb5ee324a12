"""A version's lines, and the record of every change a person makes to one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models.measures import Measure
from styringshjul.budget.models.versions import BudgetVersion
from styringshjul.ledger.models import AccountString

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
