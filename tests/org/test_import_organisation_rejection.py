"""A file with one error changes nothing, not even the rows that were fine."""

from pathlib import Path

from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea
from styringshjul.org.services import import_organisation

FIXTURES = Path(__file__).parent.parent / "fixtures"


def snapshot(municipality) -> tuple:
    return (
        sorted(ServiceArea.objects.for_municipality(municipality).values_list("name", "pk")),
        sorted(OrgUnit.objects.for_municipality(municipality)
               .values_list("name", "service_area_id", "leader_name")),
        sorted(Responsibility.objects.for_municipality(municipality)
               .values_list("code", "unit_id", "name")),
        Responsibility.history.count(),
    )


def test_a_failed_import_changes_nothing(ringebu, tmp_path):
    path = tmp_path / "organisasjon.csv"
    path.write_text(
        "Tjenesteområde;Enhet;Ansvar;Ansvarsnavn\n"
        "Oppvekst;Fåvang skule;2230;Ny skolekjøkken\n"
        "Ny sektor;Ny enhet;4999;Nytt ansvar\n"
        "Oppvekst;Ringebu skole;2200;Flyttet fra Fåvang\n"
        "Oppvekst;Fåvang skule;22B;Feil\n",
        encoding="utf-8",
    )
    before = snapshot(ringebu)

    result = import_organisation(ringebu, path)

    assert result.rejected
    assert not result.changed
    assert snapshot(ringebu) == before


def test_a_rejected_file_also_shows_the_warnings_it_would_have_given(ringebu, tmp_path):
    path = tmp_path / "organisasjon.csv"
    path.write_text(
        "Tjenesteområde;Enhet;Ansvar\n"
        "Oppvekst;Ringebu skole;2200\n"
        "Oppvekst;Fåvang skule;22B\n",
        encoding="utf-8",
    )

    result = import_organisation(ringebu, path)

    assert [(i.code, i.row, i.is_error) for i in result.issues] == [
        ("code_moved", 2, False),
        ("code_not_digits", 3, True),
    ]
    assert result.counts.changes == 0


def test_a_dry_run_changes_nothing_but_counts_what_would_change(ringebu):
    before = snapshot(ringebu)

    result = import_organisation(ringebu, FIXTURES / "organisasjon_ringebu_cp1252.csv",
                                 dry_run=True)

    assert result.status == "dry_run"
    assert not result.changed
    assert result.counts.codes_created == 4
    assert snapshot(ringebu) == before
