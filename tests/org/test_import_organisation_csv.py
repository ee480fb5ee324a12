"""Kari imports the organisation as Ringebu's finance system exports it: CSV in whatever
encoding and delimiter the export happened to use."""

from pathlib import Path

from django.utils import translation

from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea
from styringshjul.org.services import import_organisation

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_it_imports_a_windows_1252_csv_with_semicolons(ringebu):
    result = import_organisation(ringebu, FIXTURES / "organisasjon_ringebu_cp1252.csv")

    assert result.issues == []
    assert result.encoding == "cp1252"
    assert result.changed
    counts = result.counts
    assert (counts.areas_created, counts.units_created, counts.codes_created) == (1, 1, 4)
    assert (counts.codes_moved, counts.codes_updated, counts.codes_unchanged) == (0, 0, 5)
    unit = OrgUnit.objects.for_municipality(ringebu).get(name="Frivilligsentralen")
    assert unit.service_area.name == "Næring og frivillighet"
    assert unit.leader_name == "Åse Bøen"
    assert Responsibility.objects.get(municipality=ringebu, code="4610").name == (
        "Ærlig talt – ungdomsråd")
    assert Responsibility.objects.get(municipality=ringebu, code="2220").unit.name == (
        "Fåvang skule")


def test_a_new_service_area_is_placed_after_the_existing_ones(ringebu):
    import_organisation(ringebu, FIXTURES / "organisasjon_ringebu_cp1252.csv")

    areas = list(ServiceArea.objects.for_municipality(ringebu).values_list("name", flat=True))
    assert areas[-1] == "Næring og frivillighet"


def test_it_reads_utf8_with_bom_tabs_and_other_column_names(ringebu):
    result = import_organisation(ringebu, FIXTURES / "organisasjon_varianter_tab_utf8_bom.csv")

    assert result.issues == []
    assert result.encoding == "utf-8-sig"
    assert (result.counts.codes_created, result.counts.codes_unchanged) == (2, 1)
    kino = Responsibility.objects.get(municipality=ringebu, code="4420")
    assert (kino.name, kino.unit.name) == ("Kino", "Kultur og fritid")


def test_the_result_says_which_encoding_was_used(ringebu):
    with translation.override("nb"):
        result = import_organisation(ringebu, FIXTURES / "organisasjon_ringebu_cp1252.csv",
                                     dry_run=True)
        assert "Lest som Windows-1252." in result.summary()
