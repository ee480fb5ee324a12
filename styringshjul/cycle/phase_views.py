"""Finance keeps the phases of the municipality's cycle: names, colours and order."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.cycle.forms import PhaseFormSet
from styringshjul.cycle.phase_colours import PALETTE
from styringshjul.cycle.services import ensure_phases
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


@municipality_view("cycle.change_cycle")
def phases(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    ensure_phases(municipality)
    formset = PhaseFormSet(request.POST or None, municipality=municipality)
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, _("The phases were saved."))
        return redirect("cycle_phases", municipality.number)
    return render(request, "cycle/phases.html", {
        "formset": formset, "palette": list(PALETTE),
        "cancel_url": reverse("cycle", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality,
                              (_("Annual cycle"), reverse("cycle", args=[municipality.number]))),
    })
