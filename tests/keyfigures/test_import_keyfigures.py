"""Importing saved statbank files into regions, the catalogue and its values."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from styringshjul.keyfigures import jsonstat
from styringshjul.keyfigures.importer import import_dataset, region_kind
from styringshjul.keyfigures.models import (
    KeyFigure,
    KeyFigureImport,
    KeyFigureValue,
    Region,
    RegionKind,
)
from styringshjul.keyfigures.ssb_client import Response, SsbError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "keyfigures"
pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    for code, name, kind in [("3400", "Innlandet", RegionKind.COUNTY),
                             ("3439", "Ringebu", RegionKind.MUNICIPALITY),
                             ("3441", "Gausdal", RegionKind.MUNICIPALITY),
                             ("0301", "Oslo", RegionKind.MUNICIPALITY),
                             ("EAK", "Landet", RegionKind.COUNTRY)]:
        Region.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})


@pytest.fixture
def coverage(regions) -> KeyFigure:
    return KeyFigure.objects.get_or_create(
        table_id="12362", content_code="KOSandel120000",
        defaults={"name": "Andel barn 1-5 år med barnehageplass", "unit": "prosent"})[0]


def load(name: str) -> jsonstat.Dataset:
    return jsonstat.loads((FIXTURES / name).read_bytes())


def value(code: str, region: str, year: int) -> KeyFigureValue:
    return KeyFigureValue.objects.get(figure__content_code=code, region__code=region,
                                      year=year)


def test_values_are_stored_for_catalogue_figures_regions_and_years(coverage):
    result = import_dataset(load("v2_12362_region_contents_tid.json"), source="test")
    assert result.created == 16 and not result.has_errors
    assert value("KOSandel120000", "3439", 2023).value == Decimal("80.0")
    assert value("KOSandel120000", "3441", 2024).value == Decimal("87.5")
    assert KeyFigureImport.objects.filter(source="test", values=16).exists()


def test_a_figure_not_in_the_catalogue_is_added_named_from_the_file(coverage):
    result = import_dataset(load("v2_12362_region_contents_tid.json"), source="test")
    assert result.figures_added == ["12362:KOSnetdrift0001"]
    figure = KeyFigure.objects.get(table_id="12362", content_code="KOSnetdrift0001")
    assert figure.name == "Netto driftsutgifter per innbygger (kr)"
    assert figure.unit == "kr"


def test_a_kostra_group_the_file_names_is_added_as_a_kostra_group(coverage):
    Region.objects.filter(code="EKG01").delete()
    result = import_dataset(load("v2_12362_region_contents_tid.json"), source="test")
    assert "EKG01" in result.regions_added
    group = Region.objects.get(code="EKG01")
    assert (group.kind, group.name) == (RegionKind.KOSTRA_GROUP, "KOSTRA-gruppe 1")


def test_status_symbols_are_stored_with_no_value(coverage):
    import_dataset(load("v2_12362_status_symbols.json"), source="test")
    assert (value("KOSandel120000", "3439", 2024).value,
            value("KOSandel120000", "3439", 2024).status) == (None, "..")
    assert value("KOSandel120000", "3441", 2023).status == "."
    assert value("KOSandel120000", "0301", 2023).status == ":"
    assert value("KOSandel120000", "0301", 2024).value == Decimal("91.3")


def test_the_same_file_twice_is_unchanged(coverage):
    dataset = load("v2_12362_region_contents_tid.json")
    import_dataset(dataset, source="test")
    again = import_dataset(dataset, source="test")
    assert again.unchanged and again.values == 0
    assert KeyFigureImport.objects.filter(source="test").count() == 1


def test_a_newer_file_updates_changed_values_and_keeps_the_rest(coverage):
    import_dataset(load("v2_12362_region_contents_tid.json"), source="first")
    dataset = load("v2_12362_region_contents_tid.json")
    dataset.values[0] = Decimal("99.9")
    result = import_dataset(dataset, source="second")
    assert (result.created, result.updated, result.same) == (0, 1, 15)
    assert value("KOSandel120000", "3439", 2023).value == Decimal("99.9")


def test_a_region_with_an_unknown_shape_is_reported_and_its_values_skipped(coverage):
    document = {"class": "dataset", "label": "12362: test", "id": ["Region", "ContentsCode",
                                                                     "Tid"],
                "size": [2, 1, 1], "dimension": {
                    "Region": {"category": {"index": ["3439", "XYZ"],
                                            "label": {"3439": "Ringebu", "XYZ": "Utlandet"}}},
                    "ContentsCode": {"category": {"index": ["KOSandel120000"]}},
                    "Tid": {"category": {"index": ["2024"]}}},
                "value": [90, 10]}
    result = import_dataset(document, source="test")
    assert [(i.code, i.value) for i in result.issues] == [("unknown_region", "XYZ Utlandet")]
    assert result.skipped == 1 and result.created == 1
    assert not Region.objects.filter(code="XYZ").exists()


def test_a_former_municipality_is_added_with_a_warning(coverage):
    document = {"class": "dataset", "label": "12362: test", "id": ["Region", "ContentsCode",
                                                                     "Tid"],
                "size": [1, 1, 1], "dimension": {
                    "Region": {"category": {"index": ["0501"],
                                            "label": {"0501": "Lillehammer (-2019)"}}},
                    "ContentsCode": {"category": {"index": ["KOSandel120000"]}},
                    "Tid": {"category": {"index": ["2015"]}}},
                "value": [90]}
    result = import_dataset(document, source="test")
    assert [(i.code, i.is_error) for i in result.issues] == [("former_municipality", False)]
    assert Region.objects.get(code="0501").kind == RegionKind.MUNICIPALITY


@pytest.mark.parametrize("code, kind", [
    ("0301", RegionKind.MUNICIPALITY), ("3439", RegionKind.MUNICIPALITY),
    ("3400", RegionKind.COUNTY), ("EKG17", RegionKind.KOSTRA_GROUP),
    ("EKA34", RegionKind.OTHER), ("EAK", RegionKind.COUNTRY),
    ("EAKUO", RegionKind.COUNTRY_WITHOUT_OSLO), ("34", None), ("Ringebu", None),
])
def test_region_kinds_follow_the_shape_of_the_code(code, kind):
    assert region_kind(code) == kind


def test_a_catalogue_figure_with_a_selection_takes_only_its_cells(regions):
    KeyFigure.objects.create(table_id="12367", content_code="KOSbelop0000",
                             selection={"KOKfunksjon0000": "FG2"}, name="Grunnskole, beløp")
    result = import_dataset(load("v0_12367_region_function_contents_tid.json"), source="t")
    assert result.created == 2 and result.skipped == 2 and not result.figures_added
    assert value("KOSbelop0000", "3441", 2024).value == Decimal(40111)


def test_a_table_with_more_dimensions_adds_one_figure_per_combination(regions):
    result = import_dataset(load("v0_12367_region_function_contents_tid.json"), source="t")
    assert sorted(result.figures_added) == ["12367:KOSbelop0000.FG2", "12367:KOSbelop0000.FG4"]
    figure = KeyFigure.objects.get(content_code="KOSbelop0000.FG4")
    assert figure.selection == {"KOKfunksjon0000": "FG4"}
    assert figure.name == "Beløp (1000 kr), Kommunehelse"


def test_the_command_imports_a_statbank_csv_and_reports_unknown_regions(coverage):
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_keyfigures", str(FIXTURES / "statbank_12362_long_cp1252.csv"),
                     stdout=out, stderr=err)
    assert exit_code.value.code == 1  # "Søndre Utkant" has no code
    assert "Søndre Utkant" in err.getvalue()
    assert value("KOSandel120000", "3439", 2024).value == Decimal("93.1")  # matched by name
    assert Region.objects.get(code="9999").kind == RegionKind.MUNICIPALITY
    assert value("KOSandel120000", "EAK", 2024).value == Decimal("93.5")


def test_the_command_imports_json_and_says_unchanged_the_second_time(coverage):
    path = str(FIXTURES / "v2_12362_region_contents_tid.json")
    call_command("import_keyfigures", path, stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("import_keyfigures", path, stdout=out, stderr=StringIO())
    assert KeyFigureImport.objects.filter(source=Path(path).name).count() == 1
    assert KeyFigureValue.objects.filter(figure=coverage).count() == 8


def test_the_command_reads_the_wide_csv_layout(coverage):
    call_command("import_keyfigures", str(FIXTURES / "statbank_12362_wide_utf8_bom.csv"),
                 stdout=StringIO(), stderr=StringIO())
    figure = KeyFigure.objects.get(table_id="12362",
                                   content_code="Netto driftsutgifter per innbygger (kr)")
    assert KeyFigureValue.objects.get(figure=figure, region__code="3441", year=2023).status == ":"
    assert Region.objects.get(code="EAKUO").kind == RegionKind.COUNTRY_WITHOUT_OSLO


def test_the_command_refuses_a_file_that_is_not_a_table(tmp_path):
    path = tmp_path / "tull.json"
    path.write_text("[1, 2]")
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_keyfigures", str(path), stdout=StringIO(), stderr=StringIO())
    assert exit_code.value.code == 1


class Statbank:
    """Saved answers by path: metadata, then data (v2)."""

    def __init__(self):
        self.calls = []

    def __call__(self, method, url, body, timeout):
        self.calls.append(url)
        name = ("v2_12362_metadata.json" if "/metadata" in url
                else "v2_12362_region_contents_tid.json")
        return Response(200, (FIXTURES / name).read_bytes())


def test_fetch_asks_one_request_per_table_and_imports_the_answer(coverage, settings):
    KeyFigure.objects.create(table_id="12362", content_code="KOSnetdrift0001",
                             name="Netto driftsutgifter per innbygger")
    settings.SSB_TRANSPORT = statbank = Statbank()
    call_command("fetch_keyfigures", "--year", "2024", "--table", "12362", "--regions",
                 "municipalities",
                 stdout=StringIO(), stderr=StringIO())
    data = [url for url in statbank.calls if "/data?" in url]
    assert len(data) == 1
    assert "valueCodes%5BRegion%5D" not in data[0]
    assert "valueCodes[Region]=3439,3441&" in data[0]
    assert "valueCodes[ContentsCode]=KOSandel120000,KOSnetdrift0001" in data[0]
    assert value("KOSnetdrift0001", "3439", 2024).value == Decimal(93000)


def test_fetch_without_network_fails_with_a_clear_message(coverage, settings):
    def offline(method, url, body, timeout):
        raise SsbError("unavailable", "Name or service not known")

    settings.SSB_TRANSPORT = offline
    err = StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("fetch_keyfigures", "--year", "2024", stdout=StringIO(), stderr=err)
    assert exit_code.value.code == 1
    assert "data.ssb.no" in err.getvalue()


def test_a_dataset_of_many_regions_figures_and_years_imports_every_cell(regions):
    """The national volume (357 × 40 × 10) is timed in `make bench`; here a smaller one
    checks that every cell arrives."""
    codes = [f"{n:04d}" for n in range(101, 101 + 57)]
    Region.objects.bulk_create([Region(code=c, name=f"Kommune {c}",
                                       kind=RegionKind.MUNICIPALITY) for c in codes],
                               ignore_conflicts=True)
    dimensions = [
        jsonstat.Dimension("Region", "region", tuple(jsonstat.Category(c, c) for c in codes)),
        jsonstat.Dimension("ContentsCode", "statistikkvariabel", tuple(
            jsonstat.Category(f"KOS{i:02d}", f"Figur {i}") for i in range(8))),
        jsonstat.Dimension("Tid", "år", tuple(
            jsonstat.Category(str(y), str(y)) for y in range(2015, 2020))),
    ]
    total = 57 * 8 * 5
    dataset = jsonstat.Dataset("99999: test", dimensions,
                               [Decimal(i % 1000) for i in range(total)], [""] * total)
    result = import_dataset(dataset, source="national")
    assert result.created == total
    assert KeyFigureValue.objects.filter(region__code="0157", year=2019).count() == 8


def test_a_csv_without_a_table_id_needs_the_table_option(coverage, tmp_path):
    path = tmp_path / "nedlasting.csv"
    path.write_bytes('"region";"statistikkvariabel";"år";"verdi"\r\n'
                     '"3439 Ringebu";"Andel barn 1-5 år med barnehageplass";"2022";"91,0"\r\n'
                     .encode("cp1252"))
    err = StringIO()
    with pytest.raises(SystemExit):
        call_command("import_keyfigures", str(path), stdout=StringIO(), stderr=err)
    assert not KeyFigureValue.objects.filter(figure=coverage, year=2022).exists()
    call_command("import_keyfigures", str(path), "--table", "12362", stdout=StringIO(),
                 stderr=StringIO())
    assert value("KOSandel120000", "3439", 2022).value == Decimal("91.0")


def test_a_period_that_is_not_a_year_is_reported(coverage):
    document = {"class": "dataset", "label": "12362: test",
                "id": ["Region", "ContentsCode", "Tid"], "size": [1, 1, 1], "dimension": {
                    "Region": {"category": {"index": ["3439"]}},
                    "ContentsCode": {"category": {"index": ["KOSandel120000"]}},
                    "Tid": {"category": {"index": ["2024K1"]}}},
                "value": [90]}
    result = import_dataset(document, source="test")
    assert [(i.code, i.value) for i in result.issues] == [("not_a_year", "2024K1")]
    assert result.skipped == 1
