"""Reading a filled-in budget template back: every row checked, and the base amounts that
differ set in one transaction — or, with any error, nothing at all.

The header row is found below the title rows (the first row naming ansvar, funksjon and art);
the year columns are those headed by a year. An empty amount cell is 0; a row left out of
the file leaves its line as it is. Amounts may be numbers or Norwegian text (`1 234,50`,
`-1 234`, `(1 234)`), read by the ledger's amount parser.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import BinaryIO

import polars as pl
from django.db import transaction
from django.utils.translation import gettext as _

from styringshjul.budget.lines import LineDraft, set_base_amount
from styringshjul.budget.models import BudgetVersion, ChangeSource, LineChange
from styringshjul.budget.spreadsheets import (
    CODE_FIELDS,
    SNAPSHOT_SHEET,
    Scope,
    base_amounts,
    code_headers,
)
from styringshjul.ledger import amounts as ledger_amounts
from styringshjul.ledger.models import Rule
from styringshjul.ledger.profiles import GENERIC_NAMES
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
from styringshjul.lib.issues import Issue, Severity, errors
from styringshjul.lib.money import format_kroner
from styringshjul.lib.tabular import normalise_name
from styringshjul.org.queries import responsibility_codes

HEADER_SEARCH_ROWS = 80
ISSUE_LIMIT = 1000
ØRE = Decimal("0.01")
YEAR = re.compile(r"^(19|20|21)\d\d$")
KEPT_IF_IN_VERSION = ("budget_sheet.unknown_responsibility", "budget_sheet.unknown_function",
                      "budget_sheet.unknown_art")
EXTRA_NAMES = {"function": {"funktion"}, "project": {"projekt"}}


@dataclass
class SheetRow:
    row: int
    codes: dict[str, str]
    amounts: dict[int, Decimal]

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.codes[name] for name in CODE_FIELDS)


@dataclass
class UploadResult:
    issues: list[Issue] = field(default_factory=list)
    changes: list[LineChange] = field(default_factory=list)
    row_count: int = 0
    error_count: int = 0
    issue_count: int = 0

    @property
    def accepted(self) -> bool:
        return self.error_count == 0


def upload_template(version: BudgetVersion, file: BinaryIO, *, user, scope: Scope
                    ) -> UploadResult:
    """Check the filled-in template and, if it has no errors, set the amounts that differ."""
    if version.is_frozen:
        return UploadResult([Issue("budget_sheet.frozen", _(
            "This version is a decision of the council and can no longer be changed."))],
            error_count=1, issue_count=1)
    rows, issues = read_template(file, version, scope)
    result = UploadResult(issues[:ISSUE_LIMIT], row_count=len(rows),
                          error_count=len(errors(issues)), issue_count=len(issues))
    if result.accepted:
        result.changes = apply_rows(version, rows, user=user)
    return result


def read_template(file: BinaryIO, version: BudgetVersion, scope: Scope
                  ) -> tuple[list[SheetRow], list[Issue]]:
    """The rows of the file and every problem found in them."""
    raw, snapshot, issue = _sheet_rows(file)
    if issue:
        return [], [issue]
    found = _header(raw)
    if found is None:
        return [], [Issue("budget_sheet.no_header", _(
            "No header row naming the responsibility, function and art columns was found."))]
    header_index, columns = found
    years, issues = _year_columns(raw[header_index], header_index + 1, version)
    header = [str(cell or "").strip() for cell in raw[header_index]]
    rows = []
    for index, cells in enumerate(raw[header_index + 1:], start=header_index + 2):
        if any(_text(cell) for cell in cells):
            row, row_issues = _read_row(index, cells, columns, years, header)
            rows.append(row)
            issues.extend(row_issues)
    current = base_amounts(version)
    issues.extend(_check_codes(rows, version, scope, current, columns, header))
    if snapshot is not None:
        names = {year: header[position] for position, year in years.items()}
        issues.extend(_conflicts(rows, _snapshot(snapshot), current, names))
    issues.sort(key=lambda i: (i.row or 0))
    return rows, issues


def _sheet_rows(file: BinaryIO) -> tuple[list[tuple], list[tuple] | None, Issue | None]:
    """The first sheet's rows, and the hidden sheet of amounts as downloaded if there."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        return [], None, Issue("budget_sheet.not_xlsx", _(
            "The file is not an Excel workbook (XLSX)."), value=exc.__class__.__name__)
    try:
        rows = [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        snapshot = None
        if SNAPSHOT_SHEET in workbook.sheetnames:
            snapshot = [tuple(row) for row in
                        workbook[SNAPSHOT_SHEET].iter_rows(values_only=True)]
        return rows, snapshot, None
    finally:
        workbook.close()


def _snapshot(raw: list[tuple]) -> dict[tuple, dict[int, Decimal]]:
    if not raw:
        return {}
    years = [int(cell) for cell in raw[0][len(CODE_FIELDS):] if _text(cell).isdigit()]
    return {
        tuple(_text(cell) for cell in cells[:len(CODE_FIELDS)]): {
            year: _amount(cell) or Decimal(0)
            for year, cell in zip(years, cells[len(CODE_FIELDS):], strict=False)}
        for cells in raw[1:] if cells and cells[0] is not None
    }


def _conflicts(rows: list[SheetRow], snapshot: dict[tuple, dict[int, Decimal]],
               current: dict[tuple, dict[int, Decimal]], names: dict[int, str]
               ) -> list[Issue]:
    """Amounts someone else changed after the template was downloaded: kept (and dropped
    from `rows`) where the uploader left the cell as downloaded, an error where the
    uploader changed it too."""
    issues = []
    for row in rows:
        seen, now = snapshot.get(row.key, {}), current.get(row.key, {})
        for year, amount in list(row.amounts.items()):
            before, present = seen.get(year, Decimal(0)), now.get(year, Decimal(0))
            if present == before or amount == present:
                continue
            values = {"amount": format_kroner(present, decimals=2)}
            if amount == before:
                del row.amounts[year]
                issues.append(Issue("budget_sheet.kept_newer", _(
                    "Changed by someone else after the template was downloaded; their "
                    "amount %(amount)s was kept.") % values, row.row, names[year],
                    str(amount), Severity.WARNING))
            else:
                issues.append(Issue("budget_sheet.changed_since_download", _(
                    "Changed by someone else after the template was downloaded: the version "
                    "now has %(amount)s. Download the template again.") % values,
                    row.row, names[year], str(amount)))
    return issues


def _aliases() -> dict[str, str]:
    """Accepted heading → code field, in Norwegian, Danish, English and the user's language."""
    lookup = {}
    for name, heading in code_headers().items():
        for alias in {*GENERIC_NAMES[name], *EXTRA_NAMES.get(name, ()), heading, name}:
            lookup[normalise_name(alias)] = name
    return lookup


def _header(raw: list[tuple]) -> tuple[int, dict[str, int]] | None:
    lookup = _aliases()
    for index, cells in enumerate(raw[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            name = lookup.get(normalise_name(cell))
            if name and name not in columns:
                columns[name] = position
        if {"responsibility", "function", "art"} <= columns.keys():
            return index, columns
    return None


def _year_columns(cells: tuple, row: int, version: BudgetVersion
                  ) -> tuple[dict[int, int], list[Issue]]:
    years, issues = {}, []
    for position, cell in enumerate(cells):
        text = _text(cell)
        if not YEAR.match(text):
            continue
        if int(text) in years.values():
            issues.append(Issue("budget_sheet.duplicate_year", _(
                "A second column for the same year."), row, text, text))
        elif int(text) in version.year_range:
            years[position] = int(text)
        else:
            issues.append(Issue("budget_sheet.year_outside_version", _(
                "Not a year of this version (%(first)s–%(last)s).") % {
                "first": version.first_year, "last": version.year_range[-1]},
                row, text, text))
    if not years:
        issues.append(Issue("budget_sheet.no_years", _(
            "No column is headed by a year of this version."), row))
    return years, issues


def _read_row(index: int, cells: tuple, columns: dict[str, int], years: dict[int, int],
              header: list[str]) -> tuple[SheetRow, list[Issue]]:
    codes = {name: _code(name, _cell(cells, columns.get(name))) for name in CODE_FIELDS}
    issues, amounts = [], {}
    for position, year in years.items():
        cell = _cell(cells, position)
        amount = _amount(cell)
        if amount is None:
            issues.append(Issue("budget_sheet.invalid_amount", _("Not an amount."), index,
                                header[position], _text(cell)))
        else:
            amounts[year] = amount
    return SheetRow(index, codes, amounts), issues


def _cell(cells: tuple, position: int | None) -> object:
    return cells[position] if position is not None and position < len(cells) else None


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _code(name: str, cell: object) -> str:
    """A code as text; a number Excel made of `010` gets its leading zeros back."""
    text = _text(cell)
    if name in ("function", "art") and text.isdigit() and len(text) < 3:
        return text.zfill(3)
    return text


def _amount(cell: object) -> Decimal | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return Decimal(0)
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float | Decimal):
        return Decimal(repr(cell) if isinstance(cell, float) else cell).quantize(
            ØRE, rounding=ROUND_HALF_UP)
    return _parse_text(str(cell))


def _parse_text(text: str) -> Decimal | None:
    """A Norwegian amount in text, read as the ledger import reads it."""
    frame = pl.DataFrame({"amount": [text.strip()]}, schema={"amount": pl.String})
    value = frame.select(ledger_amounts.amount("amount"))["amount"][0]
    return None if value is None else Decimal(value)


def _check_codes(rows: list[SheetRow], version: BudgetVersion, scope: Scope,
                 existing: dict[tuple, dict], columns: dict[str, int], header: list[str]
                 ) -> list[Issue]:
    checker = _CodeChecker(version, scope)
    names = {name: header[position] for name, position in columns.items()}
    seen: dict[tuple, int] = {}
    issues = []
    for row in rows:
        for name, code, message in checker.problems(row):
            severity = Severity.ERROR
            if code in KEPT_IF_IN_VERSION and row.key in existing and (
                    scope.whole or code != "budget_sheet.unknown_responsibility"):
                # Not the uploader's doing: the line came with the version (e.g. copied
                # from a year whose code list still had the code).
                severity = Severity.WARNING
                message = _("%(problem)s The line is already in the version and was kept; "
                            "move it to a valid code.") % {"problem": message}
            issues.append(Issue(code, message, row.row, names.get(name, name),
                                row.codes[name], severity))
        if row.key in seen:
            issues.append(Issue("budget_sheet.duplicate", _(
                "The same account string as row %(row)s.") % {"row": seen[row.key]},
                row.row, names["responsibility"], row.codes["responsibility"]))
        seen.setdefault(row.key, row.row)
    return issues


class _CodeChecker:
    """The codes a row may use: ansvar of the user's scope, funksjon and art valid (and
    allowed in the operating accounts) in every year the row has an amount."""

    def __init__(self, version: BudgetVersion, scope: Scope):
        self.municipal = set(responsibility_codes(version.municipality))
        self.scope = scope
        self.functions = {year: _operating(functions_valid_in(year))
                          for year in version.year_range}
        self.arts = {year: _operating(arts_valid_in(year)) for year in version.year_range}

    def problems(self, row: SheetRow) -> list[tuple[str, str, str]]:
        found = []
        for name in ("responsibility", "function", "art"):
            if not row.codes[name]:
                found.append((name, "budget_sheet.missing_code", _("Missing.")))
        code = row.codes["responsibility"]
        if code and code not in self.municipal:
            found.append(("responsibility", "budget_sheet.unknown_responsibility",
                          _("Not one of the municipality's responsibility codes.")))
        elif code and not self.scope.holds(code):
            found.append(("responsibility", "budget_sheet.other_unit",
                          _("Not a responsibility code of your units.")))
        years = [year for year, amount in row.amounts.items() if amount] or list(self.arts)
        found.extend(self._kostra(row, years))
        if len(row.codes["project"]) > 20:
            found.append(("project", "budget_sheet.long_project",
                          _("A project code has at most 20 characters.")))
        return found

    def _kostra(self, row: SheetRow, years: list[int]) -> list[tuple[str, str, str]]:
        found = []
        function, art = row.codes["function"], row.codes["art"]
        bad_function = next((y for y in years if function not in self.functions[y]), None)
        if function and bad_function:
            found.append(("function", "budget_sheet.unknown_function", _(
                "Not a KOSTRA function valid in %(year)s, or not allowed in the operating "
                "accounts.") % {"year": bad_function}))
        bad_art = next((y for y in years if art[:3] not in self.arts[y]), None)
        if art and (not re.fullmatch(r"\d{3,4}", art) or bad_art):
            found.append(("art", "budget_sheet.unknown_art", _(
                "Not a KOSTRA art valid in %(year)s (three digits, or four with a local last "
                "digit), or not allowed in the operating accounts.") % {
                "year": bad_art or years[0]}))
        return found


def _operating(codes: dict) -> set[str]:
    return {code for code, item in codes.items() if item.operating_rule != Rule.NOT_ALLOWED}


def apply_rows(version: BudgetVersion, rows: list[SheetRow], *, user) -> list[LineChange]:
    """Set every amount of `rows` that differs from the version's base amount, in one
    transaction; the same file twice changes nothing."""
    with transaction.atomic():
        locked = BudgetVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_frozen:
            return []
        current = base_amounts(locked)
        changes = []
        for row in rows:
            before = current.get(row.key, {})
            for year, amount in sorted(row.amounts.items()):
                if before.get(year, Decimal(0)) == amount:
                    continue
                draft = LineDraft(year=year, amount=amount, **row.codes)
                change = set_base_amount(locked, draft, user=user,
                                         source=ChangeSource.SPREADSHEET)
                if change is not None:
                    changes.append(change)
        return changes
