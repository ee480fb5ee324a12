"""The municipality's scorecard dashboard for a year."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view
from styringshjul.scorecards.dashboard import dashboard as build_dashboard
from styringshjul.scorecards.inquiry_views import scorecard_url, scorecards_crumb
from styringshjul.scorecards.models import Period, Scorecard


def _previous_label(board, labels: dict) -> str:
    if board.previous is None:
        return ""
    year, period = board.previous
    label = str(labels[period])
    return label if year == board.year else f"{label} {year}"


@municipality_view()
def dashboard(request: HttpRequest, municipality: Municipality, year: int) -> HttpResponse:
    if not Scorecard.objects.for_municipality(municipality).filter(year=year).exists():
        raise Http404
    board = build_dashboard(municipality, year, request.GET.get("period") or None)
    tables = [{"table": table,
               "rows": [(row, scorecard_url(row.scorecard) if row.scorecard else "")
                        for row in table.rows]} for table in board.tables]
    moves = [(move, scorecard_url(move.scorecard)) for move in board.moves]
    labels = dict(Period.choices)
    return render(request, "scorecards/dashboard.html", {
        "board": board, "year": year, "tables": tables, "moves": moves,
        "period_label": labels.get(board.period, ""),
        "previous_label": _previous_label(board, labels),
        "periods": Period.choices,
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality)),
        "title": _("Scorecards %(year)s at a glance") % {"year": year},
    })
