"""Inquiries (undringer): leadership asks about an indicator or result of a scorecard, the
unit's leader answers. Both sides hear of it by e-mail (in bokmål, with a link), and the open
inquiries addressed to a person are listed for them in the app."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from styringshjul.org.models import Membership, Municipality, Role
from styringshjul.scorecards.models import Indicator, Inquiry, Level, Scorecard
from styringshjul.scorecards.queries import sheet
from styringshjul.scorecards.services import describe_owner

EMAIL_LANGUAGE = "nb"


class AlreadyAnswered(Exception):
    """Someone answered the inquiry while this answer was being written."""


def indicators_of(scorecard: Scorecard) -> list[Indicator]:
    """The indicators an inquiry on this scorecard may be about: its own and the shared."""
    return [row.indicator for row in sheet(scorecard).indicator_rows()]


def recipients(scorecard: Scorecard) -> list:
    """Who answers: the unit's leaders; finance for the areas' and the municipality's."""
    if scorecard.level == Level.UNIT and scorecard.unit_id:
        memberships = Membership.objects.filter(
            municipality_id=scorecard.municipality_id, role=Role.UNIT_LEADER,
            units=scorecard.unit_id)
    else:
        memberships = Membership.objects.filter(municipality_id=scorecard.municipality_id,
                                                role=Role.FINANCE)
    users = get_user_model().objects.filter(
        pk__in=memberships.values("user_id"), is_active=True).order_by("username")
    return list(users)


def ask(scorecard: Scorecard, question: str, *, user, indicator: Indicator | None = None,
        period: str = "", base_url: str = "") -> Inquiry:
    """Record the question and tell the leaders who answer it."""
    if indicator is not None and indicator.pk not in {i.pk for i in indicators_of(scorecard)}:
        raise ValueError("the indicator is not on this scorecard")
    inquiry = Inquiry.objects.create(
        municipality_id=scorecard.municipality_id, scorecard=scorecard, indicator=indicator,
        period=period, question=question.strip(), asked_by=user)
    _notify_recipients(inquiry, base_url)
    return inquiry


def answer(inquiry: Inquiry, text: str, *, user, base_url: str = "") -> Inquiry:
    """Record the answer, who gave it and when, and tell the one who asked. An inquiry is
    answered once: a second answer raises AlreadyAnswered instead of overwriting."""
    now = timezone.now()
    updated = Inquiry.objects.filter(pk=inquiry.pk, answer="").update(
        answer=text.strip(), answered_by=user, answered_at=now)
    if not updated:
        raise AlreadyAnswered
    inquiry.refresh_from_db()
    # `update` bypasses the model's history; save once so the answer is in it.
    inquiry.save()
    _notify_asker(inquiry, base_url)
    return inquiry


def link(inquiry: Inquiry, url_name: str, base_url: str) -> str:
    path = reverse(url_name, args=[inquiry.scorecard.municipality.number, inquiry.pk])
    return base_url.rstrip("/") + path


@dataclass(frozen=True)
class _About:
    owner: str
    indicator: str
    period: str


def _about(inquiry: Inquiry) -> _About:
    return _About(describe_owner(inquiry.scorecard),
                  inquiry.indicator.name if inquiry.indicator_id else "",
                  inquiry.get_period_display() if inquiry.period else "")


def _subject_line(about: _About) -> str:
    if about.indicator:
        return f"{about.owner} – {about.indicator}"
    return about.owner


def _notify_recipients(inquiry: Inquiry, base_url: str) -> None:
    addresses = [user.email for user in recipients(inquiry.scorecard) if user.email]
    if not addresses:
        return
    with translation.override(EMAIL_LANGUAGE):
        about = _about(inquiry)
        subject = _("New inquiry: %(about)s") % {"about": _subject_line(about)}
        body = "\n\n".join(part for part in [
            _("%(person)s asks about the scorecard of %(owner)s for %(year)s.") % {
                "person": _person(inquiry.asked_by), "owner": about.owner,
                "year": inquiry.scorecard.year},
            _indicator_line(about),
            inquiry.question,
            _("Answer it here: %(link)s") % {"link": link(inquiry, "inquiry_answer",
                                                          base_url)},
        ] if part)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)


def _notify_asker(inquiry: Inquiry, base_url: str) -> None:
    asker = inquiry.asked_by
    if asker is None or not asker.email:
        return
    with translation.override(EMAIL_LANGUAGE):
        about = _about(inquiry)
        subject = _("Answered: %(about)s") % {"about": _subject_line(about)}
        body = "\n\n".join(part for part in [
            _("%(person)s has answered your inquiry on the scorecard of %(owner)s.") % {
                "person": _person(inquiry.answered_by), "owner": about.owner},
            _indicator_line(about),
            _("Your question:") + "\n" + inquiry.question,
            _("Answer:") + "\n" + inquiry.answer,
            _("See it here: %(link)s") % {"link": link(inquiry, "inquiry_answer", base_url)},
        ] if part)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [asker.email])


def _indicator_line(about: _About) -> str:
    if not about.indicator:
        return ""
    if about.period:
        return _("Indicator: %(indicator)s (%(period)s)") % {
            "indicator": about.indicator, "period": about.period}
    return _("Indicator: %(indicator)s") % {"indicator": about.indicator}


def _person(user) -> str:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


# Lists


def base_queryset(municipality: Municipality) -> QuerySet:
    return (Inquiry.objects.for_municipality(municipality)
            .select_related("scorecard__unit", "scorecard__service_area",
                            "scorecard__municipality", "indicator", "asked_by",
                            "answered_by"))


def for_scorecard(scorecard: Scorecard) -> QuerySet:
    """The inquiries kept with a scorecard, newest first (for its page and the reports)."""
    return base_queryset(scorecard.municipality).filter(scorecard=scorecard)


def addressed_to(user, municipality: Municipality) -> QuerySet:
    """Inquiries this person is asked to answer: on the units they lead, and — for
    finance — on the service areas' and the municipality's scorecards."""
    if not user.is_authenticated:
        return base_queryset(municipality).none()
    memberships = Membership.objects.filter(user=user, municipality=municipality)
    roles = set(memberships.values_list("role", flat=True))
    led_units = memberships.filter(role=Role.UNIT_LEADER).values("units")
    condition = Q(scorecard__level=Level.UNIT, scorecard__unit__in=led_units)
    if Role.FINANCE in roles:
        condition |= Q(scorecard__level__in=[Level.SERVICE_AREA, Level.MUNICIPALITY])
    return base_queryset(municipality).filter(condition)


def open_only(inquiries: QuerySet) -> QuerySet:
    return inquiries.filter(answer="")


def answered_only(inquiries: QuerySet) -> QuerySet:
    return inquiries.exclude(answer="")


@dataclass(frozen=True)
class Filters:
    """What the list of inquiries is narrowed to; empty means all."""

    state: str = "open"
    area: int | None = None
    unit: int | None = None
    year: int | None = None
    mine: bool = False


STATES = ("open", "answered", "all")


def filtered(municipality: Municipality, filters: Filters, user) -> QuerySet:
    inquiries = addressed_to(user, municipality) if filters.mine else base_queryset(municipality)
    if filters.state == "open":
        inquiries = open_only(inquiries)
    elif filters.state == "answered":
        inquiries = answered_only(inquiries)
    if filters.area is not None:
        inquiries = inquiries.filter(scorecard__service_area_id=filters.area)
    if filters.unit is not None:
        inquiries = inquiries.filter(scorecard__unit_id=filters.unit)
    if filters.year is not None:
        inquiries = inquiries.filter(scorecard__year=filters.year)
    return inquiries
