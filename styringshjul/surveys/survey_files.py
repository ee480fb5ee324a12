"""Read a survey file in the layouts bedrekommune.no and KS (10-FAKTOR) export, as a flat
list of means, each with the cells it came from so an issue can point at them.

- Long: one row per place × dimension [× year], columns found by their names (bokmål or
  nynorsk): `enhet`/`ansvar`/`tjenesteområde`, `dimensjon`, `snitt`, `antall svar`, `år`,
  and optional columns with a reference (`snitt Norge`) or the municipality's own mean.
- Wide by place: dimension rows and a column per place (`snitt_<name>`) or reference
  (`snitt_norge`); a row `antall svar` gives the respondents of each column.
- Wide by year: dimension rows and a column per year; the caller says which place.

Also here: the names a file may give a place (`PlaceFinder`). Whether a value is valid is
decided by `importers.py`.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from styringshjul.lib.issues import Issue, Severity
from styringshjul.lib.numbers import parse_number
from styringshjul.lib.tabular import HEADER_SEARCH_ROWS, TableError, normalise_name, read_rows
from styringshjul.org.importers import name_key, table_error_issue
from styringshjul.org.models import Municipality, OrgUnit, Responsibility, ServiceArea
from styringshjul.surveys.models import UnitAlias

LONG, WIDE_BY_PLACE, WIDE_BY_YEAR = "long", "wide_by_place", "wide_by_year"

COLUMNS: dict[str, tuple[str, ...]] = {
    "year": ("år", "aar", "år/periode", "undersøkelsesår", "årstall", "årstal"),
    "code": ("ansvar", "ansvarsnummer", "ansvarsnr", "ansvarsnr.", "ansvarskode"),
    "unit": ("enhet", "eining", "enhetsnavn", "einingsnamn", "virksomhet", "verksemd",
             "avdeling", "tjenestested", "tenestestad"),
    "area": ("tjenesteområde", "tenesteområde", "sektor", "kommunalområde"),
    "dimension": ("dimensjon", "faktor", "tema", "spørsmål", "indikator"),
    "mean": ("snitt", "gjennomsnitt", "resultat", "score", "snittscore", "snittverdi"),
    "respondents": ("antall svar", "antall besvarelser", "antall respondenter",
                    "respondenter", "svar", "antall", "n", "tal svar", "tal på svar",
                    "talet på svar"),
}
# Header names of a published comparison mean, by the label it is stored under.
REFERENCES: dict[str, tuple[str, ...]] = {
    "Norge": ("snitt norge", "landssnitt", "norge", "landet", "snitt landet", "noreg",
              "snitt noreg", "landsgjennomsnitt", "hele landet", "heile landet"),
}
MUNICIPALITY_COLUMNS = ("snitt kommunen", "kommunesnitt", "snitt kommune",
                        "snitt hele kommunen", "snitt heile kommunen")
# Rows with the mean of all dimensions: the app computes that itself.
SUMMARY_ROWS = ("snitt totalt", "totalt", "total", "totalsnitt", "gjennomsnitt",
                "gjennomsnitt totalt", "samlet", "samla", "snitt alle dimensjoner")
RESPONDENT_ROWS = frozenset(COLUMNS["respondents"])
MEAN_PREFIX = re.compile(r"^(snitt|gjennomsnitt)\s+", re.IGNORECASE)
YEAR = re.compile(r"^(19|20)\d\d$")
FILE_NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
WHOLE = re.compile(r"^\d{1,9}([.,]0+)?$")
HIDDEN_MEANS = ("", "*", "-", "–", "x", "..", ":", "i.a.")  # how sources mark a hidden cell
MUNICIPALITY_WORDS = ("totalt", "hele kommunen", "heile kommunen", "kommunen",
                      "kommunesnitt", "kommunen totalt", "kommune")
PLACE_COLUMNS = ("code", "unit", "area")  # the first filled one names a row's place


@dataclass(frozen=True)
class FileCell:
    """A cell's text and where it stands: an issue about it needs nothing else."""

    row: int | None  # None: not from the file (a place the user chose)
    column: str
    text: str


