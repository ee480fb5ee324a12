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
