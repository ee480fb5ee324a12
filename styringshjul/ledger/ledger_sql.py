"""Every line of a ledger file normalised in one DuckDB pass, written as the stage Parquet.

The same ledger line as `ledger_validation.normalise` (typed amount, period, date, codes, the
raw text kept where it could not be read), as SQL: DuckDB reads and parses the file on
`THREADS` threads within `MEMORY_LIMIT` (spilling to a hidden folder of the import's
directory beyond it). Each parser tries the plain shape first (`-1234,50`,
`dd.mm.yyyy`, `1`–`13`) and falls back to the thorough one, so a line of another shape is
never rejected for its shape alone.
"""

import uuid
from pathlib import Path

import duckdb

from styringshjul.ledger.ledger_files import LedgerFile
from styringshjul.ledger.ledger_validation import CLASSES, TOTALS

MEMORY_LIMIT = "1500MB"
THREADS = 2
BLANKS = " \t\r\n\u00a0\u202f"


def connect(workdir: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(config={"threads": THREADS, "memory_limit": MEMORY_LIMIT,
                                  "temp_directory": str(workdir / ".duckdb-tmp")})


def literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def name(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def source(ledger_file: LedgerFile, workdir: Path) -> str:
    """The file's rows as a DuckDB table expression, every column text, in file order (a
    workbook's rows through a temporary Parquet file)."""
    columns = "{" + ", ".join(f"{literal(c)}: 'VARCHAR'" for c in ledger_file.header) + "}"
    if ledger_file.csv_path is None:
        rows = workdir / f".rows-{uuid.uuid4().hex}.parquet"
        ledger_file.temporary.append(rows)
        ledger_file.frame.collect().write_parquet(rows)
        return f"read_parquet({literal(str(rows))})"
    return (f"read_csv({literal(str(ledger_file.csv_path))}, delim={literal(ledger_file.delimiter)}"
            f", quote='\"', escape='\"', header=false, skip={ledger_file.first_line - 1}, "
            f"columns={columns}, auto_detect=false, null_padding=true, strict_mode=false)")


def amount_sql(text: str) -> str:
    """Decimal(18, 2): `-1234,50` directly, else spaces, thousands, signs and parentheses."""
    cleaned = f"replace(regexp_replace({text}, '[\\s\u00a0\u202f'']', '', 'g'), '\u2212', '-')"
    digits = f"trim({cleaned}, '-+()')"
    plain = (f"(CASE WHEN contains({digits}, ',') "
             f"THEN replace(replace({digits}, '.', ''), ',', '.') "
             f"WHEN regexp_full_match({digits}, '\\d{{1,3}}(\\.\\d{{3}})+') "
             f"THEN replace({digits}, '.', '') ELSE {digits} END)")
    both_ends = (f"(starts_with({cleaned}, '-') AND ends_with({cleaned}, '-') "
                 f"AND length({cleaned}) > 1)")
    value = (f"(CASE WHEN regexp_full_match({plain}, '\\d+(\\.\\d{{1,2}})?') AND NOT {both_ends}"
             f" THEN TRY_CAST({plain} AS DECIMAL(18, 2)) END)")
    negative = (f"(starts_with({cleaned}, '-') OR ends_with({cleaned}, '-') OR "
                f"(starts_with({cleaned}, '(') AND ends_with({cleaned}, ')')))")
    return (f"(CASE WHEN regexp_full_match({text}, '-?\\d+(,\\d{{1,2}})?') "
            f"THEN CAST(replace({text}, ',', '.') AS DECIMAL(18, 2)) "
            f"WHEN {negative} THEN -{value} ELSE {value} END)")


def date_sql(text: str) -> str:
    day = f"left({text}, 10)"
    return (f"(CASE WHEN regexp_full_match({text}, '\\d\\d\\.\\d\\d\\.\\d{{4}}') "
            f"THEN try_strptime({text}, '%d.%m.%Y')::DATE "
            f"ELSE coalesce(try_strptime({day}, '%d.%m.%Y'), "
            f"try_strptime({day}, '%Y-%m-%d'))::DATE END)")


def period_sql(text: str, year: int) -> str:
    """1–13; 0 where it names another year (reported as outside the year); else null."""
    with_year = "'^(\\d{4})[-/.]?(\\d{1,2})$'"
    return (f"(CASE WHEN regexp_full_match({text}, '\\d{{1,2}}') "
            f"THEN CAST({text} AS SMALLINT) "
            f"WHEN regexp_matches({text}, {with_year}) THEN "
            f"(CASE WHEN regexp_extract({text}, {with_year}, 1) = '{year:04d}' "
            f"THEN CAST(regexp_extract({text}, {with_year}, 2) AS SMALLINT) ELSE 0 END) END)")


def stripped(column: str) -> str:
    """The text without blanks around it, null if empty (DuckDB's trim with a set of
    characters is slow, so only where there is something to strip)."""
    edges = "'^[\\s\u00a0\u202f]|[\\s\u00a0\u202f]$'"
    return (f"nullif(CASE WHEN regexp_matches({column}, {edges}) "
            f"THEN trim({column}, {literal(BLANKS)}) ELSE {column} END, '')")


def _in(text: str, values) -> str:
    return f"{text} IN ({', '.join(literal(v) for v in sorted(values))})"


def stage_sql(ledger_file: LedgerFile, mapping: dict[str, str], year: int,
              workdir: Path) -> str:
    """The SELECT of every normalised line (the columns `drilldown` reads, raw text, skip)."""
    def text(field_name: str) -> str:
        column = mapping.get(field_name)
        return stripped(name(column)) if column else "CAST(NULL AS VARCHAR)"

    date = date_sql("raw_date") if mapping.get("date") else "CAST(NULL AS DATE)"
    period = (period_sql("raw_period", year) if mapping.get("period")
              else "CAST(month(date) AS SMALLINT)")
    klass = f"lower({text('account_class')})"
    account_class = (f"(CASE WHEN {klass} IS NULL OR {_in(klass, CLASSES['operating'])} "
                     f"THEN 'operating' WHEN {_in(klass, CLASSES['capital'])} "
                     f"THEN 'capital' END)")
    labels = {c for c in (ledger_file.header[0], mapping.get("voucher"), mapping.get("text"))
              if c} - {mapping.get(n) for n in ("responsibility", "function", "art")}
    passed = "".join(f"{name(c)} AS label_{i}, " for i, c in enumerate(sorted(labels)))
    totals = " OR ".join(f"coalesce(regexp_matches(label_{i}, {literal(TOTALS[4:])}, 'i'), "
                         f"false)" for i in range(len(labels))) or "false"
    no_codes = "(responsibility IS NULL AND function IS NULL AND art IS NULL)"
    parsed = (f"SELECT CAST(row_number() OVER () + {ledger_file.first_line - 1} AS BIGINT) "
              f"AS line, "
              f"{text('voucher')} AS voucher, {text('responsibility')} AS responsibility, "
              f"{text('function')} AS function, {text('art')} AS art, "
              f"{text('project')} AS raw_project, {text('amount')} AS raw_amount, "
              f"{text('text')} AS text, {text('period')} AS raw_period, "
              f"{text('date')} AS raw_date, {text('account_class')} AS raw_class, "
              f"{passed}{account_class} AS account_class "
              f"FROM {source(ledger_file, workdir)}")
    return (
        f"WITH parsed AS ({parsed}), typed AS (SELECT *, {date} AS date, "
        f"{amount_sql('raw_amount')} AS amount FROM parsed), "
        f"dated AS (SELECT *, {period} AS period FROM typed) "
        f"SELECT line, voucher, date, period, account_class, responsibility, function, art, "
        f"left(art, 3) AS kostra_art, coalesce(raw_project, '') AS project, amount, text, "
        f"CASE WHEN amount IS NULL THEN coalesce(raw_amount, '') END AS raw_amount, "
        # the raw text only where it was not read, for the value
        f"CASE WHEN NOT coalesce(period BETWEEN 1 AND 13, false) THEN raw_period END "
        f"AS raw_period, CASE WHEN NOT coalesce(year(date) = {int(year)}, false) THEN raw_date "
        f"END AS raw_date, CASE WHEN account_class IS NULL THEN raw_class END AS raw_class, "
        # a totals line has no codes: the pattern is tried on those lines only
        f"CASE WHEN {no_codes} THEN (CASE WHEN {totals} THEN 'total' WHEN raw_project IS "
        f"NULL AND raw_amount IS NULL THEN 'blank' END) END AS skip FROM dated")


def write_stage(db: duckdb.DuckDBPyConnection, ledger_file: LedgerFile,
                mapping: dict[str, str], year: int, stage: Path) -> None:
    sql = stage_sql(ledger_file, mapping, year, stage.parent)
    db.execute(f"COPY ({sql}) TO {literal(str(stage))} "
               f"(FORMAT parquet, COMPRESSION snappy)")
