"""KOSTRA key figures from Statistics Norway: the regions they are published for (every
municipality, counties, KOSTRA groups with their members per year, the country with and
without Oslo), the catalogue of figures we follow, their values per region and year, and the
comparison groups a municipality makes for itself.

Published statistics are the same for everyone, so figures, regions and values are not
owned by a municipality; comparison groups and notes are.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import TenantQuerySet


class RegionKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    COUNTY = "county", _("county")
    KOSTRA_GROUP = "kostra_group", _("KOSTRA group")
    COUNTRY = "country", _("the country")
    COUNTRY_WITHOUT_OSLO = "country_without_oslo", _("the country without Oslo")
    OTHER = "other", _("other region")


class Region(models.Model):
    """A region as Statistics Norway codes it: 3439, 3400 (county), EKG01, EAK, EAKUO …"""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=RegionKind.choices)
    county = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("county"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class GroupMembership(models.Model):
    """A municipality's KOSTRA group in one year (groups change)."""

    group = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="groups")
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        ordering = ["year", "group__code", "member__code"]
        verbose_name = _("KOSTRA group membership")
        verbose_name_plural = _("KOSTRA group memberships")
        constraints = [models.UniqueConstraint(fields=["member", "year"],
                                               name="one_kostra_group_a_year")]

    def __str__(self) -> str:
        return f"{self.member} → {self.group} ({self.year})"


class IndicatorKind(models.TextChoices):
    PRIORITISATION = "prioritisation", _("prioritisation")
    COVERAGE = "coverage", _("coverage")
    PRODUCTIVITY = "productivity", _("productivity")
    QUALITY = "quality", _("quality")
    FINANCE = "finance", _("finance")
    OTHER = "other", _("other")


class KeyFigure(models.Model):
    """One figure of the catalogue: which statbank table and content code (and, where the
    table has more dimensions, which value of each) it is read from."""

    table_id = models.CharField(_("table"), max_length=20)
    content_code = models.CharField(_("content code"), max_length=100)
    selection = models.JSONField(
        _("other dimensions"), default=dict, blank=True,
        help_text=_("The value of each further dimension of the table, e.g. "
                    "{\"KOKfunksjon0000\": \"FG2\"}."))
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    service = models.CharField(_("service area"), max_length=100, blank=True,
                               help_text=_("e.g. barnehage, grunnskole, pleie og omsorg"))
    indicator_kind = models.CharField(_("kind"), max_length=20, choices=IndicatorKind.choices,
                                      default=IndicatorKind.OTHER)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "name"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        constraints = [models.UniqueConstraint(fields=["table_id", "content_code"],
                                               name="unique_key_figure")]

    def __str__(self) -> str:
        return self.name

    @property
    def qualified_code(self) -> str:
        return f"{self.table_id}:{self.content_code}"


class KeyFigureValue(models.Model):
    """A published value; `status` keeps Statistics Norway's symbol when there is none
    (`.` not possible, `..` not available, `:` confidential)."""

    figure = models.ForeignKey(KeyFigure, on_delete=models.CASCADE, related_name="values")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True,
                                blank=True)
    status = models.CharField(_("status"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("key figure value")
        verbose_name_plural = _("key figure values")
        indexes = [models.Index(fields=["figure", "year"])]
        constraints = [models.UniqueConstraint(fields=["figure", "region", "year"],
                                               name="one_value_a_year")]

    def __str__(self) -> str:
        return f"{self.figure} {self.region.code} {self.year}"


class KeyFigureImport(models.Model):
    """One file or API response read, so the same file twice is recognised."""

    source = models.CharField(_("source"), max_length=500)
    sha256 = models.CharField(max_length=64)
    values = models.PositiveIntegerField(_("values"), default=0)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("key figure import")
        verbose_name_plural = _("key figure imports")

    def __str__(self) -> str:
        return self.source


class ComparisonGroup(models.Model):
    """A municipality's own comparison group: neighbours, "kommuner vi ligner på"."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="comparison_groups")
    name = models.CharField(_("name"), max_length=150)
    members = models.ManyToManyField(Region, related_name="+", verbose_name=_("members"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]
        verbose_name = _("comparison group")
        verbose_name_plural = _("comparison groups")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"],
                                               name="unique_comparison_group")]

    def __str__(self) -> str:
        return self.name


class FigureNote(models.Model):
    """The municipality's own answer to "hvorfor ser det slik ut" for a figure."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="figure_notes")
    figure = models.ForeignKey(KeyFigure, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("why it looks like this"))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("note on a key figure")
        verbose_name_plural = _("notes on key figures")
        constraints = [models.UniqueConstraint(fields=["municipality", "figure"],
                                               name="one_note_per_figure")]

    def __str__(self) -> str:
        return f"{self.figure}: {self.text[:40]}"
