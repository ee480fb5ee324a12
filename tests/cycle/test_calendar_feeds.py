import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from styringshjul.cycle.models import Body, CalendarFeed

pytestmark = pytest.mark.django_db


def test_a_feed_needs_no_login_and_stops_when_revoked(ringebu_2026, as_kari, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    as_kari.post(reverse("cycle_feeds", args=["3439"]), {"body": ""})
    feed = CalendarFeed.objects.get(municipality=ringebu_2026.municipality)
    address = reverse("cycle_feed", args=["3439", feed.token])
    response = Client().get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 41
    as_kari.post(reverse("cycle_feed_revoke", args=["3439", feed.pk]))
    assert Client().get(address).status_code == 404


def test_a_body_feed_holds_only_that_bodys_activities(ringebu_2026):
    council = Body.objects.get(municipality=ringebu_2026.municipality, key="kommunestyret")
    feed = CalendarFeed.objects.create(municipality=ringebu_2026.municipality, body=council)
    response = Client().get(reverse("cycle_feed", args=["3439", feed.token]))
    summaries = [e["summary"] for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries and all(s.startswith("Kommunestyret") for s in summaries)


def test_a_token_of_one_municipality_does_not_open_another(ringebu_2026):
    feed = CalendarFeed.objects.create(municipality=ringebu_2026.municipality)
    assert Client().get(reverse("cycle_feed", args=["3441", feed.token])).status_code == 404


def test_only_finance_manages_feeds(ringebu_2026, as_per, as_sofie):
    assert as_per.get(reverse("cycle_feeds", args=["3439"])).status_code == 403
    assert as_sofie.get(reverse("cycle_feeds", args=["3439"])).status_code == 404


def test_the_page_offers_downloads(ringebu_2026, as_per):
    response = as_per.get(reverse("cycle_export", args=["3439", 2026, "csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="arshjul-3439-2026.csv"'
    assert as_per.get(reverse("cycle_export", args=["3439", 2026, "exe"])).status_code == 404
