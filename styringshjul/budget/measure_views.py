"""Measures (tiltak): the plan's list, proposing and editing, one measure's page, and which
measures a version includes and in what order; the version's frames."""

import hashlib
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.budget.frames import frame_report, frames_from_proposal
from styringshjul.budget.measure_forms import FramesForm, MeasureForm
from styringshjul.budget.measures import HORIZONS, effect, horizon, set_included, set_ranks
from styringshjul.budget.models import (
    BudgetVersion,
    EconomicPlan,
    Measure,
    MeasureKind,
    MeasureStatus,
    MeasureYear,
)
from styringshjul.budget.version_views import visible_version
from styringshjul.budget.versions import ProcessError
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.locking import STALE_MESSAGE
from styringshjul.org.models import Municipality, ServiceArea
from styringshjul.org.org_map import OrgMap
from styringshjul.org.tenancy import municipality_view


def version_url(version: BudgetVersion) -> str:
    """The version's own page, or its measures while the version pages are not wired."""
    try:
        return reverse("budget_version", args=[version.municipality.number, version.pk])
    except NoReverseMatch:
        return reverse("budget_version_measures", args=[version.municipality.number, version.pk])


def plan_crumb(plan: EconomicPlan) -> tuple[str, str]:
    return (_("Measures %(first)s–%(last)s") % {"first": plan.first_year, "last": plan.last_year},
            reverse("budget_measures", args=[plan.municipality.number, plan.first_year]))


def version_crumb(version: BudgetVersion) -> tuple[str, str]:
    return str(version), version_url(version)


def _plan(municipality: Municipality, first_year: int) -> EconomicPlan:
    return get_object_or_404(EconomicPlan.objects.for_municipality(municipality),
                             first_year=first_year)


def _with_years(measures):
    return (measures.select_related("unit", "service_area", "project")
            .prefetch_related(Prefetch("measure_years", queryset=MeasureYear.objects.all())))


def _amount_row(measure: Measure, years) -> list[MeasureYear | None]:
    rows = {row.year: row for row in measure.measure_years.all()}
    return [rows.get(year) for year in years]


@municipality_view()
def measures_index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    plan = EconomicPlan.objects.for_municipality(municipality).order_by("-first_year").first()
    if plan is None:
        raise Http404
    return redirect("budget_measures", municipality.number, plan.first_year)


@municipality_view()
def measure_list(request: HttpRequest, municipality: Municipality, first_year: int
                 ) -> HttpResponse:
    plan = _plan(municipality, first_year)
    measures = _with_years(Measure.objects.for_municipality(municipality).filter(plan=plan))
    chosen = {key: request.GET.get(key, "") for key in ("kind", "status", "area")}
    if chosen["kind"] in MeasureKind.values:
        measures = measures.filter(kind=chosen["kind"])
    if chosen["status"] in MeasureStatus.values:
        measures = measures.filter(status=chosen["status"])
    if chosen["area"].isdigit():
        measures = measures.filter(service_area_id=int(chosen["area"]))
    years = list(plan.year_range)
    rows = [{"measure": m, "horizon": horizon(m.kind), "years": _amount_row(m, years)}
            for m in measures]
    return render(request, "budget/measure_list.html", {
        "plan": plan, "years": years, "rows": rows, "totals": _operating_totals(rows, years),
        "by_horizon": [(name, _operating_totals([r for r in rows if r["horizon"] == name],
                                                years)) for name in HORIZONS],
        "chosen": chosen,
        "kinds": MeasureKind.choices, "statuses": MeasureStatus.choices,
        "areas": ServiceArea.objects.for_municipality(municipality),
        "can_propose": request.user.has_perm("budget.propose_measure", municipality),
        "breadcrumbs": crumbs(municipality),
    })


def _operating_totals(rows: list[dict], years: list[int]) -> list[Decimal]:
    return [sum((row["years"][i].operating for row in rows if row["years"][i]), Decimal(0))
            for i in range(len(years))]


@municipality_view()
def measure_detail(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    measure = get_object_or_404(
        _with_years(Measure.objects.for_municipality(municipality)), pk=pk)
    choices = [choice for choice in measure.in_versions.select_related("version__party")
               .order_by("version__created_at", "version__pk")
               if request.user.has_perm("budget.view_version", choice.version)]
    history = measure.history.select_related("history_user").order_by("-history_date")[:50]
    return render(request, "budget/measure_detail.html", {
        "measure": measure, "horizon": horizon(measure.kind),
        "years": measure.measure_years.all(), "choices": choices, "history": history,
        "can_change": request.user.has_perm("budget.change_measure", measure),
        "breadcrumbs": crumbs(municipality, plan_crumb(measure.plan)),
    })


@municipality_view("budget.propose_measure")
def measure_create(request: HttpRequest, municipality: Municipality, first_year: int
                   ) -> HttpResponse:
    plan = _plan(municipality, first_year)
    return _measure_form(request, Measure(municipality=municipality, plan=plan),
                         _("New measure"))


@municipality_view()
def measure_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    measure = get_object_or_404(
        Measure.objects.for_municipality(municipality).select_related("plan"), pk=pk)
    if not request.user.has_perm("budget.change_measure", measure):
        raise PermissionDenied
    return _measure_form(request, measure, _("Edit %(measure)s") % {"measure": measure})


def _measure_form(request: HttpRequest, measure: Measure, title: str) -> HttpResponse:
    municipality, plan = measure.municipality, measure.plan
    form = MeasureForm(request.POST or None, instance=measure, plan=plan, user=request.user,
                       may_decide=request.user.has_perm("budget.run_process", municipality))
    if request.method == "POST" and form.is_valid() and form.save() is not None:
        messages.success(request, _("%(measure)s was saved.") % {"measure": measure})
        return redirect("budget_measure", municipality.number, measure.pk)
    cancel = (reverse("budget_measure", args=[municipality.number, measure.pk]) if measure.pk
              else reverse("budget_measures", args=[municipality.number, plan.first_year]))
    return render(request, "budget/measure_form.html", {
        "form": form, "title": title, "cancel_url": cancel, "plan": plan,
        "breadcrumbs": crumbs(municipality, plan_crumb(plan)),
    })


def choices_fingerprint(choices: dict) -> str:
    """What the version's choices were when the page was shown: saving over someone else's
    later choices is refused."""
    state = sorted((pk, c.included, c.rank or 0) for pk, c in choices.items())
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16]


