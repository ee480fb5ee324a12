"""Reading JSON-stat 2.0 as the statbank answers it."""

from decimal import Decimal
from pathlib import Path

import pytest

from styringshjul.keyfigures import jsonstat

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "keyfigures"


def load(name: str) -> jsonstat.Dataset:
    return jsonstat.loads((FIXTURES / name).read_bytes())


def test_it_reads_dimensions_with_categories_in_index_order_and_their_labels():
    dataset = load("v2_12362_region_contents_tid.json")
    assert dataset.ids == ["Region", "ContentsCode", "Tid"]
    assert dataset.sizes == [4, 2, 2]
    region = dataset.dimension("Region")
    assert region.codes == ["3439", "3441", "EKG01", "EAK"]
    assert region.label_of("3439") == "Ringebu"
    assert dataset.table_id == "12362"
    unit = dataset.dimension("ContentsCode").categories[1].unit
    assert unit["base"] == "kr"


def test_cells_are_row_major_over_the_id_order_with_the_last_dimension_fastest():
    dataset = load("v2_12362_region_contents_tid.json")
    cells = list(dataset.cells())
    assert len(cells) == 16
    assert cells[0].coords == {"Region": "3439", "ContentsCode": "KOSandel120000",
                               "Tid": "2023"}
    assert cells[1].coords["Tid"] == "2024"
    assert cells[2].coords["ContentsCode"] == "KOSnetdrift0001"
    assert cells[4].coords["Region"] == "3441"
    assert cells[3].value == Decimal("93000")


def test_four_dimensions_without_declared_roles_are_read_and_roles_guessed():
    dataset = load("v0_12367_region_function_contents_tid.json")
    assert dataset.role("geo").id == "KOKkommuneregion0000"
    assert dataset.role("metric").id == "ContentsCode"
    assert dataset.role("time").id == "Tid"
    cells = list(dataset.cells())
    assert [(c.coords["KOKkommuneregion0000"], c.coords["KOKfunksjon0000"], c.value)
            for c in cells] == [("3439", "FG2", Decimal(51234)), ("3439", "FG4", Decimal(18765)),
                                ("3441", "FG2", Decimal(40111)), ("3441", "FG4", Decimal(15432))]


def test_status_symbols_given_as_an_object_go_with_null_values():
    dataset = load("v2_12362_status_symbols.json")
    cells = list(dataset.cells())
    assert [(c.value, c.status) for c in cells] == [
        (Decimal("95.1"), ""), (None, ".."), (None, "."), (Decimal("88.0"), ""),
        (None, ":"), (Decimal("91.3"), "")]


@pytest.mark.parametrize("status, expected", [
    ([".", "", ":"], [".", "", ":"]),
    ("..", ["..", "..", ".."]),
    ({"2": ":"}, ["", "", ":"]),
    (None, ["", "", ""]),
])
def test_status_may_be_a_list_a_string_or_an_object(status, expected):
    document = {"class": "dataset", "id": ["Region", "Tid"], "size": [3, 1],
                "dimension": {"Region": {"category": {"index": ["1", "2", "3"]}},
                              "Tid": {"category": {"index": {"2024": 0}}}},
                "value": [None, 1, None], "status": status}
    assert jsonstat.read(document).status == expected


def test_sparse_values_given_as_an_object_leave_the_rest_null():
    document = {"class": "dataset", "id": ["Tid"], "size": [3],
                "dimension": {"Tid": {"category": {"index": ["2022", "2023", "2024"]}}},
                "value": {"1": 12.5}}
    assert jsonstat.read(document).values == [None, Decimal("12.5"), None]


def test_a_value_count_that_does_not_match_the_sizes_is_refused():
    document = {"class": "dataset", "id": ["Tid"], "size": [2],
                "dimension": {"Tid": {"category": {"index": ["2023", "2024"]}}},
                "value": [1]}
    with pytest.raises(jsonstat.JsonStatError) as error:
        jsonstat.read(document)
    assert error.value.code == "value_count"


def test_an_error_answer_is_not_a_dataset():
    with pytest.raises(jsonstat.JsonStatError):
        load("v2_error_404.json")


def test_merge_unites_the_parts_of_a_split_request():
    whole = load("v2_12362_region_contents_tid.json")
    parts = []
    for codes in (["3439", "3441"], ["EKG01", "EAK"]):
        cells = {tuple(c.coords.values()): (c.value, c.status) for c in whole.cells()
                 if c.coords["Region"] in codes}
        region = whole.dimension("Region")
        dimensions = [jsonstat.Dimension("Region", region.label, tuple(
            c for c in region.categories if c.code in codes)), *whole.dimensions[1:]]
        parts.append(jsonstat.build(whole.label, dimensions, cells, whole.extension))
    merged = jsonstat.merge(parts)
    assert merged.ids == whole.ids
    assert merged.dimension("Region").codes == whole.dimension("Region").codes
    assert merged.values == whole.values
