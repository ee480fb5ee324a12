"""The community plan (kommuneplanens samfunnsdel): vision, focus areas and goals, written
once and referred to from the scorecards; and the municipality's perspectives."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.history import recent_changes
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view
from styringshjul.scorecards.forms import (
    CommunityGoalForm,
    CommunityPlanForm,
    FocusAreaForm,
    PerspectiveForm,
)
from styringshjul.scorecards.models import CommunityGoal, CommunityPlan, FocusArea, Perspective
from styringshjul.scorecards.services import ensure_perspectives
from styringshjul.scorecards.views import scorecards_crumb

SET_UP = "scorecards.set_up_year"


def _goals_url(municipality: Municipality) -> str:
    return reverse("community_goals", args=[municipality.number])


def _goals_crumbs(municipality: Municipality) -> list[dict]:
    return crumbs(municipality, scorecards_crumb(municipality),
                  (_("Community plan"), _goals_url(municipality)))


def _plan_changes(municipality: Municipality, plans: list[CommunityPlan]) -> list:
    areas = FocusArea.history.filter(plan_id__in=[plan.pk for plan in plans])
    return recent_changes(
        CommunityPlan.history.filter(municipality_id=municipality.pk), areas,
        CommunityGoal.history.filter(
            focus_area_id__in=list(areas.values_list("id", flat=True).distinct())))


@municipality_view()
def community_goals(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    plans = list(CommunityPlan.objects.for_municipality(municipality).prefetch_related(
        "focus_areas__goals__scorecards__unit", "focus_areas__goals__scorecards__service_area",
        "focus_areas__goals__success_factors__scorecard"))
    return render(request, "scorecards/goals.html", {
        "plans": plans, "can_edit": request.user.has_perm(SET_UP, municipality),
        "changes": _plan_changes(municipality, plans),
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality)),
    })


def _save_page(request, form, title: str, done: str, municipality: Municipality,
               template: str = "org/form.html", **extra) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, done)
        return redirect(_goals_url(municipality))
    return render(request, template, {
        "form": form, "title": title, "cancel_url": _goals_url(municipality),
        "breadcrumbs": _goals_crumbs(municipality), **extra})


@municipality_view(SET_UP)
def plan_edit(request: HttpRequest, municipality: Municipality,
              plan_pk: int | None = None) -> HttpResponse:
    plan = get_object_or_404(CommunityPlan.objects.for_municipality(municipality),
                             pk=plan_pk) if plan_pk else CommunityPlan(municipality=municipality)
    form = CommunityPlanForm(request.POST or None, instance=plan, municipality=municipality)
    title = _("Edit the community plan") if plan.pk else _("New community plan")
    return _save_page(request, form, title, _("The community plan was saved."), municipality)


def _plan(municipality: Municipality, plan_pk: int) -> CommunityPlan:
    return get_object_or_404(CommunityPlan.objects.for_municipality(municipality), pk=plan_pk)


@municipality_view(SET_UP)
def focus_area_create(request: HttpRequest, municipality: Municipality,
                      plan_pk: int) -> HttpResponse:
    plan = _plan(municipality, plan_pk)
    form = FocusAreaForm(request.POST or None, plan=plan)
    return _save_page(request, form, _("New focus area in %(plan)s") % {"plan": plan},
                      _("The focus area was saved."), municipality)


@municipality_view(SET_UP)
def focus_area_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    area = get_object_or_404(FocusArea.objects.select_related("plan"), pk=pk,
                             plan__municipality=municipality)
    form = FocusAreaForm(request.POST or None, instance=area, plan=area.plan)
    return _save_page(request, form, _("Edit focus area"), _("The focus area was saved."),
                      municipality)


@municipality_view(SET_UP)
def goal_create(request: HttpRequest, municipality: Municipality, plan_pk: int) -> HttpResponse:
    plan = _plan(municipality, plan_pk)
    form = CommunityGoalForm(request.POST or None, plan=plan,
                             initial={"focus_area": request.GET.get("focus_area")})
    return _save_page(request, form, _("New goal in %(plan)s") % {"plan": plan},
                      _("The goal was saved."), municipality)


@municipality_view(SET_UP)
def goal_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    goal = get_object_or_404(CommunityGoal.objects.select_related("focus_area__plan"), pk=pk,
                             focus_area__plan__municipality=municipality)
    form = CommunityGoalForm(request.POST or None, instance=goal, plan=goal.focus_area.plan)
    return _save_page(request, form, _("Edit goal"), _("The goal was saved."), municipality,
                      "scorecards/goal_form.html", goal=goal,
                      changes=recent_changes(goal.history.all()))


# Perspectives ------------------------------------------------------------------------------


def _perspectives_url(municipality: Municipality) -> str:
    return reverse("perspectives", args=[municipality.number])


@municipality_view(SET_UP)
def perspectives(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """Rename, reorder and add the perspectives every scorecard of the municipality uses."""
    ensure_perspectives(municipality)
    form = PerspectiveForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The perspective was added."))
        return redirect(_perspectives_url(municipality))
    return render(request, "scorecards/perspectives_form.html", {
        "form": form, "perspectives": Perspective.objects.for_municipality(municipality),
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality)),
    })


@municipality_view(SET_UP)
def perspective_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    perspective = get_object_or_404(Perspective.objects.for_municipality(municipality), pk=pk)
    form = PerspectiveForm(request.POST or None, instance=perspective, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The perspective was saved."))
        return redirect(_perspectives_url(municipality))
    return render(request, "org/form.html", {
        "form": form, "title": _("Edit perspective"),
        "cancel_url": _perspectives_url(municipality),
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality),
                              (_("Perspectives"), _perspectives_url(municipality))),
    })
