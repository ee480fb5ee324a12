"""Each quirk of real ledger exports, one at a time: the same lines import to the same sums."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from styringshjul.ledger.ledger_import import import_ledger
from tests.ledger.ledger_lines import LINES, LINES_TOTAL, total, with_amount, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def imported(ringebu, path, **options):
    result = import_ledger(ringebu, 2025, path, **options)
    assert result.accepted, result.issues
    return result


def amount_of(ringebu, tmp_path, amount: str) -> Decimal:
    imported(ringebu, write_ledger(tmp_path / "h.csv", [with_amount(amount)]))
    return total(ringebu)


def test_it_reads_a_semicolon_separated_file(ringebu, tmp_path):
    imported(ringebu, write_ledger(tmp_path / "h.csv", LINES, delimiter=";"))
    assert total(ringebu) == LINES_TOTAL


def test_it_reads_a_comma_separated_file_with_quoted_decimal_commas(ringebu, tmp_path):
    imported(ringebu, write_ledger(tmp_path / "h.csv", LINES, delimiter=","))
    assert total(ringebu) == LINES_TOTAL


def test_it_reads_a_tab_separated_file(ringebu, tmp_path):
    imported(ringebu, write_ledger(tmp_path / "h.csv", LINES, delimiter="\t"))
    assert total(ringebu) == LINES_TOTAL


def test_it_reads_utf8_with_a_byte_order_mark_and_says_so(ringebu, tmp_path):
    result = imported(ringebu, write_ledger(tmp_path / "h.csv", LINES, encoding="utf-8-sig"))
    assert result.encoding == "utf-8-sig"
    assert total(ringebu) == LINES_TOTAL


def test_it_reads_utf8_without_a_byte_order_mark_and_says_so(ringebu, tmp_path):
    result = imported(ringebu, write_ledger(tmp_path / "h.csv", LINES, encoding="utf-8"))
    assert result.encoding == "utf-8"


def test_it_detects_windows_1252_and_keeps_the_norwegian_letters(ringebu, tmp_path):
    rows = [with_amount("100,00", Tekst="Kjøp – «Ærlig» Åsmund €")]
    result = imported(ringebu, write_ledger(tmp_path / "h.csv", rows, encoding="cp1252"))
    assert result.encoding == "cp1252"
    from styringshjul.ledger.drilldown import raw_lines
    assert raw_lines((ringebu, 2025))[0]["text"] == "Kjøp – «Ærlig» Åsmund €"


def test_it_reads_a_decimal_comma(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "1234,56") == Decimal("1234.56")


def test_it_reads_a_space_as_thousands_separator(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "1 234 567,89") == Decimal("1234567.89")


def test_it_reads_a_no_break_space_as_thousands_separator(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "1\u00a0234\u00a0567,89") == Decimal("1234567.89")


def test_it_reads_a_point_as_thousands_separator(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "1.234.567,89") == Decimal("1234567.89")


def test_it_reads_a_leading_minus(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "-1 234,50") == Decimal("-1234.50")


def test_it_reads_a_trailing_minus(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "1 234,50-") == Decimal("-1234.50")


def test_it_reads_parentheses_as_negative(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "(1 234,50)") == Decimal("-1234.50")


def test_it_takes_the_period_from_a_dd_mm_yyyy_date(ringebu, tmp_path):
    header = ["Bilagsnr", "Dato", "Art", "Ansvar", "Funksjon", "Beløp"]
    rows = [["1", "28.02.2025", "1200", "2100", "202", "10,00"]]
    result = imported(ringebu, write_ledger(tmp_path / "h.csv", rows, header=header))
    assert result.periods == [2]


def test_it_takes_the_period_from_an_iso_date(ringebu, tmp_path):
    header = ["Bilagsnr", "Dato", "Art", "Ansvar", "Funksjon", "Beløp"]
    rows = [["1", "2025-11-30", "1200", "2100", "202", "10,00"]]
    result = imported(ringebu, write_ledger(tmp_path / "h.csv", rows, header=header))
    assert result.periods == [11]


def test_it_skips_a_trailing_totals_line_with_a_warning(ringebu, tmp_path):
    rows = [*LINES, ["", "", "", "", "", "", "", "58 250,00", "Sum"]]
    result = imported(ringebu, write_ledger(tmp_path / "h.csv", rows))
    assert total(ringebu) == LINES_TOTAL
    assert [(i.code, i.row, i.is_error) for i in result.issues] == [
        ("ledger.totals_line", 6, False)]


def test_it_reads_an_excel_workbook_with_title_rows_above_the_header(ringebu, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Hovedbok Ringebu kommune 2025"])
    sheet.append(["Utskrevet 01.04.2025"])
    sheet.append([])
    sheet.append(["Bilagsnr", "Bilagsdato", "Periode", "Art", "Ansvar", "Funksjon", "Beløp"])
    sheet.append([10001, "15.01.2025", 1, 1200, 2100, 202, 1234.5])
    sheet.append([10002, "16.01.2025", 1, "0101", "2100", "202", -34.5])
    path = tmp_path / "hovedbok.xlsx"
    book.save(path)
    result = imported(ringebu, path)
    assert result.encoding == ""
    assert total(ringebu) == Decimal("1200.00")


def test_it_maps_a_four_digit_art_to_its_kostra_art(ringebu, tmp_path):
    imported(ringebu, write_ledger(tmp_path / "h.csv", [with_amount("5,00", Art="1209")]))
    from styringshjul.ledger.models import Actual
    actual = Actual.objects.get(municipality=ringebu, year=2025)
    assert (actual.art, actual.kostra_art) == ("1209", "120")


def test_it_reads_a_period_written_as_yyyymm(ringebu, tmp_path):
    result = imported(ringebu, write_ledger(tmp_path / "h.csv",
                                            [with_amount("5,00", Periode="202503")]))
    assert result.periods == [3]


def test_it_reads_a_period_written_as_yyyy_mm(ringebu, tmp_path):
    result = imported(ringebu, write_ledger(tmp_path / "h.csv",
                                            [with_amount("5,00", Periode="2025-04")]))
    assert result.periods == [4]
