"""Every change to the organisation is recorded with who and when, and shown on its page."""

from django.urls import reverse


def test_a_unit_page_shows_who_changed_what(as_kari, kari, ringebu, favang_skule):
    url = reverse("unit_edit", args=[ringebu.number, favang_skule.pk])
    as_kari.post(url, {
        "name": favang_skule.name, "service_area": favang_skule.service_area_id,
        "leader_name": "Guro Haugen", "description": "", "is_active": "on",
    })
    record = favang_skule.history.latest()
    assert record.history_user == kari
    assert record.leader_name == "Guro Haugen"
    page = as_kari.get(reverse("unit", args=[ringebu.number, favang_skule.pk])).content.decode()
    assert "Kari Nordhagen" in page
    assert "Guro Haugen" in page
    assert "Ola Haugen" in page


def test_running_the_demo_again_records_no_new_changes(ringebu, favang_skule):
    from styringshjul.demo.services import build_demo

    before = favang_skule.history.count()
    build_demo()
    assert favang_skule.history.count() == before


def test_moving_a_unit_shows_the_service_areas_by_name(as_kari, ringebu, favang_skule):
    helse = ringebu.service_areas.get(name="Helse og omsorg")
    as_kari.post(reverse("unit_edit", args=[ringebu.number, favang_skule.pk]), {
        "name": favang_skule.name, "service_area": helse.pk,
        "leader_name": favang_skule.leader_name, "description": "", "is_active": "on",
    })
    page = as_kari.get(reverse("organisation", args=[ringebu.number])).content.decode()
    assert "«Oppvekst» → «Helse og omsorg»" in page


def test_giving_ola_another_unit_shows_the_units_by_name(as_kari, ringebu, ola):
    from styringshjul.org.models import Membership, OrgUnit

    membership = Membership.objects.get(user=ola, municipality=ringebu)
    skole = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    as_kari.post(reverse("membership_edit", args=[ringebu.number, membership.pk]), {
        "username": "ola", "first_name": "Ola", "last_name": "Haugen", "role": "unit_leader",
        "title": "Rektor", "units": [membership.units.get().pk, skole.pk],
    })
    page = as_kari.get(reverse("people", args=[ringebu.number])).content.decode()
    assert "«Fåvang skule» → «" in page
    assert "Ringebu skole»" in page
