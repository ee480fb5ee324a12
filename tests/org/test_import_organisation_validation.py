"""Every problem in the file is reported at once, with its row, column and value."""

from pathlib import Path

from styringshjul.lib.issues import Severity
from styringshjul.org.services import import_organisation

FIXTURES = Path(__file__).parent.parent / "fixtures"


def found(result) -> list[tuple]:
    return [(i.code, i.row, i.column, i.value) for i in result.issues]


def test_it_reports_every_bad_row_with_row_column_and_value(ringebu):
    result = import_organisation(ringebu, FIXTURES / "organisasjon_med_feil.csv")

    assert result.rejected
    assert found(result) == [
        ("required", 3, "Enhet", ""),
        ("code_not_digits", 4, "Ansvar", "21A"),
        ("duplicate_code", 5, "Ansvar", "2100"),
        ("unit_in_two_areas", 6, "Tjenesteområde", "Helse og omsorg"),
        ("required", 7, "Tjenesteområde", ""),
        ("code_too_long", 7, "Ansvar", "12345678901"),
        ("unit_leader_differs", 8, "Leder", "Rune Kvisberg"),
    ]
    assert all(issue.severity is Severity.ERROR for issue in result.issues)


def test_a_missing_column_is_named_once_not_on_every_row(ringebu, tmp_path):
    path = tmp_path / "organisasjon.csv"
    path.write_text("Enhet;Ansvar\nFåvang skule;2200\nFåvang skule;2210\n", encoding="utf-8")

    result = import_organisation(ringebu, path)

    assert found(result) == [("missing_column", None, "tjenesteområde", "")]


def test_a_file_without_a_header_is_one_issue(ringebu, tmp_path):
    path = tmp_path / "organisasjon.csv"
    path.write_text("Oppvekst;Fåvang skule;2200\n", encoding="utf-8")

    result = import_organisation(ringebu, path)

    assert found(result) == [("file_no_header", None, "", "")]


def test_an_old_excel_file_is_rejected_with_advice(ringebu, tmp_path):
    path = tmp_path / "organisasjon.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))

    result = import_organisation(ringebu, path)

    assert found(result) == [("file_xls", None, "", "")]


def test_a_header_without_rows_is_rejected(ringebu, tmp_path):
    path = tmp_path / "organisasjon.csv"
    path.write_text("Tjenesteområde;Enhet;Ansvar\n\n", encoding="utf-8")

    result = import_organisation(ringebu, path)

    assert found(result) == [("no_rows", None, "", "")]
