"""Survey results: user surveys (bedrekommune.no), the 10-FAKTOR employee survey and citizen
surveys, one round a year, a mean per dimension for each part of the organisation that
answered (a unit, a service area or the whole municipality), with the number of
respondents and, where the source gives it, the national average.

Results of groups smaller than the survey's anonymity threshold are stored as imported but
never leave `queries.py` (which also hides enough other results that a hidden one cannot be
computed by subtraction); read results through it, never from these models directly.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.org.tenancy import TenantQuerySet


class SurveyKind(models.TextChoices):
    USER = "user", _("user survey")
    EMPLOYEE = "employee", _("employee survey")
    CITIZEN = "citizen", _("citizen survey")


# The 10-FAKTOR employee survey shows no result for fewer than 3 respondents (KS); for user
# and citizen surveys 5 is our own cautious default. Each survey can set its own, never
# below 3 (one or two people are never anonymous).
MINIMUM_THRESHOLD = 3
DEFAULT_THRESHOLD = {SurveyKind.EMPLOYEE: 3, SurveyKind.USER: 5, SurveyKind.CITIZEN: 5}
DEFAULT_SCALE = {SurveyKind.EMPLOYEE: (1, 5), SurveyKind.USER: (1, 6),
                 SurveyKind.CITIZEN: (1, 6)}


class Survey(models.Model):
    """A survey the municipality runs year after year, e.g. «Brukerundersøkelse
    barnehage» or «10-FAKTOR medarbeiderundersøkelse»."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="surveys")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SurveyKind.choices)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=6)
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("fewest respondents shown"), default=5,
        validators=[MinValueValidator(MINIMUM_THRESHOLD), MaxValueValidator(100)],
        help_text=_("Results of groups with fewer respondents are never shown, and other "
                    "results are hidden so they cannot be worked out by subtraction."))
    service = models.CharField(
        _("service area (key figures)"), max_length=100, blank=True,
        help_text=_("The service in the Hole model whose user satisfaction this survey "
                    "measures, e.g. barnehage, grunnskole, pleie og omsorg"))
    description = models.TextField(_("description"), blank=True)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"],
                                               name="unique_survey_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Once results are stored, the threshold can only be raised: lowering it would
        show groups that were hidden when the results were imported and looked at."""
        if self.pk is None or not self.rounds.exists():
            return
        stored = Survey.objects.filter(pk=self.pk).values_list(
            "anonymity_threshold", flat=True).first()
        if stored is not None and self.anonymity_threshold < stored:
            raise ValidationError({"anonymity_threshold": _(
                "The survey has results: the threshold can be raised, not lowered below "
                "%(stored)s.") % {"stored": stored}})


class Dimension(models.Model):
    """What a mean is given for: a bedrekommune dimension («Trivsel»), a 10-FAKTOR factor
    («Mestringsorientert ledelse») or a question."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [models.UniqueConstraint(fields=["survey", "name"],
                                               name="unique_dimension_name")]

    def __str__(self) -> str:
        return self.name


class SurveyRound(models.Model):
    """One year's results of a survey, from one file (a new file for the year replaces
    them; the same file again changes nothing)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="rounds")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("file"), max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "-year"]
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        constraints = [models.UniqueConstraint(fields=["survey", "year"],
                                               name="one_round_a_year")]

    def __str__(self) -> str:
        return f"{self.survey} {self.year}"


class SurveyResult(models.Model):
    """A mean for one dimension in one part of the organisation: a unit, a service area
    (unit empty) or the whole municipality (both empty)."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="results")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="results")
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    respondents = models.PositiveIntegerField(
        _("respondents"), null=True, blank=True,
        help_text=_("Empty only for results the source itself has already published "
                    "without counts (such a file imports with a warning)."))
    mean = models.DecimalField(_("mean"), max_digits=6, decimal_places=3)

    class Meta:
        verbose_name = _("survey result")
        verbose_name_plural = _("survey results")
        constraints = [
            models.UniqueConstraint(fields=["round", "dimension", "unit"],
                                    condition=models.Q(unit__isnull=False),
                                    name="one_result_per_unit"),
            models.UniqueConstraint(fields=["round", "dimension", "service_area"],
                                    condition=models.Q(unit__isnull=True,
                                                       service_area__isnull=False),
                                    name="one_result_per_service_area"),
            models.UniqueConstraint(fields=["round", "dimension"],
                                    condition=models.Q(unit__isnull=True,
                                                       service_area__isnull=True),
                                    name="one_result_for_the_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.round} {self.dimension}"


class Reference(models.Model):
    """A published comparison mean for a dimension, e.g. «Snitt Norge» — never a group of
    the municipality's own, so never subject to the anonymity threshold."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE,
                              related_name="references")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE,
                                  related_name="references")
    label = models.CharField(_("compared with"), max_length=100)
    mean = models.DecimalField(_("mean"), max_digits=6, decimal_places=3)

    class Meta:
        verbose_name = _("reference mean")
        verbose_name_plural = _("reference means")
        constraints = [models.UniqueConstraint(fields=["round", "dimension", "label"],
                                               name="one_reference_per_label")]

    def __str__(self) -> str:
        return f"{self.label} {self.dimension}"


class UnitAlias(models.Model):
    """How a survey file names one of the municipality's units («Bakkely bhg.»), saved when
    a user maps an unknown name once."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="+")
    name = models.CharField(_("name in the file"), max_length=200)
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+", verbose_name=_("unit"))
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("service area"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit name in surveys")
        verbose_name_plural = _("unit names in surveys")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"],
                                               name="unique_survey_unit_alias")]

    def __str__(self) -> str:
        return self.name
