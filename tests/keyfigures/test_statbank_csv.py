"""Reading the statbank's CSV downloads into the same dataset a JSON-stat2 answer gives."""

from decimal import Decimal
from pathlib import Path

import pytest

from styringshjul.keyfigures.statbank_csv import parse_value, read_csv, split_code
from styringshjul.lib.tabular import TableError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "keyfigures"


def read(name: str, **kwargs):
    return read_csv((FIXTURES / name).read_bytes(), **kwargs)


def values(dataset) -> dict[tuple[str, ...], tuple]:
    return {tuple(c.coords.values()): (c.value, c.status) for c in dataset.cells()
            if c.value is not None or c.status}


def test_the_long_layout_in_cp1252_with_title_lines_is_read():
    dataset, encoding = read("statbank_12362_long_cp1252.csv")
    assert encoding == "cp1252"
    assert dataset.table_id == "12362"
    assert dataset.ids == ["Region", "ContentsCode", "Tid"]
    region = dataset.dimension("Region")
    assert region.codes[:3] == ["3439", "3441", "EKG01"]
    assert region.label_of("3439") == "Ringebu"
    found = values(dataset)
    key = ("3439", "Andel barn 1-5 år med barnehageplass", "2024")
    assert found[key] == (Decimal("93.1"), "")
    assert found[("3439", "Netto driftsutgifter per innbygger (kr)", "2024")] == (
        Decimal("98765"), "")


def test_status_symbols_in_csv_become_null_values_with_the_symbol():
    dataset, _ = read("statbank_12362_long_cp1252.csv")
    found = values(dataset)
    assert found[("3441", "Andel barn 1-5 år med barnehageplass", "2023")] == (None, "..")


def test_the_country_without_a_code_is_named_by_its_code():
    dataset, _ = read("statbank_12362_long_cp1252.csv")
    assert "EAK" in dataset.dimension("Region").codes


def test_footnotes_below_the_table_are_not_rows():
    dataset, _ = read("statbank_12362_long_cp1252.csv")
    assert not any("Kilde" in code for code in dataset.dimension("Region").codes)


def test_the_wide_layout_with_figure_and_year_in_each_column_header_is_read():
    dataset, encoding = read("statbank_12362_wide_utf8_bom.csv")
    assert encoding == "utf-8-sig"
    assert dataset.table_id == "12362"
    assert dataset.dimension("Tid").codes == ["2023", "2024"]
    assert dataset.dimension("ContentsCode").codes == [
        "Netto driftsutgifter per innbygger (kr)", "Andel barn 1-5 år med barnehageplass"]
    found = values(dataset)
    assert found[("3441", "Netto driftsutgifter per innbygger (kr)", "2023")] == (None, ":")
    assert found[("EAKUO", "Netto driftsutgifter per innbygger (kr)", "2024")] == (
        Decimal("91000"), "")


def test_the_wide_layout_with_years_as_columns_keeps_the_content_codes():
    dataset, _ = read("statbank_12362_years_as_columns.csv")
    contents = dataset.dimension("ContentsCode")
    assert contents.codes == ["KOSandel120000"]
    assert contents.label_of("KOSandel120000") == "Andel barn 1-5 år med barnehageplass"
    assert values(dataset)[("3439", "KOSandel120000", "2023")] == (Decimal("92.4"), "")


def test_the_table_given_by_the_caller_wins():
    dataset, _ = read("statbank_12362_long_cp1252.csv", table_id="99999")
    assert dataset.table_id == "99999"


@pytest.mark.parametrize("text, expected", [
    ("1 234,5", (Decimal("1234.5"), "")), ("1234.5", (Decimal("1234.5"), "")),
    ("..", (None, "..")), (":", (None, ":")), (".", (None, ".")), ("-", (Decimal(0), "")),
    ("", (None, "..")),
])
def test_values_are_read_in_both_decimal_styles(text, expected):
    assert parse_value(text) == expected


def test_a_leading_code_is_split_from_the_label():
    assert split_code("3439 Ringebu") == ("3439", "Ringebu")
    assert split_code("EKG01 KOSTRA-gruppe 1") == ("EKG01", "KOSTRA-gruppe 1")
    assert split_code("Netto driftsutgifter") == ("Netto driftsutgifter",) * 2


def test_a_file_without_a_value_column_is_refused():
    with pytest.raises(TableError):
        read_csv(b'"region";"funksjon"\r\n"3439 Ringebu";"FG2 Grunnskole"\r\n')
