"""Ranking, rank_of, series and scatter on a tiny hand-made set (2024):

Figure A (higher is better): 3403 70, 3441 70, 3401 50, 3439 50, 3405 30
  → ranks 1, 1, 3, 3, 5 (competition ranking; ties ordered by code).
Figure B (lower is better): 3405 5, 3401 10, 3439 10, 3441 20; 3403 ".." (no value)
  → ranks 1, 2, 2, 4 of 4.
Scatter A × B over the four with both: x 50 70 50 30 (mean 50), y 10 20 10 5 (mean 11.25);
  Σdxdy = 300, Σdx² = 800, Σdy² = 118.75 → r = 300 / √95 000 = 0.973329…
"""

from decimal import Decimal

import pytest

from styringshjul.keyfigures import queries
from styringshjul.keyfigures.models import (
    GroupMembership,
    IndicatorKind,
    KeyFigure,
    KeyFigureValue,
    Region,
    RegionKind,
)

pytestmark = pytest.mark.django_db
YEAR = 2024
MUNICIPALITIES = {"3439": "Ringebu", "3441": "Gausdal", "3401": "Kongsvinger",
                  "3405": "Lillehammer", "3403": "Hamar"}
OTHERS = [("EKG02", "Kostragruppe 2", RegionKind.KOSTRA_GROUP),
          ("EKA34", "Innlandet (EKA34)", RegionKind.COUNTY),
          ("3400", "Innlandet", RegionKind.COUNTY),
          ("EAK", "Landet", RegionKind.COUNTRY),
          ("EAKUO", "Landet uten Oslo", RegionKind.COUNTRY_WITHOUT_OSLO)]
A = {"3403": "70", "3441": "70", "3401": "50", "3439": "50", "3405": "30",
     "EKG02": "60", "EKA34": "55", "EAK": "58.5", "EAKUO": "57"}
A_2023 = {"3439": "45", "3441": "65", "EKG02": "58", "EAK": "56"}
B = {"3405": "5", "3401": "10", "3439": "10", "3441": "20", "3403": None}


def region(code: str, name: str, kind: str) -> Region:
    found, _ = Region.objects.update_or_create(code=code, defaults={"name": name,
                                                                     "kind": kind})
    return found


def add_values(figure: KeyFigure, values: dict, year: int = YEAR) -> None:
    for code, value in values.items():
        KeyFigureValue.objects.update_or_create(
            figure=figure, region=Region.objects.get(code=code), year=year,
            defaults={"value": None if value is None else Decimal(value),
                      "status": ".." if value is None else ""})


@pytest.fixture
def national(demo) -> dict:
    """The small national set; returns the figures."""
    for code, name in MUNICIPALITIES.items():
        region(code, name, RegionKind.MUNICIPALITY)
    for code, name, kind in OTHERS:
        region(code, name, kind)
    group = Region.objects.get(code="EKG02")
    for code in ("3439", "3441"):
        GroupMembership.objects.update_or_create(member=Region.objects.get(code=code),
                                                 year=YEAR, defaults={"group": group})
    fig_a = KeyFigure.objects.create(
        table_id="T9901", content_code="KOSTRATEST1", name="Testandel A", unit="prosent",
        higher_is_better=True, service="testtjeneste",
        indicator_kind=IndicatorKind.COVERAGE)
    fig_b = KeyFigure.objects.create(
        table_id="T9902", content_code="KOSTRATEST2", name="Testkostnad B", unit="kr",
        higher_is_better=False, service="testtjeneste",
        indicator_kind=IndicatorKind.PRODUCTIVITY)
    add_values(fig_a, A)
    add_values(fig_a, A_2023, 2023)
    add_values(fig_b, B)
    return {"a": fig_a, "b": fig_b}


def test_ranking_higher_is_better_ties_share_a_rank(national):
    rows = queries.ranking(national["a"], YEAR)
    assert [(r.region_code, r.value, r.rank) for r in rows] == [
        ("3403", Decimal(70), 1), ("3441", Decimal(70), 1), ("3401", Decimal(50), 3),
        ("3439", Decimal(50), 3), ("3405", Decimal(30), 5)]
    assert rows[0].region_name == "Hamar"


def test_ranking_lower_is_better_leaves_out_missing_values(national):
    rows = queries.ranking(national["b"], YEAR)
    assert [(r.region_code, r.rank) for r in rows] == [
        ("3405", 1), ("3401", 2), ("3439", 2), ("3441", 4)]


def test_ranking_of_a_year_without_values_is_empty(national):
    assert queries.ranking(national["b"], 2019) == []


def test_rank_of(national):
    assert queries.rank_of(national["a"], YEAR, "3439") == (3, 5)
    assert queries.rank_of(national["a"], YEAR, "3405") == (5, 5)
    assert queries.rank_of(national["b"], YEAR, "3441") == (4, 4)
    assert queries.rank_of(national["b"], YEAR, "3403") == (None, 4)
    assert queries.rank_of(national["a"], 2019, "3439") == (None, 0)


def test_ranks_for_many_figures_in_one_query(national, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = queries.ranks_for("3439", [(national["a"].pk, YEAR),
                                           (national["b"].pk, YEAR)])
    assert found[(national["a"].pk, YEAR)] == queries.Standing(Decimal(50), 3, 5)
    assert found[(national["b"].pk, YEAR)] == queries.Standing(Decimal(10), 2, 4)


def test_series_in_one_query(national, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = queries.series(national["a"], ["3439", "EKG02", "EAK", "9999"])
    assert found == {"3439": {2023: Decimal(45), 2024: Decimal(50)},
                     "EKG02": {2023: Decimal(58), 2024: Decimal(60)},
                     "EAK": {2023: Decimal(56), 2024: Decimal("58.5")}, "9999": {}}
    assert queries.series(national["a"], ["3439"], [2023]) == {"3439": {2023: Decimal(45)}}


def test_value_of(national):
    assert queries.value_of(national["a"], "EKA34", YEAR) == Decimal(55)
    assert queries.value_of(national["b"], "3403", YEAR) is None
    assert queries.latest_years("3439", [national["a"]]) == {national["a"].pk: YEAR}


def test_scatter_and_correlation_by_hand(national, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = queries.scatter(national["a"], national["b"], YEAR)
    assert [(p.region_code, p.x, p.y) for p in found.points] == [
        ("3401", Decimal(50), Decimal(10)), ("3405", Decimal(30), Decimal(5)),
        ("3439", Decimal(50), Decimal(10)), ("3441", Decimal(70), Decimal(20))]
    assert found.correlation == pytest.approx(0.973329, abs=1e-6)


def test_correlation_needs_three_points_and_variation():
    assert queries.pearson([1.0, 2.0], [3.0, 4.0]) is None
    assert queries.pearson([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]) is None
    assert queries.pearson([1.0, 2.0, 3.0], [6.0, 4.0, 2.0]) == pytest.approx(-1.0)


def test_comparisons(national, ringebu):
    found = queries.comparisons(ringebu, YEAR)
    assert found.municipality.code == "3439"
    assert [r.code for r in found.standard()] == ["EKG02", "EKA34", "EAK", "EAKUO"]


def test_find_figure_by_content_code_or_table(national):
    assert queries.find_figure("KOSTRATEST1") == national["a"]
    assert queries.find_figure("T9902:KOSTRATEST2") == national["b"]
    with pytest.raises(queries.FigureNotFound):
        queries.find_figure("NOSUCHCODE")
