"""A scorecard to print: the print page, and the same as PDF and as a Word table."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view
from styringshjul.scorecards import export
from styringshjul.scorecards.models import Scorecard


def _scorecard(municipality: Municipality, pk: int) -> Scorecard:
    return get_object_or_404(
        Scorecard.objects.for_municipality(municipality)
        .select_related("municipality", "unit", "service_area"), pk=pk)


@municipality_view()
def print_page(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    return render(request, "scorecards/print.html",
                  export.print_context(_scorecard(municipality, pk)))


def _download(scorecard: Scorecard, fmt: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=export.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = \
        f'attachment; filename="{export.filename(scorecard, fmt)}"'
    return response


@municipality_view()
def pdf(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    scorecard = _scorecard(municipality, pk)
    return _download(scorecard, "pdf", export.to_pdf(scorecard))


@municipality_view()
def docx(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    scorecard = _scorecard(municipality, pk)
    return _download(scorecard, "docx", export.to_docx(scorecard))
