"""The official KOSTRA code lists: funksjoner and arter. Reference data shared by every
municipality, so not tenant-scoped."""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.ledger.code_lists import search_text


class Rule(models.TextChoices):
    ALLOWED = "allowed", _("allowed")
    ILLOGICAL = "illogical", _("illogical")
    NOT_ALLOWED = "not_allowed", _("not allowed")


class NameConfidence(models.TextChoices):
    OFFICIAL = "official", _("official (Statistics Norway's Klass)")
    HIGH = "high", _("high (printed next to the code on a Statistics Norway page)")
    MEDIUM = "medium", _("medium (a municipal or third-party copy)")
    LOW = "low", _("low (inferred)")
    NONE = "none", _("none (no name found)")


class KostraCode(models.Model):
    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", _("A KOSTRA code has three digits."))],
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    name_source = models.CharField(_("source of the name"), max_length=500, blank=True)
    name_confidence = models.CharField(
        _("confidence in the name"),
        max_length=10,
        choices=NameConfidence.choices,
        default=NameConfidence.NONE,
    )
    name_note = models.CharField(_("note on the name"), max_length=500, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    forms = models.CharField(
        _("forms"), max_length=200, blank=True,
        help_text=_("The KOSTRA forms (skjema) the code may be reported in, e.g. 0A;0I;0M."),
    )
    operating_rule = models.CharField(
        _("in operating accounts"), max_length=12, choices=Rule.choices, blank=True
    )
    operating_rule_reference = models.CharField(
        _("operating accounts control"), max_length=50, blank=True
    )
    capital_rule = models.CharField(
        _("in capital accounts"), max_length=12, choices=Rule.choices, blank=True
    )
    capital_rule_reference = models.CharField(
        _("capital accounts control"), max_length=50, blank=True
    )
    restriction = models.CharField(_("restriction"), max_length=200, blank=True)
    list_source = models.CharField(_("source of the code"), max_length=300, blank=True)
    search_text = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text(self.name)
        super().save(*args, **kwargs)

    @property
    def name_source_url(self) -> str:
        """The name's source when it is a plain web address, to be shown as a link."""
        return self.name_source if re.fullmatch(r"https://\S+", self.name_source) else ""


class KostraFunction(KostraCode):
    class Kind(models.TextChoices):
        SERVICE = "service", _("service function")
        FINANCIAL = "financial", _("financial function")

    class Sector(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipalities")
        COUNTY = "county", _("county authorities")
        BOTH = "both", _("municipalities and county authorities")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, blank=True)
    sector = models.CharField(_("used by"), max_length=12, choices=Sector.choices, blank=True)
    history = HistoricalRecords()

    class Meta(KostraCode.Meta):
        verbose_name = _("KOSTRA function")
        verbose_name_plural = _("KOSTRA functions")


class KostraArt(KostraCode):
    class Direction(models.TextChoices):
        EXPENSE = "expense", _("expense")
        INCOME = "income", _("income")

    income_or_expense = models.CharField(
        _("expense or income"), max_length=7, choices=Direction.choices, blank=True
    )
    series = models.CharField(_("art series"), max_length=1, blank=True)
    history = HistoricalRecords()

    class Meta(KostraCode.Meta):
        verbose_name = _("KOSTRA art")
        verbose_name_plural = _("KOSTRA arts")

