"""Each person can subscribe to the deadlines of the bodies they are a contact for."""

from django.urls import reverse

from styringshjul.cycle.models import Body, CalendarFeed


def test_kari_makes_her_own_feed_with_only_her_bodies(as_kari, kari, ringebu, ringebu_2026, client):
    as_kari.post(reverse("cycle_my_feed", args=["3439"]))
    feed = CalendarFeed.objects.get(user=kari, revoked__isnull=True)
    calendar = client.get(reverse("cycle_feed", args=["3439", feed.token])).content.decode()
    finance = Body.objects.get(municipality=ringebu, key="okonomi")
    council = Body.objects.get(municipality=ringebu, key="kommunestyret")
    finance_title = ringebu_2026.activities.filter(responsible=finance).first().title
    council_title = ringebu_2026.activities.filter(responsible=council).first().title
    unfolded = calendar.replace("\r\n ", "")
    assert finance_title[:30] in unfolded
    assert council_title[:30] not in unfolded


def test_ola_can_make_and_revoke_his_own_feed(as_ola, ola, ringebu_2026, client):
    url = reverse("cycle_my_feed", args=["3439"])
    as_ola.post(url)
    feed = CalendarFeed.objects.get(user=ola)
    as_ola.post(url, {"action": "revoke"})
    assert client.get(reverse("cycle_feed", args=["3439", feed.token])).status_code == 404


def test_sofie_has_no_personal_feed_in_ringebu(as_sofie, ringebu_2026):
    assert as_sofie.post(reverse("cycle_my_feed", args=["3439"])).status_code == 404
    assert not CalendarFeed.objects.filter(municipality__number="3439").exists()
