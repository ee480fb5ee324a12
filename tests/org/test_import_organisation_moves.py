"""The file is the truth for the rows it names: an ansvar or a unit in a new place is moved,
with a warning, and whatever the file does not name is left alone."""

from django.utils import translation

from styringshjul.lib.issues import Severity
from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea
from styringshjul.org.services import import_organisation


def write(tmp_path, text: str):
    path = tmp_path / "organisasjon.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_ansvar_moved_to_another_unit_is_a_warning(ringebu, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar;Ansvarsnavn\n"
                           "Oppvekst;Fåvang skule;2110;SFO Ringebu\n")

    result = import_organisation(ringebu, path)

    assert not result.rejected
    assert result.changed
    assert [(i.code, i.row, i.column, i.value, i.severity) for i in result.issues] == [
        ("code_moved", 2, "Ansvar", "2110", Severity.WARNING),
    ]
    assert "2110" in result.issues[0].message
    assert "Ringebu skole" in result.issues[0].message
    assert result.counts.codes_moved == 1
    sfo = Responsibility.objects.get(municipality=ringebu, code="2110")
    assert sfo.unit.name == "Fåvang skule"


def test_a_unit_moved_to_another_service_area_is_a_warning(ringebu, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar\n"
                           "Samfunnsutvikling;Voksenopplæringen;2500\n")

    result = import_organisation(ringebu, path)

    assert [(i.code, i.column, i.value) for i in result.issues] == [
        ("unit_moved", "Tjenesteområde", "Samfunnsutvikling"),
    ]
    assert result.counts.units_updated == 1
    unit = OrgUnit.objects.for_municipality(ringebu).get(name="Voksenopplæringen")
    assert unit.service_area.name == "Samfunnsutvikling"


def test_nothing_outside_the_file_is_deleted_or_changed(ringebu, tmp_path):
    areas = ServiceArea.objects.for_municipality(ringebu).count()
    units = OrgUnit.objects.for_municipality(ringebu).count()
    codes = Responsibility.objects.for_municipality(ringebu).count()
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar\nOppvekst;Fåvang skule;2200\n")

    result = import_organisation(ringebu, path)

    assert result.status == "unchanged"
    assert ServiceArea.objects.for_municipality(ringebu).count() == areas
    assert OrgUnit.objects.for_municipality(ringebu).count() == units
    assert Responsibility.objects.for_municipality(ringebu).count() == codes


def test_empty_name_and_leader_cells_leave_what_is_registered(ringebu, favang_skule, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar;Ansvarsnavn;Leder\n"
                           "Oppvekst;Fåvang skule;2210;;\n")

    result = import_organisation(ringebu, path)

    assert result.counts.codes_unchanged == 1
    favang_skule.refresh_from_db()
    assert favang_skule.leader_name == "Ola Haugen"
    assert Responsibility.objects.get(municipality=ringebu, code="2210").name == "SFO Fåvang"


def test_a_new_name_and_leader_update_ansvar_and_unit(ringebu, favang_skule, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar;Ansvarsnavn;Leder\n"
                           "Oppvekst;Fåvang skule;2210;Skulefritidsordning Fåvang;Guro Haugen\n")

    result = import_organisation(ringebu, path)

    assert (result.counts.codes_updated, result.counts.units_updated) == (1, 1)
    favang_skule.refresh_from_db()
    assert favang_skule.leader_name == "Guro Haugen"


def test_the_import_is_recorded_in_the_history(ringebu, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar\nOppvekst;Fåvang skule;2110\n")

    import_organisation(ringebu, path)

    record = Responsibility.objects.get(municipality=ringebu, code="2110").history.latest()
    assert record.history_type == "~"
    assert record.history_user is None
    assert "organisasjon.csv" in record.history_change_reason


def test_a_long_file_name_fits_in_the_history(ringebu, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar\nOppvekst;Fåvang skule;2110\n")

    with translation.override("nb"):
        result = import_organisation(ringebu, path, filename="Ansvar " + "x" * 200 + ".csv")

    assert result.changed
    record = Responsibility.objects.get(municipality=ringebu, code="2110").history.latest()
    assert record.history_change_reason.startswith("Importert fra Ansvar xxx")


def test_a_unit_and_an_ansvar_can_move_into_what_the_file_creates(ringebu, tmp_path):
    path = write(tmp_path, "Tjenesteområde;Enhet;Ansvar\n"
                           "Læring og mestring;Voksenopplæringen;2500\n"
                           "Læring og mestring;Flyktningtjenesten;2600\n")

    result = import_organisation(ringebu, path)

    assert [i.code for i in result.issues] == ["unit_moved", "code_moved"]
    adult = OrgUnit.objects.for_municipality(ringebu).get(name="Voksenopplæringen")
    assert adult.service_area.name == "Læring og mestring"
    pp = Responsibility.objects.get(municipality=ringebu, code="2600")
    assert (pp.unit.name, pp.unit.service_area.name) == ("Flyktningtjenesten",
                                                         "Læring og mestring")
    assert OrgUnit.objects.for_municipality(ringebu).filter(name="PP-tjenesten").exists()
