"""The "key_figure" source: the municipality's value of a KOSTRA figure for the
scorecard's year (or `year_offset` years before), for the year period only.
Data (test_queries): Ringebu figure A 2023 = 45, 2024 = 50; figure B 2024 = 10."""

from decimal import Decimal

import pytest

from styringshjul.scorecards import keyfigure_source, sources
from styringshjul.scorecards.models import Indicator, Period, Result
from styringshjul.scorecards.services import ensure_year
from tests.keyfigures.test_queries import national  # noqa: F401  fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    kind = keyfigure_source.register_kind()
    yield kind
    sources.unregister(kind.key)


@pytest.fixture
def scorecard_2024(ringebu):
    return ensure_year(ringebu, 2024)


def indicator_on(scorecard, options: dict) -> Indicator:
    factor = scorecard.success_factors.create(
        perspective=scorecard.municipality.perspectives.get(name="Brukere"),
        name="God dekning")
    return Indicator.objects.create(success_factor=factor, name="Dekningsgrad",
                                    source=keyfigure_source.KEY, source_options=options)


def compute(indicator, scorecard, period=Period.YEAR):
    return keyfigure_source.compute(indicator, scorecard, period)


def test_value_of_the_scorecards_year(national, scorecard_2024):  # noqa: F811
    indicator = indicator_on(scorecard_2024, {"figure": "T9901:KOSTRATEST1"})
    found = compute(indicator, scorecard_2024)
    assert found.value == Decimal("50.000")
    assert "Testandel A" in found.note and "2024" in found.note


def test_year_offset_and_content_code_alone(national, scorecard_2024):  # noqa: F811
    indicator = indicator_on(scorecard_2024, {"figure": "KOSTRATEST1", "year_offset": -1})
    assert compute(indicator, scorecard_2024).value == Decimal(45)


def test_tertials_get_nothing(national, scorecard_2024):  # noqa: F811
    indicator = indicator_on(scorecard_2024, {"figure": "KOSTRATEST1"})
    assert compute(indicator, scorecard_2024, Period.FIRST_TERTIAL) is None
    assert compute(indicator, scorecard_2024, Period.SECOND_TERTIAL) is None


@pytest.mark.parametrize("options", [{}, {"figure": "NOSUCHCODE"},
                                     {"figure": "KOSTRATEST1", "year_offset": 5}])
def test_no_value_says_why(national, scorecard_2024, options):  # noqa: F811
    found = compute(indicator_on(scorecard_2024, options), scorecard_2024)
    assert found.value is None
    assert found.note


def test_refresh_stores_the_year_result(national, scorecard_2024, registered):  # noqa: F811
    indicator = indicator_on(scorecard_2024, {"figure": "T9902:KOSTRATEST2"})
    assert sources.kind_of(indicator) is registered
    sources.refresh(scorecard_2024)
    results = Result.objects.filter(indicator=indicator)
    assert [(r.period, r.value) for r in results] == [(Period.YEAR, Decimal(10))]
    assert "Testkostnad B" in results[0].source_note
