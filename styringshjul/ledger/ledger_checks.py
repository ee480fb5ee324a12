"""Every normalised line checked in DuckDB: one scan counts each kind of problem, and only
the kinds found are read again for their first lines (at most `ISSUE_LIMIT` issues in all,
with the total per kind) — the same rules as `ledger_validation.validate`.

The counting scan needs no line numbers, so it reads the lines as they are parsed from the
file; only when it finds something are they numbered (`numbered_lines`, which writes them
in file order) to say where.
"""

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
from django.utils.translation import gettext as _

from styringshjul.ledger.ledger_validation import ISSUE_LIMIT, Findings
from styringshjul.ledger.profiles import DEBIT_CREDIT, has_debit_credit
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
from styringshjul.lib.issues import Issue, Severity
from styringshjul.org.queries import responsibility_codes

GROUPS = "line_groups"
GROUP = ("period", "account_class", "responsibility", "function", "art", "kostra_art",
         "project")


@dataclass
class Check:
    code: str
    message: str
    field: str
    failing: str
    value: str
    severity: Severity = Severity.ERROR
    per_line: bool = False  # else it looks only at the account string


def validate(db: duckdb.DuckDBPyConnection, lines: str, numbered_lines: Callable[[], str],
             municipality, year: int, mapping: dict[str, str]) -> Findings:
    """`lines`: the normalised lines as a table expression; `numbered_lines()`: the same with
    their `line` numbers and `kostra_art`, called only when an issue must say where."""
    checks = prepare(db, municipality, year, mapping)
    mapping = {**mapping, "debit_credit": " / ".join(
        mapping.get(n, "") for n in DEBIT_CREDIT)}
    findings = Findings()
    totals, *per_check = count(db, lines, checks)
    if not totals and not any(per_check):
        return findings
    lines = numbered_lines()
    if totals:
        findings.skipped_totals = totals
        findings.counts["ledger.totals_line"] = totals
        findings.warning_count += totals
        rows = db.execute(f"SELECT line FROM {lines} WHERE skip = 'total' ORDER BY line "
                          f"LIMIT {ISSUE_LIMIT}").fetchall()
        findings.issues.extend(Issue("ledger.totals_line", _("A totals line; it was skipped."),
                                     line, severity=Severity.WARNING) for (line,) in rows)
    for check, found in zip(checks, per_check, strict=True):
        if found:
            _add(db, lines, findings, check, found, mapping)
    findings.issues.sort(key=lambda issue: (issue.row or 0, issue.severity != Severity.ERROR))
    return findings


def count(db, lines: str, checks: list[Check]) -> list[int]:
    """Totals lines, then failing lines per check, in one scan that also leaves the sums per
    period and account string in the table `GROUPS`: the checks of codes run once per group
    (tens of thousands), those of amounts and dates once per line."""
    per_line = ", ".join(f"count(*) FILTER (WHERE {c.failing}) AS c{i}"
                         for i, c in enumerate(checks) if c.per_line)
    counts = ", ".join(
        f"coalesce(sum(c{i}), 0)" if c.per_line
        else f"coalesce(sum(n) FILTER (WHERE {c.failing}), 0)" for i, c in enumerate(checks))
    by_art = ", ".join(c for c in GROUP if c != "kostra_art")  # derived per group, not line
    db.execute(
        f"CREATE OR REPLACE TABLE {GROUPS} AS SELECT *, left(art, 3) AS kostra_art FROM "
        f"(SELECT skip, {by_art}, CAST(sum(amount) AS DECIMAL(18, 2)) AS amount, "
        f"count(*) AS n{', ' if per_line else ''}{per_line} FROM {lines} GROUP BY ALL)")
    return list(db.execute(
        f"SELECT coalesce(sum(n) FILTER (WHERE skip = 'total'), 0), {counts} "
        f"FROM {GROUPS}").fetchone())


def non_ascii_check() -> Check:
    """Lines with a text the checks read that is not plain ASCII (see `stage_sql`)."""
    return Check("ledger.non_ascii", "", "", "non_ascii", "''", per_line=True)


def _add(db, lines: str, findings: Findings, check: Check, count: int,
         mapping: dict[str, str]) -> None:
    findings.counts[check.code] = findings.counts.get(check.code, 0) + count
    if check.severity is Severity.ERROR:
        findings.error_count += count
    else:
        findings.warning_count += count
    room = max(ISSUE_LIMIT - len(findings.issues), 0)
    if not room:
        return
    rows = db.execute(
        f"SELECT line, coalesce(CAST({check.value} AS VARCHAR), '') FROM {lines} "
        f"WHERE coalesce({check.failing}, true) ORDER BY line LIMIT {room}").fetchall()
    column = mapping.get(check.field, "")
    findings.issues.extend(Issue(check.code, check.message, line, column, value,
                                 check.severity) for line, value in rows)


