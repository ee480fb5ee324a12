"""The bodies and roles that carry the cycle's activities, and who is reminded for each."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.cycle.models import Body
from styringshjul.cycle.services import ensure_bodies
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.forms import DesignsystemetForm
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


class BodyForm(DesignsystemetForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "contacts"]
        widgets = {"contacts": forms.CheckboxSelectMultiple}

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = (
            get_user_model().objects.filter(memberships__municipality=municipality)
            .distinct().order_by("first_name", "last_name")
        )
        self.fields["contacts"].label_from_instance = _contact_label


def _contact_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    return f"{name} ({user.email})" if user.email else f"{name} – " + _("no e-mail address")


def _cycle_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Annual cycle"), reverse("cycle", args=[municipality.number])


@municipality_view()
def bodies(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    ensure_bodies(municipality)
    return render(request, "cycle/bodies.html", {
        "bodies": Body.objects.for_municipality(municipality).prefetch_related("contacts"),
        "can_change": request.user.has_perm("cycle.change_cycle", municipality),
        "breadcrumbs": crumbs(municipality, _cycle_crumb(municipality)),
    })


@municipality_view("cycle.change_cycle")
def body_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    body = get_object_or_404(Body.objects.for_municipality(municipality), pk=pk)
    form = BodyForm(request.POST or None, instance=body, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The body was saved."))
        return redirect("cycle_bodies", municipality.number)
    return render(request, "org/form.html", {
        "form": form,
        "title": _("Edit %(body)s") % {"body": body},
        "cancel_url": reverse("cycle_bodies", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, _cycle_crumb(municipality)),
    })
