"""Every line of a budget file checked at once, as Polars expressions (a ledger file, which
may have millions of lines, goes through the same rules in DuckDB: `ledger_sql`,
`ledger_checks`).

`normalise` turns the file's text columns into a ledger line (typed amount, period, date,
codes); `validate` finds every problem and returns at most `ISSUE_LIMIT` of them as
`Issue`s with the total per kind, so a bad file of millions of lines stays cheap to report.
"""

from dataclasses import dataclass, field

import polars as pl
from django.utils.translation import gettext as _

from styringshjul.ledger import amounts
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
from styringshjul.lib.issues import Issue, Severity
from styringshjul.org.queries import responsibility_codes

ISSUE_LIMIT = 1000
TOTALS = r"(?i)^\s*(sum|totalt?|total sum|sum totalt)\b"
CLASSES = {"operating": {"1", "d", "drift", "operating"},
           "capital": {"0", "i", "investering", "capital"}}
LINE_COLUMNS = ("line", "voucher", "date", "period", "account_class", "responsibility",
                "function", "art", "kostra_art", "project", "amount", "text")


def normalise(frame: pl.LazyFrame, mapping: dict[str, str], header: list[str], year: int,
              first_line: int) -> pl.LazyFrame:
    """The ledger line of every row, with the raw text kept where it could not be read."""

    def text(field_name: str) -> pl.Expr:
        column = mapping.get(field_name)
        if not column:
            return pl.lit(None, dtype=pl.String)
        return pl.col(column).str.strip_chars().replace("", None)

    codes = [text(name) for name in ("responsibility", "function", "art", "project")]
    labels = {c for c in (header[0], mapping.get("voucher"), mapping.get("text")) if c} - {
        mapping.get(n) for n in ("responsibility", "function", "art")}
    date, period, amount = _parsers(mapping, year)
    klass = text("account_class").str.to_lowercase()
    account_class = (pl.when(klass.is_null() | klass.is_in(list(CLASSES["operating"])))
                     .then(pl.lit("operating"))
                     .when(klass.is_in(list(CLASSES["capital"]))).then(pl.lit("capital")))
    no_codes = codes[0].is_null() & codes[1].is_null() & codes[2].is_null()
    is_total = no_codes & pl.any_horizontal(
        [pl.col(c).str.contains(TOTALS).fill_null(False) for c in sorted(labels)]
        or [pl.lit(False)])
    is_blank = no_codes & codes[3].is_null() & text("amount").is_null()
    return frame.with_row_index("line", offset=first_line).select(
        pl.col("line").cast(pl.Int64),
        text("voucher").alias("voucher"),
        date.alias("date"),
        period.alias("period"),
        account_class.alias("account_class"),
        codes[0].alias("responsibility"),
        codes[1].alias("function"),
        codes[2].alias("art"),
        codes[2].str.slice(0, 3).alias("kostra_art"),
        codes[3].fill_null("").alias("project"),
        amount.alias("amount"),
        text("text").alias("text"),
        pl.when(amount.is_null()).then(text("amount").fill_null("")).alias("raw_amount"),
        text("period").alias("raw_period"),
        text("date").alias("raw_date"),
        text("account_class").alias("raw_class"),
        pl.when(is_total).then(pl.lit("total")).when(is_blank).then(pl.lit("blank"))
        .alias("skip"),
    )


def _parsers(mapping: dict[str, str], year: int) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    date = amounts.date(mapping["date"]) if mapping.get("date") else pl.lit(None, pl.Date)
    period = date.dt.month().cast(pl.Int16)
    if mapping.get("period"):
        period = amounts.period(mapping["period"], year)
    return date, period, amounts.amount(mapping["amount"])


@dataclass
class Rule:
    code: str
    message: str
    field: str
    failing: pl.Expr
    value: pl.Expr
    severity: Severity = Severity.ERROR


