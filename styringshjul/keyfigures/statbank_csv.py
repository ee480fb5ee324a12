"""Statistics Norway's statbank CSV downloads, read into the same `jsonstat.Dataset` a
JSON-stat2 answer gives, so one import path serves both.

The files are `;`-separated and quoted, in Windows-1252 or UTF-8 with BOM, with title lines
above the header (`"12362: Utvalgte nøkkeltall ..."`). Cells name a region with its code
(`"3439 Ringebu"`); `..`, `.` and `:` stand for a missing value. Two layouts:

* long: `"region";"statistikkvariabel";"år";"<title>"` — one value column, the last;
* wide: years or figures as columns (`"region";"Netto driftsutgifter ... 2024";...` or
  `"region";"statistikkvariabel";"2023";"2024"`).

Any other column (`"funksjon"`, `"art"`) is one more dimension of the table.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from styringshjul.keyfigures import jsonstat
from styringshjul.lib.tabular import TableError, decode, normalise_name, sniff_delimiter

REGION = "Region"
CONTENTS = "ContentsCode"
TIME = "Tid"
REGION_HEADERS = {"region", "kommune", "kommuner", "fylke", "region/kommune", "kommunenr"}
CONTENTS_HEADERS = {"statistikkvariabel", "contents", "statistikkvariabler", "statistic"}
TIME_HEADERS = {"år", "tid", "year", "time", "periode"}
STATUS_SYMBOLS = {".", "..", "...", ":"}
REGION_NAMES = {"landet": "EAK", "hele landet": "EAK", "landet uten oslo": "EAKUO"}
TABLE_ID = re.compile(r"(?<!\d)(\d{5})(?!\d)")
YEAR_SUFFIX = re.compile(r"^(.*?)\s*(\d{4})$")
CODE_TOKEN = re.compile(r"^(?:[A-Za-z0-9]*\d[A-Za-z0-9]*|[A-Z]{2,6})$")


@dataclass
class _Layout:
    region: int
    contents: int | None = None
    time: int | None = None
    others: dict[int, str] = field(default_factory=dict)
    # value column -> (figure label or "" for the contents column's, year or "" for the year
    # column's)
    values: dict[int, tuple[str, str]] = field(default_factory=dict)


def read_csv(data: bytes, *, table_id: str = "") -> tuple[jsonstat.Dataset, str]:
    """The file as a dataset, and the encoding it was read in."""
    text, encoding = decode(data)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    header_index = _header_index(rows)
    titles = [" ".join(row) for row in rows[:header_index]]
    header = [cell.strip() for cell in rows[header_index]]
    layout = _layout(header)
    cells: dict[tuple[str, ...], tuple[Decimal | None, str]] = {}
    labels: dict[str, dict[str, str]] = {}
    dimension_ids = [REGION, CONTENTS, TIME, *layout.others.values()]
    for row in rows[header_index + 1:]:
        if sum(1 for cell in row if cell.strip()) < 2:
            continue  # blank lines and footnotes
        for key, value in _row_cells(row, header, layout, labels):
            cells[key] = value
    dimensions = [
        jsonstat.Dimension(
            dimension_id,
            _dimension_label(dimension_id, header, layout),
            tuple(jsonstat.Category(code, label) for code, label in labels.get(
                dimension_id, {}).items()),
        )
        for dimension_id in dimension_ids
    ]
    table = table_id or _table_id(titles) or _table_id([header[-1]])
    title = titles[0].strip() if titles else ""
    extension = {"px": {"tableid": table}} if table else {}
    return jsonstat.build(title, dimensions, cells, extension), encoding


def _header_index(rows: list[list[str]]) -> int:
    for index, row in enumerate(rows[:30]):
        if normalise_name(row[0] if row else "") in REGION_HEADERS:
            return index
    for index, row in enumerate(rows[:30]):
        if sum(1 for cell in row if cell.strip()) >= 2:
            return index
    raise TableError("no_header", "region")


def _layout(header: list[str]) -> _Layout:
    names = [normalise_name(cell) for cell in header]
    region = next((i for i, name in enumerate(names) if name in REGION_HEADERS), 0)
    layout = _Layout(region=region)
    layout.contents = next((i for i, n in enumerate(names) if n in CONTENTS_HEADERS), None)
    layout.time = next((i for i, n in enumerate(names) if n in TIME_HEADERS), None)
    taken = {region, layout.contents, layout.time}
    for index, cell in enumerate(header):
        if index in taken:
            continue
        match = YEAR_SUFFIX.match(cell)
        if match and layout.time is None:
            layout.values[index] = (match.group(1).strip(), match.group(2))
        elif layout.time is not None and index == len(header) - 1:
            layout.values[index] = ("" if layout.contents is not None else cell, "")
        else:
            layout.others[index] = cell or f"dim{index}"
    if not layout.values:
        raise TableError("no_values", ";".join(header))
    return layout


def _row_cells(row, header, layout, labels):
    region = _region(_cell(row, layout.region))
    labels.setdefault(REGION, {}).setdefault(*region)
    others = []
    for index, dimension_id in layout.others.items():
        code, label = split_code(_cell(row, index))
        labels.setdefault(dimension_id, {}).setdefault(code, label)
        others.append(code)
    for index, (figure, year) in layout.values.items():
        contents = split_code(figure) if figure else split_code(_cell(row, layout.contents))
        year = year or _cell(row, layout.time)
        labels.setdefault(CONTENTS, {}).setdefault(*contents)
        labels.setdefault(TIME, {}).setdefault(year, year)
        yield (region[0], contents[0], year, *others), parse_value(_cell(row, index))


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _region(text: str) -> tuple[str, str]:
    named = REGION_NAMES.get(text.lower())
    if named:
        return named, text
    return split_code(text)


def split_code(text: str) -> tuple[str, str]:
    """`"3439 Ringebu"` → (`3439`, `Ringebu`); a text without a leading code is its own."""
    head, _, rest = text.strip().partition(" ")
    if rest.strip() and CODE_TOKEN.match(head):
        return head, rest.strip()
    return text.strip(), text.strip()


def parse_value(text: str) -> tuple[Decimal | None, str]:
    """A number (`1 234,5` or `1234.5`), or no value and the status symbol."""
    text = text.replace("\xa0", "").replace(" ", "")
    if text in STATUS_SYMBOLS or not text:
        return None, text or ".."
    if text == "-":
        return Decimal(0), ""
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        return Decimal(text), ""
    except InvalidOperation:
        return None, text[:4]


def _table_id(texts: list[str]) -> str:
    for text in texts:
        match = TABLE_ID.search(text)
        if match:
            return match.group(1)
    return ""


def _dimension_label(dimension_id: str, header: list[str], layout: _Layout) -> str:
    position = {REGION: layout.region, CONTENTS: layout.contents, TIME: layout.time}.get(
        dimension_id)
    if position is not None:
        return header[position]
    return dimension_id
