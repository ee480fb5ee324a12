"""Read a small table (CSV or XLSX) as municipalities really send them.

CSV: UTF-8 with or without BOM, or Windows-1252 (detected and reported, never guessed
silently); `;`, `,` or tab as delimiter. XLSX: the first sheet, with title rows above the
header allowed. The header row is the first row naming at least two of the expected columns.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

HEADER_SEARCH_ROWS = 20
DELIMITERS = (";", "\t", ",")


class TableError(ValueError):
    """The file cannot be read as a table at all (as opposed to a bad row).

    `code` is stable (`encoding`, `no_header`, `not_xlsx`) so the caller can word it.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    encoding: str = ""
    delimiter: str = ""
    columns: dict[str, str] = field(default_factory=dict)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (BOM or not) when it decodes, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise TableError("encoding", str(exc.start + 1)) from exc


def sniff_delimiter(text: str) -> str:
    sample = [line for line in text.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    counts = {d: sum(line.count(d) for line in sample) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def normalise_name(name: object) -> str:
    return " ".join(str(name or "").replace("\ufeff", "").strip().lower().split())


def read_rows(path: Path, filename: str | None = None) -> tuple[list[list[str]], str, str]:
    """Every row of the file as stripped texts, with the encoding ("xlsx" for a workbook)
    and the delimiter used ("" for a workbook). For readers that find their own header."""
    if (filename or path.name).lower().endswith((".xlsx", ".xlsm")):
        return [[_cell_text(cell) for cell in row] for row in _xlsx_rows(path)], "xlsx", ""
    text, encoding = decode(path.read_bytes())
    delimiter = sniff_delimiter(text)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [[cell.strip() for cell in row] for row in rows], encoding, delimiter


def read_table(
    path: Path, aliases: dict[str, set[str]], *, filename: str | None = None
) -> Table:
    """Rows keyed by the canonical column names in `aliases` ({canonical: {accepted names}})."""
    raw_rows, encoding, delimiter = read_rows(path, filename)
    header_index, columns = _find_header(raw_rows, aliases)
    header = [str(cell or "").strip() for cell in raw_rows[header_index]]
    rows = []
    for offset, raw in enumerate(raw_rows[header_index + 1 :], start=header_index + 2):
        cells = [_cell_text(cell) for cell in raw]
        if not any(cells):
            continue
        record = {
            canonical: cells[index] if index < len(cells) else ""
            for index, canonical in columns.items()
        }
        rows.append((offset, record))
    return Table(
        header=header,
        rows=rows,
        encoding=encoding,
        delimiter=delimiter,
        columns={canonical: header[index] for index, canonical in columns.items()},
    )


def _find_header(
    raw_rows: list[list[object]], aliases: dict[str, set[str]]
) -> tuple[int, dict[int, str]]:
    lookup = {normalise_name(alias): canonical for canonical, names in aliases.items()
              for alias in names | {canonical}}
    for index, raw in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        columns = {
            position: lookup[normalise_name(cell)]
            for position, cell in enumerate(raw)
            if normalise_name(cell) in lookup
        }
        if len(set(columns.values())) >= min(2, len(aliases)):
            return index, columns
    raise TableError("no_header", ", ".join(sorted(aliases)))


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise TableError("not_xlsx", exc.__class__.__name__) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()

