"""Exports with separate debit and credit columns instead of one signed amount: the amount is
debit − credit, each side read with the same number quirks, and a line must use exactly one
side."""

from decimal import Decimal

import pytest

from styringshjul.ledger.import_forms import ColumnMappingForm
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import Actual
from styringshjul.ledger.profiles import FIELDS
from tests.ledger.ledger_lines import total, write_ledger

HEADER = ["Bilagsnr", "Bilagsdato", "Periode", "Art", "Ansvar", "Funksjon", "Debet", "Kredit",
          "Tekst"]


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def line(debit: str, credit: str, **changes: str) -> list[str]:
    row = ["30001", "15.01.2025", "1", "1200", "2100", "202", debit, credit, "Innkjøp"]
    for name, value in changes.items():
        row[HEADER.index(name)] = value
    return row


def imported(ringebu, tmp_path, rows, header=HEADER, **options):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows,
                                                       header=header), **options)
    assert result.accepted, result.issues
    return result


def amount_of(ringebu, tmp_path, debit: str, credit: str) -> Decimal:
    imported(ringebu, tmp_path, [line(debit, credit)])
    return total(ringebu)


def problems(ringebu, tmp_path, *rows):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", list(rows),
                                                       header=HEADER))
    return result, [(i.code, i.row, i.column, i.value, i.is_error) for i in result.issues]


def test_the_amount_is_debit_minus_credit(ringebu, tmp_path):
    rows = [line("1000,00", ""), line("", "250,50"), line("10,00", "")]
    result = imported(ringebu, tmp_path, rows)
    assert result.total == Decimal("759.50")
    assert total(ringebu) == Decimal("759.50")


def test_it_recognises_debet_and_kredit_columns(ringebu, tmp_path):
    result = imported(ringebu, tmp_path, [line("100,00", "")])
    assert result.profile == "generisk"


def test_it_recognises_english_debit_and_credit_columns(ringebu, tmp_path):
    header = [*HEADER[:6], "Debit", "Credit", "Tekst"]
    imported(ringebu, tmp_path, [line("", "40,00")], header=header)
    assert total(ringebu) == Decimal("-40.00")


def test_it_recognises_belop_debet_and_belop_kredit_columns(ringebu, tmp_path):
    header = [*HEADER[:6], "Beløp debet", "Beløp kredit", "Tekst"]
    imported(ringebu, tmp_path, [line("70,00", ""), line("", "20,00")], header=header)
    assert total(ringebu) == Decimal("50.00")


def test_it_accepts_a_zero_in_the_side_not_used(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "0,00", "1 234,50") == Decimal("-1234.50")


def test_it_reads_a_decimal_comma_in_debit_and_credit(ringebu, tmp_path):
    imported(ringebu, tmp_path, [line("1234,56", ""), line("", "0,06")])
    assert total(ringebu) == Decimal("1234.50")


def test_it_reads_a_space_as_thousands_separator_in_debit(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "1 234 567,89", "") == Decimal("1234567.89")


def test_it_reads_a_no_break_space_as_thousands_separator_in_credit(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "", "1\u00a0234\u00a0567,89") == Decimal("-1234567.89")


def test_it_reads_a_point_as_thousands_separator_in_credit(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "", "1.234.567,89") == Decimal("-1234567.89")


def test_it_reads_a_leading_minus_in_debit(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "-1 234,50", "") == Decimal("-1234.50")


def test_it_reads_a_trailing_minus_in_credit(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "", "1 234,50-") == Decimal("1234.50")


def test_it_reads_parentheses_as_negative_in_debit(ringebu, tmp_path):
    assert amount_of(ringebu, tmp_path, "(1 234,50)", "") == Decimal("-1234.50")


def test_it_rejects_a_line_with_both_debit_and_credit(ringebu, tmp_path):
    result, found = problems(ringebu, tmp_path, line("10,00", ""), line("10,00", "5,00"))
    assert found == [("ledger.debit_and_credit", 3, "Debet / Kredit", "10,00 / 5,00", True)]
    assert result.issues[0].message == (
        "Både debet og kredit har et beløp; en linje har bare ett av dem.")
    assert not Actual.objects.filter(municipality=ringebu).exists()


def test_it_rejects_a_line_with_neither_debit_nor_credit(ringebu, tmp_path):
    result, found = problems(ringebu, tmp_path, line("", ""))
    assert found == [("ledger.no_debit_or_credit", 2, "Debet / Kredit", "", True)]
    assert result.issues[0].message == "Verken debet eller kredit har et beløp."


def test_it_names_the_side_that_is_not_an_amount(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, line("", "12,3,4"), line("abc", ""))
    assert found == [("ledger.invalid_amount", 2, "Kredit", "12,3,4", True),
                     ("ledger.invalid_amount", 3, "Debet", "abc", True)]


def test_a_blank_line_without_debit_and_credit_is_skipped(ringebu, tmp_path):
    result = imported(ringebu, tmp_path, [line("5,00", ""), [""] * len(HEADER)])
    assert result.line_count == 1


def test_a_signed_amount_column_wins_over_debit_and_credit(ringebu, tmp_path):
    header = [*HEADER[:6], "Debet", "Kredit", "Beløp"]
    imported(ringebu, tmp_path, [line("100,00", "", Tekst="80,00")], header=header)
    assert total(ringebu) == Decimal("80.00")


def test_the_mapping_page_offers_debit_and_credit(ringebu):
    assert {"debit", "credit"} <= set(FIELDS)
    form = ColumnMappingForm(["A", "B", "C", "D", "E", "F"], {
        "name": "Egen", "responsibility": "A", "function": "B", "art": "C", "period": "D",
        "debit": "E", "credit": "F"})
    assert form.is_valid(), form.errors
    assert form.mapping()["debit"] == "E"


def test_the_mapping_page_wants_an_amount_or_both_debit_and_credit(ringebu):
    form = ColumnMappingForm(["A", "B", "C", "D", "E"], {
        "name": "Egen", "responsibility": "A", "function": "B", "art": "C", "period": "D",
        "debit": "E"})
    assert not form.is_valid()
    assert form.non_field_errors() == [
        "Velg kolonnen med beløpet, eller både debet- og kreditkolonnen."]


def test_a_saved_debit_and_credit_mapping_imports(ringebu, tmp_path):
    header = ["K1", "K2", "K3", "K4", "K5", "K6"]
    mapping = {"responsibility": "K1", "function": "K2", "art": "K3", "period": "K4",
               "debit": "K5", "credit": "K6"}
    imported(ringebu, tmp_path, [["2100", "202", "1200", "5", "", "7,00"]], header=header,
             profile=mapping)
    assert total(ringebu) == Decimal("-7.00")


def test_a_chosen_debit_and_credit_mapping_is_not_replaced_by_an_amount_column(ringebu,
                                                                               tmp_path):
    header = ["K1", "K2", "K3", "K4", "Debet", "Kredit", "Beløp"]
    mapping = {"responsibility": "K1", "function": "K2", "art": "K3", "period": "K4",
               "debit": "Debet", "credit": "Kredit"}
    imported(ringebu, tmp_path, [["2100", "202", "1200", "5", "", "7,00", "7,00"]],
             header=header, profile=mapping)
    assert total(ringebu) == Decimal("-7.00")

