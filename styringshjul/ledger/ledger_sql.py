"""Every line of a ledger file normalised in one DuckDB pass, written as the stage Parquet.

The same ledger line as `ledger_validation.normalise` (typed amount, period, date, codes, the
raw text kept where it could not be read), as SQL: DuckDB reads and parses the file on
`THREADS` threads within `MEMORY_LIMIT` (spilling to a hidden folder of the import's
directory beyond it). Each parser tries the plain shape first (`-1234,50`,
`dd.mm.yyyy`, `1`–`13`) and falls back to the thorough one, so a line of another shape is
never rejected for its shape alone.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from styringshjul.ledger.ledger_files import LedgerFile
from styringshjul.ledger.ledger_validation import CLASSES, TOTALS
from styringshjul.ledger.profiles import has_debit_credit

MEMORY_LIMIT = "1500MB"
THREADS = 2
BLANKS = " \t\r\n\u00a0\u202f"


def connect(workdir: Path) -> duckdb.DuckDBPyConnection:
    # insertion order kept (DuckDB's default, stated): a stage row's place is its line
    return duckdb.connect(config={"threads": THREADS, "memory_limit": MEMORY_LIMIT,
                                  "temp_directory": str(workdir / ".duckdb-tmp"),
                                  "preserve_insertion_order": True})


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
    """dd.mm.yyyy as it stands, else the first ten characters without blanks around them
    as dd.mm.yyyy or ISO."""
    day = f"left({trimmed(text)}, 10)"
    plain = f"try_strptime({text}, '%d.%m.%Y')"
    # CASE, not coalesce: coalesce would trim and parse every line twice more
    return (f"(CASE WHEN {plain} IS NOT NULL THEN {plain} ELSE coalesce(try_strptime("
            f"{day}, '%d.%m.%Y'), try_strptime({day}, '%Y-%m-%d')) END)::DATE")


def period_sql(text: str, year: int) -> str:
    """1–13; 0 where it names another year (reported as outside the year); else null."""
    with_year = "'^(\\d{4})[-/.]?(\\d{1,2})$'"
    clean = trimmed(text)
    return (f"(CASE WHEN regexp_full_match({text}, '\\d{{1,2}}') "
            f"THEN CAST({text} AS SMALLINT) "
            f"WHEN regexp_matches({clean}, {with_year}) THEN "
            f"(CASE WHEN regexp_extract({clean}, {with_year}, 1) = '{year:04d}' "
            f"THEN CAST(regexp_extract({clean}, {with_year}, 2) AS SMALLINT) ELSE 0 END) "
            f"WHEN regexp_full_match({clean}, '\\d{{1,2}}') THEN CAST({clean} AS SMALLINT) END)")


def trimmed(text: str) -> str:
    """The text without blanks around it, null if empty. Costly: the parsers try the text
    as it stands first and trim only what that did not read."""
    return f"nullif(trim({text}, {literal(BLANKS)}), '')"


def blank(text: str) -> str:
    return f"({text} IS NULL OR trim({text}, {literal(BLANKS)}) = '')"


def stripped(column: str) -> str:
    """The text without blanks around it, null if empty (DuckDB's trim with a set of
    characters is slow, so only where there is something to strip)."""
    return (f"nullif(CASE WHEN {padded(column)} "
            f"THEN trim({column}, {literal(BLANKS)}) ELSE {column} END, '')")


def padded(column: str) -> str:
    return f"regexp_matches({column}, '^[\\s\u00a0\u202f]|[\\s\u00a0\u202f]$')"


def _in(text: str, values) -> str:
    return f"{text} IN ({', '.join(literal(v) for v in sorted(values))})"


@dataclass(frozen=True)
class AmountSql:
    """The amount's part of `stage_sql`: text columns read, the typed amount (with debit and
    credit, the typed sides, then their `combined` amount a step later: an alias used in the
    SELECT that names it would be parsed again), the raw text kept for the checks, and
    whether a line has no amount text at all."""
    texts: str
    typed: str
    kept: str
    missing: str
    raw: tuple[str, ...] = ("raw_amount",)  # the texts' names
    combined: str = ""


def amount_parts(text: Callable[[str], str], debit_credit: bool) -> AmountSql:
    if not debit_credit:
        return AmountSql(
            f"{text('amount')} AS raw_amount", f"{amount_sql('raw_amount')} AS amount",
            f"CASE WHEN amount IS NULL THEN coalesce({trimmed('raw_amount')}, '') END "
            f"AS raw_amount", blank("raw_amount"))
    # debit − credit; null (and the texts kept) where a side is unreadable, both sides hold
    # an amount other than zero, or neither holds anything
    readable = " AND ".join(f"({side} IS NOT NULL OR {blank(f'raw_{side}')})"
                            for side in ("debit", "credit"))
    one_side = ("(debit IS NOT NULL OR credit IS NOT NULL) AND "
                "NOT coalesce(debit <> 0 AND credit <> 0, false)")
    return AmountSql(
        f"{text('debit')} AS raw_debit, {text('credit')} AS raw_credit",
        f"{amount_sql('raw_debit')} AS debit, {amount_sql('raw_credit')} AS credit",
        ", ".join([*(f"CASE WHEN amount IS NULL THEN {trimmed(f'raw_{side}')} END "
                     f"AS raw_{side}" for side in ("debit", "credit")),
                   *(f"CASE WHEN amount IS NULL THEN {side} END AS {side}"
                     for side in ("debit", "credit"))]),
        f"{blank('raw_debit')} AND {blank('raw_credit')}", ("raw_debit", "raw_credit"),
        f", CASE WHEN {readable} AND {one_side} THEN coalesce(debit, 0) - coalesce(credit, 0) "
        f"END AS amount")


def stage_sql(ledger_file: LedgerFile, mapping: dict[str, str], year: int,
              workdir: Path, *, strip_codes: bool = False, ascii_only: bool = False) -> str:
    """The SELECT of every normalised line (the columns `drilldown` reads, raw text, skip),
    in file order: the line number is the row's place plus `first_line` (see `numbered`).

    Voucher and text are kept as they stand (`drilldown` trims the few lines it shows); the
    codes are trimmed only with `strip_codes`: cells with blanks around them are rare, and
    where they occur `has_padded_codes` finds them among the groups and the import runs again
    with it.

    `ascii_only` reads a Windows-1252 file as it stands, before it has been transcoded: only
    the columns the checks and sums need (no voucher, text or totals labels, which may hold
    any letter), and `non_ascii` says where one of those is not plain ASCII, the only text
    both encodings read alike.
    """
    def column(field_name: str) -> str:
        given = mapping.get(field_name)
        if not given or (ascii_only and field_name in ("voucher", "text")):
            return "CAST(NULL AS VARCHAR)"
        return name(given)

    def code(field_name: str) -> str:
        given = mapping.get(field_name)
        if not given:
            return "CAST(NULL AS VARCHAR)"
        if strip_codes:
            return stripped(name(given))
        # a single space is how `ledger_files` fills a blank line
        return f"nullif(nullif({name(given)}, ''), ' ')"

    amount = amount_parts(column, has_debit_credit(mapping))
    date = date_sql("raw_date") if mapping.get("date") else "CAST(NULL AS DATE)"
    period = (period_sql("raw_period", year) if mapping.get("period")
              else "CAST(month(date) AS SMALLINT)")
    klass = f"lower({code('account_class')})"
    account_class = (f"(CASE WHEN {klass} IS NULL OR {_in(klass, CLASSES['operating'])} "
                     f"THEN 'operating' WHEN {_in(klass, CLASSES['capital'])} "
                     f"THEN 'capital' END)")
    labels = set() if ascii_only else {
        c for c in (ledger_file.header[0], mapping.get("voucher"), mapping.get("text"))
        if c} - {mapping.get(n) for n in ("responsibility", "function", "art")}
    passed = "".join(f"{name(c)} AS label_{i}, " for i, c in enumerate(sorted(labels)))
    totals = " OR ".join(f"coalesce(regexp_matches(label_{i}, {literal(TOTALS[4:])}, 'i'), "
                         f"false)" for i in range(len(labels))) or "false"
    no_codes = "(responsibility IS NULL AND function IS NULL AND art IS NULL)"
    parsed = (f"SELECT {int(ledger_file.first_line)} AS first_line, "
              f"{column('voucher')} AS voucher, {code('responsibility')} AS responsibility, "
              f"{code('function')} AS function, {code('art')} AS art, "
              f"{code('project')} AS raw_project, {amount.texts}, "
              f"{column('text')} AS text, {column('period')} AS raw_period, "
              f"{column('date')} AS raw_date, {column('account_class')} AS raw_class, "
              f"{passed}{account_class} AS account_class "
              f"FROM {source(ledger_file, workdir)}")
    return (
        f"WITH parsed AS ({parsed}), typed AS (SELECT *, {date} AS date, "
        f"{amount.typed} FROM parsed), "
        f"dated AS (SELECT *, {period} AS period{amount.combined} FROM typed) "
        f"SELECT first_line, voucher, date, period, account_class, responsibility, function, "
        f"art, "
        f"coalesce(raw_project, '') AS project, amount, text, "
        # the raw text only where it was not read, for the value
        f"{amount.kept}, "
        f"CASE WHEN NOT coalesce(period BETWEEN 1 AND 13, false) THEN {trimmed('raw_period')} "
        f"END AS raw_period, CASE WHEN NOT coalesce(year(date) = {int(year)}, false) "
        f"THEN {trimmed('raw_date')} END AS raw_date, CASE WHEN account_class IS NULL "
        f"THEN {trimmed('raw_class')} END AS raw_class, "
        # a totals line has no codes: the pattern is tried on those lines only
        f"CASE WHEN {no_codes} THEN (CASE WHEN {totals} THEN 'total' WHEN raw_project IS "
        f"NULL AND {amount.missing} THEN 'blank' END) END AS skip"
        f"{_non_ascii(amount.raw) if ascii_only else ''} FROM dated")


def _non_ascii(amount_texts: tuple[str, ...]) -> str:
    """`, … AS non_ascii`: whether a text the checks read has a byte above ASCII (more bytes
    than characters)."""
    texts = ["responsibility", "function", "art", "raw_project", "raw_period", "raw_date",
             "raw_class", *amount_texts]
    both = [" + ".join(f"{measure}(coalesce({text}, ''))" for text in texts)
            for measure in ("strlen", "length")]
    return f", ({both[0]}) <> ({both[1]}) AS non_ascii"


def numbered(parquet: str) -> str:
    """The lines of a stage file with their line numbers and KOSTRA arts, both derived on
    reading rather than written for every line. Numbering while writing (row_number() OVER
    ()) would hold DuckDB to one thread for the whole pass; the rows are written in file
    order, so a row's place in the Parquet file gives its line."""
    return (f"(SELECT * EXCLUDE (file_row_number, first_line), CAST(file_row_number AS BIGINT)"
            f" + first_line AS line, left(art, 3) AS kostra_art "
            f"FROM read_parquet({parquet}, file_row_number = true))")


