"""Read an organisation file (one row per ansvar code) into plain rows and issues.

No database here: only what the file says and what is wrong with it on its own terms.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from styringshjul.lib.issues import Issue, Severity
from styringshjul.lib.tabular import TableError, read_table

# Canonical column → the names municipalities give it, the usual one first.
COLUMNS: dict[str, tuple[str, ...]] = {
    "service_area": ("tjenesteområde", "tjenesteomrade", "sektor", "område", "omrade",
                     "rammeområde", "rammeomrade"),
    "unit": ("enhet", "tjenestested", "virksomhet", "enhetsnavn"),
    "code": ("ansvar", "ansvarsnummer", "ansvarskode", "ansvarsnr", "ansvarsnr.", "ansvar nr"),
    "name": ("ansvarsnavn", "ansvar navn", "navn ansvar", "beskrivelse", "navn"),
    "leader": ("leder", "enhetsleder", "leder enhet"),
}
REQUIRED = ("service_area", "unit", "code")
MAX_CODE_DIGITS = 10
MAX_NAME_LENGTH = 150


@dataclass(frozen=True)
class OrganisationRow:
    row: int
    service_area: str
    unit: str
    code: str
    name: str = ""
    leader: str = ""


@dataclass
class OrganisationFile:
    rows: list[OrganisationRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    encoding: str = ""  # utf-8, utf-8-sig, cp1252 or xlsx; empty when the file was unreadable
    columns: dict[str, str] = field(default_factory=dict)

    def column(self, canonical: str) -> str:
        """The header as written in the file, or the usual name when the file lacks it."""
        return self.columns.get(canonical, COLUMNS[canonical][0])


def name_key(name: str) -> str:
    """Names that differ only in case or spacing are the same service area or unit."""
    return " ".join(name.split()).casefold()


def read_organisation(path: Path, *, filename: str | None = None) -> OrganisationFile:
    name = (filename or path.name).lower()
    if name.endswith(".xls"):
        return OrganisationFile(issues=[Issue("file_xls", _(
            "old Excel files (.xls) cannot be read; save the file as .xlsx or CSV"))])
    try:
        table = read_table(path, {key: set(names) for key, names in COLUMNS.items()},
                           filename=filename)
    except TableError as error:
        return OrganisationFile(issues=[_file_issue(error)])
    parsed = OrganisationFile(encoding=table.encoding, columns=table.columns)
    missing = [key for key in REQUIRED if key not in table.columns]
    if missing:
        parsed.issues = [_missing_column(key) for key in missing]
        return parsed
    if not table.rows:
        parsed.issues = [Issue("no_rows", _("the file has no rows below the header row"))]
        return parsed
    checker = _RowChecker(parsed)
    for number, record in table.rows:
        row = _row(number, record)
        parsed.rows.append(row)
        parsed.issues.extend(checker.check(row))
    return parsed


def _row(number: int, record: dict[str, str]) -> OrganisationRow:
    def text(key: str) -> str:
        return " ".join(record.get(key, "").split())

    return OrganisationRow(
        row=number, service_area=text("service_area"), unit=text("unit"),
        code=record.get("code", "").strip(), name=text("name"), leader=text("leader"),
    )


def _file_issue(error: TableError) -> Issue:
    return table_error_issue(error, _(
        "no header row found in the first 20 rows; the file needs at least the columns "
        "tjenesteområde, enhet and ansvar"))


def table_error_issue(error: TableError, no_header: str) -> Issue:
    """The issue for a file that cannot be read as a table at all, in the words every import
    uses; `no_header` names the columns this import looks for."""
    messages = {
        "encoding": _("the file cannot be read: it is neither UTF-8 nor Windows-1252 text"),
        "no_header": no_header,
        "not_xlsx": _("the file cannot be opened as an Excel workbook (.xlsx)"),
    }
    return Issue(f"file_{error.code}", messages.get(error.code, error.detail))


def encoding_name(code: str) -> str:
    """How a file was read, for people: `utf-8`, `utf-8-sig`, `cp1252` or `xlsx`."""
    labels = {"utf-8": "UTF-8", "utf-8-sig": _("UTF-8 with BOM"),
              "cp1252": "Windows-1252", "xlsx": _("Excel workbook (XLSX)")}
    return str(labels.get(code, code))


def _missing_column(key: str) -> Issue:
    return Issue("missing_column", _("the column is missing (accepted names: %(names)s)")
                 % {"names": ", ".join(COLUMNS[key])}, column=COLUMNS[key][0])


class _RowChecker:
    """Checks one row at a time, remembering what earlier rows said."""

    def __init__(self, parsed: OrganisationFile) -> None:
        self.parsed = parsed
        self.code_rows: dict[str, int] = {}
        self.unit_areas: dict[str, OrganisationRow] = {}
        self.unit_leaders: dict[str, OrganisationRow] = {}

    def check(self, row: OrganisationRow) -> list[Issue]:
        return [*self._required(row), *self._lengths(row), *self._code(row),
                *self._unit_area(row), *self._unit_leader(row)]

    def _issue(self, code: str, message: str, row: OrganisationRow, column: str) -> Issue:
        return Issue(code, message, row=row.row, column=self.parsed.column(column),
                     value=getattr(row, column), severity=Severity.ERROR)

    def _required(self, row: OrganisationRow) -> list[Issue]:
        return [self._issue("required", _("a value is required"), row, key)
                for key in REQUIRED if not getattr(row, key)]

    def _lengths(self, row: OrganisationRow) -> list[Issue]:
        message = _("at most %(max)s characters are allowed") % {"max": MAX_NAME_LENGTH}
        return [self._issue("too_long", message, row, key)
                for key in ("service_area", "unit", "name", "leader")
                if len(getattr(row, key)) > MAX_NAME_LENGTH]

    def _code(self, row: OrganisationRow) -> list[Issue]:
        if not row.code:
            return []
        if not row.code.isascii() or not row.code.isdigit():
            return [self._issue("code_not_digits", _("ansvar must consist of digits"),
                                row, "code")]
        if len(row.code) > MAX_CODE_DIGITS:
            return [self._issue("code_too_long", _("ansvar can have at most %(max)s digits")
                                % {"max": MAX_CODE_DIGITS}, row, "code")]
        first = self.code_rows.setdefault(row.code, row.row)
        if first != row.row:
            return [self._issue("duplicate_code", _("the same ansvar is also on row %(row)s")
                                % {"row": first}, row, "code")]
        return []

    def _unit_area(self, row: OrganisationRow) -> list[Issue]:
        if not row.unit or not row.service_area:
            return []
        first = self.unit_areas.setdefault(name_key(row.unit), row)
        if name_key(first.service_area) == name_key(row.service_area):
            return []
        message = _("the unit «%(unit)s» is under «%(area)s» on row %(row)s") % {
            "unit": row.unit, "area": first.service_area, "row": first.row}
        return [self._issue("unit_in_two_areas", message, row, "service_area")]

    def _unit_leader(self, row: OrganisationRow) -> list[Issue]:
        if not row.unit or not row.leader:
            return []
        first = self.unit_leaders.setdefault(name_key(row.unit), row)
        if first.leader == row.leader:
            return []
        message = _("the unit «%(unit)s» has the leader «%(leader)s» on row %(row)s") % {
            "unit": row.unit, "leader": first.leader, "row": first.row}
        return [self._issue("unit_leader_differs", message, row, "leader")]


def describe(issue: Issue) -> str:
    """One line for a person: «row 4, column «Ansvar», value «21A»: ansvar must …»."""
    where = []
    if issue.row is not None:
        where.append(_("row %(row)s") % {"row": issue.row})
    if issue.column:
        where.append(_("column «%(column)s»") % {"column": issue.column})
    if issue.value:
        where.append(_("value «%(value)s»") % {"value": issue.value})
    return f"{', '.join(where)}: {issue.message}" if where else issue.message


def severity_label(issue: Issue) -> str:
    return _("Error") if issue.is_error else _("Warning")
