"""A CSV file is first checked as it stands, beside the pass that reads it; a Windows-1252
file is then transcoded only if the checks need its text (anything found), and a clean one
keeps its bytes as its raw lines. Either way the import comes out as if the file had been
transcoded first: the same sums, issues, line numbers and letters."""

from decimal import Decimal
from pathlib import Path

import pytest

from styringshjul.ledger import ledger_files
from styringshjul.ledger.drilldown import raw_lines
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.raw_lines import index_raw_lines
from tests.ledger.ledger_lines import LINES, LINES_TOTAL, total, with_amount, write_ledger

TEXT = "Kjøp – «Ærlig» Åsmund €"


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


@pytest.fixture(params=["deferred", "at once"])
def windows_1252(request, monkeypatch):
    """Windows-1252 files of any size are transcoded late (as a big one is), or at once."""
    monkeypatch.setattr(ledger_files, "DEFER_FROM", 0 if request.param == "deferred" else 1e12)
    return request.param


def cp1252_file(tmp_path, rows) -> Path:
    return write_ledger(tmp_path / "h.csv", rows, encoding="cp1252")


def test_a_clean_file_keeps_its_own_bytes_and_reads_the_same_before_and_after_its_index(
        ringebu, tmp_path, var_dir, windows_1252):
    path = cp1252_file(tmp_path, [*LINES, with_amount("100,00", Tekst=TEXT)])
    result = import_ledger(ringebu, 2025, path)
    assert result.accepted and result.encoding == "cp1252"
    assert total(ringebu) == LINES_TOTAL + 100
    kept = Path(var_dir) / result.ledger_import.raw_lines
    if windows_1252 == "deferred":
        assert kept.read_bytes() == path.read_bytes()
        assert result.ledger_import.raw_format["encoding"] == "cp1252"
    before = raw_lines((ringebu, 2025))
    assert [line["text"] for line in before if line["voucher"] == "20001"] == [TEXT]
    assert index_raw_lines(result.ledger_import)
    assert raw_lines((ringebu, 2025)) == before
    assert sorted(p.name for p in kept.parent.iterdir()) == [
        f"{result.ledger_import.pk}.parquet"]


def test_issues_in_a_deferred_file_have_their_lines_and_letters(ringebu, tmp_path,
                                                                windows_1252):
    rows = [*LINES, with_amount("tolv", Tekst=TEXT), with_amount("1,00", Ansvar="Ø99")]
    result = import_ledger(ringebu, 2025, cp1252_file(tmp_path, rows))
    assert not result.accepted
    assert [(i.row, i.column, i.value) for i in result.issues] == [
        (6, "Beløp", "tolv"), (7, "Ansvar", "Ø99")]
    assert total(ringebu) == 0


def test_a_totals_line_is_found_though_the_first_pass_does_not_read_labels(
        ringebu, tmp_path, windows_1252):
    rows = [*LINES, ["Sum", "", "", "", "", "", "", "58250,00", "Totalt – alle"]]
    result = import_ledger(ringebu, 2025, cp1252_file(tmp_path, rows))
    assert result.accepted
    assert [(i.code, i.row) for i in result.issues] == [("ledger.totals_line", 6)]
    assert total(ringebu) == LINES_TOTAL


def test_a_letter_among_the_checked_columns_sends_the_file_through_its_text(
        ringebu, tmp_path, windows_1252):
    # a no-break space (0xA0) as thousands separator: not UTF-8 as it stands
    result = import_ledger(ringebu, 2025, cp1252_file(tmp_path, [
        with_amount("1\u00a0234,50")]))
    assert result.accepted
    assert total(ringebu) == Decimal("1234.50")


def test_a_blank_line_in_a_deferred_file_keeps_the_line_numbers(ringebu, tmp_path,
                                                               windows_1252):
    path = cp1252_file(tmp_path, [with_amount("10,00", Tekst=TEXT), with_amount("tolv")])
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([*lines[:2], b"", *lines[2:]]))
    result = import_ledger(ringebu, 2025, path)
    assert [issue.row for issue in result.issues if issue.value == "tolv"] == [4]


def test_a_byte_with_no_character_is_an_encoding_error(ringebu, tmp_path, windows_1252):
    path = cp1252_file(tmp_path, LINES)
    path.write_bytes(path.read_bytes().replace("Læremidler".encode("cp1252"), b"L\x81r"))
    result = import_ledger(ringebu, 2025, path)
    assert [issue.code for issue in result.issues] == ["ledger.encoding"]


def test_a_utf8_file_is_imported_from_the_first_pass_alone(ringebu, tmp_path, var_dir):
    path = write_ledger(tmp_path / "h.csv", [*LINES, with_amount("1,00", Tekst=TEXT)])
    result = import_ledger(ringebu, 2025, path)
    assert result.accepted and total(ringebu) == LINES_TOTAL + 1
    kept = Path(var_dir) / result.ledger_import.raw_lines
    assert kept.read_bytes() == path.read_bytes()
    assert [line["line"] for line in raw_lines((ringebu, 2025))] == [2, 3, 6, 4, 5]
