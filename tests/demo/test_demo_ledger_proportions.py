"""The demo year looks like a 4 400-inhabitant municipality's: about 500 MNOK of expenses
in KOSTRA proportions, wages about 60 %, holiday pay in June, a small surplus."""

from collections import defaultdict
from decimal import Decimal
from functools import cache

from styringshjul.demo.ledger_lines import LedgerLine, ledger_lines

MILLION = Decimal(1_000_000)
WAGES = ("010", "020", "030", "040", "050", "075", "080", "090", "099")


@cache
def year_2025() -> tuple[LedgerLine, ...]:
    return tuple(ledger_lines(2025))


def expenses(lines=None) -> Decimal:
    return sum((line.amount for line in lines or year_2025() if line.ore > 0
                and line.art[:3] < "600"), Decimal(0))


def income() -> Decimal:
    return -sum((line.amount for line in year_2025() if line.art[:3] >= "600"), Decimal(0))


def share(functions: tuple[str, ...]) -> Decimal:
    part = expenses([line for line in year_2025() if line.function in functions])
    return part / expenses()


def test_the_year_has_tens_of_thousands_of_lines_in_twelve_periods():
    assert 35_000 <= len(year_2025()) <= 50_000
    assert {line.period for line in year_2025()} == set(range(1, 13))


def test_expenses_are_about_half_a_billion_kroner_and_income_a_little_more():
    assert 450 * MILLION <= expenses() <= 550 * MILLION
    net_result = (income() - expenses()) / income()
    assert Decimal("0.002") <= net_result <= Decimal("0.03")


def test_the_services_take_kostra_like_shares():
    assert 0.27 <= share(("234", "253", "256", "257", "258", "261")) <= 0.36
    assert 0.15 <= share(("202", "222", "223")) <= 0.22
    assert 0.08 <= share(("201", "211", "221")) <= 0.13
    assert 0.06 <= share(("100", "110", "120", "121", "130", "180")) <= 0.12


def test_wages_with_pension_and_employers_tax_are_about_sixty_per_cent():
    wages = expenses([line for line in year_2025() if line.art[:3] in WAGES])
    assert 0.55 <= wages / expenses() <= 0.67


def test_june_carries_the_holiday_pay():
    by_period = defaultdict(Decimal)
    for line in year_2025():
        if line.art[:3] == "010":
            by_period[line.period] += line.amount
    assert by_period[6] > Decimal("1.3") * by_period[5]
    assert any(line.text == "Feriepenger opptjent 2024" for line in year_2025())


def test_tax_and_block_grant_come_to_ringebu_felles_finans():
    tax = [line for line in year_2025() if line.art == "870"]
    assert {(line.responsibility, line.function) for line in tax} == {("1290", "800")}
    assert 180 * MILLION <= -sum(line.amount for line in tax) <= 200 * MILLION
    grant = [line for line in year_2025() if line.art == "800"]
    assert {(line.responsibility, line.function) for line in grant} == {("1290", "840")}
