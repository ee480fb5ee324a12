"""What a loan costs each year: interest (renter) and repayment (avdrag).

Payments are annual. A loan is assumed drawn at the end of the year it finances (year Y),
so its first interest and repayment fall in year Y + 1. An annuity loan pays the same sum
of interest and repayment every year; a serial loan repays the same amount every year and
pays interest on what is left. Amounts are `Decimal` kroner, rounded to øre per payment;
the last repayment takes what is left, so the repayments add up to the principal exactly.
Framework-free.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ANNUITY = "annuity"
SERIAL = "serial"
ORE = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class LoanYear:
    year: int
    interest: Decimal
    repayment: Decimal
    balance: Decimal
    """The debt left after this year's repayment."""

    @property
    def payment(self) -> Decimal:
        return self.interest + self.repayment


def _ore(amount: Decimal) -> Decimal:
    return amount.quantize(ORE, rounding=ROUND_HALF_UP)


def annuity_payment(principal: Decimal, years: int, rate_pct: Decimal) -> Decimal:
    """The yearly payment P·r / (1 − (1 + r)^−n), or P / n without interest."""
    rate = Decimal(rate_pct) / HUNDRED
    if not rate:
        return _ore(Decimal(principal) / years)
    return _ore(Decimal(principal) * rate / (1 - (1 + rate) ** -years))


def schedule(kind: str, principal: Decimal, years: int, rate_pct: Decimal,
             first_payment_year: int) -> list[LoanYear]:
    """Interest and repayment of each year from `first_payment_year` until the loan is
    paid, for an annuity or serial loan."""
    if kind not in (ANNUITY, SERIAL):
        raise ValueError(f"A loan is {ANNUITY} or {SERIAL}, not {kind!r}")
    principal, rate = Decimal(principal), Decimal(rate_pct) / HUNDRED
    if principal <= 0 or years < 1:
        return []
    payment = annuity_payment(principal, years, rate_pct)
    serial_repayment = _ore(principal / years)
    balance, rows = principal, []
    for index in range(years):
        interest = _ore(balance * rate)
        repayment = payment - interest if kind == ANNUITY else serial_repayment
        if index == years - 1 or repayment > balance:
            repayment = balance
        balance -= repayment
        rows.append(LoanYear(first_payment_year + index, interest, repayment, balance))
        if not balance:
            break
    return rows


def yearly_costs(kind: str, drawn: Mapping[int, Decimal], years: int, rate_pct: Decimal,
                 until_year: int) -> dict[int, tuple[Decimal, Decimal]]:
    """Interest and repayment per year up to `until_year` of loans drawn in several years
    (`drawn`: year → amount drawn at the end of that year), each on the same terms."""
    costs: dict[int, tuple[Decimal, Decimal]] = {}
    for year, amount in sorted(drawn.items()):
        for row in schedule(kind, amount, years, rate_pct, year + 1):
            if row.year > until_year:
                break
            interest, repayment = costs.get(row.year, (Decimal(0), Decimal(0)))
            costs[row.year] = (interest + row.interest, repayment + row.repayment)
    return dict(sorted(costs.items()))
