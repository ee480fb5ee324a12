from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.org import queries
from styringshjul.org.breadcrumbs import crumbs, people_crumb
from styringshjul.org.history import recent_changes
from styringshjul.org.models import Membership, Municipality
from styringshjul.org.people_forms import MembershipForm
from styringshjul.org.tenancy import municipality_view


@municipality_view("org.view_people")
def people(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    memberships = queries.people_of(municipality)
    return render(request, "org/people.html", {
        "memberships": memberships,
        "can_change": request.user.has_perm("org.change_people", municipality),
        "changes": recent_changes(Membership.history.filter(municipality=municipality)),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view("org.change_people")
def membership_edit(
    request: HttpRequest, municipality: Municipality, pk: int | None = None
) -> HttpResponse:
    membership = (
        get_object_or_404(Membership.objects.for_municipality(municipality), pk=pk)
        if pk else Membership(municipality=municipality)
    )
    form = MembershipForm(request.POST or None, instance=membership, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The role was saved."))
        return redirect("people", municipality.number)
    return render(request, "org/membership_form.html", {
        "form": form,
        "membership": membership if pk else None,
        "title": _("Edit role") if pk else _("Give someone a role"),
        "cancel_url": reverse("people", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, people_crumb(municipality)),
    })


@municipality_view("org.change_people")
@require_POST
def membership_delete(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.for_municipality(municipality), pk=pk)
    membership.delete()
    messages.success(request, _("The role was removed."))
    return redirect("people", municipality.number)