@dataclass(frozen=True)
class Entry:
    """One mean in the file: a place's, or a reference's when `reference` is set."""

    dimension: FileCell
    mean: FileCell
    place: FileCell | None = None  # None: the place the caller names
    reference: str = ""
    year: FileCell | None = None  # None: the year the caller names
    respondents: FileCell | None = None  # None: the file gives no count for this mean


@dataclass
class SurveyFile:
    layout: str = ""
    encoding: str = ""  # utf-8, utf-8-sig, cp1252 or xlsx
    entries: list[Entry] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def header_key(text: str) -> str:
    return normalise_name(text.replace("_", " "))


def place_name(text: str) -> str:
    """A place as a file names it, without the mean prefix: `snitt_bakkely_barnehage` →
    `bakkely barnehage`."""
    return MEAN_PREFIX.sub("", " ".join(text.replace("_", " ").split()), count=1)


def place_name_key(text: str) -> str:
    """A place's name as a file writes it, for comparing (`org.importers.name_key`)."""
    return name_key(place_name(text))


def is_hidden_mean(text: str) -> bool:
    return text.strip().casefold() in HIDDEN_MEANS


def parse_mean(text: str) -> Decimal | None:
    """`4,5`, `4.5` or `−1` as a Decimal with three decimals; None when not a number."""
    return parse_number(text) if "%" not in text else None


def parse_count(text: str) -> int | None:
    """A whole number 0 or more (`12`, `12,0` from a spreadsheet); None otherwise."""
    plain = re.sub(r"[\s\xa0]", "", text)
    return int(re.split(r"[.,]", plain)[0]) if WHOLE.match(plain) else None


def parse_year(text: str) -> int | None:
    return int(text.strip()) if YEAR.match(text.strip()) else None


def year_in_file_name(filename: str) -> int | None:
    """The year a name like `bedrekommune_barnehage_2017.csv` gives, when it gives one."""
    years = set(FILE_NAME_YEAR.findall(filename))
    return int(years.pop()) if len(years) == 1 else None


@dataclass(frozen=True)
class Target:
    """The part of the organisation a result is for; both empty: the whole municipality."""

    unit: OrgUnit | None = None
    service_area: ServiceArea | None = None

    def __str__(self) -> str:
        """Its name, as a user chose it (empty for the whole municipality)."""
        return str(self.unit or self.service_area or "")

    @property
    def key(self) -> tuple[int | None, int | None]:
        return (self.unit.pk if self.unit else None,
                self.service_area.pk if self.service_area else None)


class PlaceFinder:
    """Every name the municipality's places go by; a saved alias wins over the rest."""

    def __init__(self, municipality: Municipality) -> None:
        whole = Target()
        names = {word: whole for word in MUNICIPALITY_WORDS}
        self.ambiguous: set[str] = set()  # names two places share, until an alias decides

        def add(key: str, target: Target) -> None:
            if names.get(key, target) != target:
                self.ambiguous.add(key)
            names[key] = target

        for name in (municipality.name, f"{municipality.name} kommune"):
            add(place_name_key(name), whole)
        for area in ServiceArea.objects.for_municipality(municipality):
            add(place_name_key(area.name), Target(service_area=area))
        units = {unit.pk: unit for unit in OrgUnit.objects.for_municipality(municipality)}
        for unit in units.values():
            add(place_name_key(unit.name), Target(unit=unit))
        for code, unit_id in (Responsibility.objects.for_municipality(municipality)
                              .values_list("code", "unit_id")):
            names[code] = Target(unit=units[unit_id])
        for alias in (UnitAlias.objects.for_municipality(municipality)
                      .select_related("unit", "service_area")):
            names[place_name_key(alias.name)] = Target(alias.unit, alias.service_area)
            self.ambiguous.discard(place_name_key(alias.name))
        self.names = names

    def is_ambiguous(self, text: str) -> bool:
        return place_name_key(text) in self.ambiguous

    def find(self, text: str) -> Target | None:
        key = place_name_key(text)
        # An ansvar is often written with its name: «2200 Fåvang skule».
        code = key.split(" ", 1)[0]
        return self.names.get(key) or (self.names.get(code) if code.isdigit() else None)


