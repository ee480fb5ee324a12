"""The demo's synthetic national key figures: JSON-stat2 as the statbank writes it, every
municipality and the aggregates, the same bytes for the same seed, marked synthetic, and
imported through `import_keyfigures` so that a second run changes nothing."""

import math

import pytest

from styringshjul.demo import keyfigure_data
from styringshjul.demo.keyfigure_data import (
    EXTENSION,
    REGION_DIMENSION,
    dumps,
    group_membership,
    load_municipalities,
    national_dataset,
)
from styringshjul.keyfigures import jsonstat
from styringshjul.keyfigures.catalogue import catalogue_rows

PER_PUPIL = "KOSkorrbrdrgsperelev0000"
CODES = (PER_PUPIL, "KOSandelbarnbhg0000", "KOSgrunnskolepoeng0000", "KOSfrieinntekterPerInnb")


@pytest.fixture(scope="module")
def figures() -> list[dict]:
    return [row for row in catalogue_rows() if row["content_code"] in CODES]


@pytest.fixture(scope="module")
def datasets(figures) -> dict[str, dict]:
    return national_dataset(figures, seed=7)


def cell(data: dict, region: str, content: str, year: int):
    index = [data["dimension"][d]["category"]["index"] for d in data["id"]]
    position = 0
    for dimension, size, code in zip(index, data["size"],
                                     (region, content, str(year)), strict=True):
        position = position * size + dimension[code]
    return data["value"][position]


def test_each_table_is_a_json_stat2_dataset_with_a_value_per_cell(datasets):
    assert set(datasets) == {"12137", "12163", "12362"}
    for data in datasets.values():
        assert data["class"] == "dataset" and data["version"] == "2.0"
        assert data["id"] == [REGION_DIMENSION, "ContentsCode", "Tid"]
        assert math.prod(data["size"]) == len(data["value"])
        for dimension, size in zip(data["id"], data["size"], strict=True):
            assert len(data["dimension"][dimension]["category"]["index"]) == size
        read = jsonstat.loads(dumps(data))
        assert read.table_id == data["extension"]["px"]["tableid"]
        assert len(read.values) == len(data["value"])


def test_every_municipality_and_every_aggregate_is_there(datasets):
    codes = datasets["12362"]["dimension"][REGION_DIMENSION]["category"]["index"]
    municipalities = {m.code for m in load_municipalities()}
    assert len(municipalities) == 357 and municipalities <= set(codes)
    assert {"EAK", "EAKUO", "EKA34", "EKA03"} <= set(codes)
    assert {f"EKG{n:02d}" for n in range(1, 18)} <= set(codes)


def test_a_few_cells_have_a_status_symbol_and_no_value(datasets):
    symbols = [(index, symbol) for data in datasets.values()
               for index, symbol in data["status"].items()]
    assert {symbol for _, symbol in symbols} == {".", ".."}
    for data in datasets.values():
        assert all(data["value"][int(index)] is None for index in data["status"])
        assert len(data["status"]) < 0.02 * len(data["value"])


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others(figures, datasets):
    again = national_dataset(figures, seed=7)
    assert [dumps(d) for d in again.values()] == [dumps(d) for d in datasets.values()]
    other = national_dataset(figures, seed=8)
    assert dumps(other["12362"]) != dumps(datasets["12362"])


def test_every_dataset_says_the_numbers_are_synthetic(datasets):
    for data in datasets.values():
        assert data["extension"]["synthetic"] is True
        assert data["extension"]["source"] == EXTENSION["source"]
        assert "syntetiske" in data["label"]


def test_shares_stay_between_0_and_100(datasets):
    values = [v for v in datasets["12163"]["value"] if v is not None]
    assert values and all(0 <= v <= 100 for v in values)


def test_ringebu_spends_more_per_pupil_than_its_group_every_year(datasets):
    data = datasets["12362"]
    membership = group_membership(load_municipalities(), keyfigure_data.YEARS, seed=7)
    for year in keyfigure_data.YEARS:
        group = membership[year]["3439"]
        assert cell(data, "3439", PER_PUPIL, year) > 1.15 * cell(data, group, PER_PUPIL, year)


def test_kostra_groups_follow_size_and_one_municipality_moves():
    membership = group_membership(load_municipalities(), keyfigure_data.YEARS)
    first, last = membership[2016], membership[2025]
    assert first["0301"] == "EKG13"
    assert list(first.values()).count("EKG17") == 8
    assert {code for code in first if first[code] != last[code]} == {keyfigure_data.MOVER}
    assert set(first.values()) == {f"EKG{n:02d}" for n in range(1, 18)}


@pytest.mark.django_db
def test_the_demo_imports_through_the_command_and_a_second_run_changes_nothing(ringebu,
                                                                                figures):
    from styringshjul.demo.keyfigures import NEIGHBOURS, build_demo_keyfigures
    from styringshjul.keyfigures.models import (
        ComparisonGroup,
        GroupMembership,
        KeyFigure,
        KeyFigureValue,
        Region,
    )
    from styringshjul.keyfigures.queries import kostra_group_of, ranking

    first = build_demo_keyfigures(figures=figures)
    assert first.imported == first.files == 3
    assert GroupMembership.objects.filter(year=2025).count() == 357
    values = KeyFigureValue.objects.count()
    second = build_demo_keyfigures(figures=figures)
    assert (second.imported, second.unchanged, second.memberships) == (0, 3, 0)
    assert KeyFigureValue.objects.count() == values

    per_pupil = KeyFigure.objects.get(content_code=PER_PUPIL)
    assert len(ranking(per_pupil, 2025)) > 340
    mover = Region.objects.get(code=keyfigure_data.MOVER)
    assert kostra_group_of(mover, 2023) != kostra_group_of(mover, 2024)
    group = ComparisonGroup.objects.for_municipality(ringebu).get(name="Nabokommuner")
    assert sorted(group.members.values_list("code", flat=True)) == sorted(NEIGHBOURS)
