"""The adopted budget is balanced and close to, but not the same as, what was booked: the
nursing home over, a school under."""

from collections import defaultdict
from decimal import Decimal

from styringshjul.demo.budget_lines import budget_name, budget_rows
from styringshjul.demo.ledger_lines import ledger_lines


def actual_by_responsibility(year: int) -> dict[str, Decimal]:
    """Expenses (arter below 600) by ansvar."""
    sums = defaultdict(Decimal)
    for line in ledger_lines(year):
        if line.art[:3] < "600":
            sums[line.responsibility] += line.amount
    return sums


def budget_by_responsibility(year: int) -> dict[str, Decimal]:
    sums = defaultdict(Decimal)
    for row in budget_rows(year):
        if row.art[:3] < "600":
            sums[row.responsibility] += row.amount
    return sums


def test_it_is_named_as_adopted_and_has_hundreds_of_lines_in_whole_thousands():
    rows = budget_rows(2025)
    assert budget_name(2025) == "Vedtatt budsjett 2025"
    assert 300 <= len(rows) <= 2000
    assert all(row.amount % 1000 == 0 for row in rows)
    assert len({row[:4] for row in rows}) == len(rows)


def test_it_balances_with_the_surplus_set_aside_to_the_reserve_fund():
    rows = budget_rows(2025)
    assert sum(row.amount for row in rows) == 0
    reserve = rows[-1]
    income = -sum(row.amount for row in rows if row.amount < 0)
    assert reserve[:3] == ("1290", "880", "540")
    assert Decimal("0.01") <= reserve.amount / income <= Decimal("0.02")


def test_the_nursing_home_spends_more_than_budgeted_and_ringebu_skole_less():
    actual, budget = actual_by_responsibility(2025), budget_by_responsibility(2025)
    assert 1.02 <= actual["3100"] / budget["3100"] <= 1.06
    assert 0.96 <= actual["2100"] / budget["2100"] <= 0.995


def test_every_unit_is_within_fifteen_per_cent_of_its_budget_and_none_exactly_on_it():
    actual, budget = actual_by_responsibility(2025), budget_by_responsibility(2025)
    # 1290 Felles finans holds the reserve set-aside, booked only at the year-end closing.
    spending = [code for code, amount in budget.items() if amount > 1_000_000 and code != "1290"]
    assert len(spending) > 25
    for code in spending:
        assert 0.85 <= actual[code] / budget[code] <= 1.15, code
        assert actual[code] != budget[code]
