"""The annual cycle (årshjul): bodies, their meeting plan, and the year's activities."""

import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styringshjul.budget.models import BudgetVersion
from styringshjul.cycle.phase_colours import shade_of, validate_phase_colour
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import TenantQuerySet


class Body(models.Model):
    """A body or role that can be responsible for an activity: kommunestyret, økonomi …"""

    class Kind(models.TextChoices):
        POLITICAL = "political", _("Political")
        ADMINISTRATIVE = "administrative", _("Administrative")
        EXTERNAL = "external", _("External")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="bodies")
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="cycle_bodies",
        verbose_name=_("contact persons"),
        help_text=_("They are reminded of this body's deadlines by e-mail."),
    )

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[contacts])

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="unique_body_key")
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    """One meeting in a body's meeting plan (møteplan)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="meetings")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings",
                             verbose_name=_("body"))
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "body__name"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.body} {self.date:%d.%m.%Y}"


class AnnualCycle(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="cycles")
    year = models.PositiveSmallIntegerField(_("year"))
    published = models.BooleanField(_("published"), default=False)
    evaluation = models.TextField(_("evaluation of the cycle"), blank=True)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual cycle")
        verbose_name_plural = _("annual cycles")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="unique_cycle_year")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"


class DefaultPhase(models.TextChoices):
    """The phases a cycle starts with: Gausdal's styringshjul (seed 003)."""

    STRATEGY = "strategy", _("Strategy and governance")
    BUDGET = "budget", _("Action programme and budget")
    EVALUATION = "evaluation", _("Evaluation and reporting")
    DIALOGUE = "dialogue", _("Dialogue")


class Phase(models.Model):
    """A phase of a municipality's cycle, drawn on the wheel as a coloured arc."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="cycle_phases")
    key = models.SlugField(max_length=20, blank=True, editable=False,
                           help_text="The default phase it began as; templates name it.")
    name = models.CharField(_("name"), max_length=60, blank=True,
                            help_text="Empty for a default phase that keeps its own name.")
    colour = models.CharField(_("colour"), max_length=7, validators=[validate_phase_colour])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], condition=~Q(key=""),
                                    name="one_phase_per_default_key")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.name or self.key not in DefaultPhase.values:
            return self.name
        return str(DefaultPhase(self.key).label)

    @property
    def shade(self) -> str:
        return shade_of(self.colour)


class LegalStep(models.TextChoices):
    """The steps the legal checks look for, recognised by an activity's `key`."""

    ACCOUNTS_DELIVERED = "accounts_delivered", _("Accounts delivered")
    KOSTRA_REPORTING = "kostra_reporting", _("KOSTRA reporting")
    ANNUAL_REPORT = "annual_report", _("Annual report delivered")
    AUDIT_STATEMENT = "audit_statement", _("Audit statement")
    CONTROL_COMMITTEE = "control_committee_accounts", _("Control committee on the accounts")
    ACCOUNTS_ADOPTED = "accounts_adopted", _("Council adopts the accounts")
    BUDGET_REPORT = "budget_report", _("Report on the budget to the council")
    PLAN_RECOMMENDATION = "economic_plan_recommendation", _(
        "Recommendation on the economic plan")
    PLAN_ADOPTED = "economic_plan_adopted", _("Council adopts the economic plan")
    RECOMMENDATION = "recommendation_public", _("Recommendation on the budget (made public)")
    BUDGET_ADOPTED = "budget_adopted", _("Council adopts the budget")


class Activity(models.Model):
    class Kind(models.TextChoices):
        DEADLINE = "deadline", _("Deadline")
        POLITICAL_MEETING = "political_meeting", _("Political meeting")
        REPORT = "report", _("Report")
        SURVEY = "survey", _("Survey")
        DIALOGUE = "dialogue", _("Dialogue")
        TRAINING = "training", _("Training")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")
        LATE = "late", _("Late")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="activities")
    cycle = models.ForeignKey(AnnualCycle, on_delete=models.CASCADE, related_name="activities")
    key = models.SlugField(_("legal step"), max_length=60, blank=True,
                           choices=LegalStep.choices,
                           help_text=_("Lets the legal checks recognise the activity."))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start = models.DateField(_("date"))
    end = models.DateField(_("end date"), null=True, blank=True)
    date_uncertain = models.BooleanField(_("date uncertain"), default=False)
    responsible = models.ForeignKey(Body, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="activities", verbose_name=_("responsible"))
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, null=True,
                              related_name="activities", verbose_name=_("phase"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.DEADLINE)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PLANNED)
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="activities", verbose_name=_("meeting"))
    budget_version = models.ForeignKey(
        BudgetVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("budget version produced"),
        help_text=_("The budget version this activity delivers or decides, if any."),
    )
    depends_on = models.ManyToManyField("self", symmetrical=False, blank=True,
                                        related_name="dependants",
                                        verbose_name=_("depends on"))
    notes = models.TextField(_("notes and evaluation"), blank=True)
    origin = models.CharField(max_length=80, blank=True, editable=False,
                              help_text="The template row or last year's activity it came from.")

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[depends_on])

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    @property
    def due(self) -> date:
        return self.end or self.start

    def status_on(self, today: date) -> str:
        """The stored status, or late when the activity is past due and not done."""
        if self.status not in (self.Status.DONE, self.Status.LATE) and self.due < today:
            return self.Status.LATE
        return self.status


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A secret address that calendar programs subscribe to; revoking it stops the feed."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="calendar_feeds")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="calendar_feeds", verbose_name=_("body"),
                             help_text=_("Only this body's activities; empty for all."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True,
                             blank=True, related_name="+", verbose_name=_("person"),
                             help_text=_("Only the activities of the bodies this person is a "
                                         "contact for."))
    token = models.CharField(max_length=64, unique=True, default=new_feed_token,
                             editable=False)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.body or self.user or self.municipality)


class ReminderSent(models.Model):
    """One reminder e-mail to one person on one day, so a second run that day sends none."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    sent_on = models.DateField()
    activities = models.PositiveSmallIntegerField()

    objects = TenantQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user", "sent_on"],
                                    name="one_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.sent_on}"


class ReminderSetting(models.Model):
    """How many days before an activity of a kind falls due its contacts are reminded."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Activity.Kind.choices)
    lead_days = models.PositiveSmallIntegerField(_("days before"))

    objects = TenantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]
        verbose_name = _("reminder setting")
        verbose_name_plural = _("reminder settings")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "kind"],
                                    name="one_reminder_setting_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.lead_days}"
