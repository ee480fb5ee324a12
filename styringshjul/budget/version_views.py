"""The budget process's front door: the plans and their versions, one version's page, and
the step to the next state."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.version_queries import area_sums, plans_with_versions
from styringshjul.budget.versions import NEXT_STATE, ProcessError, advance, plan_for
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

FIRST_YEAR_RANGE = range(2000, 2101)


def budget_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Budget and economic plan"), reverse("budget_plans", args=[municipality.number])


def version_crumb(version: BudgetVersion) -> tuple[str, str]:
    return version.name, reverse("budget_version",
                                 args=[version.municipality.number, version.pk])


def visible_version(request: HttpRequest, municipality: Municipality, pk: int
                    ) -> BudgetVersion:
    """The municipality's version `pk`, or 404 — also for a party's unpublished
    alternative, so its existence is not revealed."""
    version = get_object_or_404(
        BudgetVersion.objects.for_municipality(municipality).select_related("plan", "party"),
        pk=pk)
    if not request.user.has_perm("budget.view_version", version):
        raise Http404
    return version


@municipality_view()
def plans(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    plan_rows, loose = plans_with_versions(request.user, municipality)
    return render(request, "budget/plans.html", {
        "plans": plan_rows, "loose_versions": loose,
        "can_run": request.user.has_perm("budget.run_process", municipality),
        "breadcrumbs": crumbs(municipality),
    })


@require_POST
@municipality_view("budget.run_process")
def plan_create(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    text = request.POST.get("first_year", "").strip()
    if not text.isdigit() or int(text) not in FIRST_YEAR_RANGE:
        messages.error(request, _("Give the plan's first year as four digits, e.g. 2026."))
        return redirect("budget_plans", municipality.number)
    plan = plan_for(municipality, int(text))
    messages.success(request, _("%(plan)s is ready.") % {"plan": plan})
    return redirect("budget_plans", municipality.number)


@municipality_view()
def version_detail(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    next_state = NEXT_STATE.get(version.state)
    return render(request, "budget/version.html", {
        "version": version,
        "sums": area_sums(version),
        "balance": _balance(version),
        "next_state": next_state.label if next_state else None,
        "can_change": request.user.has_perm("budget.change_version", version),
        "can_run": request.user.has_perm("budget.run_process", municipality),
        "successors": [v for v in version.successors.all()
                       if request.user.has_perm("budget.view_version", v)],
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality)),
    })


def _balance(version: BudgetVersion):
    from styringshjul.budget.balance import balance_panel

    return balance_panel(version)


@require_POST
@municipality_view("budget.run_process")
def version_advance(request: HttpRequest, municipality: Municipality, pk: int
                    ) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    try:
        successor = advance(version, user=request.user)
    except ProcessError as error:
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("budget_version", municipality.number, version.pk)
    messages.success(request, _("«%(name)s» was made from «%(source)s».")
                     % {"name": successor.name, "source": version.name})
    return redirect("budget_version", municipality.number, successor.pk)
