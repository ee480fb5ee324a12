"""Where an import keeps its raw lines for drill-down, and how they are read back.

An import keeps either its lines numbered and parsed as Parquet (`<pk>.parquet`), or the
text of its CSV file (`<pk>.csv`, UTF-8 or Windows-1252) with how to read it
(`LedgerImport.raw_format`). Both read as the same lines. The text is what a clean CSV
import keeps when it commits; `index_raw_lines`, run once the import is done, turns it into
Parquet, which drill-down reads in a fraction of the time. (Until then, a Windows-1252 text
is read through a UTF-8 copy made beside it the first time.)
"""

import os
import shutil
import uuid
from pathlib import Path

from django.conf import settings

from styringshjul.ledger import ledger_sql
from styringshjul.ledger.ledger_files import LedgerFile, transcoded
from styringshjul.ledger.models import LedgerImport


def var_path(relative: str) -> Path:
    return Path(settings.VAR_DIR) / relative


def relative(path: Path) -> str:
    return str(path.relative_to(Path(settings.VAR_DIR)))


def keep_text(ledger_file: LedgerFile, target: Path) -> None:
    """The file's text at `target`: moved when it is our own transcoded copy, linked when
    it is an upload under VAR_DIR, else copied (a file given on the command line may be
    changed after the import)."""
    source = ledger_file.csv_path
    if source in ledger_file.temporary:
        os.replace(source, target)
        ledger_file.temporary.remove(source)
        return
    if source.resolve().is_relative_to(Path(settings.VAR_DIR).resolve()):
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    shutil.copyfile(source, target)


def text_source(path: Path, reading: dict) -> LedgerFile:
    return LedgerFile(None, reading["header"], reading["first_line"], "",
                      delimiter=reading["delimiter"], csv_path=path)


def utf8_text(path: Path, reading: dict) -> Path:
    """The kept text as UTF-8: itself, or its copy (made the first time)."""
    if reading.get("encoding") != "cp1252":
        return path
    copy = _utf8_copy(path)
    if not copy.exists():
        os.replace(transcoded(path, path.parent), copy)
    return copy


def _utf8_copy(path: Path) -> Path:
    return path.with_name(f".{path.stem}-utf8.csv")


def remove(relative_path: str) -> None:
    """An import's raw lines, and the UTF-8 copy of its text if one was made."""
    path = var_path(relative_path)
    path.unlink(missing_ok=True)
    _utf8_copy(path).unlink(missing_ok=True)


def text_lines(path: Path, reading: dict) -> str:
    """The kept text's lines, numbered on reading (in file order, on one thread)."""
    path = utf8_text(path, reading)
    sql = ledger_sql.stage_sql(text_source(path, reading), reading["mapping"],
                               reading["year"], path.parent,
                               strip_codes=reading["strip_codes"])
    return ledger_sql.numbered_in_order(sql)


def lines_of(ledger_import: LedgerImport) -> str | None:
    """The import's raw lines as a DuckDB table expression, or None if it keeps none."""
    if not ledger_import.raw_lines:
        return None
    path = var_path(ledger_import.raw_lines)
    if not path.exists():
        return None
    if path.suffix == ".csv":
        return text_lines(path, ledger_import.raw_format)
    return ledger_sql.numbered(ledger_sql.literal(str(path)))


def index_raw_lines(ledger_import: LedgerImport | None) -> bool:
    """Write an import's kept text as numbered Parquet lines and read those from now on.
    Whether it did: nothing to do for an import that keeps Parquet, or none (replaced
    meanwhile)."""
    if ledger_import is None or not ledger_import.raw_lines.endswith(".csv"):
        return False
    text = var_path(ledger_import.raw_lines)
    if not text.exists():
        return False
    target = text.with_suffix(".parquet")
    written = text.with_name(f".index-{uuid.uuid4().hex}.parquet")
    db = ledger_sql.connect(text.parent)
    try:
        reading = ledger_import.raw_format
        ledger_sql.write_stage(db, text_source(utf8_text(text, reading), reading),
                               reading["mapping"], reading["year"], written,
                               strip_codes=reading["strip_codes"])
    except BaseException:
        written.unlink(missing_ok=True)
        raise
    finally:
        db.close()
    os.replace(written, target)
    # only if the import still keeps this text: another import may have replaced it
    if not LedgerImport.objects.filter(pk=ledger_import.pk,
                                       raw_lines=ledger_import.raw_lines).update(
            raw_lines=relative(target), raw_format={}):
        target.unlink(missing_ok=True)
        _utf8_copy(text).unlink(missing_ok=True)
        return False
    remove(relative(text))
    ledger_import.raw_lines, ledger_import.raw_format = relative(target), {}
    return True
