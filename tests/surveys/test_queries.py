"""What `queries` lets out of a survey round: the results of groups of at least the
threshold, never a small group — not directly, not by subtraction (the attacker below
tries every difference it can), not through the overall mean — plus computed totals,
trends that keep each year's hiding, and the satisfaction rows of the Hole model."""

from decimal import Decimal
from itertools import combinations

import pytest
from django.utils import translation

from styringshjul.org.models import OrgUnit, ServiceArea
from styringshjul.surveys import queries
from styringshjul.surveys.models import Reference, SurveyKind, SurveyResult, SurveyRound

from .conftest import add_results, factor_mean, make_survey

MUNICIPALITY = ("municipality",)


def unit_key(ringebu, name: str) -> tuple:
    return queries.place_key(unit=OrgUnit.objects.get(municipality=ringebu, name=name))


def area_key(ringebu, name: str) -> tuple:
    area = ServiceArea.objects.get(municipality=ringebu, name=name)
    return queries.place_key(service_area=area)


def test_a_unit_below_the_threshold_is_hidden_with_its_reason(ringebu, round_2025):
    table = queries.round_table(round_2025)
    for dimension in table.dimensions:
        cell = table.cell(unit_key(ringebu, "Fåvang barnehage"), dimension.id)
        assert (cell.mean, cell.respondents, cell.hidden, cell.too_few) == (None, None, True,
                                                                            True)
    with translation.override("en"):
        assert cell.status_text(3) == "hidden: fewer than 3 respondents"


def test_the_smallest_sibling_is_hidden_so_the_small_unit_cannot_be_subtracted(
        ringebu, round_2025):
    table = queries.round_table(round_2025)
    dimension = table.dimensions[0]
    venabygd = table.cell(unit_key(ringebu, "Venabygd barnehage"), dimension.id)
    assert venabygd.hidden and not venabygd.too_few
    with translation.override("en"):
        assert venabygd.status_text(3) == "hidden so that another result cannot be worked out"
    school = table.cell(unit_key(ringebu, "Ringebu skole"), dimension.id)
    assert (school.mean, school.respondents) == (factor_mean("Ringebu skole", 0), 20)
    assert table.hidden_count == 2 * len(table.dimensions)


def test_places_come_in_the_organisations_order_with_only_those_with_results(
        ringebu, round_2025):
    table = queries.round_table(round_2025)
    assert [p.name for p in table.places] == [
        "Ringebu kommune", "Oppvekst", "Fåvang barnehage", "Fåvang skule",
        "Ringebu barnehage", "Ringebu skole", "Ringebu ungdomsskole", "Venabygd barnehage",
        "Helse og omsorg"]
    school = table.places[3]
    assert (school.level, school.parent) == ("unit", area_key(ringebu, "Oppvekst"))
    assert table.reference_labels == ["Norge"]
    assert table.references["Norge", table.dimensions[0].id] == Decimal("3.900")


def test_a_round_is_read_in_three_queries_however_many_results(round_2025,
                                                               django_assert_num_queries):
    with django_assert_num_queries(3):  # results with places, dimensions, references
        table = queries.round_table(round_2025)
    assert len(table.places) == 9


def test_the_overall_mean_is_hidden_when_any_dimension_is(ringebu, employee_survey):
    survey_round = SurveyRound.objects.create(survey=employee_survey, year=2026)
    add_results(survey_round, {"Ringebu skole": 20, "Fåvang skule": 12, "Oppvekst": 40})
    first = employee_survey.dimensions.first()
    SurveyResult.objects.filter(round=survey_round, dimension=first,
                                unit__name="Fåvang skule").update(respondents=2)
    table = queries.round_table(survey_round)
    school = unit_key(ringebu, "Fåvang skule")
    assert table.cell(school, table.dimensions[0].id).too_few
    assert table.cell(school, table.dimensions[1].id).respondents == 12
    assert table.overall(school).hidden
    area = table.overall(area_key(ringebu, "Oppvekst"))
    means = [factor_mean("Oppvekst", i) for i in range(3)]
    assert area.mean == (sum(means) / 3).quantize(Decimal("0.001"))


