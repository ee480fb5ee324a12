"""Cells with blanks around them (space, tab, no-break space), as fixed-width-minded exports
write them: read as if the blanks were not there."""

from decimal import Decimal

import pytest

from styringshjul.ledger.drilldown import raw_lines
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import Actual
from tests.ledger.ledger_lines import LINES, LINES_TOTAL, total, with_amount, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def imported(ringebu, tmp_path, rows):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows))
    assert result.accepted, result.issues
    return result


def test_it_reads_codes_with_spaces_around_them(ringebu, tmp_path):
    rows = [[cell if i in (0, 1, 2, 7, 8) else f" {cell}  " for i, cell in enumerate(row)]
            for row in LINES]
    imported(ringebu, tmp_path, rows)
    assert total(ringebu) == LINES_TOTAL
    assert set(Actual.objects.for_municipality(ringebu).values_list(
        "responsibility", flat=True)) == {"2100", "2200", "4100"}


def test_it_reads_codes_with_a_no_break_space_and_a_tab_around_them(ringebu, tmp_path):
    imported(ringebu, tmp_path, [with_amount("5,00", Ansvar="\u00a02100", Art="1200\t",
                                             Prosjekt=" 41001 ")])
    actual = Actual.objects.for_municipality(ringebu).get()
    assert (actual.responsibility, actual.art, actual.project) == ("2100", "1200", "41001")


def test_it_reads_a_period_a_date_and_an_amount_with_spaces_around_them(ringebu, tmp_path):
    result = imported(ringebu, tmp_path, [with_amount(" 12,50 ", Periode=" 2 ",
                                                      Bilagsdato=" 03.02.2025 ")])
    assert result.periods == [2]
    assert total(ringebu) == Decimal("12.50")


def test_voucher_and_text_come_back_without_the_blanks_around_them(ringebu, tmp_path):
    imported(ringebu, tmp_path, [with_amount("1,00", Bilagsnr=" 20001 ",
                                             Tekst="\u00a0Innkjøp  ")])
    line = raw_lines((ringebu, 2025))[0]
    assert (line["voucher"], line["text"]) == ("20001", "Innkjøp")


def test_a_padded_code_that_is_unknown_is_reported_without_the_blanks(ringebu, tmp_path):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", [
        with_amount("1,00", Ansvar=" 9999 ")]))
    assert [(i.code, i.row, i.value) for i in result.issues] == [
        ("ledger.unknown_responsibility", 2, "9999")]


def test_a_line_of_blanks_only_is_skipped(ringebu, tmp_path):
    result = imported(ringebu, tmp_path, [with_amount("1,00"), [" "] * 9])
    assert result.line_count == 1
