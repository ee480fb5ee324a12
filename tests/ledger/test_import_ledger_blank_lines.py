"""A blank line in the middle of a file keeps the row numbers of the lines after it."""

from styringshjul.ledger.ledger_import import import_ledger
from tests.ledger.ledger_lines import with_amount, write_ledger


def test_a_blank_line_keeps_the_row_numbers_of_the_lines_after_it(ringebu, tmp_path):
    path = write_ledger(tmp_path / "h.csv", [with_amount("10,00"), with_amount("tolv")])
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([*lines[:2], b"", *lines[2:]]))
    result = import_ledger(ringebu, 2025, path)
    assert not result.accepted
    assert [issue.row for issue in result.issues if issue.value == "tolv"] == [4]
