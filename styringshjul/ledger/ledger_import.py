"""Import a general-ledger export: read, check every line, and store — all or nothing.

The database gets the sums per period and account string; the raw lines are kept for
drill-down, one file per import (`raw_lines`). Importing replaces the actuals of the
periods the file contains; the same file again changes nothing.
"""

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import polars as pl
from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from styringshjul.ledger import ledger_checks, ledger_sql, profiles, raw_lines
from styringshjul.ledger.early_pass import EarlyPass
from styringshjul.ledger.ledger_files import LedgerFile, TableError, peek_csv, read_ledger_file
from styringshjul.ledger.ledger_stage import Stage
from styringshjul.ledger.ledger_validation import Findings
from styringshjul.ledger.models import Actual, LedgerImport
from styringshjul.ledger.rollups import refresh_rollups
from styringshjul.lib.issues import Issue

Progress = Callable[[str, float], None]
GROUP = ledger_checks.GROUP
ACTUAL_COLUMNS = ("municipality_id", "year", "period", "account_class", "responsibility",
                  "function", "art", "kostra_art", "project", "amount", "source_id")


@dataclass
class ImportResult:
    accepted: bool = False
    unchanged: bool = False
    dry_run: bool = False
    needs_mapping: bool = False
    findings: Findings = field(default_factory=Findings)
    file_issues: list[Issue] = field(default_factory=list)
    file_name: str = ""
    encoding: str = ""
    profile: str = ""
    header: list[str] = field(default_factory=list)
    line_count: int = 0
    periods: list[int] = field(default_factory=list)
    replaced_periods: list[int] = field(default_factory=list)
    total: Decimal = Decimal(0)
    ledger_import: LedgerImport | None = None

    @property
    def issues(self) -> list[Issue]:
        return self.file_issues + self.findings.issues


def ledger_dir(municipality, year: int) -> Path:
    return Path(settings.VAR_DIR) / "ledger" / municipality.number / str(year)


def file_problem(error: TableError) -> Issue:
    messages = {
        "encoding": _("The file is neither UTF-8 nor Windows-1252 (byte %(detail)s)."),
        "not_xlsx": _("The file cannot be read as an Excel workbook."),
        "no_header": _("The file has no header row."),
    }
    return Issue(f"ledger.{error.code}", messages[error.code] % {"detail": error.detail})


def no_profile_issue() -> Issue:
    return Issue("ledger.no_profile", _(
        "No column profile fits the file's header; map the columns or choose a profile."))


def unknown_profile_issue(name: str) -> Issue:
    return Issue("ledger.unknown_profile", _("There is no column profile with that name."),
                 value=name)


def import_ledger(
    municipality, year: int, path: Path, *, filename: str | None = None,
    profile: str | dict[str, str] | None = None, dry_run: bool = False, user=None,
    progress: Progress | None = None,
) -> ImportResult:
    report = progress or (lambda stage, fraction: None)
    result = ImportResult(dry_run=dry_run, file_name=filename or path.name)
    chosen = _profile(profile, municipality, result)
    if result.file_issues:
        return result
    workdir = ledger_dir(municipality, year)
    workdir.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(workdir)
    tried = profiles.candidates(municipality, chosen)

    def is_header(row: list[str]) -> bool:
        return profiles.match(row, tried) is not None

    db = ledger_sql.connect(workdir)
    early = _early_pass(db, path, filename, is_header, tried, municipality, year)
    try:
        ledger_file = read_ledger_file(
            path, is_header, filename=filename, workdir=workdir,
            progress=lambda fraction: report("read", 0.4 * fraction),
            defer_transcoding=early is not None)
    except TableError as error:
        result.file_issues.append(file_problem(error))
        return result
    else:
        try:
            _import(ledger_file, db, early, municipality, tried, result, user, year, report)
        finally:
            ledger_file.close()
    finally:
        if early is not None:
            early.stop()
        db.close()
    return result


