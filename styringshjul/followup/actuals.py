"""Actuals summed per account-string field and period, in the database.

A whole municipality's sums per dimension come from the rollups the ledger import keeps
(one row per key and period, so a report reads a few thousand rows whatever the number of
actuals); sums within a scope (a unit, a row to drill into) are made from the actuals, which
the scope filters down to a few.
"""

from decimal import Decimal

from django.db.models import Q, Sum

from styringshjul.ledger.models import Actual, ActualRollup, Dimension
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
    """For each value of `field`, the sum booked in each period 1..13, from the actuals (for
    a scope: a whole municipality's sums per dimension are `sums_to_date`'s)."""
    return _query(municipality, year, field, account_class, scope)


def sums_to_date(
    municipality: Municipality, year: int, period: int, field: str, account_class: str,
    scope: Q | None = None,
) -> dict[str, Decimal]:
    """For each value of `field`, the sum booked through `period`, summed in the database."""
    if scope is None and field in Dimension.values:
        rows = ActualRollup.objects.for_municipality(municipality).filter(
            year=year, dimension=field, account_class=account_class,
            period__lte=last_period(period),
        ).values_list("key")
    else:
        rows = actuals(municipality, year, account_class, scope).filter(
            period__lte=last_period(period)).values_list(field)
    return dict(rows.annotate(total=Sum("amount")).order_by())


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

