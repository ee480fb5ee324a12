"""Importing the same file again is harmless: nothing changes, no history is written."""

from pathlib import Path

from django.utils import translation

from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea
from styringshjul.org.services import import_organisation

FIXTURES = Path(__file__).parent.parent / "fixtures"


def history_rows() -> int:
    return (ServiceArea.history.count() + OrgUnit.history.count()
            + Responsibility.history.count())


def test_importing_the_same_file_twice_changes_nothing(ringebu):
    path = FIXTURES / "organisasjon_ringebu_cp1252.csv"
    first = import_organisation(ringebu, path)
    recorded = history_rows()

    with translation.override("nb"):
        second = import_organisation(ringebu, path)
        message = second.status_message()

    assert first.changed
    assert not second.changed
    assert second.status == "unchanged"
    assert second.counts.changes == 0
    assert second.counts.codes_unchanged == 9
    assert second.issues == []
    assert history_rows() == recorded
    assert message.startswith("Ingen endringer")


def test_names_that_differ_only_in_case_or_spacing_keep_the_registered_spelling(
    ringebu, tmp_path
):
    path = tmp_path / "organisasjon.csv"
    path.write_text("Tjenesteområde;Enhet;Ansvar\n OPPVEKST ;FÅVANG  SKULE;2230\n",
                    encoding="utf-8")

    result = import_organisation(ringebu, path)

    assert (result.counts.areas_created, result.counts.units_created) == (0, 0)
    assert result.counts.units_updated == 0
    unit = Responsibility.objects.get(municipality=ringebu, code="2230").unit
    assert (unit.name, unit.service_area.name) == ("Fåvang skule", "Oppvekst")