def _early_pass(db, path: Path, filename: str | None, is_header, tried, municipality,
                year: int) -> EarlyPass | None:
    """The counting pass over a CSV file whose header a profile knows, started beside the
    pass that reads it."""
    head = peek_csv(path, is_header, filename=filename)
    matched = head and profiles.match(head.header, tried)
    return EarlyPass(db, head, matched[1], municipality, year) if matched else None


def _remove_leftovers(workdir: Path) -> None:
    """Temporary files of an import that was killed: a day old, they are nobody's."""
    day_ago = time.time() - 24 * 3600
    for leftover in workdir.glob(".*"):
        if leftover.is_file() and leftover.stat().st_mtime < day_ago:
            leftover.unlink(missing_ok=True)


def _profile(profile, municipality, result: ImportResult) -> profiles.Profile | None:
    if isinstance(profile, dict):
        return profiles.Profile(_("own mapping"), profile)
    if not profile:
        return None
    found = profiles.named_profile(profile, municipality)
    if found is None:
        result.file_issues.append(unknown_profile_issue(profile))
    return found


def _import(ledger_file: LedgerFile, db, early: EarlyPass | None, municipality, tried,
            result: ImportResult, user, year: int, report: Progress) -> None:
    result.encoding, result.header = ledger_file.encoding, ledger_file.header
    matched = profiles.match(ledger_file.header, tried)
    if matched is None:
        result.needs_mapping = True
        result.file_issues.append(no_profile_issue())
        return
    result.profile, mapping = matched
    if not result.dry_run and (same := _same_file_in_force(municipality, year,
                                                             ledger_file.sha256)):
        result.unchanged, result.accepted, result.ledger_import = True, True, same
        result.periods, result.line_count, result.total = same.periods, same.line_count, \
            same.total
        return
    workdir = ledger_dir(municipality, year)
    stage = Stage(db, ledger_file, mapping, year, workdir / f".stage-{uuid.uuid4().hex}.parquet")
    try:
        result.findings = _check(stage, early, municipality, year, report)
        report("store", 0.7)
        if not result.findings.has_errors:
            _store(stage, municipality, result, user)
    finally:
        stage.discard()
    report("done", 1.0)


def _check(stage: Stage, early: EarlyPass | None, municipality, year: int,
           report: Progress) -> Findings:
    """Every line parsed and checked, the codes as they stand; once more with the codes
    trimmed if blanks around some of them may have changed the outcome (rare, and then
    slower). A clean file was checked by the early pass already."""
    if early is not None and early.found_nothing_in(stage.ledger_file):
        report("check", 0.6)
        return Findings()
    while True:
        findings = ledger_checks.validate(stage.db, stage.lines, stage.numbered, municipality,
                                          year, stage.mapping)
        report("check", 0.6)
        if stage.strip_codes or not ledger_sql.has_padded_codes(stage.db, ledger_checks.GROUPS):
            return findings
        stage.trim_codes()


def _sums(db, workdir: Path) -> pl.DataFrame:
    """The sums per period and account string, with the number of lines behind them, from
    the groups the checks left (through a small Parquet file: DuckDB hands over columns,
    not Python rows)."""
    sums = workdir / f".sums-{uuid.uuid4().hex}.parquet"
    try:
        db.execute(
            f"COPY (SELECT {', '.join(GROUP)}, CAST(sum(amount) AS DECIMAL(18, 2)) AS amount, "
            f"CAST(sum(n) AS BIGINT) AS lines FROM {ledger_checks.GROUPS} WHERE skip IS NULL "
            f"GROUP BY ALL ORDER BY ALL) TO {ledger_sql.literal(str(sums))} (FORMAT parquet)")
        return pl.read_parquet(sums)
    finally:
        sums.unlink(missing_ok=True)


