"""What other apps may read of the budget: versions, and budget sums to date per dimension."""

from collections.abc import Sequence
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Q, Sum

from styringshjul.budget.models import BudgetLine, BudgetVersion, PeriodProfile, VersionState
from styringshjul.budget.period_profiles import PERIODS, effective_profiles, share_expression
from styringshjul.org.models import Municipality

AMOUNT_FIELD = DecimalField(max_digits=30, decimal_places=14)
FOLLOWED_UP_STATES = (VersionState.ADOPTED, VersionState.REVISED)


def versions_for_year(municipality: Municipality, year: int) -> list[BudgetVersion]:
    """The municipality's versions whose years include `year`, newest first."""
    versions = BudgetVersion.objects.for_municipality(municipality).filter(first_year__lte=year)
    return [v for v in versions.order_by("-created_at", "-pk") if year < v.first_year + v.years]


def followed_up_version(municipality: Municipality, year: int) -> BudgetVersion | None:
    """The budget that actuals are measured against: the newest adopted (or revised)
    version covering `year`."""
    return next(
        (v for v in versions_for_year(municipality, year) if v.state in FOLLOWED_UP_STATES), None
    )


def version_by_name(municipality: Municipality, name: str) -> BudgetVersion | None:
    return BudgetVersion.objects.for_municipality(municipality).filter(name=name).first()


def budget_lines(version: BudgetVersion, year: int, account_class: str, scope: Q | None = None):
    lines = BudgetLine.objects.filter(version=version, year=year, account_class=account_class)
    return lines.filter(scope) if scope is not None else lines


def budget_sums(
    version: BudgetVersion, year: int, period: int, field: str | tuple[str, ...],
    account_class: str, scope: Q | None = None,
    profiles: Sequence[PeriodProfile] | None = None,
) -> dict:
    """Annual budget and budget to date (spread by period profiles) per value of `field`
    (or per tuple of values of several fields), summed in the database in one query."""
    if profiles is None:
        profiles = effective_profiles(version.municipality)
    return _budget_sums(version, year, period, field, account_class, scope, profiles)


def _budget_sums(version, year, period, field, account_class, scope, profiles) -> dict:
    to_date = ExpressionWrapper(
        F("amount") * share_expression(profiles, period), output_field=AMOUNT_FIELD
    )
    fields = (field,) if isinstance(field, str) else field
    rows = (
        budget_lines(version, year, account_class, scope)
        .values_list(*fields)
        .annotate(annual=Sum("amount"), to_date=Sum(to_date))
        .order_by()
    )
    size = len(fields)
    return {
        (row[0] if isinstance(field, str) else row[:size]): (row[size], row[size + 1])
        for row in rows
    }


def cumulative_budget(
    version: BudgetVersion, year: int, account_class: str, scope: Q | None = None,
) -> list[Decimal]:
    """Budget to date for each period 1..12, in one query."""
    profiles = effective_profiles(version.municipality)
    sums = {
        f"p{period}": Sum(ExpressionWrapper(F("amount") * share_expression(profiles, period),
                                            output_field=AMOUNT_FIELD))
        for period in range(1, PERIODS + 1)
    }
    totals = budget_lines(version, year, account_class, scope).aggregate(**sums)
    return [totals[f"p{period}"] or Decimal(0) for period in range(1, PERIODS + 1)]
