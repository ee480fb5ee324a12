"""What other apps may read of the budget: versions, and budget sums to date per dimension."""

import hashlib
from collections.abc import Sequence
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Max, Q, Sum

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
    if scope is not None:
        return _budget_sums(version, year, period, field, account_class, scope, profiles)
    key = _cache_key(version, year, period, field, account_class, profiles)
    sums = cache.get(key)
    if sums is None:
        sums = _budget_sums(version, year, period, field, account_class, None, profiles)
        cache.set(key, sums, timeout=24 * 3600)
    return sums


def _cache_key(version, year, period, field, account_class, profiles) -> str:
    """Lines are replaced, never edited in place, when a budget is imported again; the
    count, last id and sum of the lines and the profiles in force make the key."""
    lines = budget_lines(version, year, account_class).aggregate(
        count=Count("pk"), last=Max("pk"), total=Sum("amount"))
    stamp = repr((lines, year, period, field, account_class, [
        (p.pk, p.art_prefix, p.responsibility_prefix, p.weights) for p in profiles]))
    digest = hashlib.sha1(stamp.encode(), usedforsecurity=False).hexdigest()
    return f"budget:sums:{version.pk}:{digest}"


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