@dataclass
class Findings:
    issues: list[Issue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    error_count: int = 0
    warning_count: int = 0
    skipped_totals: int = 0

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0


def validate(lines: pl.LazyFrame, municipality, year: int, mapping: dict[str, str], *,
             has_period: bool = True, has_date: bool = True) -> Findings:
    rules = _rules(municipality, year, mapping, has_period=has_period, has_date=has_date)
    flags = [rule.failing.fill_null(True).alias(f"f{i}") for i, rule in enumerate(rules)]
    values = [rule.value.cast(pl.String).fill_null("").alias(f"v{i}")
              for i, rule in enumerate(rules)]
    rows = pl.col("skip").is_null()
    failing = (lines.filter(rows).select("line", *flags, *values)
               .filter(pl.any_horizontal(pl.col(r"^f\d+$"))).collect(engine="streaming"))
    findings = Findings()
    totals = lines.filter(pl.col("skip") == "total").select("line").collect(
        engine="streaming")["line"]
    findings.skipped_totals = len(totals)
    for line in totals.to_list()[:ISSUE_LIMIT]:
        findings.issues.append(Issue(
            "ledger.totals_line", _("A totals line; it was skipped."), line,
            severity=Severity.WARNING))
    if len(totals):
        findings.counts["ledger.totals_line"] = len(totals)
        findings.warning_count += len(totals)
    for index, rule in enumerate(rules):
        hits = failing.filter(pl.col(f"f{index}"))
        if hits.height:
            _add(findings, rule, hits.select("line", f"v{index}"), mapping)
    findings.issues.sort(key=lambda issue: (issue.row or 0, issue.severity != Severity.ERROR))
    return findings


def _add(findings: Findings, rule: Rule, hits: pl.DataFrame, mapping: dict[str, str]) -> None:
    findings.counts[rule.code] = findings.counts.get(rule.code, 0) + hits.height
    if rule.severity is Severity.ERROR:
        findings.error_count += hits.height
    else:
        findings.warning_count += hits.height
    room = ISSUE_LIMIT - len(findings.issues)
    column = mapping.get(rule.field, "")
    for line, value in hits.head(max(room, 0)).iter_rows():
        findings.issues.append(Issue(rule.code, rule.message, line, column, value,
                                     rule.severity))


def _rules(municipality, year: int, mapping: dict[str, str], *, has_period: bool,
           has_date: bool) -> list[Rule]:
    functions, arts = functions_valid_in(year), arts_valid_in(year)
    responsibility, function, art = (pl.col("responsibility"), pl.col("function"),
                                     pl.col("art"))
    rules = [
        Rule("ledger.unknown_responsibility",
             _("Not one of the municipality's responsibility codes."), "responsibility",
             ~responsibility.is_in(sorted(responsibility_codes(municipality))), responsibility),
        Rule("ledger.unknown_function", _("Not a KOSTRA function valid in %(year)s.")
             % {"year": year}, "function", ~function.is_in(list(functions)), function),
        Rule("ledger.unknown_art", _("Not a KOSTRA art valid in %(year)s (three digits, or "
                                     "four with a local last digit).") % {"year": year},
             "art", ~(art.str.contains(r"^\d{3,4}$") & pl.col("kostra_art").is_in(list(arts))),
             art),
        Rule("ledger.invalid_account_class", _("Neither operating nor capital."),
             "account_class", pl.col("account_class").is_null(), pl.col("raw_class")),
        *_account_rules("function", functions), *_account_rules("kostra_art", arts),
        Rule("ledger.invalid_amount", _("Not an amount."), "amount",
             pl.col("amount").is_null(), pl.col("raw_amount")),
    ]
    if has_period:
        rules.append(Rule("ledger.invalid_period", _("Not a period of %(year)s (1–13).")
                          % {"year": year}, "period",
                          ~pl.col("period").is_between(1, 13), pl.col("raw_period")))
    if has_date:
        rules.extend(_date_rules(year, has_period))
    return rules


def _date_rules(year: int, has_period: bool) -> list[Rule]:
    date, raw = pl.col("date"), pl.col("raw_date")
    return [
        Rule("ledger.invalid_date", _("Not a date (dd.mm.yyyy or yyyy-mm-dd)."), "date",
             date.is_null() & (raw.is_not_null() | (not has_period)), raw),
        Rule("ledger.date_outside_year", _("The date is not in %(year)s.") % {"year": year},
             "date", date.is_not_null() & (date.dt.year() != year), raw),
    ]


def _account_rules(column: str, codes: dict) -> list[Rule]:
    """Codes not allowed (error) or illogical (warning) in operating or capital accounts."""
    field_name = "function" if column == "function" else "art"
    operating = {code: c.operating_rule for code, c in codes.items()}
    capital = {code: c.capital_rule for code, c in codes.items()}
    rule = (pl.when(pl.col("account_class") == "capital")
            .then(pl.col(column).replace_strict(capital, default=None, return_dtype=pl.String))
            .otherwise(pl.col(column).replace_strict(operating, default=None,
                                                     return_dtype=pl.String)))
    value = pl.col(field_name)
    return [
        Rule(f"ledger.{field_name}_not_allowed",
             _("Not allowed in the operating or capital accounts this line belongs to."),
             field_name, (rule == "not_allowed").fill_null(False), value),
        Rule(f"ledger.{field_name}_illogical",
             _("Illogical in the operating or capital accounts this line belongs to."),
             field_name, (rule == "illogical").fill_null(False), value, Severity.WARNING),
    ]
