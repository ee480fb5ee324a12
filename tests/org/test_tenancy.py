"""Sofie, finance officer in Gausdal, can neither read nor change anything of Ringebu's."""

import pytest
from django.urls import reverse

from styringshjul.org.models import Membership, OrgUnit, Responsibility, ServiceArea


def ringebu_urls(ringebu, favang_skule) -> list[str]:
    number = ringebu.number
    area = favang_skule.service_area
    responsibility = favang_skule.responsibilities.first()
    return [
        reverse("municipality", args=[number]),
        reverse("organisation", args=[number]),
        reverse("people", args=[number]),
        reverse("unit", args=[number, favang_skule.pk]),
        reverse("unit_edit", args=[number, favang_skule.pk]),
        reverse("unit_create", args=[number]),
        reverse("service_area_create", args=[number]),
        reverse("service_area_edit", args=[number, area.pk]),
        reverse("responsibility_create", args=[number, favang_skule.pk]),
        reverse("responsibility_edit", args=[number, favang_skule.pk, responsibility.pk]),
        reverse("organisation_import", args=[number]),
        reverse("membership_create", args=[number]),
        reverse("membership_edit", args=[number, ringebu.memberships.first().pk]),
        reverse("membership_delete", args=[number, ringebu.memberships.first().pk]),
    ]


def test_sofie_gets_not_found_on_every_ringebu_page(as_sofie, ringebu, favang_skule):
    for url in ringebu_urls(ringebu, favang_skule):
        assert as_sofie.get(url).status_code == 404, url
        assert as_sofie.get(url, headers={"HX-Request": "true"}).status_code == 404, url


def test_sofie_cannot_change_ringebu_by_posting(as_sofie, ringebu, favang_skule):
    before = favang_skule.name
    for url in ringebu_urls(ringebu, favang_skule):
        assert as_sofie.post(url, {"name": "Kapret", "code": "9999"}).status_code == 404, url
    favang_skule.refresh_from_db()
    assert favang_skule.name == before
    assert not Responsibility.objects.filter(code="9999").exists()
    assert not ServiceArea.objects.filter(name="Kapret").exists()


def test_sofie_cannot_reach_a_ringebu_unit_through_her_own_municipality(
    as_sofie, gausdal, favang_skule
):
    url = reverse("unit", args=[gausdal.number, favang_skule.pk])
    assert as_sofie.get(url).status_code == 404
    edit = reverse("unit_edit", args=[gausdal.number, favang_skule.pk])
    assert as_sofie.post(edit, {"name": "Kapret"}).status_code == 404


def test_sofie_sees_only_gausdal_in_the_switcher(as_sofie, gausdal):
    page = as_sofie.get(reverse("municipality", args=[gausdal.number])).content.decode()
    assert "Gausdal kommune" in page
    assert "Ringebu" not in page


def test_switching_to_a_municipality_one_has_no_role_in_is_not_found(as_sofie, ringebu):
    response = as_sofie.get(reverse("switch_municipality"), {"number": ringebu.number})
    assert response.status_code == 404


def test_the_front_door_sends_a_member_of_one_municipality_straight_to_it(as_kari, ringebu):
    response = as_kari.get(reverse("home"))
    assert response.url == reverse("municipality", args=[ringebu.number])


def test_anonymous_visitors_are_sent_to_log_in(client, ringebu):
    response = client.get(reverse("organisation", args=[ringebu.number]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("number", ["9999", "0301"])
def test_a_municipality_that_is_not_a_tenant_is_not_found(as_kari, number):
    assert as_kari.get(reverse("organisation", args=[number])).status_code == 404


def test_tenant_queries_return_only_the_given_municipality(ringebu, gausdal):
    ringebu_units = OrgUnit.objects.for_municipality(ringebu)
    assert ringebu_units.count() == 22
    assert not ringebu_units.filter(municipality=gausdal).exists()


def test_the_kostra_lists_keep_the_menu_of_the_municipality_last_visited(as_kari, ringebu):
    as_kari.get(reverse("organisation", args=[ringebu.number]))
    page = as_kari.get(reverse("kostra_functions")).content.decode()
    assert reverse("organisation", args=[ringebu.number]) in page


def test_a_person_with_roles_in_both_municipalities_switches_between_them(
    as_kari, kari, ringebu, gausdal
):
    Membership.objects.create(user=kari, municipality=gausdal, role="politician")
    page = as_kari.get(reverse("municipality", args=[ringebu.number])).content.decode()
    assert 'name="number"' in page and "Gausdal" in page
    response = as_kari.get(reverse("switch_municipality"), {"number": gausdal.number})
    assert response.url == reverse("municipality", args=[gausdal.number])
    assert as_kari.get(response.url).status_code == 200
    assert as_kari.get(reverse("unit_create", args=[gausdal.number])).status_code == 403
