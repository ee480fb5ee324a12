"""The municipality's dashboard: counts per perspective and service area, which indicators
moved since the period before, and a unit's trend over the years."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from styringshjul.scorecards.dashboard import dashboard, sparkline, trend, trend_context
from styringshjul.scorecards.models import (
    Direction,
    Indicator,
    Level,
    Period,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.services import ensure_year
from styringshjul.scorecards.status import Status

pytestmark = pytest.mark.django_db

BUDGET_CONTROL = "Samsvar mellom budsjett og regnskap"


def _result(scorecard, indicator, period, value):
    Result.objects.create(scorecard=scorecard, indicator=indicator, period=period,
                          value=Decimal(value))


@pytest.fixture
def shared(scorecards_2026) -> Indicator:
    return Indicator.objects.get(success_factor__scorecard=scorecards_2026,
                                 name=BUDGET_CONTROL)


@pytest.fixture
def ringebu_skole(scorecards_2026) -> Scorecard:
    return Scorecard.objects.get(unit__name="Ringebu skole", year=2026)


@pytest.fixture
def wellbeing(favang_scorecard) -> Indicator:
    """Fåvang skule's own indicator for users: pupils' well-being, 4 or more is green."""
    users = favang_scorecard.municipality.perspectives.get(name="Brukere")
    factor = SuccessFactor.objects.create(scorecard=favang_scorecard, perspective=users,
                                          name="Elevene trives")
    return Indicator.objects.create(success_factor=factor, name="Trivsel",
                                    direction=Direction.HIGHER, target=Decimal(4),
                                    red_limit=Decimal(3))


@pytest.fixture
def results(favang_scorecard, ringebu_skole, shared, wellbeing):
    # Budget control (lower is better, green ≤ 2, red > 5):
    _result(favang_scorecard, shared, Period.FIRST_TERTIAL, "3.1")   # yellow
    _result(favang_scorecard, shared, Period.SECOND_TERTIAL, "1.5")  # green: better
    _result(ringebu_skole, shared, Period.FIRST_TERTIAL, "1.0")      # green
    _result(ringebu_skole, shared, Period.SECOND_TERTIAL, "6.0")     # red: worse
    _result(favang_scorecard, wellbeing, Period.SECOND_TERTIAL, "4.5")  # green, no T1


def _row(board, perspective: str, label: str):
    table = next(t for t in board.tables if t.perspective.name == perspective)
    if label == "total":
        return table.total
    return next(row for row in table.rows if row.label == label)


def _counts(row) -> tuple[int, int, int, int]:
    return tuple(row.counts[status] for status in
                 (Status.GREEN, Status.YELLOW, Status.RED, Status.MISSING))


def test_it_counts_the_latest_period_per_perspective_and_service_area(
        ringebu, favang_scorecard, results):
    board = dashboard(ringebu, 2026)
    assert board.period == Period.SECOND_TERTIAL
    assert board.previous == (2026, Period.FIRST_TERTIAL)
    assert board.periods_with_results == [Period.FIRST_TERTIAL, Period.SECOND_TERTIAL]
    area = favang_scorecard.service_area
    cards_in_area = Scorecard.objects.filter(year=2026, service_area=area).count()
    # Every scorecard in Oppvekst has the shared indicator once: Fåvang green, Ringebu
    # skole red, the rest without a result.
    assert _counts(_row(board, "Økonomi", area.name)) == (1, 0, 1, cards_in_area - 2)
    assert _counts(_row(board, "Brukere", area.name)) == (1, 0, 0, 0)
    assert _counts(_row(board, "Samfunn", area.name)) == (0, 0, 0, 0)
    all_cards = Scorecard.objects.filter(year=2026).count()
    assert _counts(_row(board, "Økonomi", "total")) == (1, 0, 1, all_cards - 2)
    top_row = next(t for t in board.tables if t.perspective.name == "Økonomi").rows[0]
    assert top_row.scorecard.level == Level.MUNICIPALITY
    assert _counts(top_row) == (0, 0, 0, 1)


def test_a_chosen_period_is_counted(
        ringebu, favang_scorecard, results):
    board = dashboard(ringebu, 2026, Period.FIRST_TERTIAL)
    area = favang_scorecard.service_area.name
    assert _counts(_row(board, "Økonomi", area))[:3] == (1, 1, 0)
    assert _counts(_row(board, "Brukere", area)) == (0, 0, 0, 1)
    assert board.previous == (2025, Period.YEAR)
    assert board.moves == []  # no scorecards for 2025


def test_it_finds_the_indicators_that_moved_since_the_period_before(
        ringebu, favang_scorecard, ringebu_skole, shared, results):
    moves = dashboard(ringebu, 2026).moves
    assert [(m.scorecard, m.indicator, m.before, m.after, m.better) for m in moves] == [
        (ringebu_skole, shared, Status.GREEN, Status.RED, False),
        (favang_scorecard, shared, Status.YELLOW, Status.GREEN, True),
    ]
    assert [m.symbol for m in moves] == ["▼", "▲"]


def test_the_first_tertial_is_compared_with_the_year_before(
        ringebu, favang_scorecard, shared, results):
    top_2025 = ensure_year(ringebu, 2025)
    factor = SuccessFactor.objects.create(
        scorecard=top_2025, perspective=ringebu.perspectives.get(name="Økonomi"),
        is_shared=True, name="God budsjettkontroll")
    old = Indicator.objects.create(success_factor=factor, name=BUDGET_CONTROL,
                                   direction=Direction.LOWER, target=Decimal(2),
                                   red_limit=Decimal(5))
    _result(Scorecard.objects.get(unit=favang_scorecard.unit, year=2025), old, Period.YEAR,
            "8")  # red, then yellow in T1 2026
    with_moves = dashboard(ringebu, 2026, Period.FIRST_TERTIAL).moves
    assert [(m.scorecard, m.indicator, m.before, m.after, m.better) for m in with_moves] == [
        (favang_scorecard, shared, Status.RED, Status.YELLOW, True)]


def test_without_results_every_indicator_is_missing(ringebu, scorecards_2026):
    board = dashboard(ringebu, 2026)
    assert board.period is None
    total = _row(board, "Økonomi", "total")
    assert _counts(total) == (0, 0, 0, Scorecard.objects.filter(year=2026).count())
    assert board.moves == []


def test_it_reads_the_whole_year_in_a_few_queries(ringebu, results,
                                                  django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        dashboard(ringebu, 2026)


def test_the_page_shows_counts_with_words_and_symbols(as_per, ringebu, results):
    response = as_per.get(reverse("scorecard_dashboard", args=[ringebu.number, 2026]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>" in html
    assert "▲" in html and "▼" in html and "■" in html
    assert len(response.context["moves"]) == 2


def test_the_page_takes_a_period(as_per, ringebu, results):
    response = as_per.get(reverse("scorecard_dashboard", args=[ringebu.number, 2026]),
                          {"period": "T1"})
    assert response.context["board"].period == "T1"


def test_a_year_without_scorecards_is_404_and_sofie_sees_nothing(as_per, as_sofie, ringebu,
                                                                  results):
    assert as_per.get(reverse("scorecard_dashboard", args=["3439", 2019])).status_code == 404
    url = reverse("scorecard_dashboard", args=["3439", 2026])
    assert as_sofie.get(url).status_code == 404


def test_a_units_trend_follows_the_indicator_by_name_over_the_years(
        ringebu, favang_scorecard, shared, results):
    top_2025 = ensure_year(ringebu, 2025)
    factor = SuccessFactor.objects.create(
        scorecard=top_2025, perspective=ringebu.perspectives.get(name="Økonomi"),
        is_shared=True, name="God budsjettkontroll")
    old = Indicator.objects.create(success_factor=factor, name=BUDGET_CONTROL,
                                   direction=Direction.LOWER, target=Decimal(2))
    favang_2025 = Scorecard.objects.get(unit=favang_scorecard.unit, year=2025)
    _result(favang_2025, old, Period.YEAR, "2.4")
    _result(Scorecard.objects.get(unit__name="Ringebu skole", year=2025), old, Period.YEAR,
            "9")
    assert trend(favang_scorecard, shared) == [
        (2025, "year", Decimal("2.400")), (2026, "T1", Decimal("3.100")),
        (2026, "T2", Decimal("1.500"))]
    assert trend(favang_2025, old) == [(2025, "year", Decimal("2.400"))]


def test_the_trend_partial_is_a_table_with_a_sparkline(favang_scorecard, shared, results):
    context = trend_context(favang_scorecard, shared)
    assert context["sparkline"] == sparkline(context["trend"])
    html = render_to_string("scorecards/_trend.html", context)
    assert "<caption>" in html and "<polyline" in html
    assert "style=" not in html and "<script" not in html


def test_a_sparkline_needs_two_points():
    assert sparkline([(2026, "T1", Decimal(1))]) == ""
    assert sparkline([(2026, "T1", Decimal(1)), (2026, "T2", Decimal(3))]) == \
        "2.0,30.0 118.0,2.0"
