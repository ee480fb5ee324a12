"""The survey pages: the list, a survey's settings, one year's results by place and
dimension, a place's trend over the years and the year's CSV.

Everyone in the municipality reads; finance and leadership (`surveys.change_survey`) set
surveys up. Every result comes from `queries`, so what a page shows is what may be shown.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality, OrgUnit
from styringshjul.org.tenancy import municipality_view
from styringshjul.surveys import charts, export, queries
from styringshjul.surveys.forms import SurveyForm, chosen_place
from styringshjul.surveys.models import Survey

CHANGE = "surveys.change_survey"


def surveys_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Surveys"), reverse("surveys", args=[municipality.number])


def survey_crumb(survey: Survey) -> tuple[str, str]:
    return survey.name, reverse("survey", args=[survey.municipality.number, survey.pk])


def municipality_survey(municipality: Municipality, pk: int) -> Survey:
    return get_object_or_404(Survey.objects.for_municipality(municipality), pk=pk)


@municipality_view()
def survey_list(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    surveys = [(survey, sorted(r.year for r in survey.rounds.all()))
               for survey in Survey.objects.for_municipality(municipality)
               .prefetch_related("rounds")]
    return render(request, "surveys/list.html", {
        "surveys": surveys, "can_change": request.user.has_perm(CHANGE, municipality),
        "breadcrumbs": crumbs(municipality), "title": _("Surveys"),
    })


@municipality_view(CHANGE)
def survey_edit(request: HttpRequest, municipality: Municipality, pk: int | None = None
                ) -> HttpResponse:
    survey = municipality_survey(municipality, pk) if pk else Survey()
    form = SurveyForm(request.POST or None, instance=survey, municipality=municipality)
    # save() gives None when someone else saved first; the form then says so.
    if request.method == "POST" and form.is_valid() and form.save() is not None:
        messages.success(request, _("The survey was saved."))
        return redirect("survey", municipality.number, survey.pk)
    trail = [surveys_crumb(municipality)] + ([survey_crumb(survey)] if pk else [])
    return render(request, "surveys/survey_form.html", {
        "form": form, "survey": survey,
        "title": (_("Edit %(survey)s") % {"survey": survey.name}) if pk else _("New survey"),
        "cancel_url": reverse("survey", args=[municipality.number, pk]) if pk
        else reverse("surveys", args=[municipality.number]),
        "breadcrumbs": crumbs(municipality, *trail),
    })


@dataclass(frozen=True)
class ShownCell:
    """A cell as the page shows it: the mean, or why it is hidden."""

    cell: queries.Cell
    reason: str
    mark: str = ""  # the letter that points a hidden cell to its reason under the heading


@dataclass
class PlaceRow:
    place: queries.Place
    cells: list[ShownCell]
    overall: ShownCell
    respondents: int | None
    trend_url: str


@dataclass
class PlaceGroup:
    """The municipality alone, or a service area followed by its units."""

    rows: list[PlaceRow] = field(default_factory=list)


def _respondents(cells: list[ShownCell]) -> int | None:
    counts = [shown.cell.respondents for shown in cells if shown.cell.respondents is not None]
    return max(counts) if counts else None


def _shown(cell: queries.Cell, threshold: int) -> ShownCell:
    if not cell.hidden:
        return ShownCell(cell, "")
    if cell.too_few:
        return ShownCell(cell, _("fewer than %(threshold)s respondents")
                         % {"threshold": threshold}, "a")
    return ShownCell(cell, _("so that another result cannot be worked out"), "b")


def _key_text(key: queries.PlaceKey) -> str:
    return key[0] if len(key) == 1 else f"{key[0]}-{key[1]}"


def place_groups(table: queries.RoundTable, trend_url: str) -> list[PlaceGroup]:
    groups: list[PlaceGroup] = []
    for place in table.places:
        cells = [_shown(table.cell(place.key, d.pk), table.threshold) for d in table.dimensions]
        row = PlaceRow(place, cells, _shown(table.overall(place.key), table.threshold),
                       _respondents(cells),
                       f"{trend_url}?sted={_key_text(place.key)}")
        if place.level != "unit" or not groups or place.parent != groups[-1].rows[0].place.key:
            groups.append(PlaceGroup())
        groups[-1].rows.append(row)
    return groups


def hidden_reasons(groups: list[PlaceGroup]) -> list[tuple[str, str, int]]:
    """(mark, reason, how many results are hidden for it), in the order of the marks."""
    reasons = Counter((shown.mark, shown.reason) for group in groups for row in group.rows
                      for shown in row.cells if shown.cell.hidden)
    return [(mark, reason, count) for (mark, reason), count in sorted(reasons.items())]


def _chosen_year(request: HttpRequest, years: list[int]) -> int | None:
    asked = request.GET.get("ar", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked)
    return years[-1] if years else None


@municipality_view()
def survey_page(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    survey = municipality_survey(municipality, pk)
    rounds = {survey_round.year: survey_round for survey_round in queries.rounds(survey)}
    year = _chosen_year(request, list(rounds))
    context = {
        "survey": survey, "years": list(rounds), "year": year,
        "can_change": request.user.has_perm(CHANGE, municipality),
        "breadcrumbs": crumbs(municipality, surveys_crumb(municipality)),
        "title": survey.name,
    }
    if year is not None:
        table = queries.round_table(rounds[year])
        groups = place_groups(table, reverse("survey_trend", args=[municipality.number, pk]))
        context.update(
            table=table, groups=groups, hidden=hidden_reasons(groups),
            hidden_count=table.hidden_count,
            computed=any(shown.cell.computed for group in groups for row in group.rows
                         for shown in row.cells),
            references=[(label, [table.references.get((label, d.pk)) for d in table.dimensions])
                        for label in table.reference_labels],
            csv_url=reverse("survey_csv", args=[municipality.number, pk, year]))
    return render(request, "surveys/survey.html", context)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@municipality_view()
def survey_csv(request: HttpRequest, municipality: Municipality, pk: int, year: int
               ) -> HttpResponse:
    """The year's results as `survey_results` writes them (CSV), or `?format=xlsx` as a
    workbook for people; hidden results are empty in both."""
    survey = municipality_survey(municipality, pk)
    if year not in {survey_round.year for survey_round in queries.rounds(survey)}:
        raise Http404
    rows = export.survey_rows(survey, year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(export.to_xlsx(rows), content_type=XLSX)
        suffix = "xlsx"
    else:
        response = HttpResponse(export.to_csv(rows).encode("utf-8"),
                                content_type="text/csv; charset=utf-8")
        suffix = "csv"
    filename = f"{slugify(survey.name) or 'survey'}-{year}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _trend_places(tables: list[queries.RoundTable]) -> list[queries.Place]:
    """Every place with results in any year, in the latest year's order first."""
    seen: dict[queries.PlaceKey, queries.Place] = {}
    for table in reversed(tables):
        for place in table.places:
            seen.setdefault(place.key, place)
    return list(seen.values())


