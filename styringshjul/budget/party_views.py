"""Party groups: finance keeps the groups and their members; a party's members make the
party's alternative budget from the proposal or recommendation and decide when to publish
it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.budget.measure_forms import PartyGroupForm
from styringshjul.budget.measure_views import version_url
from styringshjul.budget.models import BudgetVersion, PartyGroup, VersionState
from styringshjul.budget.versions import ProcessError, alternative_for, publish
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

STARTING_POINTS = (VersionState.PROPOSAL, VersionState.RECOMMENDATION)


def _is_member(user, group: PartyGroup) -> bool:
    return group.members.filter(pk=user.pk).exists()


@municipality_view()
def party_groups(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    groups = PartyGroup.objects.for_municipality(municipality).prefetch_related("members")
    versions = BudgetVersion.objects.for_municipality(municipality)
    starting_points = versions.filter(state__in=STARTING_POINTS, plan__isnull=False)
    rows = []
    for group in groups:
        member = any(user.pk == request.user.pk for user in group.members.all())
        alternatives = [v for v in versions.filter(party=group, state=VersionState.ALTERNATIVE)
                        if member or v.published]
        rows.append({"group": group, "member": member,
                     "alternatives": [(v, version_url(v)) for v in alternatives]})
    return render(request, "budget/party_groups.html", {
        "rows": rows, "starting_points": starting_points,
        "can_change": request.user.has_perm("org.change_people", municipality),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view("org.change_people")
def party_group_edit(request: HttpRequest, municipality: Municipality, pk: int | None = None
                     ) -> HttpResponse:
    group = (get_object_or_404(PartyGroup.objects.for_municipality(municipality), pk=pk)
             if pk else PartyGroup(municipality=municipality))
    form = PartyGroupForm(request.POST or None, instance=group, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The party group was saved."))
        return redirect("budget_party_groups", municipality.number)
    return render(request, "budget/party_group_form.html", {
        "form": form,
        "title": _("Edit %(group)s") % {"group": group} if pk else _("New party group"),
        "cancel_url": reverse("budget_party_groups", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, (_("Party groups"),
                                             reverse("budget_party_groups",
                                                     args=[municipality.number]))),
    })


def _own_group(request: HttpRequest, municipality: Municipality, pk: int) -> PartyGroup:
    group = get_object_or_404(PartyGroup.objects.for_municipality(municipality), pk=pk)
    if not _is_member(request.user, group):
        raise PermissionDenied
    return group


@require_POST
@municipality_view()
def party_alternative(request: HttpRequest, municipality: Municipality, pk: int
                      ) -> HttpResponse:
    group = _own_group(request, municipality, pk)
    source = get_object_or_404(BudgetVersion.objects.for_municipality(municipality),
                               pk=request.POST.get("version") or 0)
    if not request.user.has_perm("budget.view_version", source):
        raise Http404
    try:
        alternative = alternative_for(source, group, user=request.user)
    except ProcessError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("budget_party_groups", municipality.number)
    messages.success(request, _("«%(version)s» was made. Only %(group)s sees it until you "
                                "publish it.") % {"version": alternative, "group": group})
    return redirect(version_url(alternative))


@require_POST
@municipality_view()
def party_publish(request: HttpRequest, municipality: Municipality, pk: int, version_pk: int
                  ) -> HttpResponse:
    group = _own_group(request, municipality, pk)
    version = get_object_or_404(
        BudgetVersion.objects.for_municipality(municipality).filter(
            party=group, state=VersionState.ALTERNATIVE), pk=version_pk)
    publish(version)
    messages.success(request, _("«%(version)s» is published: everyone in the municipality "
                                "can see it.") % {"version": version})
    return redirect("budget_party_groups", municipality.number)
