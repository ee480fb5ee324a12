"""Indicator results read from a file, one row per unit: e.g. sick leave in % per ansvar
from a payroll export ("Ansvar;Sykefravær %").

Each row names the unit by `ansvar` (any of its codes) or `enhet` (its name) and gives the
value (`verdi`, or the indicator's own name as column header) with a decimal comma or point.
Every row is checked first; one error and nothing is stored. Values equal to those already
stored are left alone, so the same file imported twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styringshjul.lib.issues import Issue, errors
from styringshjul.lib.numbers import parse_number
from styringshjul.lib.tabular import TableError, read_table
from styringshjul.org.importers import name_key, table_error_issue
from styringshjul.org.models import Municipality, OrgUnit, Responsibility
from styringshjul.scorecards.models import Indicator, Level, Result, Scorecard
from styringshjul.scorecards.services import record_value
from styringshjul.scorecards.sources import SourceKind, kind_of, stored_note

KEY = "imported"
KIND = SourceKind(KEY, gettext_lazy("imported from a file"))

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("ansvar", "ansvarsnummer", "ansvarskode", "ansvarsnr", "ansvarsnr."),
    "unit": ("enhet", "enhetsnavn", "tjenestested", "virksomhet"),
    "value": ("verdi", "resultat", "sykefravær %", "sykefravær", "sykefravær i %",
              "sykefravær (%)", "fravær %", "prosent"),
}


def year_indicators(municipality: Municipality, year: int):
    """Every indicator on the municipality's scorecards for `year`."""
    return Indicator.objects.filter(
        success_factor__scorecard__municipality=municipality,
        success_factor__scorecard__year=year).select_related("success_factor__scorecard")


def importable_indicators(municipality: Municipality, year: int) -> list[Indicator]:
    """The year's indicators a file may give results for: all but the computed ones."""
    return [indicator for indicator in year_indicators(municipality, year)
            if not kind_of(indicator).automatic]


def find_indicator(municipality: Municipality, year: int, text: str
                   ) -> tuple[Indicator | None, str]:
    """The indicator named by its id or its name, or None and why."""
    found = year_indicators(municipality, year)
    matches = list(found.filter(pk=int(text)) if text.isdigit() else
                   found.filter(name__iexact=text.strip()))
    if len(matches) == 1:
        return matches[0], ""
    if not matches:
        return None, _("No indicator on the scorecards for %(year)s has the id or name "
                       "“%(text)s”.") % {"year": year, "text": text}
    return None, _("Several indicators are named “%(text)s”; give the id instead: "
                   "%(ids)s.") % {"text": text, "ids": ", ".join(str(i.pk) for i in matches)}


@dataclass(frozen=True)
class ImportedValue:
    row: int
    scorecard: Scorecard
    value: Decimal
    previous: Decimal | None

    @property
    def changed(self) -> bool:
        return self.previous is None or self.previous != self.value


@dataclass
class IndicatorImport:
    file_name: str
    indicator: Indicator
    period: str
    dry_run: bool = False
    values: list[ImportedValue] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    stored: int = 0

    @property
    def rejected(self) -> bool:
        return bool(errors(self.issues))

    @property
    def changes(self) -> list[ImportedValue]:
        return [value for value in self.values if value.changed]

    def status_message(self) -> str:
        if self.rejected:
            return _("The file was rejected and nothing was stored: correct the errors and "
                     "import it again.")
        if not self.changes:
            return _("Nothing changed: the results are already as in the file.")
        if self.dry_run:
            return _("The file is valid. Results that would change: %(count)s. Nothing was "
                     "stored.") % {"count": len(self.changes)}
        return _("Results stored: %(count)s. Already as in the file: %(same)s.") % {
            "count": self.stored, "same": len(self.values) - self.stored}


def import_indicator_results(
    municipality: Municipality, year: int, indicator: Indicator, period: str, path: Path, *,
    filename: str | None = None, dry_run: bool = False, user=None, today: date | None = None,
) -> IndicatorImport:
    """Check the file and, when it has no errors, store its values as the indicator's
    results for `period` on each unit's scorecard."""
    name = Path(filename or path.name).name
    result = IndicatorImport(name, indicator, period, dry_run)
    if kind_of(indicator).automatic:
        result.issues.append(Issue("automatic", _(
            "the indicator's results are computed automatically and cannot be imported")))
        return result
    rows = _read(path, filename, indicator, result)
    if rows is None:
        return result
    checker = _RowChecker(municipality, year, indicator, period, rows.columns)
    for number, record in rows.rows:
        imported = checker.check(number, record, result.issues)
        if imported is not None:
            result.values.append(imported)
    if result.rejected or dry_run or not result.changes:
        return result
    note = stored_note(gettext_lazy("Imported from %(file)s %(date)s"), file=name,
                       date=(today or date.today()).strftime("%d.%m.%Y"))
    with transaction.atomic():
        for imported in result.changes:
            record_value(imported.scorecard, indicator, period, imported.value,
                         source_note=note, user=user)
            result.stored += 1
    return result


