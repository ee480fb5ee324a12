"""Reminders: each contact person of a body hears, by e-mail, of the body's activities
that fall due within the lead time for their kind, and of those that are late."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.cycle.lead_times import lead_days_for
from styringshjul.cycle.models import Activity, ReminderSent
from styringshjul.org.models import Municipality


@dataclass
class Reminder:
    user: object
    due_soon: list[Activity] = field(default_factory=list)
    late: list[Activity] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.due_soon) + len(self.late)


def reminders_for(municipality: Municipality, today: date,
                  lead_days: dict[str, int] | None = None) -> list[Reminder]:
    """One reminder per contact person with an e-mail address, with what concerns them.

    Lead days come from the municipality's settings; `lead_days` overrides them for a run.
    """
    lead = {**lead_days_for(municipality), **(lead_days or {})}
    horizon = today + timedelta(days=max(lead.values()))
    activities = (Activity.objects.for_municipality(municipality)
                  .exclude(status=Activity.Status.DONE)
                  .filter(start__lte=horizon, responsible__isnull=False)
                  .select_related("responsible", "cycle")
                  .prefetch_related("responsible__contacts")
                  .order_by("start"))
    by_user: dict[int, Reminder] = {}
    for activity in activities:
        late = activity.due < today
        if not late and activity.due > today + timedelta(days=lead.get(activity.kind, 7)):
            continue
        for user in activity.responsible.contacts.all():
            if not user.email:
                continue
            reminder = by_user.setdefault(user.pk, Reminder(user))
            (reminder.late if late else reminder.due_soon).append(activity)
    return list(by_user.values())


def send_reminders(municipality: Municipality, today: date, *, base_url: str = "",
                   lead_days: dict[str, int] | None = None,
                   dry_run: bool = False) -> list[Reminder]:
    """Send today's reminders; a person already reminded today is skipped."""
    sent = []
    already = set(ReminderSent.objects.for_municipality(municipality)
                  .filter(sent_on=today).values_list("user_id", flat=True))
    for reminder in reminders_for(municipality, today, lead_days):
        if reminder.user.pk in already:
            continue
        if not dry_run and not _send(municipality, reminder, today, base_url):
            continue
        sent.append(reminder)
    return sent


def _send(municipality: Municipality, reminder: Reminder, today: date, base_url: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(municipality=municipality, user=reminder.user,
                                        sent_on=today, activities=reminder.count)
            _message(municipality, reminder, today, base_url).send()
    except IntegrityError:  # another run reminded this person today
        return False
    return True


def _message(municipality: Municipality, reminder: Reminder, today: date,
             base_url: str) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(municipality)s: %(count)d activities in the annual cycle need you") % {
            "municipality": municipality.name, "count": reminder.count}
        body = render_to_string("cycle/reminder_email.txt", {
            "reminder": reminder, "municipality": municipality, "today": today,
            "base_url": base_url.rstrip("/"),
        })
    return EmailMessage(subject, body, to=[reminder.user.email])
