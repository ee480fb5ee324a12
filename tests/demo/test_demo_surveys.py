"""The demo's survey results for Ringebu: bedrekommune's user survey of the kindergartens and
the 10-FAKTOR employee survey, 2024 and 2025, written as the sources export them (the same
bytes every time), imported through `import_survey` so that a second run changes nothing,
with Venabygd barnehage (4 parents) and PP-tjenesten (2 employees) kept hidden."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from styringshjul.demo import survey_data
from styringshjul.demo.scorecards import build_demo_scorecards
from styringshjul.demo.surveys import SATISFACTION, build_demo_surveys
from styringshjul.org.models import OrgUnit
from styringshjul.scorecards.models import Indicator, Period, Result, Scorecard
from styringshjul.surveys import queries
from styringshjul.surveys.models import Reference, Survey, SurveyResult, SurveyRound

MODELS = (Survey, SurveyRound, SurveyResult, Reference, Indicator, Result)


def test_the_files_are_the_same_bytes_every_time(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    a = [f.path.read_bytes() for f in survey_data.write_files(tmp_path / "a")]
    b = [f.path.read_bytes() for f in survey_data.write_files(tmp_path / "b")]
    assert a == b and len(a) == 4


def test_the_user_survey_is_bedrekommunes_long_layout_in_windows_1252():
    text = survey_data.user_file(2025).decode("cp1252")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["år", "enhet", "dimensjon", "snitt", "antall svar", "snitt Norge"]
    assert {row[1] for row in rows[1:]} == {name for name, _n in survey_data.KINDERGARTENS}
    assert {row[2] for row in rows[1:]} == {name for name, _m in survey_data.USER_DIMENSIONS}
    assert "Fysisk miljø" in text and "," in rows[1][3]
    means = [float(row[3].replace(",", ".")) for row in rows[1:]]
    assert min(means) >= 4.6 and max(means) <= 5.6


def test_the_employee_survey_has_every_unit_and_a_total_per_factor():
    rows = survey_data.employee_rows(2025)
    places = {row.place for row in rows}
    assert places == set(survey_data.EMPLOYEES) | {survey_data.TOTAL}
    totals = [row for row in rows if row.place == survey_data.TOTAL]
    assert len(totals) == len(survey_data.FACTORS) == 10
    assert all(row.respondents == sum(survey_data.EMPLOYEES.values()) for row in totals)
    assert all(Decimal("3.8") <= row.mean <= Decimal("4.6") for row in rows)


def test_most_places_do_a_little_better_in_2025():
    before = {(r.place, r.dimension): r.mean for r in survey_data.employee_rows(2024)}
    after = {(r.place, r.dimension): r.mean for r in survey_data.employee_rows(2025)}
    assert sum(after.values()) > sum(before.values())
    assert all(abs(after[key] - before[key]) <= Decimal("0.3") for key in before)


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS] + \
        [model.history.count() for model in (Survey, SurveyRound, Indicator, Result)]


@pytest.mark.django_db
def test_a_second_run_imports_nothing_and_changes_nothing(ringebu):
    build_demo_scorecards()
    first = build_demo_surveys()
    assert (first.surveys, first.rounds, first.imported, first.unchanged) == (2, 4, 4, 0)
    assert first.hidden > 0 and first.indicators == 3
    before = counts()
    again = build_demo_surveys()
    assert (again.imported, again.unchanged) == (0, 4)
    assert counts() == before


def unit_cells(survey: Survey, unit_name: str, year: int) -> list[queries.Cell]:
    unit = OrgUnit.objects.get(municipality=survey.municipality, name=unit_name)
    survey_round = survey.rounds.get(year=year)
    table = queries.round_table(survey_round)
    return [table.cell(queries.place_key(unit=unit), d.pk) for d in table.dimensions]


@pytest.mark.django_db
@pytest.mark.parametrize("survey_name, unit_name", [
    (survey_data.USER_SURVEY, "Venabygd barnehage"),
    (survey_data.EMPLOYEE_SURVEY, "PP-tjenesten")])
def test_the_small_units_are_hidden_every_year(ringebu, survey_name, unit_name):
    build_demo_surveys()
    survey = Survey.objects.get(municipality=ringebu, name=survey_name)
    for year in survey_data.YEARS:
        cells = unit_cells(survey, unit_name, year)
        assert cells and all(c.hidden and c.mean is None and c.respondents is None
                             for c in cells)


@pytest.mark.django_db
def test_the_survey_page_shows_the_small_kindergarten_as_hidden(ringebu, as_kari):
    build_demo_surveys()
    survey = Survey.objects.get(municipality=ringebu, name=survey_data.USER_SURVEY)
    response = as_kari.get(reverse("survey", args=["3439", survey.pk]) + "?ar=2025")
    assert response.status_code == 200
    rows = {row.place.name: row for group in response.context["groups"]
            for row in group.rows}
    small = rows["Venabygd barnehage"]
    assert all(shown.cell.hidden and shown.reason for shown in small.cells)
    assert small.overall.cell.mean is None and small.respondents is None
    assert not rows["Ringebu barnehage"].overall.cell.hidden


@pytest.mark.django_db
def test_the_kindergartens_scorecards_take_last_years_user_survey(ringebu):
    build_demo_scorecards()
    build_demo_surveys()
    survey = Survey.objects.get(municipality=ringebu, name=survey_data.USER_SURVEY)
    table = queries.round_table(survey.rounds.get(year=2025))
    for name, _respondents in survey_data.KINDERGARTENS:
        unit = OrgUnit.objects.get(municipality=ringebu, name=name)
        scorecard = Scorecard.objects.get(unit=unit, year=2026)
        result = Result.objects.get(scorecard=scorecard, period=Period.YEAR,
                                    indicator__name=SATISFACTION)
        overall = table.overall(queries.place_key(unit=unit))
        shown = None if overall.hidden or overall.mean is None else overall.mean
        assert result.value == (shown and shown.quantize(Decimal("0.001")))
        assert survey.name in result.source_note
    venabygd = Result.objects.get(scorecard__unit__name="Venabygd barnehage",
                                  scorecard__year=2026, indicator__name=SATISFACTION)
    assert venabygd.value is None
