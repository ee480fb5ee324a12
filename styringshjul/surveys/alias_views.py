"""The names survey files use for units («Bakkely bhg.»), mapped once to a unit or a
service area so the next import finds them. After a failed import the page opens with the
unknown names filled in (`?navn=…&navn=…`)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view
from styringshjul.surveys import importers
from styringshjul.surveys.forms import AliasFormSet, place_value
from styringshjul.surveys.models import UnitAlias
from styringshjul.surveys.survey_views import CHANGE, surveys_crumb

PREFIX = "navn"


def _target_value(alias: UnitAlias) -> str:
    return place_value(alias.unit or alias.service_area)


def _initial_rows(request: HttpRequest, saved: dict[str, UnitAlias]) -> list[dict]:
    """One row per name asked for (with its current unit when already saved), else one
    empty row for a new name."""
    names = [name.strip() for name in request.GET.getlist("navn") if name.strip()]
    folded = {name.casefold(): alias for name, alias in saved.items()}
    rows = []
    for name in dict.fromkeys(names):
        alias = folded.get(name.casefold())
        rows.append({"name": name, "target": _target_value(alias) if alias else ""})
    return rows or [{}]


@municipality_view(CHANGE)
def survey_aliases(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    aliases = list(UnitAlias.objects.for_municipality(municipality)
                   .select_related("unit", "service_area"))
    if request.method == "POST" and "remove" in request.POST:
        removed = [a for a in aliases if str(a.pk) == request.POST["remove"]]
        for alias in removed:
            alias.delete()
            messages.success(request, _("«%(name)s» was removed.") % {"name": alias.name})
        return redirect("survey_aliases", municipality.number)
    if request.method == "POST":
        formset = AliasFormSet(request.POST, prefix=PREFIX, municipality=municipality)
        if formset.is_valid():
            filled = formset.filled()
            for name, place in filled:
                importers.save_alias(municipality, name, place)
            messages.success(request, ngettext(
                "%(count)s name was saved. Import the file again.",
                "%(count)s names were saved. Import the file again.",
                len(filled)) % {"count": len(filled)})
            return redirect("survey_aliases", municipality.number)
    else:
        formset = AliasFormSet(initial=_initial_rows(request, {a.name: a for a in aliases}),
                               prefix=PREFIX, municipality=municipality)
    return render(request, "surveys/aliases.html", {
        "formset": formset, "aliases": aliases,
        "import_url": reverse("survey_import", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, surveys_crumb(municipality)),
        "title": _("Unit names in survey files"),
    })