def _table(db, table: str, codes) -> str:
    # not TEMP: the connection's cursors read them too (`ledger_import.EarlyPass`)
    db.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT unnest(?::VARCHAR[]) AS code",
               [sorted(codes)])
    return f"(SELECT code FROM {table})"


def prepare(db, municipality, year: int, mapping: dict[str, str]) -> list[Check]:
    """The checks, with the code lists they compare against as tables of `db`."""
    functions, arts = functions_valid_in(year), arts_valid_in(year)
    ansvar = _table(db, "valid_responsibility", responsibility_codes(municipality))
    valid_functions, valid_arts = (_table(db, "valid_function", functions),
                                   _table(db, "valid_art", arts))
    rows = "skip IS NULL AND "
    checks = [
        Check("ledger.unknown_responsibility",
              _("Not one of the municipality's responsibility codes."), "responsibility",
              f"NOT (responsibility IN {ansvar})", "responsibility"),
        Check("ledger.unknown_function", _("Not a KOSTRA function valid in %(year)s.")
              % {"year": year}, "function", f"NOT (function IN {valid_functions})", "function"),
        Check("ledger.unknown_art", _("Not a KOSTRA art valid in %(year)s (three digits, or "
                                      "four with a local last digit).") % {"year": year},
              "art", f"NOT (regexp_full_match(art, '\\d{{3,4}}') AND kostra_art IN "
              f"{valid_arts})", "art"),
        Check("ledger.invalid_account_class", _("Neither operating nor capital."),
              "account_class", "account_class IS NULL", "raw_class"),
        *_account_checks(db, "function", functions), *_account_checks(db, "kostra_art", arts),
        *(_debit_credit_checks() if has_debit_credit(mapping) else [
            Check("ledger.invalid_amount", _("Not an amount."), "amount", "amount IS NULL",
                  "raw_amount", per_line=True)]),
    ]
    has_period = bool(mapping.get("period"))
    if has_period:
        checks.append(Check("ledger.invalid_period", _("Not a period of %(year)s (1–13).")
                            % {"year": year}, "period", "NOT (period BETWEEN 1 AND 13)",
                            "raw_period", per_line=True))
    if mapping.get("date"):
        checks.extend(_date_checks(year, has_period))
    for check in checks:
        check.failing = f"({rows}coalesce({check.failing}, true))"
    return checks


def _date_checks(year: int, has_period: bool) -> list[Check]:
    raw_given = "raw_date IS NOT NULL" if has_period else "true"
    return [
        Check("ledger.invalid_date", _("Not a date (dd.mm.yyyy or yyyy-mm-dd)."), "date",
              f"date IS NULL AND ({raw_given})", "raw_date", per_line=True),
        Check("ledger.date_outside_year", _("The date is not in %(year)s.") % {"year": year},
              "date", f"date IS NOT NULL AND year(date) <> {int(year)}", "raw_date",
              per_line=True),
    ]


def _debit_credit_checks() -> list[Check]:
    """A line's amount in two columns: each side readable, and exactly one of them used (the
    other blank or zero). The stage keeps the sides only on lines without an amount."""
    return [
        *(Check("ledger.invalid_amount", _("Not an amount."), side,
                f"raw_{side} IS NOT NULL AND {side} IS NULL", f"raw_{side}", per_line=True)
          for side in DEBIT_CREDIT),
        Check("ledger.no_debit_or_credit", _("Neither debit nor credit holds an amount."),
              "debit_credit", "amount IS NULL AND raw_debit IS NULL AND raw_credit IS NULL",
              "''", per_line=True),
        Check("ledger.debit_and_credit",
              _("Both debit and credit hold an amount; a line has only one of them."),
              "debit_credit", "coalesce(debit <> 0 AND credit <> 0, false)",
              "raw_debit || ' / ' || raw_credit", per_line=True),
    ]


def _account_checks(db, column: str, codes: dict) -> list[Check]:
    """Codes not allowed (error) or illogical (warning) in operating or capital accounts."""
    field_name = "function" if column == "function" else "art"
    checks = []
    for verdict, severity in (("not_allowed", Severity.ERROR),
                              ("illogical", Severity.WARNING)):
        capital = _table(db, f"{field_name}_{verdict}_capital",
                         [c for c, code in codes.items() if code.capital_rule == verdict])
        operating = _table(db, f"{field_name}_{verdict}_operating",
                           [c for c, code in codes.items() if code.operating_rule == verdict])
        failing = (f"coalesce(CASE WHEN account_class = 'capital' THEN {column} IN {capital} "
                   f"ELSE {column} IN {operating} END, false)")
        message = (_("Not allowed in the operating or capital accounts this line belongs to.")
                   if verdict == "not_allowed" else
                   _("Illogical in the operating or capital accounts this line belongs to."))
        checks.append(Check(f"ledger.{field_name}_{verdict}", message, field_name, failing,
                            field_name, severity))
    return checks
