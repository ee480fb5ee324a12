"""Excel files come with a title and a blank row above the header, and numbers as numbers."""

from openpyxl import Workbook

from styringshjul.org.models import Responsibility
from styringshjul.org.services import import_organisation


def workbook_with(path, *rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_it_reads_an_xlsx_with_title_rows(ringebu, tmp_path):
    path = workbook_with(
        tmp_path / "Organisasjon 2026.xlsx",
        ["Ansvarsoversikt Ringebu kommune 2026"],
        [],
        ["Rammeområde", "Enhetsnavn", "Ansvarskode", "Ansvar navn", "Leder enhet"],
        ["Helse og omsorg", "Hjemmetjenesten", 3220, "Nattpatrulje", "Randi Kvisberg"],
        ["Helse og omsorg", "Hjemmetjenesten", "3230", "Trygghetsalarm", None],
        ["Helse og omsorg", "Helse og familie", 3600, "Barnevern", None],
    )

    result = import_organisation(ringebu, path)

    assert not result.rejected
    assert result.encoding == "xlsx"
    assert [(i.code, i.row, i.column, i.value) for i in result.issues] == [
        ("code_moved", 6, "Ansvarskode", "3600"),
    ]
    assert (result.counts.codes_created, result.counts.codes_moved) == (2, 1)
    assert Responsibility.objects.get(municipality=ringebu, code="3220").unit.name == (
        "Hjemmetjenesten")


def test_a_decimal_number_in_an_excel_cell_is_not_an_ansvar(ringebu, tmp_path):
    path = workbook_with(
        tmp_path / "organisasjon.xlsx",
        ["Tjenesteområde", "Enhet", "Ansvar"],
        ["Helse og omsorg", "Hjemmetjenesten", 32.5],
    )

    result = import_organisation(ringebu, path)

    assert [(i.code, i.row, i.column, i.value) for i in result.issues] == [
        ("code_not_digits", 2, "Ansvar", "32.5"),
    ]


def test_a_file_that_is_not_excel_is_one_issue_without_a_row(ringebu, tmp_path):
    path = tmp_path / "organisasjon.xlsx"
    path.write_text("Tjenesteområde;Enhet;Ansvar\n")

    result = import_organisation(ringebu, path)

    assert [(i.code, i.row, i.column) for i in result.issues] == [("file_not_xlsx", None, "")]
    assert result.rejected
    assert result.encoding_label == ""
