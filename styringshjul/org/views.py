from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.org import queries
from styringshjul.org.breadcrumbs import crumbs, organisation_crumb
from styringshjul.org.forms import (
    ResponsibilityForm,
    ServiceAreaForm,
    UnitDescriptionForm,
    UnitForm,
)
from styringshjul.org.history import recent_changes
from styringshjul.org.models import Municipality, OrgUnit, Responsibility, ServiceArea
from styringshjul.org.navigation import front_page_sections
from styringshjul.org.tenancy import municipality_view


@login_required
def home(request: HttpRequest) -> HttpResponse:
    mine = queries.municipalities_of(request.user)
    if len(mine) == 1:
        return redirect("municipality", mine[0].number)
    return render(request, "org/choose_municipality.html", {"choices": mine})


@login_required
def switch_municipality(request: HttpRequest) -> HttpResponse:
    number = request.GET.get("number", "")
    if number not in {m.number for m in queries.municipalities_of(request.user)}:
        raise Http404
    return redirect("municipality", number)


@municipality_view()
def front_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    return render(
        request,
        "org/front_page.html",
        {
            "period": queries.current_period(),
            "summary": queries.organisation_summary(municipality),
            "sections": front_page_sections(request, municipality),
            "my_roles": request.user.memberships.filter(municipality=municipality).prefetch_related(
                "units"
            ),
        },
    )


@municipality_view()
def organisation(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    return render(
        request,
        "org/organisation.html",
        {
            "tree": queries.organisation_tree(municipality),
            "can_change": request.user.has_perm("org.change_organisation", municipality),
            "changes": recent_changes(
                *(model.history.filter(municipality=municipality)
                  for model in (ServiceArea, OrgUnit, Responsibility)),
                limit=20,
            ),
            "breadcrumbs": crumbs(municipality),
        },
    )


@municipality_view()
def unit_detail(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    unit = get_object_or_404(
        OrgUnit.objects.for_municipality(municipality).select_related("service_area"), pk=pk
    )
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "responsibilities": unit.responsibilities.all(),
            "leaders": unit.leaders.select_related("user"),
            "can_change": request.user.has_perm("org.change_unit", unit),
            "can_change_structure": request.user.has_perm("org.change_organisation", municipality),
            "changes": recent_changes(
                unit.history.all(), Responsibility.history.filter(unit_id=unit.pk)
            ),
            "breadcrumbs": crumbs(municipality, organisation_crumb(municipality)),
        },
    )


@municipality_view()
def unit_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    unit = get_object_or_404(OrgUnit.objects.for_municipality(municipality), pk=pk)
    if not request.user.has_perm("org.change_unit", unit):
        raise PermissionDenied
    if request.user.has_perm("org.change_organisation", municipality):
        form = UnitForm(request.POST or None, instance=unit, municipality=municipality)
    else:
        form = UnitDescriptionForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The unit was saved."))
        return redirect("unit", municipality.number, unit.pk)
    return render(
        request,
        "org/form.html",
        {
            "form": form,
            "title": _("Edit %(unit)s") % {"unit": unit},
            "cancel_url": reverse("unit", args=[municipality.number, unit.pk]),
            "breadcrumbs": crumbs(municipality, organisation_crumb(municipality)),
        },
    )


@municipality_view("org.change_organisation")
def unit_create(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = UnitForm(
        request.POST or None,
        municipality=municipality,
        initial={"service_area": request.GET.get("service_area")},
    )
    if request.method == "POST" and form.is_valid():
        unit = form.save(commit=False)
        unit.municipality = municipality
        unit.save()
        messages.success(request, _("The unit was created."))
        return redirect("unit", municipality.number, unit.pk)
    return render(
        request,
        "org/form.html",
        {
            "form": form,
            "title": _("New unit"),
            "cancel_url": reverse("organisation", args=[municipality.number]),
            "breadcrumbs": crumbs(municipality, organisation_crumb(municipality)),
        },
    )


@municipality_view("org.change_organisation")
def service_area_edit(
    request: HttpRequest, municipality: Municipality, pk: int | None = None
) -> HttpResponse:
    area = (
        get_object_or_404(ServiceArea.objects.for_municipality(municipality), pk=pk)
        if pk
        else ServiceArea(municipality=municipality)
    )
    form = ServiceAreaForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The service area was saved."))
        return redirect("organisation", municipality.number)
    return render(
        request,
        "org/form.html",
        {
            "form": form,
            "title": _("Edit %(area)s") % {"area": area} if pk else _("New service area"),
            "cancel_url": reverse("organisation", args=[municipality.number]),
            "breadcrumbs": crumbs(municipality, organisation_crumb(municipality)),
        },
    )


@municipality_view("org.change_organisation")
def responsibility_edit(
    request: HttpRequest, municipality: Municipality, unit_pk: int, pk: int | None = None
) -> HttpResponse:
    unit = get_object_or_404(OrgUnit.objects.for_municipality(municipality), pk=unit_pk)
    responsibility = (
        get_object_or_404(Responsibility.objects.for_municipality(municipality), pk=pk, unit=unit)
        if pk
        else Responsibility(municipality=municipality, unit=unit)
    )
    form = ResponsibilityForm(request.POST or None, instance=responsibility, unit=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The responsibility code was saved."))
        return redirect("unit", municipality.number, unit.pk)
    return render(
        request,
        "org/form.html",
        {
            "form": form,
            "title": _("Responsibility code for %(unit)s") % {"unit": unit},
            "cancel_url": reverse("unit", args=[municipality.number, unit.pk]),
            "breadcrumbs": crumbs(municipality, organisation_crumb(municipality)),
        },
    )
