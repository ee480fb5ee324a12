"""What other parts read of the scorecards: a scorecard as a sheet — perspectives, success
factors (own and shared), indicators with results per period and their status — in a few
queries, and the scorecards of a year."""

from dataclasses import dataclass, field

from styringshjul.org.models import Municipality
from styringshjul.scorecards.models import (
    Indicator,
    Level,
    Period,
    Perspective,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.status import Status, status_of, worst

PERIODS = [Period.FIRST_TERTIAL, Period.SECOND_TERTIAL, Period.YEAR]


@dataclass
class IndicatorRow:
    indicator: Indicator
    results: dict[str, Result | None]
    statuses: dict[str, Status]

    def latest(self) -> tuple[str | None, Result | None]:
        """The last period with a value."""
        for period in reversed(PERIODS):
            result = self.results.get(period)
            if result is not None and result.value is not None:
                return period, result
        return None, None


@dataclass
class FactorRow:
    factor: SuccessFactor
    inherited: bool
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class PerspectiveRow:
    perspective: Perspective
    factors: list[FactorRow] = field(default_factory=list)

    def status(self, period: str) -> Status:
        return worst(row.statuses[period] for factor in self.factors
                     for row in factor.indicators)


@dataclass
class Sheet:
    scorecard: Scorecard
    perspectives: list[PerspectiveRow]

    def indicator_rows(self) -> list[IndicatorRow]:
        return [row for perspective in self.perspectives for factor in perspective.factors
                for row in factor.indicators]


def municipality_scorecard(municipality: Municipality, year: int) -> Scorecard | None:
    return Scorecard.objects.for_municipality(municipality).filter(
        year=year, level=Level.MUNICIPALITY).first()


def year_scorecards(municipality: Municipality, year: int):
    return (Scorecard.objects.for_municipality(municipality).filter(year=year)
            .select_related("unit", "service_area"))


def shared_factors(scorecard: Scorecard) -> list[SuccessFactor]:
    """The municipality's shared success factors that appear in this (unit or area)
    scorecard."""
    if scorecard.level == Level.MUNICIPALITY:
        return []
    return list(SuccessFactor.objects.filter(
        scorecard__municipality_id=scorecard.municipality_id, scorecard__year=scorecard.year,
        scorecard__level=Level.MUNICIPALITY, is_shared=True).select_related("perspective"))


def sheet(scorecard: Scorecard) -> Sheet:
    """The scorecard with every factor (its own and the shared ones) and this scorecard's
    results for each indicator."""
    own = list(scorecard.success_factors.select_related("perspective", "goal", "parent"))
    factors = [(factor, True) for factor in shared_factors(scorecard)] + \
              [(factor, False) for factor in own]
    indicators = Indicator.objects.filter(
        success_factor__in=[factor for factor, _inherited in factors])
    by_factor: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        by_factor.setdefault(indicator.success_factor_id, []).append(indicator)
    results = {(result.indicator_id, result.period): result
               for result in Result.objects.filter(scorecard=scorecard)
               .select_related("updated_by")}
    rows: dict[int, PerspectiveRow] = {
        perspective.pk: PerspectiveRow(perspective)
        for perspective in Perspective.objects.for_municipality(scorecard.municipality)}
    for factor, inherited in factors:
        factor_row = FactorRow(factor, inherited)
        for indicator in by_factor.get(factor.pk, []):
            found = {period: results.get((indicator.pk, period)) for period in PERIODS}
            factor_row.indicators.append(IndicatorRow(indicator, found, {
                period: status_of(indicator, result.value if result else None)
                for period, result in found.items()}))
        rows.setdefault(factor.perspective_id, PerspectiveRow(factor.perspective)) \
            .factors.append(factor_row)
    return Sheet(scorecard, list(rows.values()))
