"""The municipality's dashboard for a year: per perspective and service area, how many
indicators are green, yellow, red or without a result in a period, and which indicators moved
since the period before. Everything is read in a few queries for the whole year; a shared
indicator counts once on every scorecard it appears in, with that scorecard's own result."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from styringshjul.org.models import Municipality, ServiceArea
from styringshjul.scorecards.models import (
    Indicator,
    Level,
    Perspective,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.queries import PERIODS, year_scorecards
from styringshjul.scorecards.status import LOOKS, ORDER, Status, StatusLook, status_of

BETTER = ("▲", _("better"))
WORSE = ("▼", _("worse"))


@dataclass
class Counts:
    """How many indicators have each status."""

    label: str
    scorecard: Scorecard | None = None
    counts: Counter = field(default_factory=Counter)

    def cells(self) -> list[tuple[Status, StatusLook, int]]:
        return [(status, LOOKS[status], self.counts[status]) for status in ORDER]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class PerspectiveTable:
    perspective: Perspective
    rows: list[Counts]
    total: Counts


@dataclass(frozen=True)
class Move:
    """An indicator on a scorecard whose status changed since the period before."""

    scorecard: Scorecard
    indicator: Indicator
    before: Status
    after: Status

    @property
    def better(self) -> bool:
        return ORDER.index(self.after) < ORDER.index(self.before)

    @property
    def symbol(self) -> str:
        return (BETTER if self.better else WORSE)[0]

    @property
    def word(self):
        return (BETTER if self.better else WORSE)[1]

    @property
    def looks(self) -> tuple[StatusLook, StatusLook]:
        return LOOKS[self.before], LOOKS[self.after]


@dataclass
class Dashboard:
    year: int
    period: str | None
    previous: tuple[int, str] | None  # (year, period)
    periods_with_results: list[str]
    tables: list[PerspectiveTable]
    moves: list[Move]


@dataclass
class _Year:
    """The year's scorecards, indicators and results, loaded once."""

    scorecards: list[Scorecard]
    factors: dict[int, SuccessFactor]
    indicators_of: dict[int, list[Indicator]]
    values: dict[tuple[int, int, str], Decimal | None]


def _load(municipality: Municipality, year: int) -> _Year:
    scorecards = list(year_scorecards(municipality, year))
    factors = {factor.pk: factor for factor in SuccessFactor.objects.filter(
        scorecard__in=scorecards).select_related("perspective")}
    by_scorecard: dict[int, list[Indicator]] = {card.pk: [] for card in scorecards}
    shared: list[Indicator] = []
    for indicator in Indicator.objects.filter(success_factor__in=list(factors)):
        factor = factors[indicator.success_factor_id]
        by_scorecard[factor.scorecard_id].append(indicator)
        if factor.is_shared:
            shared.append(indicator)
    top = {card.pk for card in scorecards if card.level == Level.MUNICIPALITY}
    # A scorecard's indicators: the municipality's shared ones first, then its own.
    indicators_of = {pk: (own if pk in top else shared + own) for pk, own in by_scorecard.items()}
    values = {(scorecard_id, indicator_id, period): value
              for scorecard_id, indicator_id, period, value in Result.objects.filter(
                  scorecard__in=scorecards).values_list(
                      "scorecard_id", "indicator_id", "period", "value")}
    return _Year(scorecards, factors, indicators_of, values)


def _status(data: _Year, card: Scorecard, indicator: Indicator, period: str | None) -> Status:
    if period is None:
        return Status.MISSING
    return status_of(indicator, data.values.get((card.pk, indicator.pk, period)))


def _periods_with_results(data: _Year) -> list[str]:
    present = {period for (_card, _indicator, period), value in data.values.items()
               if value is not None}
    return [period for period in PERIODS if period in present]


def _row_key(card: Scorecard) -> object:
    return "municipality" if card.level == Level.MUNICIPALITY else card.service_area_id


def _rows(areas: list[ServiceArea], data: _Year) -> dict[object, Counts]:
    """One row for the municipality's own scorecard, then one per service area (its own
    scorecard and its units'), and one for units outside any area if there are such."""
    top = next((card for card in data.scorecards if card.level == Level.MUNICIPALITY), None)
    area_cards = {card.service_area_id: card for card in data.scorecards
                  if card.level == Level.SERVICE_AREA}
    rows: dict[object, Counts] = {
        "municipality": Counts(str(_("The municipality's own scorecard")), top)}
    for area in areas:
        rows[area.pk] = Counts(area.name, area_cards.get(area.pk))
    if any(_row_key(card) is None for card in data.scorecards):
        rows[None] = Counts(str(_("Units outside a service area")))
    return rows


