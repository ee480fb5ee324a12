"""The legally required schedules of a budget version's year or of an accounts year, and
the budget lines (or booked account strings) behind each figure."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.schedules import SCHEDULES, TITLES, UNMAPPED, drilldown, schedule
from styringshjul.budget.version_views import budget_crumb, version_crumb, visible_version
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

YEARS = range(2000, 2101)


def _code(code: str) -> str:
    if code not in SCHEDULES:
        raise Http404
    return code


def _version_year(request: HttpRequest, version: BudgetVersion) -> int:
    text = request.GET.get("year", "")
    year = int(text) if text.isdigit() else version.first_year
    if year not in version.year_range:
        raise Http404
    return year


def _with_urls(found, url_of):
    """Each line of the schedule gets the address of its drill-down page; the unmapped
    amount too."""
    for line in found.lines:
        line.url = url_of(line.key)
    found.unmapped_url = url_of(UNMAPPED)
    return found


def _tabs(url_of, current: str) -> list[dict]:
    return [{"code": code, "title": TITLES[code], "url": url_of(code), "current": code == current}
            for code in SCHEDULES]


@municipality_view()
def budget_schedule(request: HttpRequest, municipality: Municipality, pk: int,
                    code: str) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    code = _code(code)
    year = _version_year(request, version)
    base = [municipality.number, version.pk]
    return render(request, "budget/schedule.html", {
        "schedule": _with_urls(
            schedule(version, municipality, year, code),
            lambda key: reverse("budget_schedule_lines", args=[*base, code, key])
            + f"?year={year}"),
        "version": version, "year": year, "years": version.year_range,
        "heading": version.name,
        "tabs": _tabs(lambda c: reverse("budget_schedule", args=[*base, c]) + f"?year={year}",
                      code),
        "year_url": reverse("budget_schedule", args=[*base, code]),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality), version_crumb(version)),
    })


@municipality_view()
def budget_schedule_lines(request: HttpRequest, municipality: Municipality, pk: int,
                          code: str, key: str) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    code = _code(code)
    year = _version_year(request, version)
    found = drilldown(version, municipality, year, code, key)
    if found is None:
        raise Http404
    schedule_url = reverse("budget_schedule", args=[municipality.number, version.pk, code])
    return render(request, "budget/schedule_lines.html", {
        "drilldown": found, "code": code, "title": TITLES[code], "year": year,
        "heading": version.name, "is_budget": True,
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality), version_crumb(version),
                              (str(TITLES[code]), f"{schedule_url}?year={year}")),
    })


@municipality_view()
def accounts_schedule(request: HttpRequest, municipality: Municipality, year: int,
                      code: str) -> HttpResponse:
    code = _code(code)
    if year not in YEARS:
        raise Http404
    base = [municipality.number, year]
    heading = _("Accounts %(year)s") % {"year": year}
    return render(request, "budget/schedule.html", {
        "schedule": _with_urls(
            schedule(None, municipality, year, code),
            lambda key: reverse("accounts_schedule_lines", args=[*base, code, key])),
        "year": year, "heading": heading,
        "tabs": _tabs(lambda c: reverse("accounts_schedule", args=[*base, c]), code),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality)),
    })


@municipality_view()
def accounts_schedule_lines(request: HttpRequest, municipality: Municipality, year: int,
                            code: str, key: str) -> HttpResponse:
    code = _code(code)
    if year not in YEARS:
        raise Http404
    found = drilldown(None, municipality, year, code, key)
    if found is None:
        raise Http404
    heading = _("Accounts %(year)s") % {"year": year}
    return render(request, "budget/schedule_lines.html", {
        "drilldown": found, "code": code, "title": TITLES[code], "year": year,
        "heading": heading, "is_budget": False,
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality),
                              (str(TITLES[code]), reverse("accounts_schedule",
                                                          args=[municipality.number, year,
                                                                code]))),
    })
