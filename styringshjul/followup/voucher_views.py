"""Drill-down from an account string to the voucher lines behind it."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from styringshjul.followup.actuals import last_period
from styringshjul.followup.forms import ReportChoiceForm
from styringshjul.followup.views import followup_crumb
from styringshjul.ledger.drilldown import raw_lines
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

LIMIT = 500


@municipality_view()
def vouchers(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = ReportChoiceForm(request.GET, municipality)
    codes = {name: request.GET.get(name) for name in
             ("responsibility", "function", "art", "project")}
    if not form.is_valid() or not all(codes[n] for n in ("responsibility", "function", "art")):
        raise Http404
    data = form.cleaned_data
    lines = [
        line for line in raw_lines(
            (municipality, data["year"]), responsibility=codes["responsibility"],
            function=codes["function"], art_prefix=codes["art"],
            project=codes["project"] or "", period_to=last_period(data["period"]),
            limit=LIMIT + 1)
        if line["art"] == codes["art"] and line["account_class"] == data["account_class"]
    ]
    return render(request, "followup/vouchers.html", {
        "lines": lines[:LIMIT], "truncated": len(lines) > LIMIT, "limit": LIMIT,
        "account_string": " ".join(code for code in codes.values() if code),
        "form": form, "breadcrumbs": crumbs(municipality, followup_crumb(municipality)),
    })