def disjoint_visible_sets(table, key, dimension_id):
    """Every set of visible places below `key` of which none lies inside another."""
    below = []
    todo = [p.key for p in table.places if p.parent == key]
    while todo:
        place = todo.pop()
        if table.cell(place, dimension_id).respondents is not None:
            below.append(place)
        todo += [p.key for p in table.places if p.parent == place]
    parents = {p.key: p.parent for p in table.places}

    def inside(a, b) -> bool:
        while a is not None:
            a = parents.get(a)
            if a == b:
                return True
        return False

    for size in range(1, len(below) + 1):
        for group in combinations(below, size):
            if not any(inside(a, b) for a in group for b in group):
                yield group


def attack(table) -> list[tuple[int, Decimal]]:
    """What an attacker can work out from what `queries` shows: every visible total minus
    every set of visible places below it (respondents and mean of the difference)."""
    found = []
    for dimension in table.dimensions:
        for place in table.places:
            top = table.cell(place.key, dimension.id)
            if top.respondents is None:
                continue
            for group in disjoint_visible_sets(table, place.key, dimension.id):
                cells = [table.cell(k, dimension.id) for k in group]
                n = top.respondents - sum(c.respondents for c in cells)
                total = top.respondents * top.mean - sum(c.respondents * c.mean for c in cells)
                if n > 0:
                    found.append((dimension.id, n, total / n))
    return found


def assert_attack_fails(table) -> None:
    truth = SurveyResult.objects.filter(round=table.round)
    hidden = [(r.dimension_id, r.respondents, r.mean) for r in truth
              if table.cell(queries.place_key(r.unit, r.service_area), r.dimension_id).hidden]
    assert hidden, "the attack needs something hidden"
    for dimension_id, n, mean in attack(table):
        assert n >= table.threshold, "a group below the threshold was worked out"
        for hidden_dimension, hidden_n, hidden_mean in hidden:
            recovered = (dimension_id == hidden_dimension and n == hidden_n
                         and abs(mean - hidden_mean) < Decimal("0.01"))
            assert not recovered, "a hidden result was worked out by subtraction"
    for place in table.places:
        cells = [table.cell(place.key, d.id) for d in table.dimensions]
        if any(c.hidden for c in cells):
            assert table.overall(place.key).mean is None


def test_an_attacker_differencing_everything_shown_recovers_no_hidden_result(round_2025):
    assert_attack_fails(queries.round_table(round_2025))


def test_an_attacker_cannot_use_a_computed_total_either(ringebu, employee_survey):
    survey_round = SurveyRound.objects.create(survey=employee_survey, year=2024)
    add_results(survey_round, {"Venabygd barnehage": 2, "Fåvang barnehage": 10,
                               "Ringebu skole": 25, "Ringebu sjukeheim": 30})
    table = queries.round_table(survey_round)
    assert_attack_fails(table)
    fåvang = table.cell(unit_key(ringebu, "Fåvang barnehage"), table.dimensions[0].id)
    assert fåvang.hidden and not fåvang.too_few


def test_missing_totals_are_respondent_weighted_means_of_the_parts(ringebu, employee_survey):
    survey_round = SurveyRound.objects.create(survey=employee_survey, year=2024)
    add_results(survey_round, {"Ringebu skole": 20, "Fåvang skule": 10,
                               "Ringebu sjukeheim": 30})
    table = queries.round_table(survey_round)
    dimension = table.dimensions[0].id
    area = table.cell(area_key(ringebu, "Oppvekst"), dimension)
    expected = (20 * factor_mean("Ringebu skole", 0) + 10 * factor_mean("Fåvang skule", 0)) / 30
    assert area == queries.Cell(expected.quantize(Decimal("0.001")), 30, computed=True)
    municipality = table.cell(MUNICIPALITY, dimension)
    assert municipality.computed and municipality.respondents == 60
    with translation.override("en"):
        assert municipality.status_text(3).startswith("computed")
    assert table.places[0].name == "Ringebu kommune"


