"""Load yearly budget amounts per account string from a file into a budget version.

Same formats, column profiles and checks as the general-ledger import (no period or date).
The version's lines for that year are created or replaced at once; the same file again
changes nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import polars as pl
from django.db import transaction

from styringshjul.budget.models import BudgetLine, BudgetVersion, VersionState
from styringshjul.ledger import profiles
from styringshjul.ledger.import_summary import year_outside_version
from styringshjul.ledger.ledger_files import TableError, read_ledger_file
from styringshjul.ledger.ledger_import import (
    file_problem,
    no_profile_issue,
    unknown_profile_issue,
)
from styringshjul.ledger.ledger_validation import Findings, normalise, validate
from styringshjul.lib.issues import Issue

GROUP = ["account_class", "responsibility", "function", "art", "kostra_art", "project"]
PLAN_YEARS = 4


@dataclass
class BudgetImportResult:
    accepted: bool = False
    unchanged: bool = False
    created: bool = False
    findings: Findings = field(default_factory=Findings)
    file_issues: list[Issue] = field(default_factory=list)
    encoding: str = ""
    profile: str = ""
    line_count: int = 0
    account_strings: int = 0
    total: Decimal = Decimal(0)
    version: BudgetVersion | None = None

    @property
    def issues(self) -> list[Issue]:
        return self.file_issues + self.findings.issues


def import_budget(municipality, year: int, path: Path, *, name: str,
                  filename: str | None = None, profile: str | None = None,
                  state: str = VersionState.ADOPTED, user=None) -> BudgetImportResult:
    result = BudgetImportResult()
    chosen = profiles.named_profile(profile, municipality) if profile else None
    if profile and chosen is None:
        result.file_issues.append(unknown_profile_issue(profile))
        return result
    tried = profiles.candidates(municipality, chosen)
    try:
        budget_file = read_ledger_file(
            path, lambda row: profiles.match(row, tried, budget=True) is not None,
            filename=filename)
    except TableError as error:
        result.file_issues.append(file_problem(error))
        return result
    try:
        matched = profiles.match(budget_file.header, tried, budget=True)
        if matched is None:
            result.file_issues.append(no_profile_issue())
            return result
        result.profile, mapping = matched
        result.encoding = budget_file.encoding
        lines = normalise(budget_file.frame, mapping, budget_file.header, year,
                          budget_file.first_line).collect().lazy()
    finally:
        budget_file.close()
    result.findings = validate(lines, municipality, year, mapping, has_period=False,
                               has_date=False)
    if not result.findings.has_errors:
        _store(lines.filter(pl.col("skip").is_null()), municipality, year, name, state, user,
               budget_file.sha256, filename or path.name, result)
    return result


def _store(lines: pl.LazyFrame, municipality, year: int, name: str, state: str, user,
           sha256: str, file_name: str, result: BudgetImportResult) -> None:
    sums = lines.group_by(GROUP).agg(pl.col("amount").sum()).sort(GROUP).collect()
    result.line_count = lines.select(pl.len()).collect().item()
    result.account_strings = sums.height
    result.total = Decimal(sums["amount"].sum() or 0)
    version = BudgetVersion.objects.for_municipality(municipality).filter(name=name).first()
    if version and version.source_sha256 == sha256 and version.lines.filter(year=year).exists():
        result.accepted = result.unchanged = True
        result.version = version
        return
    if version and not version.first_year <= year < version.first_year + PLAN_YEARS:
        result.file_issues.append(Issue("budget.year_outside_version", year_outside_version(
            year, version.first_year, version.first_year + PLAN_YEARS - 1), value=str(year)))
        return
    with transaction.atomic():
        if version is None:
            version = BudgetVersion.objects.create(
                municipality=municipality, name=name, first_year=year, state=state,
                created_by=user)
            result.created = True
        version.years = max(version.years, year - version.first_year + 1)
        version.source_file, version.source_sha256 = file_name[:255], sha256
        version.save()
        version.lines.filter(year=year).delete()
        BudgetLine.objects.bulk_create(
            (BudgetLine(version=version, year=year, **row) for row in sums.iter_rows(
                named=True)), batch_size=2000)
    result.accepted, result.version = True, version