def read_survey_file(path: Path, filename: str | None = None) -> SurveyFile:
    """The file's means in file order, or an issue saying why it is no table at all."""
    try:
        rows, encoding, _delimiter = read_rows(path, filename)
        header_index = _header_index(rows)
    except TableError as error:
        return SurveyFile(issues=[_file_issue(error)])
    header = [cell.strip() for cell in rows[header_index]]
    read = SurveyFile(encoding=encoding)
    body = _body(read, rows, header_index)
    positions = _positions(header)
    if "mean" in positions:
        read.layout = LONG
        _read_long(read, header, positions, body)
    else:
        _read_wide(read, header, header_index + 1, positions["dimension"], body)
    return read


def _file_issue(error: TableError) -> Issue:
    return table_error_issue(error, _(
        "no header row found in the first 20 rows: one column must name the dimension "
        "(dimensjon, faktor, tema, spørsmål or indikator)"))


def _body(read: SurveyFile, rows: list[list[str]], header_index: int
          ) -> list[tuple[int, list[str]]]:
    """The rows below the header with their numbers; a row with a single cell filled is a
    title or a note (`Kilde: bedrekommune.no`) and is skipped."""
    body = []
    for number, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        filled = sum(1 for cell in row if cell)
        if filled == 1:
            read.issues.append(Issue("note_row", _(
                "row skipped: only one cell is filled (a title or a note)"), row=number,
                severity=Severity.WARNING))
        elif filled:
            body.append((number, row))
    return body


def _header_index(rows: list[list[str]]) -> int:
    """The first row naming the dimension column; rows above it are titles."""
    names = {header_key(name) for name in COLUMNS["dimension"]}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(header_key(cell) in names for cell in row):
            return index
    raise TableError("no_header", ", ".join(COLUMNS["dimension"]))


def _positions(header: list[str]) -> dict[str, int]:
    """Column index by canonical name, for the columns of the long layout."""
    lookup = {header_key(alias): canonical for canonical, aliases in COLUMNS.items()
              for alias in aliases}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        canonical = lookup.get(header_key(cell))
        if canonical:
            positions.setdefault(canonical, index)
    return positions


def _reference_label(cell: str) -> str:
    key = header_key(cell)
    return next((label for label, names in REFERENCES.items() if key in names), "")


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _is_summary(text: str) -> bool:
    return header_key(text) in SUMMARY_ROWS


def _summary_issue(cell: FileCell) -> Issue:
    return Issue("summary_row", _("row skipped: the mean of all dimensions is computed by "
                                  "the app"), row=cell.row, column=cell.column,
                 value=cell.text, severity=Severity.WARNING)


def _first_repeat(seen: dict, key: tuple, cell: FileCell, issues: list[Issue]) -> bool:
    """A long file repeats a reference or the municipality's mean on every row of a
    dimension: kept once, and an error when a repeat differs."""
    earlier = seen.setdefault(key, cell)
    if earlier is not cell and earlier.text.replace(",", ".") != cell.text.replace(",", "."):
        issues.append(Issue("conflicting_repeat", _(
            "differs from the value for the same dimension on row %(row)s")
            % {"row": earlier.row}, row=cell.row, column=cell.column, value=cell.text))
    return earlier is cell


