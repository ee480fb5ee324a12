"""The tenant (Municipality), its organisation tree and the people's roles in it."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.tenancy import TenantQuerySet


class Municipality(models.Model):
    number = models.CharField(
        _("municipality number"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("A municipality number has four digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    county = models.CharField(_("county"), max_length=100, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name} kommune"


class ServiceArea(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="service_areas"
    )
    name = models.CharField(_("name"), max_length=150)
    leader_name = models.CharField(_("leader"), max_length=150, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="unique_service_area_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class OrgUnit(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="units"
    )
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="units",
        verbose_name=_("service area"),
    )
    name = models.CharField(_("name"), max_length=150)
    leader_name = models.CharField(_("leader"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area__sort_order", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_unit_name")
        ]

    def __str__(self) -> str:
        return self.name


class Responsibility(models.Model):
    """An ansvar code: the cost centre that accounts and budget lines are booked on."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="responsibilities"
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="responsibilities",
        verbose_name=_("unit"),
    )
    code = models.CharField(
        _("responsibility code"),
        max_length=10,
        validators=[RegexValidator(r"^\d{1,10}$", _("A responsibility code is digits only."))],
    )
    name = models.CharField(_("name"), max_length=150, blank=True)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("responsibility code")
        verbose_name_plural = _("responsibility codes")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="unique_responsibility_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class Role(models.TextChoices):
    FINANCE = "finance", _("Finance")
    LEADERSHIP = "leadership", _("Chief executive and leadership")
    UNIT_LEADER = "unit_leader", _("Unit leader")
    POLITICIAN = "politician", _("Politician")
    UNION_REP = "union_rep", _("Union representative")
    USER_COUNCIL = "user_council", _("User council member")


class Membership(models.Model):
    """A person's role in one municipality; a unit leader's role is limited to `units`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("title"), max_length=150, blank=True)
    units = models.ManyToManyField(OrgUnit, blank=True, related_name="leaders",
                                   verbose_name=_("units"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        ordering = ["municipality__number", "role", "user__username"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.municipality})"
