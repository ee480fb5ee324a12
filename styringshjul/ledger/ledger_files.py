"""Read a general-ledger or budget file into Polars, every column as text.

CSV: UTF-8 with or without BOM, or Windows-1252 — detected, transcoded to UTF-8 in chunks
(Polars reads only UTF-8) and reported; `;`, `,` or tab. XLSX: the first sheet, title rows
above the header allowed. The header is the first of the top rows that `is_header` accepts.
"""

import codecs
import csv
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from styringshjul.lib.tabular import HEADER_SEARCH_ROWS, TableError, sniff_delimiter

CHUNK = 16 * 1024 * 1024
PROBE = 1024 * 1024
DEFER_FROM = 8 * 1024 * 1024  # smaller Windows-1252 files are transcoded at once
Progress = Callable[[float], None]


@dataclass
class LedgerFile:
    frame: pl.LazyFrame | None
    header: list[str]
    first_line: int
    sha256: str
    encoding: str = ""
    delimiter: str = ""
    temporary: list[Path] = field(default_factory=list)
    csv_path: Path | None = None  # a CSV file's text, for DuckDB
    csv_encoding: str = "utf-8"  # of `csv_path`: "cp1252" until `as_utf8` (if deferred)

    def as_utf8(self, workdir: Path | None) -> None:
        """`csv_path` as UTF-8 from now on: a Windows-1252 file whose transcoding was
        deferred is transcoded here."""
        if self.csv_encoding != "cp1252":
            return
        self.csv_path, self.csv_encoding = transcoded(self.csv_path, workdir), "utf-8"
        self.temporary.append(self.csv_path)

    def close(self) -> None:
        for path in self.temporary:
            path.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_ledger_file(
    path: Path, is_header: Callable[[list[str]], bool], *, filename: str | None = None,
    workdir: Path | None = None, progress: Progress | None = None,
    defer_transcoding: bool = False,
) -> LedgerFile:
    """The file read and checked for its encoding. With `defer_transcoding`, a Windows-1252
    CSV file is only checked, and left as it is for `LedgerFile.as_utf8` (its `frame` is then
    None): a clean ledger import reads it as it stands (`early_pass`)."""
    name = (filename or path.name).lower()
    if name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(path, is_header)
    return _read_csv(path, is_header, workdir, progress or (lambda fraction: None),
                     defer_transcoding)


def transcoded(path: Path, workdir: Path | None) -> Path:
    """A UTF-8 copy of a Windows-1252 file (a temporary file in `workdir`)."""
    return _transcode(path, workdir, lambda fraction: None).path


def choose_header(rows: list[list[str]], is_header: Callable[[list[str]], bool]) -> int:
    """The first row accepted as a header, else the first row with as many cells as the
    widest of the top rows (for the mapping page)."""
    top = rows[:HEADER_SEARCH_ROWS]
    for index, row in enumerate(top):
        if is_header(row):
            return index
    widest = max((sum(1 for cell in row if cell) for row in top), default=0)
    return next((i for i, row in enumerate(top) if sum(1 for c in row if c) == widest), 0)


def unique_names(cells: list[str]) -> list[str]:
    names: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = (cell or "").replace("\ufeff", "").strip() or f"#{position}"
        while name in names:
            name = f"{name} ({position})"
        names.append(name)
    return names