def _asked_place(request: HttpRequest, municipality: Municipality) -> queries.PlaceKey:
    asked = request.GET.get("sted", "municipality")
    if asked == "municipality":
        return queries.place_key()
    found = chosen_place(municipality, asked)
    if found is None:
        raise Http404
    if isinstance(found, OrgUnit):
        return queries.place_key(unit=found)
    return queries.place_key(service_area=found)


Years = list[tuple[int, dict[int, queries.Cell]]]


def _trend_series(dimensions: list, years: Years) -> charts.Series:
    """(dimension, {year: mean}) of the shown means only: hidden years stay out."""
    return [(dimension.name, {year: cells[dimension.pk].mean for year, cells in years
                              if dimension.pk in cells and cells[dimension.pk].mean is not None})
            for dimension in dimensions]


def _trend_rows(dimensions: list, years: Years, threshold: int) -> list:
    return [(dimension, [_shown(cells[dimension.pk], threshold) if dimension.pk in cells
                         else None for _year, cells in years])
            for dimension in dimensions]


@municipality_view()
def survey_trend(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    survey = municipality_survey(municipality, pk)
    key = _asked_place(request, municipality)
    tables = queries.round_tables(survey)
    places = _trend_places(tables)
    place = next((p for p in places if p.key == key), None)
    if place is None and key != queries.place_key():
        raise Http404
    dimensions = list(survey.dimensions.all())
    years = queries.trend(survey, key, tables) if place else []
    rows = _trend_rows(dimensions, years, survey.anonymity_threshold)
    name = place.name if place else str(municipality)
    return render(request, "surveys/trend.html", {
        "survey": survey, "place": place, "place_name": name, "key": _key_text(key),
        "places": [(_key_text(p.key), p) for p in places],
        "years": [year for year, _cells in years], "rows": rows,
        "computed": any(shown and shown.cell.computed for _d, cells in rows for shown in cells),
        "chart": charts.trend_chart(
            _trend_series(dimensions, years), [year for year, _cells in years],
            _("%(survey)s for %(place)s over the years, one line per dimension")
            % {"survey": survey.name, "place": name}, (survey.scale_min, survey.scale_max)),
        "breadcrumbs": crumbs(municipality, surveys_crumb(municipality), survey_crumb(survey)),
        "title": _("%(survey)s: %(place)s over the years") % {"survey": survey.name,
                                                              "place": name},
    })