def _store(stage: Stage, municipality, result: ImportResult, user) -> None:
    """The sums into the database, and the raw lines kept for drill-down: the numbered lines
    if the checks or a workbook wrote them, else the file's text (`raw_lines`)."""
    year, ledger_file = stage.year, stage.ledger_file
    sums = _sums(stage.db, stage.path.parent)
    result.periods = sorted(sums["period"].unique().to_list())
    result.total = Decimal(sums["amount"].sum() or 0)
    result.line_count = int(sums["lines"].sum() or 0)
    sums = sums.drop("lines")
    if not result.line_count:
        result.file_issues.append(Issue("ledger.no_lines", _("The file has no ledger lines.")))
        return
    if result.dry_run:
        result.accepted = True
        return
    keeps_text = ledger_file.csv_path is not None and not stage.written
    if not keeps_text:
        stage.numbered()
    with transaction.atomic():
        in_force = Actual.objects.for_municipality(municipality).filter(
            year=year, period__in=result.periods)
        result.replaced_periods = sorted(set(in_force.values_list("period", flat=True)))
        in_force.delete()
        ledger_import = LedgerImport.objects.create(
            municipality=municipality, year=year, file_name=result.file_name[:255],
            file_sha256=ledger_file.sha256,
            encoding=ledger_file.encoding, profile=result.profile, periods=result.periods,
            line_count=result.line_count, total=result.total, imported_by=user,
            raw_format=stage.reading() if keeps_text else {})
        final = ledger_dir(municipality, year) / (
            f"{ledger_import.pk}.{'csv' if keeps_text else 'parquet'}")
        ledger_import.raw_lines = raw_lines.relative(final)
        ledger_import.save(update_fields=["raw_lines"])
        insert_actuals(sums, municipality, year, ledger_import)
        refresh_rollups(municipality, year, result.periods)
    if keeps_text:
        raw_lines.keep_text(ledger_file, final)
    else:
        os.replace(stage.path, final)
    result.accepted, result.ledger_import = True, ledger_import
    remove_superseded(municipality, year)


def remove_superseded(municipality, year: int) -> None:
    """Drop the raw lines of imports with no period in force any more: drill-down never
    reads them again, and a year imported anew each month would keep every copy."""
    in_force = Actual.objects.for_municipality(municipality).filter(year=year).values(
        "source_id")
    superseded = LedgerImport.objects.for_municipality(municipality).filter(
        year=year).exclude(raw_lines="").exclude(pk__in=in_force)
    for item in superseded:
        raw_lines.remove(item.raw_lines)
        LedgerImport.objects.filter(pk=item.pk).update(raw_lines="", raw_format={})


def insert_actuals(sums: pl.DataFrame, municipality, year: int, source: LedgerImport) -> None:
    """The sums as Actual rows: COPY on PostgreSQL, one executemany on SQLite, through the
    driver (the ORM's bulk_create costs ~10 times more for the ~70 000 rows of a year)."""
    rows = [(municipality.pk, year, *row, source.pk) for row in sums.select(
        "period", "account_class", "responsibility", "function", "art", "kostra_art",
        "project", pl.col("amount").cast(pl.String)).iter_rows()]
    columns = ", ".join(ACTUAL_COLUMNS)
    connection.ensure_connection()
    cursor = connection.connection.cursor()  # the driver's own, inside our transaction
    try:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {Actual._meta.db_table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["?"] * len(ACTUAL_COLUMNS))
            cursor.executemany(
                f"INSERT INTO {Actual._meta.db_table} ({columns}) VALUES ({placeholders})",
                rows)
    finally:
        cursor.close()


def _same_file_in_force(municipality, year: int, sha256: str) -> LedgerImport | None:
    """A previous import of the same bytes whose periods all still come from it."""
    for previous in LedgerImport.objects.for_municipality(municipality).filter(
            year=year, file_sha256=sha256):
        sources = set(Actual.objects.for_municipality(municipality).filter(
            year=year, period__in=previous.periods).values_list("source_id", "period"))
        if sources == {(previous.pk, period) for period in previous.periods}:
            return previous
    return None
