"""Booked accounts: one import of a general-ledger file, and the aggregates the app works on.

Raw lines are kept as Parquet (one file per import) for drill-down; the database holds
sums per year, period and account string.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import TenantQuerySet


class AccountClass(models.TextChoices):
    OPERATING = "operating", _("operating")
    CAPITAL = "capital", _("capital")


class AccountString(models.Model):
    """ansvar–funksjon–art–objekt as booked. `art` may carry a local fourth digit;
    `kostra_art` is always the three-digit KOSTRA art it reports to."""

    account_class = models.CharField(
        _("operating or capital"), max_length=10, choices=AccountClass.choices,
        default=AccountClass.OPERATING,
    )
    responsibility = models.CharField(_("responsibility code"), max_length=10)
    function = models.CharField(_("function"), max_length=3)
    art = models.CharField(_("art"), max_length=4)
    kostra_art = models.CharField(_("KOSTRA art"), max_length=3)
    project = models.CharField(_("project"), max_length=20, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return " ".join(code for code in (self.responsibility, self.function, self.art,
                                           self.project) if code)


class LedgerImport(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_imports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    file_name = models.CharField(_("file"), max_length=255)
    file_sha256 = models.CharField(max_length=64)
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    profile = models.CharField(_("column profile"), max_length=100, blank=True)
    periods = models.JSONField(_("periods"), default=list)
    line_count = models.PositiveIntegerField(_("lines"), default=0)
    total = models.DecimalField(_("sum"), max_digits=18, decimal_places=2, default=0)
    # under VAR_DIR: numbered lines (.parquet), or the file's text (.csv) read as `raw_format`
    # says (`ledger.raw_lines`)
    raw_lines = models.CharField(_("raw lines"), max_length=500, blank=True)
    raw_format = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("ledger import")
        verbose_name_plural = _("ledger imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.year})"


class Actual(AccountString):  # noqa: DJ008 (the account string names it)
    """The sum booked on one account string in one period."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.PositiveSmallIntegerField(_("period"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    source = models.ForeignKey(LedgerImport, on_delete=models.CASCADE, related_name="actuals")

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("actual")
        verbose_name_plural = _("actuals")
        indexes = [
            models.Index(fields=["municipality", "year", "period"]),
            models.Index(fields=["municipality", "year", "responsibility"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "period", "account_class", "responsibility",
                        "function", "art", "project"],
                name="unique_actual_per_account_string",
            )
        ]


class ColumnProfile(models.Model):
    """How one accounting system's export names its columns. Built-in profiles have no
    municipality; a municipality's own profiles are saved from the mapping page."""

    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE,
        related_name="column_profiles",
    )
    name = models.CharField(_("name"), max_length=100)
    columns = models.JSONField(
        _("columns"), default=dict,
        help_text=_("For each field (voucher, date, period, responsibility, function, art, "
                    "project, amount, text, account_class) the column name in the file."),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_profile_name")
        ]

    def __str__(self) -> str:
        return self.name
