"""Actuals summed per account-string field and period, in the database.

A whole municipality's sums per field are kept in the cache: actuals change only through
ledger imports, so the imports of the year make the cache key, and a report for any period
then adds up at most thirteen numbers per row.
"""

import hashlib
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from styringshjul.ledger.models import Actual, LedgerImport
from styringshjul.org.models import Municipality

YEAR_END = 12
CLOSING_PERIOD = 13
ACCOUNT_STRING = ("responsibility", "function", "art", "project")


def last_period(period: int) -> int:
    """Year to date through `period`; at year end the closing period 13 counts too."""
    return CLOSING_PERIOD if period >= YEAR_END else period


def actuals(municipality: Municipality, year: int, account_class: str, scope: Q | None = None):
    rows = Actual.objects.for_municipality(municipality).filter(
        year=year, account_class=account_class
    )
    return rows.filter(scope) if scope is not None else rows


def sums_by_period(
    municipality: Municipality, year: int, field: str, account_class: str, scope: Q | None = None
) -> dict[str, list[Decimal]]:
    """For each value of `field`, the sum booked in each period 1..13."""
    if scope is None:
        key = _cache_key(municipality, year, field, account_class)
        cached = cache.get(key)
        if cached is None:
            cached = _query(municipality, year, field, account_class, None)
            cache.set(key, cached, timeout=24 * 3600)
        return cached
    return _query(municipality, year, field, account_class, scope)


def account_string_sums(
    municipality: Municipality, year: int, period: int, account_class: str, scope: Q
) -> dict[tuple[str, str, str, str], Decimal]:
    """Actuals to date per account string (ansvar, funksjon, art as booked, objekt)."""
    rows = (
        actuals(municipality, year, account_class, scope)
        .filter(period__lte=last_period(period))
        .values_list(*ACCOUNT_STRING)
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {row[:4]: row[4] for row in rows}


def to_date(by_period: list[Decimal], period: int) -> Decimal:
    return sum(by_period[: last_period(period)], Decimal(0))


def _query(municipality, year, field, account_class, scope) -> dict[str, list[Decimal]]:
    sums: dict[str, list[Decimal]] = {}
    rows = (
        actuals(municipality, year, account_class, scope)
        .values_list(field, "period")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for key, period, total in rows:
        sums.setdefault(key, [Decimal(0)] * CLOSING_PERIOD)[period - 1] = total
    return sums


def _cache_key(municipality: Municipality, year: int, field: str, account_class: str) -> str:
    imports = LedgerImport.objects.for_municipality(municipality).filter(year=year).aggregate(
        count=Count("pk"), last=Max("pk"), at=Max("imported_at"), lines=Sum("line_count"),
        total=Sum("total"),
    )
    stamp = "|".join(str(imports[name]) for name in ("count", "last", "at", "lines", "total"))
    digest = hashlib.sha1(stamp.encode(), usedforsecurity=False).hexdigest()
    return f"followup:actuals:{municipality.pk}:{year}:{account_class}:{field}:{digest}"
