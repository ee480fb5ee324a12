"""The raw ledger lines behind the aggregates, read from the lines the imports kept
(`raw_lines`).

Only the lines of imports still in force are read: for each period, the import its actuals
came from.
"""

import duckdb

from styringshjul.ledger.ledger_sql import BLANKS, literal
from styringshjul.ledger.models import Actual, LedgerImport
from styringshjul.ledger.raw_lines import lines_of, var_path

COLUMNS = ("line", "voucher", "date", "period", "account_class", "responsibility",
           "function", "art", "kostra_art", "project", "amount", "text")
# The import keeps voucher and text as they stand in the file: trimmed here, on the few lines
# shown, rather than on every line imported.
SELECTED = {column: f"nullif(trim({column}, {literal(BLANKS)}), '') AS {column}"
            for column in ("voucher", "text")}


def raw_lines(
    ledger_import_or_municipality_year, *, responsibility: str | None = None,
    function: str | None = None, art_prefix: str | None = None, project: str | None = None,
    period_to: int | None = None, limit: int = 500,
) -> list[dict]:
    """Lines (dicts of COLUMNS; amount a Decimal, date a date) matching every filter given,
    in period and voucher order, at most `limit` of them."""
    sources = _sources(ledger_import_or_municipality_year)
    if not sources:
        return []
    conditions, params = [], []
    for column, value in (("responsibility", responsibility), ("function", function),
                          ("project", project)):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    if art_prefix:
        conditions.append("starts_with(art, ?)")
        params.append(art_prefix)
    if period_to is not None:
        conditions.append("period <= ?")
        params.append(period_to)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with duckdb.connect() as db:
        parts = [f"SELECT {', '.join(SELECTED.get(c, c) for c in COLUMNS)} "
                 f"FROM {_lines(db, item)} "
                 f"WHERE skip IS NULL AND period IN ({', '.join('?' * len(periods))})"
                 for item, periods in sources]
        sql = (f"SELECT * FROM ({' UNION ALL '.join(parts)}) {where} "
               f"ORDER BY period, voucher, line LIMIT ?")
        source_params = [period for _item, periods in sources for period in periods]
        cursor = db.execute(sql, [*source_params, *params, limit])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _lines(db: duckdb.DuckDBPyConnection, item: LedgerImport) -> str:
    """The import's lines with a `line` column: numbered on reading, or, in Parquet files
    written before that was so, stored."""
    path = var_path(item.raw_lines)
    if path.suffix == ".parquet" and "line" in {name for (name,) in db.execute(
            "SELECT name FROM parquet_schema(?)", [str(path)]).fetchall()}:
        return f"read_parquet({literal(str(path))})"
    return lines_of(item)


def _sources(target) -> list[tuple[LedgerImport, list[int]]]:
    """(import, periods in force from it) for an import or a (municipality, year), for the
    imports whose raw lines are there."""
    if isinstance(target, LedgerImport):
        municipality, year, only = target.municipality, target.year, target.pk
    else:
        (municipality, year), only = target, None
    in_force = Actual.objects.for_municipality(municipality).filter(year=year)
    if only is not None:
        in_force = in_force.filter(source_id=only)
    periods: dict[int, set[int]] = {}
    for source_id, period in in_force.values_list("source_id", "period").distinct():
        periods.setdefault(source_id, set()).add(period)
    imports = LedgerImport.objects.for_municipality(municipality).filter(pk__in=periods)
    return [(item, sorted(periods[item.pk])) for item in imports
            if item.raw_lines and var_path(item.raw_lines).exists()]
