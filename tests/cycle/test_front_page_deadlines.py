"""The municipality's front page shows what is due this week and what is late."""

from datetime import date, timedelta

from django.urls import reverse

from styringshjul.cycle.models import Activity


def test_the_front_page_lists_late_and_upcoming_activities(as_per, ringebu_2026):
    today = date.today()
    activities = list(ringebu_2026.activities.order_by("pk")[:2])
    Activity.objects.filter(pk=activities[0].pk).update(
        start=today - timedelta(days=3), end=None, status=Activity.Status.PLANNED
    )
    Activity.objects.filter(pk=activities[1].pk).update(
        start=today + timedelta(days=2), end=None, status=Activity.Status.PLANNED
    )
    page = as_per.get(reverse("municipality", args=["3439"])).content.decode()
    assert "Frister i årshjulet" in page
    assert "Forsinket" in page
    assert f"#activity-{activities[0].pk}" in page
    assert f"#activity-{activities[1].pk}" in page


def test_sofies_front_page_shows_nothing_of_ringebus_cycle(as_sofie, ringebu_2026):
    page = as_sofie.get(reverse("municipality", args=["3441"])).content.decode()
    titles = ringebu_2026.activities.values_list("title", flat=True)
    assert not any(f">{title}<" in page for title in titles)
