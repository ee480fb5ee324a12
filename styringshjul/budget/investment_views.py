"""The plan's investment projects: yearly amounts, financing, and what the loans cost in
operations (seed 002: «Kapitalutgifter rammer drift»)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.budget.investment_forms import InvestmentProjectForm
from styringshjul.budget.investments import plan_summary, refresh_lines, sync_measure
from styringshjul.budget.models import EconomicPlan, InvestmentProject
from styringshjul.budget.version_views import budget_crumb
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


def plan_of(municipality: Municipality, first_year: int) -> EconomicPlan:
    return get_object_or_404(EconomicPlan.objects.for_municipality(municipality),
                             first_year=first_year)


def investments_crumb(plan: EconomicPlan) -> tuple[str, str]:
    return (_("Investment projects %(first)s–%(last)s") % {"first": plan.first_year,
                                                            "last": plan.last_year},
            reverse("budget_investments", args=[plan.municipality.number, plan.first_year]))


@municipality_view()
def investments(request: HttpRequest, municipality: Municipality, first_year: int
                ) -> HttpResponse:
    plan = plan_of(municipality, first_year)
    return render(request, "budget/investment_list.html", {
        "plan": plan, "summary": plan_summary(plan),
        "can_run": request.user.has_perm("budget.run_process", municipality),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality)),
    })


@municipality_view("budget.run_process")
def investment_edit(request: HttpRequest, municipality: Municipality, first_year: int,
                    pk: int | None = None) -> HttpResponse:
    plan = plan_of(municipality, first_year)
    project = (get_object_or_404(InvestmentProject.objects.for_municipality(municipality),
                                 plan=plan, pk=pk) if pk else InvestmentProject(plan=plan))
    form = InvestmentProjectForm(request.POST or None, instance=project, plan=plan)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        if saved is not None:
            refresh_lines(sync_measure(saved, user=request.user))
            messages.success(request, _("The investment project was saved."))
            return redirect("budget_investments", municipality.number, plan.first_year)
    return render(request, "budget/investment_form.html", {
        "form": form, "plan": plan,
        "title": (_("Edit %(project)s") % {"project": project}) if pk
        else _("New investment project"),
        "cancel_url": reverse("budget_investments", args=[municipality.number, first_year]),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality),
                              investments_crumb(plan)),
    })