@municipality_view()
def version_measures(request: HttpRequest, municipality: Municipality, pk: int
                     ) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    can_change = request.user.has_perm("budget.change_version", version)
    if version.plan is None:
        raise Http404
    measures = list(_with_years(Measure.objects.for_municipality(municipality)
                                .filter(plan=version.plan)))
    choices = {c.measure_id: c for c in version.version_measures.all()}
    typed = None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if request.POST.get("seen") == choices_fingerprint(choices):
            try:
                return _save_choices(request, version, measures, choices)
            except ProcessError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("budget_version_measures", municipality.number, version.pk)
        messages.error(request, STALE_MESSAGE)
        typed = request.POST
    return render(request, "budget/measure_version.html",
                  _version_measures_context(request, version, measures, choices, typed))


def _version_measures_context(request, version: BudgetVersion, measures: list[Measure],
                              choices: dict, typed) -> dict:
    years = list(version.year_range)
    rows = []
    for m in measures:
        choice = choices.get(m.pk)
        row = {"measure": m, "horizon": horizon(m.kind), "effect": list(effect(m, years).values()),
               "included": bool(choice and choice.included), "rank": choice and choice.rank}
        if typed is not None:
            row["typed_included"] = typed.get(f"include_{m.pk}") == "on"
            row["typed_rank"] = typed.get(f"rank_{m.pk}", "")
        rows.append(row)
    rows.sort(key=lambda row: (not row["rank"], row["rank"] or 0, row["measure"].number))
    totals = dict(version.lines.values_list("year").annotate(total=Sum("amount")).order_by())
    included = [sum((row["effect"][i] for row in rows if row["included"]), Decimal(0))
                for i in range(len(years))]
    return {
        "version": version, "years": years, "rows": rows, "typed": typed is not None,
        "can_change": request.user.has_perm("budget.change_version", version),
        "seen": choices_fingerprint(choices), "included": included,
        "totals": [totals.get(year, Decimal(0)) for year in years],
        "base": [totals.get(year, Decimal(0)) - included[i] for i, year in enumerate(years)],
        "version_url": version_url(version),
        "breadcrumbs": crumbs(version.municipality, version_crumb(version)),
    }


def _save_choices(request: HttpRequest, version: BudgetVersion, measures: list[Measure],
                  choices: dict) -> HttpResponse:
    ranked, errors = [], []
    with transaction.atomic():
        _apply_choices(request, version, measures, choices, ranked, errors)
        set_ranks(version, [pk for _rank, _number, pk in sorted(ranked)], user=request.user)
    for error in errors:
        messages.warning(request, error)
    messages.success(request, _("The measures of «%(version)s» were saved.")
                     % {"version": version})
    return redirect("budget_version_measures", version.municipality.number, version.pk)


def _apply_choices(request: HttpRequest, version: BudgetVersion, measures: list[Measure],
                   choices: dict, ranked: list, errors: list) -> None:
    for measure in measures:
        wanted = request.POST.get(f"include_{measure.pk}") == "on"
        current = choices.get(measure.pk)
        if wanted != (current is not None and current.included):
            set_included(version, measure, wanted, user=request.user)
        rank = request.POST.get(f"rank_{measure.pk}", "").strip()
        if rank.isdigit():
            ranked.append((int(rank), measure.number, measure.pk))
        elif rank:
            errors.append(_("The rank of %(measure)s is not a whole number; it was left "
                            "out.") % {"measure": measure})


@municipality_view()
def frames(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    org = OrgMap(municipality)
    reports = [frame_report(version, year, org) for year in version.year_range]
    return render(request, "budget/frames.html", {
        "version": version, "reports": reports,
        "can_change": request.user.has_perm("budget.change_version", version),
        "breadcrumbs": crumbs(municipality, version_crumb(version)),
    })


@municipality_view()
def frames_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = _changeable_version(request, municipality, pk)
    form = FramesForm(request.POST or None, version=version,
                      areas=ServiceArea.objects.for_municipality(municipality))
    if request.method == "POST" and form.is_valid() and form.save():
        messages.success(request, _("The frames were saved."))
        return redirect("budget_frames", municipality.number, version.pk)
    return render(request, "budget/frames_form.html", {
        "form": form, "version": version, "years": list(version.year_range),
        "title": _("Frames of %(version)s") % {"version": version},
        "cancel_url": reverse("budget_frames", args=[municipality.number, version.pk]),
        "breadcrumbs": crumbs(municipality, version_crumb(version)),
    })


@require_POST
@municipality_view()
def frames_copy(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = _changeable_version(request, municipality, pk)
    frames_from_proposal(version)
    messages.success(request, _("Each area's frame is now what the version proposes for it."))
    return redirect("budget_frames", municipality.number, version.pk)


def _changeable_version(request: HttpRequest, municipality: Municipality, pk: int
                        ) -> BudgetVersion:
    version = visible_version(request, municipality, pk)
    if not request.user.has_perm("budget.change_version", version):
        raise PermissionDenied
    return version

