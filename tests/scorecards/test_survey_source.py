"""The "survey" source: a survey dimension's mean (or the mean of all dimensions) for the
scorecard's own place in its year, read through `surveys.queries`, for the year period only.

A small 10-FAKTOR-like survey of Ringebu's Oppvekst (threshold 3, scale 1–5), 2025:
                      Mestringsklima     Rolleklarhet
  Fåvang skule        4.2 (10 svar)      3.8 (10)
  Ringebu skole       4.0 (30)           4.4 (30)
  Oppvekst, computed  (42 + 120) / 40 = 4.05    (38 + 132) / 40 = 4.25
Overall (plain mean of the dimensions): Fåvang 4.0, Ringebu skole 4.2, Oppvekst 4.15; the
whole municipality is Oppvekst here. `small` adds Ringebu ungdomsskole with 2 respondents.
"""

from decimal import Decimal

import pytest

from styringshjul.org.models import OrgUnit, ServiceArea
from styringshjul.scorecards import sources, survey_source
from styringshjul.scorecards.models import Indicator, Level, Period, Result, Scorecard
from styringshjul.scorecards.services import ensure_year
from styringshjul.surveys import queries
from styringshjul.surveys.models import Survey, SurveyKind, SurveyResult, SurveyRound

pytestmark = pytest.mark.django_db

NAME = "Testundersøkelse 10-FAKTOR"
RESULTS = {"Fåvang skule": (10, "4.2", "3.8"), "Ringebu skole": (30, "4.0", "4.4")}


@pytest.fixture
def survey(ringebu) -> Survey:
    survey = Survey.objects.create(municipality=ringebu, name=NAME, kind=SurveyKind.EMPLOYEE,
                                   scale_min=1, scale_max=5, anonymity_threshold=3)
    climate = survey.dimensions.create(name="Mestringsklima", sort_order=1)
    roles = survey.dimensions.create(name="Rolleklarhet", sort_order=2)
    survey_round = SurveyRound.objects.create(survey=survey, year=2025)
    for name, (respondents, first, second) in RESULTS.items():
        add(survey_round, name, respondents, {climate: first, roles: second})
    survey_round.references.create(dimension=climate, label="Norge", mean=Decimal("4.1"))
    return survey


def add(survey_round: SurveyRound, unit_name: str, respondents: int, means: dict) -> None:
    unit = OrgUnit.objects.get(municipality=survey_round.survey.municipality, name=unit_name)
    for dimension, mean in means.items():
        SurveyResult.objects.create(round=survey_round, dimension=dimension, unit=unit,
                                    respondents=respondents, mean=Decimal(mean))


@pytest.fixture
def small(survey) -> Survey:
    """Ringebu ungdomsskole with 2 respondents: below the threshold."""
    add(survey.rounds.get(), "Ringebu ungdomsskole", 2,
        {dimension: "3.0" for dimension in survey.dimensions.all()})
    return survey


@pytest.fixture
def scorecards(ringebu) -> dict[str, Scorecard]:
    top = ensure_year(ringebu, 2025)
    found = {"municipality": top}
    for scorecard in Scorecard.objects.filter(municipality=ringebu, year=2025) \
            .select_related("unit", "service_area"):
        if scorecard.level == Level.UNIT:
            found[scorecard.unit.name] = scorecard
        elif scorecard.level == Level.SERVICE_AREA:
            found[scorecard.service_area.name] = scorecard
    return found


def indicator_on(scorecard: Scorecard, options: dict) -> Indicator:
    factor = scorecard.success_factors.create(
        perspective=scorecard.municipality.perspectives.get(name="Medarbeidere"),
        name="Godt arbeidsmiljø")
    return Indicator.objects.create(success_factor=factor, name="Medarbeiderundersøkelsen",
                                    source=survey_source.KEY, source_options=options)


def value(scorecard: Scorecard, options: dict, period: str = Period.YEAR):
    found = survey_source.compute(indicator_on(scorecard, options), scorecard, period)
    return found if found is None else found.value


CLIMATE = {"survey": NAME, "dimension": "Mestringsklima"}
OVERALL = {"survey": NAME, "dimension": ""}


@pytest.mark.parametrize("place, options, expected", [
    ("Fåvang skule", CLIMATE, "4.2"), ("Ringebu skole", CLIMATE, "4.0"),
    ("Oppvekst", CLIMATE, "4.05"), ("municipality", CLIMATE, "4.05"),
    ("Oppvekst", {"survey": NAME, "dimension": "rolleklarhet"}, "4.25"),
    ("Fåvang skule", OVERALL, "4.0"), ("Ringebu skole", OVERALL, "4.2"),
    ("Oppvekst", OVERALL, "4.15"), ("municipality", OVERALL, "4.15"),
])
def test_the_value_of_the_scorecards_own_place(survey, scorecards, place, options, expected):
    assert value(scorecards[place], options) == Decimal(expected)


def test_a_dimension_is_found_whatever_the_case_of_its_norwegian_letters(survey, scorecards):
    survey.dimensions.create(name="Økonomi og ressurser", sort_order=3)
    assert queries.find_dimension(survey, "  økonomi OG ressurser ").name == (
        "Økonomi og ressurser")


def test_refresh_for_one_source_leaves_the_other_sources_alone(survey, scorecards):
    scorecard = scorecards["Fåvang skule"]
    ours = indicator_on(scorecard, CLIMATE)
    other = Indicator.objects.create(success_factor=ours.success_factor, name="Fravær",
                                     source="key_figure", source_options={"figure": "x"})
    assert sources.refresh(scorecard, Period.YEAR, source=survey_source.KEY) == 1
    assert Result.objects.filter(indicator=ours).exists()
    assert not Result.objects.filter(indicator=other).exists()