def _read_csv(path: Path, is_header, workdir: Path | None, progress: Progress,
              defer_transcoding: bool) -> LedgerFile:
    text = _as_utf8(path, workdir, progress, defer_transcoding and not _too_small(path))
    if text.has_blank_lines and not text.temporary and text.encoding == "cp1252":
        text = _transcode(path, workdir, lambda fraction: None)  # to be filled, below
    utf8_path, temporary = text.path, text.temporary
    if text.has_blank_lines:
        filled = _fill_blank_lines(utf8_path, workdir)
        if temporary:
            utf8_path.unlink(missing_ok=True)
        utf8_path, temporary = filled, True
    deferred = text.encoding == "cp1252" and not temporary
    with utf8_path.open("rb") as handle:
        sample = handle.read(PROBE).decode("cp1252" if deferred else "utf-8-sig",
                                           errors="ignore")
    delimiter, header, header_index = _header(sample, is_header)
    frame = None if deferred else pl.scan_csv(
        utf8_path, separator=delimiter, has_header=False, skip_rows=header_index + 1,
        new_columns=header, schema={name: pl.String for name in header},
        truncate_ragged_lines=True, quote_char='"', raise_if_empty=False,
    )
    return LedgerFile(frame, header, header_index + 2, text.sha256, text.encoding, delimiter,
                      temporary=[utf8_path] if temporary else [], csv_path=utf8_path,
                      csv_encoding="cp1252" if deferred else "utf-8")


def _too_small(path: Path) -> bool:
    """Small files are transcoded at once: nothing to gain, and one way through fewer."""
    return path.stat().st_size < DEFER_FROM


def _header(sample: str, is_header) -> tuple[str, list[str], int]:
    """The delimiter, the header's names and its row's index, from the top of the text."""
    delimiter = sniff_delimiter(sample)
    lines = sample.splitlines()[:HEADER_SEARCH_ROWS]
    rows = list(csv.reader(lines, delimiter=delimiter))
    if not rows:
        raise TableError("no_header", "")
    header_index = choose_header(rows, is_header)
    return delimiter, unique_names(rows[header_index]), header_index


def peek_csv(path: Path, is_header, *, filename: str | None = None) -> LedgerFile | None:
    """A CSV file as its first megabyte tells it, before it has been read: the header, the
    delimiter and the encoding it seems to have, with `csv_path` the file as it is (for a
    pass over the file beside the one that reads it; `read_ledger_file` has the last word).
    None for a workbook, or a file whose top cannot be read."""
    if (filename or path.name).lower().endswith((".xlsx", ".xlsm")):
        return None
    with path.open("rb") as handle:
        probe = handle.read(PROBE)
    encoding = _guess_encoding(probe) or "utf-8"
    try:
        sample = probe.decode(encoding if encoding == "cp1252" else "utf-8-sig",
                              errors="ignore")
        delimiter, header, header_index = _header(sample, is_header)
    except TableError:
        return None
    return LedgerFile(None, header, header_index + 2, "", encoding, delimiter, csv_path=path)


@dataclass
class Utf8Text:
    """A CSV file's text as UTF-8, and what the pass that made it learnt of the bytes."""
    encoding: str
    sha256: str
    path: Path
    temporary: bool  # our own transcoded copy, not the file itself
    has_blank_lines: bool


def _fill_blank_lines(path: Path, workdir: Path | None) -> Path:
    """A copy where every empty line holds a space: read as a row of nothing, then skipped
    as blank, like the other lines keeping its number (DuckDB skips empty lines, which would
    shift the line numbers of the lines after)."""
    handle_out, name = tempfile.mkstemp(suffix=".csv", prefix=".utf8-", dir=workdir)
    with path.open("rb") as source, os.fdopen(handle_out, "wb") as out:
        for line in source:
            out.write(b" " + line if not line.strip(b"\r\n") else line)
    return Path(name)


def _as_utf8(path: Path, workdir: Path | None, progress: Progress, defer: bool) -> Utf8Text:
    """The file as UTF-8 text: itself if it is UTF-8, else a Windows-1252 transcoding (or,
    with `defer`, the file itself, checked to be Windows-1252)."""
    with path.open("rb") as handle:
        guess = _guess_encoding(handle.read(PROBE))
    windows = _check_cp1252 if defer else _transcode
    if guess == "cp1252":
        return windows(path, workdir, progress)
    if guess:  # a byte order mark, or a megabyte of UTF-8: a bad byte later is an error
        return _check_utf8(path, guess, progress)
    try:
        return _check_utf8(path, "utf-8", progress)
    except TableError:
        return windows(path, workdir, progress)


