"""Budget follow-up pages: the overview by any grouping, drill-down to account strings, and
the tertial summary per service area."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from styringshjul.followup import export
from styringshjul.followup.forms import GROUPING_LABELS, ReportChoiceForm
from styringshjul.followup.queries import (
    UNKNOWN,
    Grouping,
    account_strings,
    scope_filter,
    totals,
    variance,
)
from styringshjul.lib.periods import TERTIALS, last_period_of
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

TREE_NEXT = {Grouping.SERVICE_AREA: Grouping.UNIT, Grouping.ART_GROUP: Grouping.ART}
TERTIAL_PERIODS = tuple((tertial, last_period_of(tertial)) for tertial in TERTIALS)


def followup_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Budget follow-up"), reverse("followup", args=[municipality.number])


def report_params(form: ReportChoiceForm, **changes) -> dict:
    data = form.cleaned_data
    params = {"year": data["year"], "period": data["period"], "by": data["by"],
              "account_class": data["account_class"], "version": data.get("version") or ""}
    params.update(changes)
    return {name: value for name, value in params.items() if value not in ("", None)}


def _within(municipality: Municipality, text: str):
    """`service_area:3` → the grouping and key a drilled-down report is limited to."""
    grouping, _sep, key = text.partition(":")
    if grouping not in {g.value for g in Grouping} or not key:
        return None, None
    return Grouping(grouping), key


def _row_link(municipality, form, row, within: str) -> str:
    grouping = Grouping(form.cleaned_data["by"])
    number = municipality.number
    if grouping is Grouping.UNIT and row.key != UNKNOWN:
        query = report_params(form, by=Grouping.RESPONSIBILITY)
        return f"{reverse('followup_unit', args=[number, row.key])}?{urlencode(query)}"
    if grouping in TREE_NEXT and row.key != UNKNOWN:
        query = report_params(form, by=TREE_NEXT[grouping], within=f"{grouping}:{row.key}")
        return f"{reverse('followup', args=[number])}?{urlencode(query)}"
    query = report_params(form, key=row.key, within=within)
    return f"{reverse('followup_lines', args=[number])}?{urlencode(query)}"


@municipality_view()
def overview(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = ReportChoiceForm(request.GET, municipality)
    context = {"form": form, "breadcrumbs": crumbs(municipality)}
    if form.is_valid():
        data = form.cleaned_data
        within_grouping, within_key = _within(municipality, request.GET.get("within", ""))
        scope = (scope_filter(municipality, within_grouping, within_key)
                 if within_grouping else None)
        report = variance(municipality, data["year"], data["period"], Grouping(data["by"]),
                          form.chosen_version(), data["account_class"], scope)
        if report is not None and request.GET.get("format") == "csv":
            response = HttpResponse(export.to_csv(report), content_type="text/csv")
            response["Content-Disposition"] = (
                f'attachment; filename="avvik-{municipality.number}-{data["year"]}-'
                f'{data["period"]}-{data["by"]}.csv"')
            return response
        within = request.GET.get("within", "") if within_grouping else ""
        if report is not None:
            for row in report.rows:
                row.link = _row_link(municipality, form, row, within)
        context.update({
            "report": report,
            "grouping_label": GROUPING_LABELS[Grouping(data["by"])],
            "within_label": _within_label(municipality, form, within_grouping, within_key),
            "csv_url": "?" + urlencode({**report_params(form, within=within), "format": "csv"}),
        })
    return render(request, "followup/overview.html", context)


def _within_label(municipality, form, grouping, key) -> str:
    if grouping is None:
        return ""
    data = form.cleaned_data
    parent = variance(municipality, data["year"], data["period"], grouping,
                      form.chosen_version(), data["account_class"])
    row = next((row for row in (parent.rows if parent else []) if row.key == key), None)
    return row.name if row else key


@municipality_view()
def lines(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """The account strings behind one row of the overview."""
    form = ReportChoiceForm(request.GET, municipality)
    key = request.GET.get("key")
    if not form.is_valid() or key is None:
        raise Http404
    data = form.cleaned_data
    version = form.chosen_version()
    if version is None:
        raise Http404
    grouping = Grouping(data["by"])
    scope = scope_filter(municipality, grouping, key)
    within_grouping, within_key = _within(municipality, request.GET.get("within", ""))
    if within_grouping:
        scope &= scope_filter(municipality, within_grouping, within_key)
    rows = account_strings(municipality, data["year"], data["period"], version,
                           data["account_class"], scope)
    back = f"{reverse('followup', args=[municipality.number])}?{urlencode(report_params(form))}"
    return render(request, "followup/lines.html", {
        "form": form, "rows": rows, "total": totals(rows), "key": key, "version": version,
        "grouping_label": GROUPING_LABELS[grouping], "back_url": back,
        "voucher_query": urlencode(report_params(form)),
        "breadcrumbs": crumbs(municipality, followup_crumb(municipality)),
    })


@municipality_view()
def tertial_summary(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """Variance per service area at each tertial: period 4, period 8 and year end."""
    form = ReportChoiceForm(request.GET, municipality, groupings=[Grouping.SERVICE_AREA])
    del form.fields["period"], form.fields["by"]
    context = {"form": form, "breadcrumbs": crumbs(municipality, followup_crumb(municipality))}
    if form.is_valid():
        data = form.cleaned_data
        version = form.chosen_version()
        reports = [
            (tertial, period, variance(municipality, data["year"], period,
                                       Grouping.SERVICE_AREA, version, data["account_class"]))
            for tertial, period in TERTIAL_PERIODS
        ]
        reports = [(t, p, r) for t, p, r in reports if r is not None]
        context.update({"reports": reports, "areas": _areas_across(reports),
                        "version": version})
    return render(request, "followup/tertial_summary.html", context)


def _areas_across(reports) -> list[dict]:
    """One row per service area with its variance at each tertial."""
    areas: dict[str, dict] = {}
    for index, (_tertial, _period, report) in enumerate(reports):
        for row in [*report.rows, report.total]:
            entry = areas.setdefault(row.key, {"name": row.name, "cells": [None] * len(reports),
                                                "is_total": row.key == "total"})
            entry["cells"][index] = row
    return sorted(areas.values(), key=lambda entry: entry["is_total"])
