"""Drill-down reads the raw lines the import keeps: the file's text until the lines are
indexed, then the numbered Parquet lines (line numbers and KOSTRA arts derived on reading),
as well as Parquet files written before, which stored both."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from styringshjul.ledger.drilldown import raw_lines
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import LedgerImport
from styringshjul.ledger.raw_lines import index_raw_lines
from tests.ledger.ledger_lines import LINES, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def test_a_kept_line_has_its_number_and_kostra_art(ringebu, tmp_path):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", LINES))
    line = raw_lines(result.ledger_import, responsibility="4100")[0]
    assert (line["line"], line["art"], line["kostra_art"], line["voucher"],
            line["amount"], line["date"]) == (
        5, "1100", "110", "10004", Decimal("12000.00"), date(2025, 3, 12))


def test_the_kept_text_and_its_index_read_as_the_same_lines(ringebu, tmp_path, var_dir):
    kept = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", LINES)).ledger_import
    text = Path(var_dir) / kept.raw_lines
    from_text = raw_lines((ringebu, 2025))
    assert index_raw_lines(kept)
    assert not text.exists()
    assert LedgerImport.objects.get(pk=kept.pk).raw_lines.endswith(".parquet")
    assert raw_lines((ringebu, 2025)) == from_text
    assert len(from_text) == len(LINES)
    assert not index_raw_lines(kept)  # once is enough


def test_an_import_replaced_while_its_lines_are_indexed_keeps_no_index(ringebu, tmp_path,
                                                                       var_dir):
    kept = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", LINES)).ledger_import
    LedgerImport.objects.filter(pk=kept.pk).update(raw_lines="")  # as `remove_superseded`
    assert not index_raw_lines(kept)
    assert list((Path(var_dir) / "ledger" / "3439" / "2025").glob("*.parquet")) == []


def test_a_file_written_before_with_stored_line_numbers_is_still_read(ringebu, tmp_path,
                                                                      var_dir):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", LINES))
    index_raw_lines(result.ledger_import)
    path = Path(var_dir) / result.ledger_import.raw_lines
    old = path.with_suffix(".old.parquet")
    duckdb.execute(  # the earlier shape: `line` and `kostra_art` stored, no `first_line`
        f"COPY (SELECT * EXCLUDE (first_line), 1000 + row_number() OVER () AS line, "
        f"left(art, 3) AS kostra_art FROM read_parquet('{path}')) TO '{old}' (FORMAT parquet)")
    old.replace(path)
    lines = raw_lines(result.ledger_import, responsibility="4100")
    assert [(line["line"], line["kostra_art"]) for line in lines] == [(1004, "110")]
