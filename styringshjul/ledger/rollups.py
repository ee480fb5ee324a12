"""Keeping the actuals rollups in step with the actuals.

Whatever writes or deletes Actual rows calls `refresh_rollups` for the periods it touched,
in the same transaction: the rollups of those periods are deleted and summed again from the
actuals, in the database, one INSERT … SELECT … GROUP BY per dimension (the same SQL on
SQLite and PostgreSQL).
"""

from collections.abc import Iterable

from django.db import connection

from styringshjul.ledger.models import Actual, ActualRollup, Dimension
from styringshjul.org.models import Municipality

ROLLUP_COLUMNS = ("municipality_id", "year", "period", "account_class", "dimension", "key",
                  "amount")


def refresh_rollups(municipality: Municipality, year: int, periods: Iterable[int]) -> None:
    """The rollups of `periods` of `year` summed again from the actuals in force."""
    periods = sorted({int(period) for period in periods})
    if not periods:
        return
    ActualRollup.objects.for_municipality(municipality).filter(
        year=year, period__in=periods).delete()
    with connection.cursor() as cursor:
        for dimension in Dimension:
            cursor.execute(_insert_select(dimension, len(periods)),
                           [dimension.value, municipality.pk, year, *periods])


def _insert_select(dimension: Dimension, period_count: int) -> str:
    quote = connection.ops.quote_name
    column = quote(Actual._meta.get_field(dimension.value).column)
    columns = ", ".join(quote(name) for name in ROLLUP_COLUMNS)
    marks = ", ".join(["%s"] * period_count)
    return (
        f"INSERT INTO {quote(ActualRollup._meta.db_table)} ({columns}) "
        f"SELECT municipality_id, year, period, account_class, %s, {column}, SUM(amount) "
        f"FROM {quote(Actual._meta.db_table)} "
        f"WHERE municipality_id = %s AND year = %s AND period IN ({marks}) "
        f"GROUP BY municipality_id, year, period, account_class, {column}"
    )
