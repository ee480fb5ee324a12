"""The demo's files are the same bytes every run, so importing them again changes nothing;
and a benchmark can ask for any volume."""

import calendar
import csv
from datetime import date

from styringshjul.demo.budget_lines import write_budget_file
from styringshjul.demo.ledger_lines import HEADER, ledger_lines, write_ledger_export


def test_the_same_year_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_ledger_export(first, 2025)
    write_ledger_export(second, 2025)
    assert first.read_bytes() == second.read_bytes()
    write_budget_file(first, 2025)
    write_budget_file(second, 2025)
    assert first.read_bytes() == second.read_bytes()


def test_another_seed_gives_other_lines(tmp_path):
    one, other = tmp_path / "a.csv", tmp_path / "b.csv"
    write_ledger_export(one, 2025, lines=1000)
    write_ledger_export(other, 2025, lines=1000, seed=1)
    assert one.read_bytes() != other.read_bytes()


def test_a_benchmark_gets_exactly_the_lines_it_asks_for(tmp_path):
    path = tmp_path / "big.csv"
    assert write_ledger_export(path, 2025, lines=120_000) == 120_000
    assert path.read_bytes().count(b"\r\n") == 120_001


def test_the_export_is_windows_1252_with_semicolons_decimal_comma_and_dates(tmp_path):
    path = tmp_path / "hovedbok.csv"
    count = write_ledger_export(path, 2026, periods=range(1, 11))
    data = path.read_bytes()
    assert "Beløp".encode("cp1252") in data and "Lønn januar".encode("cp1252") in data
    with path.open(encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert tuple(rows[0]) == HEADER and len(rows) == count + 1
    for row in rows[1:]:
        day, month, year = map(int, row[1].split("."))
        assert year == 2026 and month == int(row[2]) <= 10
        assert 1 <= day <= calendar.monthrange(year, month)[1]
        whole, _, cents = row[7].lstrip("-").partition(",")
        assert whole.isdigit() and len(cents) == 2


def test_a_file_holds_the_same_lines_as_the_generator(tmp_path):
    path = tmp_path / "hovedbok.csv"
    write_ledger_export(path, 2025, periods=[3])
    with path.open(encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    lines = list(ledger_lines(2025, periods=[3]))
    assert len(rows) == len(lines)
    first = lines[0]
    assert rows[0] == [str(first.voucher), first.date, "3", first.responsibility,
                       first.function, first.art, first.project,
                       f"{first.amount:f}".replace(".", ","), first.text]
    assert all(date(2025, 3, 1) <= _day(line.date) <= date(2025, 3, 31) for line in lines)


def _day(text: str) -> date:
    day, month, year = map(int, text.split("."))
    return date(year, month, day)