def _tables(municipality: Municipality, data: _Year, period: str | None
            ) -> list[PerspectiveTable]:
    perspectives = list(Perspective.objects.for_municipality(municipality))
    areas = list(ServiceArea.objects.for_municipality(municipality))
    rows = {perspective.pk: _rows(areas, data) for perspective in perspectives}
    for card in data.scorecards:
        for indicator in data.indicators_of[card.pk]:
            perspective_id = data.factors[indicator.success_factor_id].perspective_id
            row = rows.get(perspective_id, {}).get(_row_key(card))
            if row is not None:
                row.counts[_status(data, card, indicator, period)] += 1
    tables = []
    for perspective in perspectives:
        total = Counts(str(_("Whole municipality")))
        for row in rows[perspective.pk].values():
            total.counts.update(row.counts)
        tables.append(PerspectiveTable(perspective, list(rows[perspective.pk].values()), total))
    return tables


def _owner(card: Scorecard) -> tuple:
    """Who a scorecard belongs to, the same from one year to the next."""
    if card.level == Level.UNIT:
        return card.level, card.unit_id
    if card.level == Level.SERVICE_AREA:
        return card.level, card.service_area_id
    return card.level, None


def _statuses(data: _Year, period: str) -> dict[tuple, Status]:
    """Each (owner, indicator name)'s status in `period`, to compare across years."""
    return {(_owner(card), indicator.name): _status(data, card, indicator, period)
            for card in data.scorecards for indicator in data.indicators_of[card.pk]}


def _moves(data: _Year, period: str, before_of: dict[tuple, Status]) -> list[Move]:
    moves = []
    for card in data.scorecards:
        for indicator in data.indicators_of[card.pk]:
            before = before_of.get((_owner(card), indicator.name), Status.MISSING)
            after = _status(data, card, indicator, period)
            if Status.MISSING not in (before, after) and before != after:
                moves.append(Move(card, indicator, before, after))
    # Those that got worse first.
    moves.sort(key=lambda move: (move.better, str(move.scorecard.unit or
                                                  move.scorecard.service_area or ""),
                                 move.indicator.name))
    return moves


def previous_period(year: int, period: str | None) -> tuple[int, str] | None:
    """The period before: the tertial before, or the year before's annual result for the
    first tertial."""
    if period not in PERIODS:
        return None
    if period == PERIODS[0]:
        return year - 1, PERIODS[-1]
    return year, PERIODS[PERIODS.index(period) - 1]


def dashboard(municipality: Municipality, year: int, period: str | None = None) -> Dashboard:
    """The year's counts for `period` (default: the latest period with any result) and the
    indicators whose status changed since the period before it (for the first tertial: the
    year before's annual results, matched by owner and indicator name)."""
    data = _load(municipality, year)
    with_results = _periods_with_results(data)
    if period not in PERIODS:
        period = with_results[-1] if with_results else None
    previous = previous_period(year, period)
    moves = []
    if previous is not None:
        earlier = data if previous[0] == year else _load(municipality, previous[0])
        moves = _moves(data, period, _statuses(earlier, previous[1]))
    return Dashboard(year, period, previous, with_results, _tables(municipality, data, period),
                     moves)


# A unit's trend


def _same_owner(scorecard: Scorecard):
    cards = Scorecard.objects.filter(municipality_id=scorecard.municipality_id,
                                     level=scorecard.level, year__lte=scorecard.year)
    if scorecard.level == Level.UNIT:
        return cards.filter(unit_id=scorecard.unit_id)
    if scorecard.level == Level.SERVICE_AREA:
        return cards.filter(service_area_id=scorecard.service_area_id)
    return cards


def trend(scorecard: Scorecard, indicator: Indicator) -> list[tuple[int, str, Decimal]]:
    """The results of the indicator on this owner's scorecards up to this year, matched by
    the indicator's name (each year's scorecard has its own indicators), oldest first."""
    rows = Result.objects.filter(
        scorecard__in=_same_owner(scorecard), indicator__name=indicator.name,
        value__isnull=False).values_list("scorecard__year", "period", "value")
    return sorted(rows, key=lambda row: (row[0], PERIODS.index(row[1])))


def sparkline(points: list[tuple[int, str, Decimal]], width: int = 120, height: int = 32
              ) -> str:
    """The `points` attribute of an SVG polyline through the values; empty below two."""
    if len(points) < 2:
        return ""
    values = [value for _year, _period, value in points]
    low, high = min(values), max(values)
    spread = (high - low) or Decimal(1)
    step = Decimal(width - 4) / (len(values) - 1)
    inner = height - 4
    coordinates = [(2 + step * i, 2 + inner - (value - low) / spread * inner)
                   for i, value in enumerate(values)]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)


def trend_context(scorecard: Scorecard, indicator: Indicator) -> dict:
    """What scorecards/_trend.html reads."""
    points = trend(scorecard, indicator)
    return {"indicator": indicator, "trend": points, "sparkline": sparkline(points)}
