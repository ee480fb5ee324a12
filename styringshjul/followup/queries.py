"""Budget against actuals: the variance by any dimension, year to date through a period.

Amounts are as in KOSTRA: expenses positive, income negative. The variance is budget to
date minus actual to date, so a positive variance is better than budget (an expense under
budget, or income above it) and a negative one worse. Sums are made in the database, one
query for the budget and one for the actuals per report, never one per row.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.db.models import Q
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.queries import budget_sums, followed_up_version
from styringshjul.followup import actuals
from styringshjul.followup.models import Forecast
from styringshjul.followup.rows import UNKNOWN, names_and_order, rolled_up
from styringshjul.ledger.art_groups import group_by_key
from styringshjul.ledger.models import AccountClass
from styringshjul.org.models import Municipality
from styringshjul.org.org_map import OrgMap, org_map

CENTS = Decimal("0.01")
TENTHS = Decimal("0.1")
# A row is flagged when it is more than 5 % and at least 10 000 kroner off its budget to date.
THRESHOLD_PERCENT = Decimal(5)
THRESHOLD_AMOUNT = Decimal(10_000)


class Grouping(StrEnum):
    RESPONSIBILITY = "ansvar"
    FUNCTION = "funksjon"
    ART = "art"
    ART_GROUP = "art_group"
    PROJECT = "objekt"
    SERVICE_AREA = "service_area"
    UNIT = "unit"


FIELDS = {
    Grouping.RESPONSIBILITY: "responsibility", Grouping.FUNCTION: "function",
    Grouping.ART: "kostra_art", Grouping.ART_GROUP: "kostra_art", Grouping.PROJECT: "project",
    Grouping.SERVICE_AREA: "responsibility", Grouping.UNIT: "responsibility",
}
FORECAST_GROUPINGS = {Grouping.RESPONSIBILITY, Grouping.SERVICE_AREA, Grouping.UNIT}


@dataclass
class VarianceRow:
    key: str
    name: str
    annual_budget: Decimal = Decimal(0)
    budget_ytd: Decimal = Decimal(0)
    actual_ytd: Decimal = Decimal(0)
    forecast: Decimal | None = None
    units: set = field(default_factory=set, repr=False)

    @property
    def variance(self) -> Decimal:
        return self.budget_ytd - self.actual_ytd

    @property
    def variance_pct(self) -> Decimal | None:
        if not self.budget_ytd:
            return None
        return (self.variance / abs(self.budget_ytd) * 100).quantize(TENTHS, ROUND_HALF_UP)

    @property
    def status(self) -> str:
        """"over" when worse than budget beyond the threshold, "under" when better."""
        if abs(self.variance) < THRESHOLD_AMOUNT:
            return ""
        percent = self.variance_pct
        if percent is None or abs(percent) > THRESHOLD_PERCENT:
            return "over" if self.variance < 0 else "under"
        return ""


@dataclass
class VarianceReport:
    municipality: Municipality
    year: int
    period: int
    version: BudgetVersion
    grouping: Grouping
    account_class: str
    rows: list[VarianceRow]
    total: VarianceRow


def scope_filter(municipality: Municipality, grouping: Grouping, key: str) -> Q:
    """The account strings behind one row of a report grouped by `grouping`."""
    if grouping in (Grouping.SERVICE_AREA, Grouping.UNIT):
        codes = org_map(municipality)
        if key == UNKNOWN:
            return ~Q(responsibility__in=list(codes))
        attribute = "service_area_id" if grouping is Grouping.SERVICE_AREA else "unit_id"
        return Q(responsibility__in=[
            code for code, place in codes.items() if str(getattr(place, attribute)) == key
        ])
    if grouping is Grouping.ART_GROUP:
        group = group_by_key(key)
        return group.q() if group else Q(pk__in=[])
    return Q(**{FIELDS[grouping]: key})


def variance(
    municipality: Municipality, year: int, period: int, grouping: Grouping,
    version: BudgetVersion | None = None, account_class: str = AccountClass.OPERATING,
    scope: Q | None = None,
) -> VarianceReport | None:
    """Budget against actuals through `period` grouped by `grouping`, or None when the
    municipality has no budget to follow up for `year`."""
    version = version or followed_up_version(municipality, year)
    if version is None:
        return None
    grouping = Grouping(grouping)
    field_name = FIELDS[grouping]
    budget = budget_sums(version, year, period, field_name, account_class, scope)
    booked = actuals.sums_to_date(municipality, year, period, field_name, account_class, scope)
    org = org_map(municipality)
    rows = rolled_up(org, grouping, _rows(budget, booked))
    rows = names_and_order(org, grouping, rows)
    total = _total(rows)
    if grouping in FORECAST_GROUPINGS:
        _add_forecasts(municipality, year, grouping, org, [*rows, total])
    return VarianceReport(municipality, year, period, version, grouping, account_class, rows,
                          total)


def _rows(budget: dict, booked: dict) -> list[VarianceRow]:
    rows = []
    for key in budget.keys() | booked.keys():
        annual, to_date = budget.get(key, (Decimal(0), Decimal(0)))
        rows.append(VarianceRow(
            key=key, name="", annual_budget=_cents(annual), budget_ytd=_cents(to_date),
            actual_ytd=_cents(booked.get(key, Decimal(0))),
        ))
    return rows


def _add_forecasts(municipality, year, grouping, org: OrgMap, rows) -> None:
    """Each row's units' forecasts. A forecast is made per unit, so on an ansvar row it is
    shown only when that code is the unit's only one; the total has every unit's."""
    forecasts = dict(
        Forecast.objects.for_municipality(municipality).filter(year=year)
        .values_list("unit_id", "amount")
    )
    for row in rows:
        units = row.units
        if grouping is Grouping.RESPONSIBILITY and row.key != "total":
            units = {unit for unit in units if org.codes_of_unit(unit) == 1}
        amounts = [forecasts[unit] for unit in units if unit in forecasts]
        row.forecast = sum(amounts, Decimal(0)) if amounts else None


def _total(rows: list[VarianceRow]) -> VarianceRow:
    total = VarianceRow(key="total", name=_("Total"))
    for row in rows:
        total.annual_budget += row.annual_budget
        total.budget_ytd += row.budget_ytd
        total.actual_ytd += row.actual_ytd
        total.units |= row.units
    return total


def _cents(amount: Decimal | None) -> Decimal:
    return Decimal(amount or 0).quantize(CENTS, ROUND_HALF_UP)


@dataclass
class AccountStringRow(VarianceRow):
    responsibility: str = ""
    function: str = ""
    art: str = ""
    project: str = ""


def account_strings(
    municipality: Municipality, year: int, period: int, version: BudgetVersion,
    account_class: str, scope: Q,
) -> list[AccountStringRow]:
    """The account strings behind a row: budget and actuals to date per ansvar, funksjon,
    art as booked and objekt."""
    budget = budget_sums(version, year, period, actuals.ACCOUNT_STRING, account_class, scope)
    booked = actuals.account_string_sums(municipality, year, period, account_class, scope)
    rows = []
    for key in sorted(budget.keys() | booked.keys()):
        annual, to_date = budget.get(key, (Decimal(0), Decimal(0)))
        responsibility, function, art, project = key
        rows.append(AccountStringRow(
            key=" ".join(code for code in key if code), name="",
            annual_budget=_cents(annual), budget_ytd=_cents(to_date),
            actual_ytd=_cents(booked.get(key)), responsibility=responsibility,
            function=function, art=art, project=project,
        ))
    return rows


def totals(rows: list[VarianceRow]) -> VarianceRow:
    return _total(rows)
