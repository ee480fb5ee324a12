"""The wheel on screen, with the same content as a list, and every download of the cycle."""

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from styringshjul.cycle import queries
from styringshjul.cycle.export_formats import DEFAULT_SIZE, FORMATS, export
from styringshjul.cycle.wheel import wheel_svg
from styringshjul.cycle.wheel_files import SIZES
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view


@municipality_view()
def wheel(request: HttpRequest, municipality: Municipality, year: int) -> HttpResponse:
    activities = list(queries.activities_of(municipality, year))
    # The SVG is built with ElementTree, which escapes every text and attribute.
    svg = mark_safe(wheel_svg(activities, year, municipality.name, date.today(),
                               fluid=True))
    return render(request, "cycle/wheel.html", {
        "year": year, "svg": svg, "months": queries.by_month(activities),
        "sizes": sorted(SIZES),
        "breadcrumbs": crumbs(municipality, (_("Annual cycle %(year)s") % {"year": year},
                                             reverse("cycle_year",
                                                     args=[municipality.number, year]))),
    })


@municipality_view()
def download(request: HttpRequest, municipality: Municipality, year: int,
             fmt: str) -> HttpResponse:
    size = request.GET.get("size", DEFAULT_SIZE)
    if fmt not in FORMATS or size not in SIZES:
        raise Http404
    link = request.build_absolute_uri(reverse("cycle_year", args=[municipality.number, year]))
    result = export(municipality, year, fmt, link, size=size)
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response