def _read(path: Path, filename: str | None, indicator: Indicator, result: IndicatorImport):
    aliases = {key: set(names) for key, names in COLUMNS.items()}
    aliases["value"].add(indicator.name)
    try:
        table = read_table(path, aliases, filename=filename)
    except TableError as error:
        result.issues.append(_file_issue(error))
        return None
    if "value" not in table.columns:
        result.issues.append(Issue("missing_column", _(
            "the column with the values is missing (accepted names: %(names)s)")
            % {"names": ", ".join(COLUMNS["value"])}, column=COLUMNS["value"][0]))
    if "code" not in table.columns and "unit" not in table.columns:
        result.issues.append(Issue("missing_column", _(
            "a column naming the unit is missing: ansvar or enhet")), column="ansvar")
    if not table.rows:
        result.issues.append(Issue("no_rows", _("the file has no rows below the header row")))
    return None if result.issues else table


def _file_issue(error: TableError) -> Issue:
    return table_error_issue(error, _(
        "no header row found in the first 20 rows; the file needs the columns ansvar (or "
        "enhet) and verdi"))


class _RowChecker:
    """Maps each row to a unit's scorecard, remembering which units earlier rows named."""

    def __init__(self, municipality: Municipality, year: int, indicator: Indicator,
                 period: str, columns: dict[str, str]) -> None:
        self.columns = columns
        self.indicator = indicator
        self.codes = dict(Responsibility.objects.for_municipality(municipality)
                          .values_list("code", "unit_id"))
        self.units = {name_key(unit.name): unit
                      for unit in OrgUnit.objects.for_municipality(municipality)}
        self.scorecards = {card.unit_id: card for card in Scorecard.objects
                           .for_municipality(municipality)
                           .filter(year=year, level=Level.UNIT).select_related("unit")}
        self.previous = dict(Result.objects.filter(
            indicator=indicator, period=period, scorecard__in=self.scorecards.values())
            .values_list("scorecard_id", "value"))
        self.unit_rows: dict[int, int] = {}
        self.year = year

    def check(self, row: int, record: dict[str, str], issues: list[Issue]
              ) -> ImportedValue | None:
        found: list[Issue] = []
        unit_id = self._unit(row, record, found)
        value = self._value(row, record, found)
        scorecard = self._scorecard(row, record, unit_id, found) if unit_id else None
        issues.extend(found)
        if found or scorecard is None or value is None:
            return None
        return ImportedValue(row, scorecard, value, self.previous.get(scorecard.pk))

    def _issue(self, code: str, message: str, row: int, column: str, record) -> Issue:
        return Issue(code, message, row=row, column=self.columns.get(column, column),
                     value=record.get(column, ""))

    def _unit(self, row: int, record: dict[str, str], found: list[Issue]) -> int | None:
        # A payroll export often writes the ansvar with its name: "2200 Fåvang skule".
        code = next(iter(record.get("code", "").split()), "")
        name = " ".join(record.get("unit", "").split())
        if not code and not name:
            found.append(self._issue("required", _("the row names no unit (ansvar or enhet)"),
                                     row, "code" if "code" in self.columns else "unit", record))
            return None
        if code:
            if code not in self.codes:
                found.append(self._issue("unknown_code", _("no unit has this ansvar code"),
                                         row, "code", record))
                return None
            return self.codes[code]
        unit = self.units.get(name_key(name))
        if unit is None:
            found.append(self._issue("unknown_unit", _("no unit has this name"),
                                     row, "unit", record))
            return None
        return unit.pk

    def _value(self, row: int, record: dict[str, str], found: list[Issue]) -> Decimal | None:
        text = record.get("value", "").strip()
        if not text:
            found.append(self._issue("required", _("a value is required"), row, "value",
                                     record))
            return None
        value = parse_number(text)
        if value is None:
            found.append(self._issue("not_a_number", _(
                "not a number (write e.g. 5,2)"), row, "value", record))
        return value

    def _scorecard(self, row: int, record: dict[str, str], unit_id: int,
                   found: list[Issue]) -> Scorecard | None:
        column = "code" if record.get("code", "").strip() else "unit"
        scorecard = self.scorecards.get(unit_id)
        if scorecard is None:
            found.append(self._issue("no_scorecard", _(
                "the unit has no scorecard for %(year)s") % {"year": self.year},
                row, column, record))
            return None
        if not _shows(self.indicator, scorecard):
            found.append(self._issue("not_on_scorecard", _(
                "the indicator is not on the scorecard of %(unit)s") % {
                "unit": scorecard.unit}, row, column, record))
            return None
        first = self.unit_rows.setdefault(unit_id, row)
        if first != row:
            found.append(self._issue("duplicate_unit", _(
                "%(unit)s is also on row %(row)s") % {"unit": scorecard.unit, "row": first},
                row, column, record))
            return None
        return scorecard


def _shows(indicator: Indicator, scorecard: Scorecard) -> bool:
    """Whether the indicator is on the scorecard: its own, or shared by the municipality."""
    factor = indicator.success_factor
    if factor.scorecard_id == scorecard.pk:
        return True
    owner = factor.scorecard
    return (factor.is_shared and owner.level == Level.MUNICIPALITY
            and owner.municipality_id == scorecard.municipality_id
            and owner.year == scorecard.year)
