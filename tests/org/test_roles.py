"""Who may edit what: Kari edits Ringebu's organisation, Ola only his own school's
description, Per reads everything and edits nothing.
"""

from django.urls import reverse

from styringshjul.org.models import Membership, OrgUnit


def test_kari_can_rename_a_unit_and_move_it(as_kari, ringebu, favang_skule):
    other_area = ringebu.service_areas.exclude(pk=favang_skule.service_area_id).first()
    response = as_kari.post(reverse("unit_edit", args=[ringebu.number, favang_skule.pk]), {
        "name": "Fåvang barne- og ungdomsskule", "service_area": other_area.pk,
        "leader_name": "Ola Haugen", "description": "", "is_active": "on",
    })
    assert response.status_code == 302
    favang_skule.refresh_from_db()
    assert favang_skule.name == "Fåvang barne- og ungdomsskule"
    assert favang_skule.service_area == other_area


def test_ola_can_describe_his_own_school(as_ola, ringebu, favang_skule):
    url = reverse("unit_edit", args=[ringebu.number, favang_skule.pk])
    response = as_ola.post(url, {"leader_name": "Ola Haugen", "description": "Ny profil"})
    assert response.status_code == 302
    favang_skule.refresh_from_db()
    assert favang_skule.description == "Ny profil"


def test_ola_cannot_rename_or_move_his_own_school(as_ola, ringebu, favang_skule):
    url = reverse("unit_edit", args=[ringebu.number, favang_skule.pk])
    as_ola.post(url, {"name": "Ny", "service_area": "", "leader_name": "Ola Haugen",
                      "description": "x"})
    favang_skule.refresh_from_db()
    assert favang_skule.name == "Fåvang skule"


def test_ola_cannot_edit_another_unit(as_ola, ringebu):
    other = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    url = reverse("unit_edit", args=[ringebu.number, other.pk])
    assert as_ola.get(url).status_code == 403
    assert as_ola.post(url, {"leader_name": "Ola", "description": "Kapret"}).status_code == 403
    other.refresh_from_db()
    assert other.description != "Kapret"


def test_ola_does_not_get_an_edit_button_on_another_unit(as_ola, ringebu):
    other = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    page = as_ola.get(reverse("unit", args=[ringebu.number, other.pk])).content.decode()
    assert reverse("unit_edit", args=[ringebu.number, other.pk]) not in page


def test_ola_cannot_change_the_structure(as_ola, ringebu, favang_skule):
    for url in [
        reverse("unit_create", args=[ringebu.number]),
        reverse("service_area_create", args=[ringebu.number]),
        reverse("responsibility_create", args=[ringebu.number, favang_skule.pk]),
        reverse("organisation_import", args=[ringebu.number]),
    ]:
        assert as_ola.get(url).status_code == 403, url


def test_per_reads_the_organisation_but_changes_nothing(as_per, ringebu, favang_skule):
    assert as_per.get(reverse("organisation", args=[ringebu.number])).status_code == 200
    assert as_per.get(reverse("unit", args=[ringebu.number, favang_skule.pk])).status_code == 200
    url = reverse("unit_edit", args=[ringebu.number, favang_skule.pk])
    assert as_per.post(url, {"description": "Politisk overstyrt"}).status_code == 403
    assert as_per.get(reverse("people", args=[ringebu.number])).status_code == 403


def test_kari_adds_a_responsibility_code_to_a_unit(as_kari, ringebu, favang_skule):
    url = reverse("responsibility_create", args=[ringebu.number, favang_skule.pk])
    response = as_kari.post(url, {"code": "2220", "name": "Leirskole"})
    assert response.status_code == 302
    assert favang_skule.responsibilities.filter(code="2220").exists()


def test_a_responsibility_code_cannot_be_used_twice_and_the_form_keeps_what_was_typed(
    as_kari, ringebu, favang_skule
):
    url = reverse("responsibility_create", args=[ringebu.number, favang_skule.pk])
    response = as_kari.post(url, {"code": "2100", "name": "Dobbelt"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Dobbelt"' in page
    assert "Ringebu skole" in page


def test_gausdal_may_use_the_same_responsibility_codes_as_ringebu(as_sofie, gausdal):
    unit = OrgUnit.objects.get(municipality=gausdal, name="Forset skule")
    url = reverse("responsibility_create", args=[gausdal.number, unit.pk])
    assert as_sofie.post(url, {"code": "2210", "name": "SFO Forset"}).status_code == 302


def test_kari_gives_a_new_colleague_a_unit_leader_role(as_kari, ringebu):
    unit = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    response = as_kari.post(reverse("membership_create", args=[ringebu.number]), {
        "username": "anne", "first_name": "Anne", "last_name": "Storrusten",
        "role": "unit_leader", "title": "Rektor", "units": [unit.pk],
    })
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="anne", municipality=ringebu)
    assert list(membership.units.all()) == [unit]


def test_a_unit_leader_role_needs_a_unit_and_the_form_keeps_what_was_typed(as_kari, ringebu):
    response = as_kari.post(reverse("membership_create", args=[ringebu.number]), {
        "username": "anne", "first_name": "Anne", "role": "unit_leader", "title": "Rektor",
    })
    assert response.status_code == 200
    assert 'value="Anne"' in response.content.decode()
    assert not Membership.objects.filter(user__username="anne").exists()


def test_sofie_cannot_offer_units_of_ringebu_in_gausdals_role_form(as_sofie, gausdal, ringebu):
    ringebu_unit = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    response = as_sofie.post(reverse("membership_create", args=[gausdal.number]), {
        "username": "x", "role": "unit_leader", "units": [ringebu_unit.pk],
    })
    assert response.status_code == 200
    assert not Membership.objects.filter(user__username="x").exists()


def test_only_finance_changes_roles(as_ola, as_per, ringebu):
    url = reverse("membership_create", args=[ringebu.number])
    assert as_ola.get(url).status_code == 403
    assert as_per.get(url).status_code == 403
