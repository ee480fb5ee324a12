"""A small, hand-computable year for Ringebu (and one Gausdal row that must never show).

Budget 2025 (annual): Fåvang skule 2200 wages 1 200 000 and purchases 120 000, SFO 2210
fees −240 000; Ringebu ungdomsskole 2300 wages 600 000; Ringebu sjukeheim 3100 wages
2 400 000 and sick-pay refunds −120 000. Actuals through period 8 and a few after.
"""

from decimal import Decimal

import pytest

from styringshjul.budget.models import BudgetLine, BudgetVersion, PeriodProfile
from styringshjul.followup.models import Forecast
from styringshjul.ledger.models import Actual, ActualRollup, LedgerImport
from styringshjul.ledger.rollups import refresh_rollups
from styringshjul.org.models import OrgUnit

YEAR = 2025
BUDGET = [
    ("2200", "202", "0101", "", "1200000"),
    ("2200", "202", "1200", "", "120000"),
    ("2210", "215", "6200", "", "-240000"),
    ("2300", "202", "0101", "", "600000"),
    ("3100", "253", "0101", "", "2400000"),
    ("3100", "253", "7100", "", "-120000"),
]
ACTUALS = [
    *[("2200", "202", "0101", "", p, "100000") for p in range(1, 9)],
    ("2200", "202", "1200", "", 3, "50000"),
    ("2200", "202", "1200", "", 9, "30000"),
    ("2200", "202", "1200", "P100", 4, "5000"),
    ("2210", "215", "6200", "", 2, "-100000"),
    ("2210", "215", "6200", "", 5, "-60000"),
    *[("2300", "202", "0101", "", p, "45000") for p in range(1, 9)],
    *[("3100", "253", "0101", "", p, "200000") for p in range(1, 9)],
    ("3100", "253", "0101", "", 13, "10000"),
    ("3100", "253", "7100", "", 4, "-30000"),
    ("9999", "202", "1200", "", 2, "7000"),
]


def add_budget(municipality, name, lines, year=YEAR, state="adopted") -> BudgetVersion:
    version = BudgetVersion.objects.create(municipality=municipality, name=name,
                                           first_year=year, state=state)
    BudgetLine.objects.bulk_create(
        BudgetLine(version=version, year=year, responsibility=r, function=f, art=a,
                   kostra_art=a[:3], project=o, amount=Decimal(amount))
        for r, f, a, o, amount in lines
    )
    return version


def add_actuals(municipality, lines, year=YEAR, account_class="operating") -> LedgerImport:
    source = LedgerImport.objects.create(municipality=municipality, year=year,
                                         file_name="hovedbok.csv", file_sha256="0" * 64,
                                         line_count=len(lines))
    Actual.objects.bulk_create(
        Actual(municipality=municipality, year=year, period=period, account_class=account_class,
               responsibility=r, function=f, art=a, kostra_art=a[:3], project=o,
               amount=Decimal(amount), source=source)
        for r, f, a, o, period, amount in lines
    )
    refresh_rollups(municipality, year, {line[4] for line in lines})
    return source


def clear_year(*municipalities) -> None:
    """Start from no budget, actuals or forecasts, whatever the demo holds."""
    for municipality in municipalities:
        Actual.objects.filter(municipality=municipality).delete()
        ActualRollup.objects.filter(municipality=municipality).delete()
        LedgerImport.objects.filter(municipality=municipality).delete()
        BudgetVersion.objects.filter(municipality=municipality).delete()
        Forecast.objects.filter(municipality=municipality).delete()
        PeriodProfile.objects.filter(municipality=municipality).delete()


@pytest.fixture
def ringebu_year(ringebu, gausdal):
    clear_year(ringebu, gausdal)
    version = add_budget(ringebu, "Vedtatt budsjett 2025", BUDGET)
    add_actuals(ringebu, ACTUALS)
    add_actuals(ringebu, [("2200", "202", "0200", "", 3, "1000000")], account_class="capital")
    add_budget(gausdal, "Vedtatt budsjett 2025", [("2200", "202", "0101", "", "5000000")])
    add_actuals(gausdal, [("2200", "202", "0101", "", 1, "999999")])
    unit = OrgUnit.objects.get(municipality=ringebu, name="Ringebu ungdomsskole")
    Forecast.objects.create(municipality=ringebu, unit=unit, year=YEAR,
                            amount=Decimal("580000"), as_of_period=8, comment="Litt lavere")
    return version
