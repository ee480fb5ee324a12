"""Balanced scorecards (målstyring): the community plan's goals, a scorecard per year for
the municipality, each service area and each unit, success factors per perspective,
indicators with targets and thresholds, results per period, and the chief executive's
inquiries (undringer).

Shared success factors are written once on the municipality's scorecard (`is_shared`) and
appear in every unit's scorecard; each scorecard keeps its own results for them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.org.tenancy import TenantQuerySet


class CommunityPlan(models.Model):
    """Kommuneplanens samfunnsdel: the vision and goals everything else refers to."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="community_plans")
    name = models.CharField(_("name"), max_length=200)
    vision = models.TextField(_("vision"), blank=True)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year"]
        verbose_name = _("community plan")
        verbose_name_plural = _("community plans")

    def __str__(self) -> str:
        return self.name


class FocusArea(models.Model):
    plan = models.ForeignKey(CommunityPlan, on_delete=models.CASCADE,
                             related_name="focus_areas")
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.name


class CommunityGoal(models.Model):
    """A goal of the community plan, written once and referenced everywhere."""

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("goal"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("community goal")
        verbose_name_plural = _("community goals")

    def __str__(self) -> str:
        return self.text


class Perspective(models.Model):
    """Samfunn, Brukere, Medarbeidere, Økonomi by default; each municipality may change
    them."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="perspectives")
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("perspective")
        verbose_name_plural = _("perspectives")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"],
                                               name="unique_perspective")]

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    SERVICE_AREA = "service_area", _("service area")
    UNIT = "unit", _("unit")


class Scorecard(models.Model):
    """One year's scorecard (målekart) of the municipality, a service area or a unit."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="scorecards")
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="scorecards",
                                     verbose_name=_("service area"))
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="scorecards", verbose_name=_("unit"))
    purpose = models.TextField(_("main purpose"), blank=True)
    main_goal = models.TextField(_("main goal"), blank=True)
    goals = models.ManyToManyField(CommunityGoal, blank=True, related_name="scorecards",
                                   verbose_name=_("community goals it serves"))
    lock_version = models.PositiveIntegerField(default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[goals])

    class Meta:
        ordering = ["year", "level", "pk"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"],
                                    condition=models.Q(level="municipality"),
                                    name="one_municipality_scorecard_a_year"),
            models.UniqueConstraint(fields=["service_area", "year"],
                                    condition=models.Q(level="service_area"),
                                    name="one_area_scorecard_a_year"),
            models.UniqueConstraint(fields=["unit", "year"], condition=models.Q(level="unit"),
                                    name="one_unit_scorecard_a_year"),
        ]

    def __str__(self) -> str:
        owner = self.unit or self.service_area or self.municipality
        return _("Scorecard %(year)s – %(owner)s") % {"year": self.year, "owner": owner}


class SuccessFactor(models.Model):
    """What must go right (suksessfaktor), in one perspective of a scorecard. A shared
    factor on the municipality's scorecard appears in every unit's scorecard."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE,
                                  related_name="success_factors")
    perspective = models.ForeignKey(Perspective, on_delete=models.PROTECT,
                                    related_name="success_factors",
                                    verbose_name=_("perspective"))
    name = models.CharField(_("success factor"), max_length=300)
    is_shared = models.BooleanField(
        _("shared by every unit"), default=False,
        help_text=_("On the municipality's scorecard: shown in every unit's scorecard, "
                    "each with its own results."))
    goal = models.ForeignKey(CommunityGoal, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="success_factors",
                             verbose_name=_("community goal"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="children",
                               verbose_name=_("contributes to (the level above)"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["perspective__sort_order", "sort_order", "pk"]
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")

    def __str__(self) -> str:
        return self.name


class Direction(models.TextChoices):
    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")
    CLOSER = "closer", _("closer to the target is better")


class Indicator(models.Model):
    """How a success factor is measured (målemetode): definition, source, target
    (ambisjonsnivå) and the thresholds of the traffic light.

    Status: green when the result reaches `target` (by the direction); red when it is
    beyond `red_limit`; yellow between. For `closer`, distance from the target is compared
    with `green_tolerance` and `red_limit`."""

    success_factor = models.ForeignKey(SuccessFactor, on_delete=models.CASCADE,
                                       related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    definition = models.TextField(_("definition"), blank=True)
    unit_of_measure = models.CharField(_("unit"), max_length=30, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices,
                                 default=Direction.HIGHER)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=3, null=True,
                                 blank=True)
    target_text = models.CharField(_("target as written"), max_length=200, blank=True)
    green_tolerance = models.DecimalField(_("green within (distance from target)"),
                                          max_digits=14, decimal_places=3, null=True,
                                          blank=True)
    red_limit = models.DecimalField(_("red beyond"), max_digits=14, decimal_places=3,
                                    null=True, blank=True)
    source = models.CharField(_("source"), max_length=30, default="manual")
    source_options = models.JSONField(_("source settings"), default=dict, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    lock_version = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Period(models.TextChoices):
    FIRST_TERTIAL = "T1", _("1st tertial")
    SECOND_TERTIAL = "T2", _("2nd tertial")
    YEAR = "year", _("year")


class Result(models.Model):
    """An indicator's result on one scorecard for one period, with comment and follow-up
    plan. `source_note` says where an automatic value came from; `computed_at` when."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="results")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="results")
    period = models.CharField(_("period"), max_length=5, choices=Period.choices)
    value = models.DecimalField(_("result"), max_digits=14, decimal_places=3, null=True,
                                blank=True)
    comment = models.TextField(_("comment"), blank=True)
    follow_up = models.TextField(_("follow-up plan"), blank=True)
    source_note = models.CharField(_("where the value came from"), max_length=300,
                                   blank=True)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    lock_version = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period"]
        verbose_name = _("result")
        verbose_name_plural = _("results")
        constraints = [models.UniqueConstraint(fields=["scorecard", "indicator", "period"],
                                               name="one_result_a_period")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.get_period_display()}"


class Inquiry(models.Model):
    """An undring: leadership's question on an indicator or result of a scorecard, answered
    by the unit's leader. Kept with the scorecard and taken into the reports."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="inquiries")
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE,
                                  related_name="inquiries")
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="inquiries", verbose_name=_("indicator"))
    period = models.CharField(_("period"), max_length=5, choices=Period.choices, blank=True)
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")

    def __str__(self) -> str:
        return self.question[:60]

    @property
    def is_open(self) -> bool:
        return not self.answer