def test_results_without_counts_are_shown_and_left_out_of_computed_totals(
        ringebu, employee_survey):
    survey_round = SurveyRound.objects.create(survey=employee_survey, year=2024)
    add_results(survey_round, {"Ringebu skole": None, "Fåvang skule": 10,
                               "Ringebu ungdomsskole": 12})
    table = queries.round_table(survey_round)
    dimension = table.dimensions[0].id
    school = table.cell(unit_key(ringebu, "Ringebu skole"), dimension)
    assert (school.mean, school.respondents, school.hidden) == (
        factor_mean("Ringebu skole", 0), None, False)
    area = table.cell(area_key(ringebu, "Oppvekst"), dimension)
    assert area.computed and area.respondents == 22


def test_a_source_without_any_counts_hides_nothing_and_computes_nothing(
        ringebu, employee_survey):
    survey_round = SurveyRound.objects.create(survey=employee_survey, year=2024)
    add_results(survey_round, {"Ringebu skole": None, "Fåvang skule": None})
    table = queries.round_table(survey_round)
    assert table.hidden_count == 0
    assert [p.name for p in table.places] == ["Fåvang skule", "Ringebu skole"]


def test_the_trend_keeps_each_years_own_hiding(ringebu, employee_survey):
    earlier = SurveyRound.objects.create(survey=employee_survey, year=2024)
    add_results(earlier, {"Fåvang barnehage": 5, "Ringebu skole": 20, "Oppvekst": 25})
    trend = queries.trend(employee_survey, unit_key(ringebu, "Fåvang barnehage"))
    assert [year for year, _ in trend] == [2024, 2025]
    first = employee_survey.dimensions.first().id
    assert trend[0][1][first].mean == factor_mean("Fåvang barnehage", 0)
    assert trend[1][1][first].hidden and trend[1][1][first].mean is None


def test_shown_value_of_a_year_and_a_place(ringebu, employee_survey, favang_skule):
    dimension = employee_survey.dimensions.first()
    cell = queries.shown_value(employee_survey, dimension, 2025, unit=favang_skule)
    assert (cell.mean, cell.respondents) == (factor_mean("Fåvang skule", 0), 12)
    assert queries.shown_value(employee_survey, dimension, 2023, unit=favang_skule) is None
    total = queries.shown_value(employee_survey, dimension, 2025)
    assert total.respondents == 140
    assert queries.rounds(employee_survey)[0].year == 2025


@pytest.fixture
def kindergarten_survey(ringebu):
    survey = make_survey(ringebu, "Brukerundersøkelse barnehage", SurveyKind.USER, 5,
                         factors=("Trivsel", "Informasjon"), service="Barnehage")
    for year, norge in ((2024, Decimal("4.000")), (2025, Decimal("5.000"))):
        survey_round = SurveyRound.objects.create(survey=survey, year=year)
        add_results(survey_round, {None: 60, "Ringebu barnehage": 30})
        for dimension in survey.dimensions.all():
            Reference.objects.create(round=survey_round, dimension=dimension, label="Norge",
                                     mean=norge + dimension.sort_order)
            Reference.objects.create(round=survey_round, dimension=dimension,
                                     label="Innlandet", mean=Decimal("1.000"))
    return survey


def test_satisfaction_gives_the_latest_municipal_mean_and_the_first_reference(
        ringebu, gausdal, employee_survey, kindergarten_survey):
    [row] = queries.satisfaction(ringebu, "barnehage")
    expected = (factor_mean("", 0) + factor_mean("", 1)) / 2
    assert (row.survey, row.year, row.hidden) == (kindergarten_survey, 2025, False)
    assert row.mean == expected.quantize(Decimal("0.001"))
    assert (row.reference_label, row.reference) == ("Norge", Decimal("5.500"))
    assert queries.satisfaction(ringebu, "grunnskole") == []
    assert queries.satisfaction(gausdal, "barnehage") == []


def test_a_survey_is_found_by_number_or_name_in_its_own_municipality_only(
        ringebu, gausdal, employee_survey):
    assert queries.find_survey(ringebu, str(employee_survey.pk)) == employee_survey
    assert queries.find_survey(ringebu, " 10-faktor ") == employee_survey
    assert queries.find_survey(ringebu, "Ukjent") is None
    assert queries.find_survey(gausdal, str(employee_survey.pk)) is None