def numbered_in_order(sql: str) -> str:
    """The lines of a `stage_sql` SELECT numbered as they come: in file order, which holds
    DuckDB to one thread (for reading a kept text file, not for importing one)."""
    return (f"(SELECT * EXCLUDE (first_line), CAST(row_number() OVER () AS BIGINT) "
            f"+ first_line - 1 AS line, left(art, 3) AS kostra_art FROM ({sql}))")


def has_padded_codes(db: duckdb.DuckDBPyConnection, groups: str) -> bool:
    """Whether a code of the stage written without `strip_codes` has blanks around it (or
    the operating/capital column could not be read, which blanks may explain): checked on the
    groups of account strings, not on every line."""
    found = db.execute(
        f"SELECT count(*) FROM {groups} WHERE account_class IS NULL OR "
        f"{' OR '.join(padded(c) for c in ('responsibility', 'function', 'art', 'project'))}"
    ).fetchone()
    return bool(found and found[0])


def write_stage(db: duckdb.DuckDBPyConnection, ledger_file: LedgerFile,
                mapping: dict[str, str], year: int, stage: Path, *,
                strip_codes: bool = False) -> None:
    sql = stage_sql(ledger_file, mapping, year, stage.parent, strip_codes=strip_codes)
    db.execute(f"COPY ({sql}) TO {literal(str(stage))} "
               f"(FORMAT parquet, COMPRESSION snappy)")
