from datetime import date

import pytest
from django.urls import reverse

from styringshjul.cycle.models import Activity, Meeting, Phase

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(name, args=["3439", *args])


def test_everyone_in_the_municipality_reads_the_cycle_with_its_findings(
    ringebu_2026, as_kari, as_ola, as_per
):
    for client in (as_kari, as_ola, as_per):
        response = client.get(url("cycle_year", 2026))
        assert response.status_code == 200
        assert "Kommunestyret vedtar budsjett 2027" in response.text
        assert "recommendation" in response.text or "Innstillingen" in response.text


def test_the_table_is_grouped_by_month(ringebu_2026, as_per):
    response = as_per.get(url("cycle_year", 2026))
    months = [month for month, _ in response.context["months"]]
    assert months == sorted(months) and len(months) >= 10


def test_sofie_from_gausdal_gets_404_on_ringebus_cycle(ringebu_2026, as_sofie):
    assert as_sofie.get(url("cycle_year", 2026)).status_code == 404
    assert as_sofie.get(url("cycle_meetings", 2026)).status_code == 404


def test_ola_and_per_may_not_change_the_cycle(ringebu_2026, as_ola, as_per):
    activity = ringebu_2026.activities.first()
    for client in (as_ola, as_per):
        assert client.get(url("activity_create", 2026)).status_code == 403
        assert client.post(url("activity_delete", 2026, activity.pk)).status_code == 403
        assert client.post(url("cycle_template", 2026), {"template": "standard"}).status_code \
            == 403
        page = client.get(url("cycle_year", 2026)).text
        assert url("activity_create", 2026) not in page
    assert Activity.objects.filter(pk=activity.pk).exists()


def dialogue(cycle) -> int:
    return Phase.objects.get(municipality=cycle.municipality, key="dialogue").pk


def test_kari_creates_an_activity(ringebu_2026, as_kari):
    response = as_kari.post(url("activity_create", 2026), {
        "title": "Budsjettseminar", "start": "2026-06-10", "phase": dialogue(ringebu_2026),
        "kind": "dialogue", "status": "planned",
    })
    assert response.status_code == 302
    assert ringebu_2026.activities.filter(title="Budsjettseminar").exists()


def test_a_form_with_errors_keeps_what_was_typed(ringebu_2026, as_kari):
    response = as_kari.post(url("activity_create", 2026), {
        "title": "Budsjettseminar", "start": "2026-06-10", "end": "2026-06-01",
        "description": "Med alle ledere", "phase": dialogue(ringebu_2026), "kind": "dialogue",
        "status": "planned",
    })
    assert response.status_code == 200
    assert 'value="Budsjettseminar"' in response.text
    assert "Med alle ledere" in response.text
    assert 'value="2026-06-01"' in response.text


def test_kari_edits_and_deletes_an_activity(ringebu_2026, as_kari):
    activity = ringebu_2026.activities.get(key="annual_report")
    response = as_kari.post(url("activity_edit", 2026, activity.pk), {
        "title": activity.title, "start": "2026-03-20", "phase": activity.phase_id,
        "kind": activity.kind, "status": "done", "key": activity.key,
        "responsible": activity.responsible_id,
    })
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.start == date(2026, 3, 20) and activity.status == "done"
    assert as_kari.post(url("activity_delete", 2026, activity.pk)).status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_kari_moves_a_council_meeting_and_the_budget_adoption_follows(ringebu_2026, as_kari):
    meeting = Meeting.objects.get(municipality=ringebu_2026.municipality,
                                  body__key="kommunestyret", date=date(2026, 12, 8))
    response = as_kari.post(url("meeting_move", 2026, meeting.pk),
                            {"body": meeting.body_id, "date": "2026-12-15", "note": ""})
    assert response.status_code == 302
    assert ringebu_2026.activities.get(key="budget_adopted").start == date(2026, 12, 15)
    page = as_kari.get(url("cycle_year", 2026))
    assert page.context["findings"] == []


def test_kari_books_a_meeting(ringebu_2026, as_kari):
    body = Meeting.objects.filter(municipality=ringebu_2026.municipality).first().body
    response = as_kari.post(url("cycle_meetings", 2026),
                            {"body": body.pk, "date": "2026-08-20", "note": "Ekstra"})
    assert response.status_code == 302
    assert Meeting.objects.filter(body=body, date=date(2026, 8, 20)).exists()


def test_kari_applies_a_template_and_rolls_to_next_year(ringebu, as_kari):
    as_kari.post(url("cycle_template", 2030), {"template": "standard"})
    assert Activity.objects.filter(municipality=ringebu, cycle__year=2030).count() == 11
    response = as_kari.post(url("cycle_roll", 2030))
    assert response.status_code == 302
    assert Activity.objects.filter(municipality=ringebu, cycle__year=2031).count() == 11


def test_the_menu_shows_the_annual_cycle(ringebu_2026, as_per):
    response = as_per.get(reverse("municipality", args=["3439"]))
    assert url("cycle") in response.text


def test_kari_writes_the_evaluation_and_unpublishes(ringebu_2026, as_kari, as_per):
    address = url("cycle_settings", 2026)
    assert as_per.get(address).status_code == 403
    response = as_kari.post(address, {"evaluation": "For korte frister i mai."})
    assert response.status_code == 302
    ringebu_2026.refresh_from_db()
    assert ringebu_2026.evaluation == "For korte frister i mai." and not ringebu_2026.published
    assert "For korte frister i mai." in as_per.get(url("cycle_year", 2026)).text


def test_a_year_outside_the_calendar_is_not_found(ringebu_2026, as_kari):
    assert as_kari.get("/3439/arshjul/0/").status_code == 404
    assert as_kari.post("/3439/arshjul/99999/mal/", {"template": "standard"}).status_code == 404
