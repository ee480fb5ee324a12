"""The catalogue of key figures (everyone in the municipality reads it; finance keeps it) and
the municipality's own comparison groups (finance and leadership keep them)."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.keyfigures.catalogue_forms import ComparisonGroupForm, KeyFigureForm
from styringshjul.keyfigures.models import ComparisonGroup, IndicatorKind, KeyFigure
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.rules import is_finance, is_leadership, is_superuser
from styringshjul.org.tenancy import municipality_view

KEEPS_CATALOGUE = "org.change_organisation"
keeps_comparison_groups = is_superuser | is_finance | is_leadership
KIND_ORDER = {kind.value: number for number, kind in enumerate(IndicatorKind)}


def catalogue_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Catalogue of key figures"), reverse("keyfigure_catalogue",
                                                  args=[municipality.number])


def groups_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Comparison groups"), reverse("comparison_groups", args=[municipality.number])


def catalogue_sections() -> list[dict]:
    """The figures by service area, and within each by kind in the order of Hole's model."""
    figures = sorted(KeyFigure.objects.all(), key=lambda figure: (
        figure.service, KIND_ORDER.get(figure.indicator_kind, 99), figure.name))
    return [{"service": service, "kinds": [
        {"label": IndicatorKind(kind).label, "figures": list(in_kind)}
        for kind, in_kind in groupby(in_service, key=lambda figure: figure.indicator_kind)]}
        for service, in_service in groupby(figures, key=lambda figure: figure.service)]


@municipality_view()
def catalogue(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    return render(request, "keyfigures/catalogue.html", {
        "sections": catalogue_sections(),
        "can_edit": request.user.has_perm(KEEPS_CATALOGUE, municipality),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view(KEEPS_CATALOGUE)
def figure_edit(request: HttpRequest, municipality: Municipality, pk: int | None = None
                ) -> HttpResponse:
    figure = get_object_or_404(KeyFigure, pk=pk) if pk else KeyFigure()
    form = KeyFigureForm(request.POST or None, instance=figure)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The key figure was saved."))
        return redirect("keyfigure_catalogue", municipality.number)
    return render(request, "keyfigures/catalogue_form.html", {
        "form": form, "figure": figure,
        "changes": figure.history.select_related("history_user")[:10] if pk else [],
        "title": (_("Edit %(figure)s") % {"figure": figure.name}) if pk
        else _("New key figure"),
        "cancel_url": reverse("keyfigure_catalogue", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, catalogue_crumb(municipality)),
    })


@municipality_view()
def comparison_groups(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    groups = ComparisonGroup.objects.for_municipality(municipality).prefetch_related("members")
    return render(request, "keyfigures/comparison_groups.html", {
        "groups": groups,
        "can_edit": keeps_comparison_groups(request.user, municipality),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view()
def comparison_group_edit(request: HttpRequest, municipality: Municipality,
                          pk: int | None = None) -> HttpResponse:
    if not keeps_comparison_groups(request.user, municipality):
        raise PermissionDenied
    group = (get_object_or_404(ComparisonGroup.objects.for_municipality(municipality), pk=pk)
             if pk else ComparisonGroup(municipality=municipality))
    form = ComparisonGroupForm(request.POST or None, instance=group, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The comparison group was saved."))
        return redirect("comparison_groups", municipality.number)
    return render(request, "keyfigures/comparison_group_form.html", {
        "form": form, "group": group, "issues": form.issues,
        "title": (_("Edit %(group)s") % {"group": group.name}) if pk
        else _("New comparison group"),
        "cancel_url": reverse("comparison_groups", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, groups_crumb(municipality)),
    })
