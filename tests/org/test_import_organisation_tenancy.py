"""Ansvar codes are unique per municipality: Gausdal's 2100 is not Ringebu's 2100."""

from styringshjul.org.models import OrgUnit, Responsibility
from styringshjul.org.services import import_organisation


def test_gausdal_can_have_the_same_ansvar_codes(ringebu, gausdal, tmp_path):
    ringebu_before = sorted(Responsibility.objects.for_municipality(ringebu)
                            .values_list("code", "unit__name", "name"))
    path = tmp_path / "gausdal.csv"
    path.write_text(
        "Tjenesteområde;Enhet;Ansvar;Ansvarsnavn\n"
        "Oppvekst;Follebu skule;2100;Follebu skule\n"
        "Oppvekst;Follebu skule;2110;SFO Follebu\n"
        "Oppvekst;Forset skule;2210;SFO Forset\n",
        encoding="utf-8",
    )

    result = import_organisation(gausdal, path)

    assert result.issues == []
    assert (result.counts.codes_created, result.counts.codes_unchanged) == (2, 1)
    sfo = Responsibility.objects.get(municipality=gausdal, code="2110")
    assert (sfo.unit.name, sfo.unit.municipality) == ("Follebu skule", gausdal)
    assert Responsibility.objects.get(municipality=ringebu, code="2110").name == "SFO Ringebu"
    assert sorted(Responsibility.objects.for_municipality(ringebu)
                  .values_list("code", "unit__name", "name")) == ringebu_before


def test_a_unit_with_another_municipalitys_name_is_created_in_this_one(ringebu, gausdal, tmp_path):
    path = tmp_path / "gausdal.csv"
    path.write_text("Tjenesteområde;Enhet;Ansvar\nOppvekst;Fåvang skule;2290\n",
                    encoding="utf-8")

    result = import_organisation(gausdal, path)

    assert result.counts.units_created == 1
    assert OrgUnit.objects.filter(name="Fåvang skule").count() == 2
    assert OrgUnit.objects.get(municipality=gausdal, name="Fåvang skule").service_area \
        .municipality == gausdal
