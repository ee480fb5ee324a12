"""Finance sets, per activity kind, how many days ahead contact persons are reminded."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.cycle.forms import LeadDaysForm
from styringshjul.cycle.lead_times import lead_days_for, save_lead_days
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


@municipality_view("cycle.change_cycle")
def lead_times(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = LeadDaysForm(request.POST or None, lead_days=lead_days_for(municipality))
    if request.method == "POST" and form.is_valid():
        save_lead_days(municipality, form.cleaned_data)
        messages.success(request, _("The reminder lead times were saved."))
        return redirect("cycle_reminder_settings", municipality.number)
    bodies_url = reverse("cycle_bodies", args=[municipality.number])
    return render(request, "org/form.html", {
        "form": form,
        "title": _("Reminder lead times"),
        "cancel_url": bodies_url,
        "breadcrumbs": crumbs(municipality,
                              (_("Annual cycle"), reverse("cycle", args=[municipality.number])),
                              (_("Bodies and roles"), bodies_url)),
    })
