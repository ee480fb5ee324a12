"""A plan's settings (opening balances, growth rates, demographic drivers) and its
consequence-adjusted baseline."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from styringshjul.budget.baseline import (
    NoStartingBudget,
    baseline_years,
    compute_baseline,
    current_baseline,
    starting_version,
)
from styringshjul.budget.models import DemographicDriver, EconomicPlan
from styringshjul.budget.plan_forms import DriverForm, PlanForm, PlanYearFormSet
from styringshjul.budget.version_views import budget_crumb
from styringshjul.lib.money import format_kroner
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


def plan_of(municipality: Municipality, first_year: int) -> EconomicPlan:
    return get_object_or_404(EconomicPlan.objects.for_municipality(municipality),
                             first_year=first_year)


def settings_url(plan: EconomicPlan) -> str:
    return reverse("budget_plan_settings", args=[plan.municipality.number, plan.first_year])


def _crumbs(plan: EconomicPlan, *extra: tuple[str, str]) -> list[dict]:
    return crumbs(plan.municipality, budget_crumb(plan.municipality), *extra)


@municipality_view("budget.run_process")
def plan_settings(request: HttpRequest, municipality: Municipality, first_year: int
                  ) -> HttpResponse:
    plan = plan_of(municipality, first_year)
    action = request.POST.get("action") if request.method == "POST" else None
    data = request.POST if action else None
    forms = {
        "plan": PlanForm(data if action == "plan" else None, instance=plan, prefix="plan"),
        "years": PlanYearFormSet(data if action == "years" else None, prefix="years",
                                 queryset=plan.plan_years.filter(year__in=plan.year_range)),
        "driver": DriverForm(data if action == "driver" else None, plan=plan,
                             prefix="driver"),
    }
    form = forms.get(action)
    if form is not None and form.is_valid() and _save(form):
        messages.success(request, SAVED[action])
        return redirect(settings_url(plan))
    return render(request, "budget/plan_settings.html", {
        "plan": plan, "plan_form": forms["plan"], "year_forms": forms["years"],
        "driver_form": forms["driver"],
        "drivers": plan.drivers.select_related("service_area"),
        "breadcrumbs": _crumbs(plan),
    })


SAVED = {
    "plan": gettext_lazy("The plan's opening balances were saved."),
    "years": gettext_lazy("The growth rates were saved."),
    "driver": gettext_lazy("The demographic driver was added."),
}


def _save(form) -> bool:
    """False when the plan was changed by someone else meanwhile (the form says so)."""
    return form.save() is not None


@municipality_view("budget.run_process")
def driver_edit(request: HttpRequest, municipality: Municipality, first_year: int, pk: int
                ) -> HttpResponse:
    plan = plan_of(municipality, first_year)
    driver = get_object_or_404(DemographicDriver, plan=plan, pk=pk)
    form = DriverForm(request.POST or None, instance=driver, plan=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The demographic driver was saved."))
        return redirect(settings_url(plan))
    return render(request, "budget/plan_driver_form.html", {
        "form": form, "title": _("Edit %(driver)s") % {"driver": driver.driver},
        "cancel_url": settings_url(plan),
        "breadcrumbs": _crumbs(plan, (_("Settings of %(plan)s") % {"plan": plan},
                                      settings_url(plan))),
    })


@require_POST
@municipality_view("budget.run_process")
def driver_delete(request: HttpRequest, municipality: Municipality, first_year: int, pk: int
                  ) -> HttpResponse:
    plan = plan_of(municipality, first_year)
    get_object_or_404(DemographicDriver, plan=plan, pk=pk).delete()
    messages.success(request, _("The demographic driver was deleted."))
    return redirect(settings_url(plan))


@municipality_view()
def baseline(request: HttpRequest, municipality: Municipality, first_year: int
             ) -> HttpResponse:
    plan = plan_of(municipality, first_year)
    can_run = request.user.has_perm("budget.run_process", municipality)
    if request.method == "POST":
        if not can_run:
            raise PermissionDenied
        return _compute(request, plan)
    version = current_baseline(plan)
    return render(request, "budget/baseline.html", {
        "plan": plan, "version": version,
        "years": baseline_years(version) if version else [],
        "starting": starting_version(plan) if version is None else version.based_on,
        "can_run": can_run,
        "breadcrumbs": _crumbs(plan),
    })


def _compute(request: HttpRequest, plan: EconomicPlan) -> HttpResponse:
    try:
        version = compute_baseline(plan, user=request.user)
    except NoStartingBudget as error:
        messages.error(request, str(error))
    else:
        gap = sum(row.amount for row in version.adjustments.filter(year=plan.first_year))
        messages.success(request, _(
            "«%(name)s» was computed from «%(start)s»: %(gap)s kroner in %(year)s before "
            "measures, with income unchanged.") % {
                "name": version.name, "start": version.based_on, "year": plan.first_year,
                "gap": format_kroner(gap)})
    return redirect("budget_baseline", plan.municipality.number, plan.first_year)
