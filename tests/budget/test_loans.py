"""Loan schedules, computed by hand."""

from decimal import Decimal

import pytest

from styringshjul.budget.loans import ANNUITY, SERIAL, annuity_payment, schedule, yearly_costs

MILLION = Decimal(1_000_000)


def test_a_serial_loan_repays_the_same_each_year_and_pays_interest_on_the_rest():
    rows = schedule(SERIAL, MILLION, 10, Decimal(5), 2027)
    assert [row.year for row in rows] == list(range(2027, 2037))
    assert (rows[0].interest, rows[0].repayment) == (Decimal(50_000), Decimal(100_000))
    assert (rows[1].interest, rows[1].repayment) == (Decimal(45_000), Decimal(100_000))
    assert rows[-1].interest == Decimal(5_000)
    # 5 % of 1 000 000 + 900 000 + … + 100 000 = 5 % of 5 500 000
    assert sum(row.interest for row in rows) == Decimal(275_000)
    assert rows[-1].balance == 0


def test_an_annuity_pays_the_same_each_year():
    # 1 000 000 · 0.05 / (1 − 1.05^−10) = 129 504.5750…
    assert annuity_payment(MILLION, 10, Decimal(5)) == Decimal("129504.57")
    rows = schedule(ANNUITY, MILLION, 10, Decimal(5), 2027)
    assert (rows[0].interest, rows[0].repayment) == (Decimal(50_000), Decimal("79504.57"))
    # 5 % of 920 495.43 = 46 024.7715
    assert (rows[1].interest, rows[1].repayment) == (Decimal("46024.77"), Decimal("83479.80"))
    assert all(row.payment == Decimal("129504.57") for row in rows[:-1])
    assert abs(rows[-1].payment - Decimal("129504.57")) < Decimal("0.10")
    assert sum(row.repayment for row in rows) == MILLION


def test_a_loan_without_interest_is_repaid_in_equal_parts():
    assert annuity_payment(Decimal(300), 3, Decimal(0)) == Decimal(100)
    rows = schedule(ANNUITY, Decimal(300), 3, Decimal(0), 2026)
    assert [(row.interest, row.repayment) for row in rows] == [(0, 100)] * 3


def test_loans_drawn_in_several_years_add_up_from_the_year_after_each():
    costs = yearly_costs(SERIAL, {2026: MILLION, 2027: Decimal(500_000)}, 10, Decimal(5),
                         until_year=2029)
    assert 2026 not in costs
    assert costs[2027] == (Decimal(50_000), Decimal(100_000))
    # 45 000 + 25 000 interest, 100 000 + 50 000 repaid
    assert costs[2028] == (Decimal(70_000), Decimal(150_000))
    assert costs[2029] == (Decimal(40_000 + 22_500), Decimal(150_000))
    assert max(costs) == 2029


def test_an_unknown_loan_kind_is_refused():
    with pytest.raises(ValueError):
        schedule("bullet", MILLION, 10, Decimal(5), 2027)
