"""The balance panel: is each year of a version in balance, and how sound is it?

Kommuneloven § 14-4 requires a balanced annual budget and economic plan. A KOSTRA budget
includes its disposals (allocations to and use of reserves, transfers to investment), so the
operating budget is balanced when all its lines add up to exactly 0 with nothing carried
forward to later years (§ 5-4 line 23), and the capital budget when its lines add up to 0.
All figures come from one query per version (sums per year, account class, function and
KOSTRA art), shared with the schedules.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.schedules import Source, compute
from styringshjul.lib.money import format_kroner

ZERO = Decimal(0)
HUNDRED = Decimal(100)

RECOMMENDED_NET_RESULT_PCT = Decimal("1.75")
"""Netto driftsresultat in per cent of driftsinntekter recommended for the municipalities
(kommunene, without the county municipalities) by Det tekniske beregningsutvalg for
kommunal og fylkeskommunal økonomi (TBU) since the VAT compensation on investments moved to
the capital accounts (2014); TBU's norm for the sector as a whole is 2 %
(../shared/data/budget/tbu_netto_driftsresultat_disposisjonsfond_kommunesektoren_1990_2020.csv,
column tbu_norm_pst). The figure is a recommendation, not a legal requirement."""

LINES = {"allocation": "28", "use": "29", "loans": "13", "repayments": "21"}
"""Where the panel's figures are read: avsetning til (art 540) and bruk av (940)
disposisjonsfond are lines 28 and 29 of § 5-6; bruk av lån (910) is line 13 of § 5-5;
avdrag på lån (510) is line 21 of § 5-6 in operations plus line 5 of § 5-5 in capital."""


@dataclass
class YearBalance:
    year: int
    operating_total: Decimal
    """All operating lines added up (KOSTRA sign); 0 when balanced."""
    carried_forward: Decimal
    """§ 5-4 line 23, fremført til inndekning i senere år; a budget may not have any."""
    capital_total: Decimal
    net_result: Decimal
    """Netto driftsresultat (§ 5-4 line 17), KOSTRA sign: negative is a surplus."""
    operating_revenue: Decimal
    """Sum driftsinntekter (§ 5-6 line 9) as a positive amount."""
    reserve_allocation: Decimal
    reserve_use: Decimal
    reserve_opening: Decimal
    reserve_closing: Decimal
    new_loans: Decimal
    repayments: Decimal
    debt_opening: Decimal
    debt_closing: Decimal
    has_plan: bool = True
    """False when the version belongs to no plan: opening reserve and debt are unknown (0)."""

    @property
    def operating_balanced(self) -> bool:
        return self.operating_total == 0 and self.carried_forward == 0

    @property
    def capital_balanced(self) -> bool:
        return self.capital_total == 0

    @property
    def balanced(self) -> bool:
        return self.operating_balanced and self.capital_balanced

    @property
    def surplus(self) -> Decimal:
        """Netto driftsresultat as a surplus (positive) or deficit (negative)."""
        return -self.net_result

    @property
    def net_result_pct(self) -> Decimal | None:
        return self.surplus / self.operating_revenue * HUNDRED if self.operating_revenue else None

    @property
    def recommended_pct(self) -> Decimal:
        return RECOMMENDED_NET_RESULT_PCT

    @property
    def recommended_text(self) -> str:
        """«1,75 %» in the reader's language (the `percent` filter shows one decimal)."""
        return f"{number_format(RECOMMENDED_NET_RESULT_PCT, 2)} %"

    @property
    def meets_recommendation(self) -> bool:
        pct = self.net_result_pct
        return pct is not None and pct >= RECOMMENDED_NET_RESULT_PCT

    @property
    def debt_ratio_pct(self) -> Decimal | None:
        return self.debt_closing / self.operating_revenue * HUNDRED if self.operating_revenue \
            else None

    @property
    def reserve_overdrawn(self) -> bool:
        return self.reserve_closing < 0

    @property
    def problems(self) -> list[str]:
        return messages_for(self)


def balance_panel(version: BudgetVersion, source: Source | None = None) -> list[YearBalance]:
    """The balance of each year of `version` (one query; `source` may be shared with the
    schedules)."""
    source = source or Source(version.municipality, version, version.year_range)
    plan = version.plan
    reserve = plan.opening_reserve if plan is not None else ZERO
    debt = plan.opening_loan_debt if plan is not None else ZERO
    result = []
    for year in version.year_range:
        drift = compute("5-4-1", year, source)
        statement = compute("5-6", year, source).amounts()
        capital = compute("5-5", year, source).amounts()
        allocation = statement[LINES["allocation"]]
        use = -statement[LINES["use"]]
        loans = -capital[LINES["loans"]]
        repayments = statement[LINES["repayments"]] + capital["5"]
        closing_reserve = reserve + allocation - use
        closing_debt = debt + loans - repayments
        result.append(YearBalance(
            year=year,
            operating_total=source.total(year, "operating"),
            carried_forward=drift.line("23").amount,
            capital_total=source.total(year, "capital"),
            net_result=drift.line("17").amount,
            operating_revenue=-statement["9"],
            reserve_allocation=allocation, reserve_use=use, reserve_opening=reserve,
            reserve_closing=closing_reserve, new_loans=loans, repayments=repayments,
            debt_opening=debt, debt_closing=closing_debt, has_plan=plan is not None,
        ))
        reserve, debt = closing_reserve, closing_debt
    return result


def _kr(amount: Decimal) -> str:
    return format_kroner(abs(amount))


def messages_for(year: YearBalance) -> list[str]:
    """What is off in one year, in words a council member can act on."""
    values = {"year": year.year}
    messages = []
    if year.operating_total > 0:
        messages.append(_("The operating budget for %(year)s has an overspend of %(amount)s kr "
                          "that is not covered.") % {**values, "amount": _kr(year.operating_total)})
    elif year.operating_total < 0:
        messages.append(_("The operating budget for %(year)s has %(amount)s kr that is not "
                          "allocated; allocate it, for example to the unrestricted reserve.")
                        % {**values, "amount": _kr(year.operating_total)})
    if year.carried_forward:
        messages.append(_("The operating budget for %(year)s carries %(amount)s kr forward to be "
                          "covered in later years, which a budget may not do.")
                        % {**values, "amount": _kr(year.carried_forward)})
    if year.capital_total > 0:
        messages.append(_("The capital budget for %(year)s lacks financing of %(amount)s kr.")
                        % {**values, "amount": _kr(year.capital_total)})
    elif year.capital_total < 0:
        messages.append(_("The capital budget for %(year)s has %(amount)s kr more financing than "
                          "expenses.") % {**values, "amount": _kr(year.capital_total)})
    return messages


def why_unbalanced(version: BudgetVersion) -> list[str]:
    """Every reason, year by year, why `version` is not balanced; empty when it is."""
    return [message for year in balance_panel(version) for message in messages_for(year)]