def test_the_survey_can_be_named_by_its_number_and_the_note_says_where_from(survey,
                                                                           scorecards):
    scorecard = scorecards["Fåvang skule"]
    indicator = indicator_on(scorecard, {"survey": str(survey.pk), "dimension": "Mestringsklima"})
    found = survey_source.compute(indicator, scorecard, Period.YEAR)
    assert found.value == Decimal("4.2")
    assert NAME in found.note and "2025" in found.note and "Mestringsklima" in found.note


def test_year_offset_takes_an_earlier_round(survey, ringebu):
    scorecard = ensure_year(ringebu, 2026)
    assert value(scorecard, {**OVERALL, "year_offset": -1}) == Decimal("4.15")
    assert value(scorecard, OVERALL) is None  # no round for 2026


def test_tertials_get_nothing(survey, scorecards):
    for period in (Period.FIRST_TERTIAL, Period.SECOND_TERTIAL):
        assert value(scorecards["Fåvang skule"], CLIMATE, period) is None


@pytest.mark.parametrize("options", [{}, {"survey": "Ingen slik undersøkelse"},
                                     {"survey": NAME, "dimension": "Ingen slik faktor"},
                                     {**CLIMATE, "year_offset": 3}])
def test_no_value_says_why(survey, scorecards, options):
    scorecard = scorecards["Fåvang skule"]
    found = survey_source.compute(indicator_on(scorecard, options), scorecard, Period.YEAR)
    assert found.value is None
    assert found.note


def test_a_unit_without_results_gets_none(survey, scorecards):
    assert value(scorecards["Kulturskolen"], CLIMATE) is None


def test_a_unit_below_the_threshold_gets_no_value_and_a_note_saying_hidden(small,
                                                                          scorecards):
    scorecard = scorecards["Ringebu ungdomsskole"]
    for options in (CLIMATE, OVERALL):
        found = survey_source.compute(indicator_on(scorecard, options), scorecard,
                                      Period.YEAR)
        assert found.value is None
        assert "3" in found.note and found.note.startswith(NAME)


def test_the_scorecards_show_what_the_survey_shows_and_no_more(small, scorecards):
    """Whatever is hidden on the survey page (also to protect the small unit from being
    worked out by subtraction) is empty on the scorecards too."""
    climate = small.dimensions.get(name="Mestringsklima")
    area = ServiceArea.objects.get(municipality=small.municipality, name="Oppvekst")
    places = {"Oppvekst": {"service_area": area}, "municipality": {}}
    for name in (*RESULTS, "Ringebu ungdomsskole"):
        places[name] = {"unit": OrgUnit.objects.get(municipality=small.municipality,
                                                    name=name)}
    shown = {}
    for name, place in places.items():
        cell = queries.shown_value(small, climate, 2025, **place)
        assert value(scorecards[name], CLIMATE) == (
            None if cell.hidden or cell.mean is None else cell.mean.quantize(Decimal("0.001")))
        shown[name] = value(scorecards[name], CLIMATE)
    assert shown["Ringebu ungdomsskole"] is None
    # The total and both other schools visible would give away the small one.
    assert None in (shown["Oppvekst"], shown["Fåvang skule"], shown["Ringebu skole"])
    assert None in (shown["municipality"], shown["Fåvang skule"], shown["Ringebu skole"])


def test_the_kind_is_registered_for_the_indicator_form(survey, scorecards):
    assert survey_source.KEY in dict(sources.choices())
    indicator = indicator_on(scorecards["Fåvang skule"], CLIMATE)
    assert sources.kind_of(indicator) is survey_source.KIND


def test_refresh_stores_the_year_result(survey, scorecards):
    scorecard = scorecards["Fåvang skule"]
    indicator = indicator_on(scorecard, CLIMATE)
    sources.refresh(scorecard)
    results = Result.objects.filter(indicator=indicator, scorecard=scorecard)
    assert [(r.period, r.value) for r in results] == [(Period.YEAR, Decimal("4.2"))]
    assert NAME in results[0].source_note


def test_a_survey_import_that_hides_a_result_empties_the_scorecard_at_once(survey, scorecards,
                                                                            tmp_path):
    from styringshjul.surveys.importers import import_survey

    school = scorecards["Ringebu skole"]
    indicator = indicator_on(school, {"survey": NAME, "dimension": "Mestringsklima"})
    sources.refresh(school, Period.YEAR)
    assert Result.objects.get(indicator=indicator, scorecard=school).value == Decimal("4.000")
    new_file = tmp_path / "10-faktor.csv"  # Ringebu skole now has 2 respondents
    new_file.write_text("år;enhet;faktor;snitt;antall svar\n"
                        "2025;Fåvang skule;Mestringsklima;4,2;10\n"
                        "2025;Ringebu skole;Mestringsklima;4,0;2\n", encoding="utf-8")

    assert not import_survey(survey, new_file).rejected

    stored = Result.objects.get(indicator=indicator, scorecard=school)
    assert stored.value is None
    assert "hidden" in stored.source_note or "skjult" in stored.source_note


def test_the_threshold_cannot_go_below_three_nor_down_once_results_exist(survey, ringebu):
    from django.core.exceptions import ValidationError

    from styringshjul.surveys.importers import create_survey

    with pytest.raises(ValidationError):
        create_survey(ringebu, "Ny undersøkelse", SurveyKind.USER, anonymity_threshold=2)
    survey.anonymity_threshold = 5
    survey.full_clean()
    survey.save()
    survey.anonymity_threshold = 4
    with pytest.raises(ValidationError):
        survey.full_clean()
