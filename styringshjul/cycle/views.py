from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.cycle import queries
from styringshjul.cycle.checks import check_cycle
from styringshjul.cycle.forms import ActivityForm, CycleForm, MeetingForm, TemplateForm
from styringshjul.cycle.legal_rules import ERROR
from styringshjul.cycle.models import Activity, AnnualCycle, DefaultPhase, Meeting
from styringshjul.cycle.services import (
    apply_template,
    cycle_for,
    ensure_phases,
    move_meeting,
    roll_to_next_year,
)
from styringshjul.cycle.wheel_files import SIZES
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

CHANGE = "cycle.change_cycle"


def _cycle_crumb(municipality: Municipality, year: int) -> tuple[str, str]:
    return _("Annual cycle %(year)s") % {"year": year}, reverse(
        "cycle_year", args=[municipality.number, year])


@municipality_view()
def cycle(request: HttpRequest, municipality: Municipality, year: int | None = None):
    year = year or date.today().year
    found = AnnualCycle.objects.for_municipality(municipality).filter(year=year).first()
    today = date.today()
    activities = list(queries.activities_of(municipality, year))
    findings = check_cycle(found) if found else []
    for activity in activities:
        activity.status_now = activity.status_on(today)
    return render(request, "cycle/cycle.html", {
        "year": year, "cycle": found,
        "months": queries.by_month(activities),
        "findings": findings,
        "has_error": any(f.severity == ERROR for f in findings),
        "can_change": request.user.has_perm(CHANGE, municipality),
        "template_form": TemplateForm(),
        "sizes": sorted(SIZES),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view(CHANGE)
def activity_edit(request: HttpRequest, municipality: Municipality, year: int,
                  pk: int | None = None) -> HttpResponse:
    if pk:
        activity = get_object_or_404(Activity.objects.for_municipality(municipality), pk=pk,
                                     cycle__year=year)
    else:
        phases = ensure_phases(municipality)
        activity = Activity(municipality=municipality, cycle=cycle_for(municipality, year),
                            phase=phases.get(DefaultPhase.BUDGET))
    form = ActivityForm(request.POST or None, instance=activity, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The activity was saved."))
        return redirect("cycle_year", municipality.number, year)
    return render(request, "cycle/activity_form.html", {
        "form": form, "activity": activity if pk else None, "year": year,
        "title": _("Edit activity") if pk else _("New activity"),
        "cancel_url": reverse("cycle_year", args=[municipality.number, year]),
        "breadcrumbs": crumbs(municipality, _cycle_crumb(municipality, year)),
    })


@municipality_view(CHANGE)
@require_POST
def activity_delete(request: HttpRequest, municipality: Municipality, year: int,
                    pk: int) -> HttpResponse:
    get_object_or_404(Activity.objects.for_municipality(municipality), pk=pk).delete()
    messages.success(request, _("The activity was deleted."))
    return redirect("cycle_year", municipality.number, year)


@municipality_view()
def meetings(request: HttpRequest, municipality: Municipality, year: int) -> HttpResponse:
    can_change = request.user.has_perm(CHANGE, municipality)
    form = MeetingForm(request.POST or None, municipality=municipality)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            form.instance.municipality = municipality
            form.save()
            messages.success(request, _("The meeting was booked."))
            return redirect("cycle_meetings", municipality.number, year)
    plan = (Meeting.objects.for_municipality(municipality).filter(date__year=year)
            .select_related("body").order_by("body__name", "date"))
    return render(request, "cycle/meetings.html", {
        "year": year, "meetings": plan, "form": form, "can_change": can_change,
        "breadcrumbs": crumbs(municipality, _cycle_crumb(municipality, year)),
    })


@municipality_view(CHANGE)
def meeting_move(request: HttpRequest, municipality: Municipality, year: int,
                 pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.for_municipality(municipality), pk=pk)
    old_date = meeting.date
    form = MeetingForm(request.POST or None, instance=meeting, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        new_date = form.cleaned_data["date"]
        meeting.date = old_date
        moved = move_meeting(meeting, new_date)
        form.save()
        messages.success(request, _("The meeting was moved; %(count)s activities moved with "
                                    "it.") % {"count": moved})
        return redirect("cycle_year", municipality.number, year)
    return render(request, "cycle/form.html", {
        "form": form, "title": _("Move meeting"),
        "cancel_url": reverse("cycle_meetings", args=[municipality.number, year]),
        "breadcrumbs": crumbs(municipality, _cycle_crumb(municipality, year)),
    })


@municipality_view(CHANGE)
@require_POST
def template_apply(request: HttpRequest, municipality: Municipality, year: int):
    form = TemplateForm(request.POST)
    if form.is_valid():
        result = apply_template(municipality, year, form.cleaned_data["template"])
        messages.success(request, _("%(created)s activities created, %(updated)s updated.")
                         % {"created": result.created, "updated": result.updated})
    return redirect("cycle_year", municipality.number, year)


@municipality_view(CHANGE)
@require_POST
def roll(request: HttpRequest, municipality: Municipality, year: int) -> HttpResponse:
    source = get_object_or_404(AnnualCycle.objects.for_municipality(municipality), year=year)
    result = roll_to_next_year(source)
    messages.success(request, _("%(created)s activities created, %(updated)s updated.")
                     % {"created": result.created, "updated": result.updated})
    return redirect("cycle_year", municipality.number, year + 1)


@municipality_view(CHANGE)
def cycle_settings(request: HttpRequest, municipality: Municipality, year: int) -> HttpResponse:
    """Publish the cycle, and write its evaluation (seed 001: in January/February)."""
    form = CycleForm(request.POST or None, instance=cycle_for(municipality, year))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The annual cycle was saved."))
        return redirect("cycle_year", municipality.number, year)
    return render(request, "cycle/form.html", {
        "form": form, "title": _("Publish and evaluate the annual cycle %(year)s")
        % {"year": year},
        "cancel_url": reverse("cycle_year", args=[municipality.number, year]),
        "breadcrumbs": crumbs(municipality, _cycle_crumb(municipality, year)),
    })