def _read_long(read: SurveyFile, header: list[str], positions: dict[str, int],
               body: list[tuple[int, list[str]]]) -> None:
    # Columns repeating a mean on each row: a reference (label) or the municipality ("").
    extra = {index: _reference_label(cell) for index, cell in enumerate(header)
             if _reference_label(cell) or header_key(cell) in MUNICIPALITY_COLUMNS}
    repeats: dict[tuple, FileCell] = {}

    def at(number: int, row: list[str], canonical: str) -> FileCell | None:
        if canonical not in positions:
            return None
        index = positions[canonical]
        return FileCell(number, header[index], _cell(row, index))

    for number, row in body:
        dimension = at(number, row, "dimension")
        if _is_summary(dimension.text):
            read.issues.append(_summary_issue(dimension))
            continue
        year = at(number, row, "year")
        places = [cell for cell in (at(number, row, name) for name in PLACE_COLUMNS) if cell]
        place = next((cell for cell in places if cell.text), places[0] if places else None)
        label = _reference_label(place.text) if place else ""  # a row for «Hele landet»
        read.entries.append(Entry(dimension, at(number, row, "mean"), None if label else place,
                                  label, year, at(number, row, "respondents")))
        for index, label in extra.items():
            mean = FileCell(number, header[index], _cell(row, index))
            key = (header_key(dimension.text), year.text if year else "", index)
            if mean.text and _first_repeat(repeats, key, mean, read.issues):
                as_place = None if label else FileCell(number, header[index], header[index])
                read.entries.append(Entry(dimension, mean, as_place, label, year))


def _read_wide(read: SurveyFile, header: list[str], header_row: int, dimension_at: int,
               body: list[tuple[int, list[str]]]) -> None:
    columns = [index for index, cell in enumerate(header) if cell and index != dimension_at]
    years = [index for index in columns if YEAR.match(place_name(header[index]))]
    if years and len(years) != len(columns):
        read.issues.append(Issue("mixed_columns", _(
            "the columns must be either years or places, not both"), row=header_row,
            column=header[dimension_at]))
        return
    read.layout = WIDE_BY_YEAR if years else WIDE_BY_PLACE
    counts = _respondent_row(read, header, dimension_at, body)
    for number, row in body:
        dimension = FileCell(number, header[dimension_at], _cell(row, dimension_at))
        if header_key(dimension.text) in RESPONDENT_ROWS:
            continue
        if _is_summary(dimension.text):
            read.issues.append(_summary_issue(dimension))
            continue
        for index in columns:
            read.entries.append(_wide_entry(read.layout, header, header_row, index,
                                            dimension, FileCell(number, header[index],
                                                                _cell(row, index)), counts))


def _wide_entry(layout: str, header: list[str], header_row: int, index: int,
                dimension: FileCell, mean: FileCell, counts: tuple | None) -> Entry:
    named = FileCell(header_row, header[index], header[index])
    respondents = counts[1].get(index) if counts else None
    if layout == WIDE_BY_YEAR:  # `2022` or `Snitt 2022`
        year = FileCell(header_row, header[index], place_name(header[index]))
        return Entry(dimension, mean, year=year, respondents=respondents)
    label = _reference_label(header[index])
    if label:
        return Entry(dimension, mean, reference=label)
    return Entry(dimension, mean, place=named, respondents=respondents)


def _respondent_row(read: SurveyFile, header: list[str], dimension_at: int,
                    body: list[tuple[int, list[str]]]) -> tuple | None:
    """The row giving the respondents of each column: (row number, {column: cell})."""
    found = [(number, row) for number, row in body
             if header_key(_cell(row, dimension_at)) in RESPONDENT_ROWS]
    for number, row in found[1:]:
        read.issues.append(Issue("several_count_rows", _(
            "only one row may give the number of respondents (see row %(row)s)")
            % {"row": found[0][0]}, row=number, column=header[dimension_at],
            value=_cell(row, dimension_at)))
    if not found:
        return None
    number, row = found[0]
    return number, {index: FileCell(number, header[index], _cell(row, index))
                    for index in range(len(header)) if index != dimension_at}
