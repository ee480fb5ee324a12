"""Finance keeps the period profiles that spread annual budgets over the periods."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.budget.models import PeriodProfile
from styringshjul.budget.period_profiles import (
    builtin_profiles,
    cumulative_share,
    decimal_weights,
    effective_profiles,
)
from styringshjul.budget.profile_forms import MONTHS, PeriodProfileForm
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


def profiles_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Period profiles"), reverse("period_profiles", args=[municipality.number])


@municipality_view()
def profiles(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    rows = []
    for profile in effective_profiles(municipality):
        weights = decimal_weights(profile)
        total = sum(weights)
        rows.append({
            "profile": profile,
            "shares": [(w / total * 100) for w in weights],
            "builtin_index": next((i for i, b in enumerate(builtin_profiles(municipality))
                                   if profile.pk is None and b.name == profile.name), None),
            "june_to_date": cumulative_share(weights, 6) * 100,
        })
    return render(request, "budget/period_profiles.html", {
        "rows": rows, "months": MONTHS,
        "can_change": request.user.has_perm("org.change_organisation", municipality),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view("org.change_organisation")
def profile_edit(request: HttpRequest, municipality: Municipality, pk: int | None = None
                 ) -> HttpResponse:
    if pk:
        profile = get_object_or_404(PeriodProfile.objects.for_municipality(municipality), pk=pk)
    else:
        profile = _starting_point(municipality, request.GET.get("from"))
    form = PeriodProfileForm(request.POST or None, instance=profile, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The period profile was saved."))
        return redirect("period_profiles", municipality.number)
    return render(request, "budget/period_profile_form.html", {
        "form": form,
        "title": _("Edit %(profile)s") % {"profile": profile} if pk else _("New period profile"),
        "cancel_url": reverse("period_profiles", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, profiles_crumb(municipality)),
    })


def _starting_point(municipality: Municipality, builtin: str | None) -> PeriodProfile:
    """A new profile, or a copy of a built-in one to adjust (it then replaces it)."""
    choices = builtin_profiles(municipality)
    if builtin and builtin.isdigit() and int(builtin) < len(choices):
        return choices[int(builtin)]
    return PeriodProfile(municipality=municipality)


@require_POST
@municipality_view("org.change_organisation")
def profile_delete(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    profile = get_object_or_404(PeriodProfile.objects.for_municipality(municipality), pk=pk)
    profile.delete()
    messages.success(request, _("The period profile was deleted."))
    return redirect("period_profiles", municipality.number)