def _guess_encoding(probe: bytes) -> str | None:
    """What the first megabyte says: "utf-8-sig" (a byte order mark), "cp1252" (a byte
    UTF-8 cannot read, not merely a character cut at the probe's end), "utf-8" (it reads
    as UTF-8), or None (it would, but for a character cut at the end)."""
    if probe.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        probe.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "cp1252" if exc.start < len(probe) - 3 else None
    return "utf-8"


def _check_utf8(path: Path, encoding: str, progress: Progress) -> Utf8Text:
    decoder = codecs.getincrementaldecoder("utf-8")()

    def check(chunk: bytes, offset: int) -> None:
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise TableError("encoding", str(offset + exc.start + 1)) from exc

    sha256, blank = _scan(path, check, progress)
    return Utf8Text(encoding, sha256, path, False, blank)


def _transcode(path: Path, workdir: Path | None, progress: Progress) -> Utf8Text:
    handle_out, name = tempfile.mkstemp(suffix=".csv", prefix=".utf8-", dir=workdir)
    target = Path(name)

    def transcode(chunk: bytes, offset: int) -> None:
        try:
            out.write(chunk.decode("cp1252").encode("utf-8"))
        except UnicodeDecodeError as exc:
            raise TableError("encoding", str(offset + exc.start + 1)) from exc

    try:
        with os.fdopen(handle_out, "wb") as out:
            sha256, blank = _scan(path, transcode, progress)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return Utf8Text("cp1252", sha256, target, True, blank)


def _check_cp1252(path: Path, workdir: Path | None, progress: Progress) -> Utf8Text:
    """Windows-1252 has a character for every byte but five: looked for, not decoded."""
    def check(chunk: bytes, offset: int) -> None:
        if any(byte in chunk for byte in NO_CHARACTER):
            try:
                chunk.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise TableError("encoding", str(offset + exc.start + 1)) from exc

    sha256, blank = _scan(path, check, progress)
    return Utf8Text("cp1252", sha256, path, False, blank)


NO_CHARACTER = [bytes([byte]) for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
BLANK_LINE = re.compile(rb"\n\r?\n")


def _scan(path: Path, handle: Callable[[bytes, int], object], progress: Progress
          ) -> tuple[str, bool]:
    """One pass over the file's bytes, chunk by chunk: `handle(chunk, offset)`, the sha256 (on
    a second thread: hashlib lets go of the GIL while it hashes) and whether a line is
    empty."""
    digest, blank, tail = hashlib.sha256(), False, b""
    size, done = max(path.stat().st_size, 1), 0
    with ThreadPoolExecutor(max_workers=1) as hasher, path.open("rb") as source:
        hashed = hasher.submit(lambda: None)
        while chunk := source.read(CHUNK):
            hashed.result()
            hashed = hasher.submit(digest.update, chunk)
            blank = blank or bool(BLANK_LINE.search(tail + chunk[:2]) or
                                  BLANK_LINE.search(chunk))
            tail = chunk[-2:]
            handle(chunk, done)
            done += len(chunk)
            progress(done / size)
        hashed.result()
    return digest.hexdigest(), blank


def _read_xlsx(path: Path, is_header) -> LedgerFile:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise TableError("not_xlsx", exc.__class__.__name__) from exc
    try:
        rows = [[_cell_text(c) for c in row]
                for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise TableError("no_header", "")
    header_index = choose_header(rows, is_header)
    header = unique_names(rows[header_index])
    width = len(header)
    body = [(row + [None] * width)[:width] for row in rows[header_index + 1:]]
    frame = pl.DataFrame(body, schema={name: pl.String for name in header}, orient="row")
    return LedgerFile(frame.lazy(), header, header_index + 2, file_sha256(path))


def _cell_text(cell: object) -> str | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else f"{cell:.2f}"
    if hasattr(cell, "isoformat"):
        return cell.isoformat()
    return str(cell).strip()

