"""Line numbers stay exact in a file large enough for DuckDB to read and write it in
parallel: they are the rows' places in the file, not counted while reading."""

import pytest

from styringshjul.ledger.drilldown import raw_lines
from styringshjul.ledger.ledger_import import import_ledger
from tests.ledger.ledger_lines import with_amount, write_ledger

LINES = 300_000


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def numbered_rows(count: int) -> list[list[str]]:
    return [with_amount("1,00", Bilagsnr=str(number)) for number in range(count)]


def test_issues_far_into_a_large_file_name_their_lines(ringebu, tmp_path):
    rows = numbered_rows(LINES)
    rows[150_000] = with_amount("1,00", Ansvar="9999")
    rows[-1] = with_amount("x", Bilagsnr="last")
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows))
    assert [(i.code, i.row) for i in result.issues] == [
        ("ledger.unknown_responsibility", 150_002), ("ledger.invalid_amount", LINES + 1)]


def test_drill_down_lines_of_a_large_file_keep_their_numbers(ringebu, tmp_path):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv",
                                                       numbered_rows(LINES)))
    assert result.accepted, result.issues
    lines = raw_lines(result.ledger_import, limit=LINES)
    assert all(int(line["voucher"]) == line["line"] - 2 for line in lines)
    assert len(lines) == LINES
