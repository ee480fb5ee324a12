from django.urls import path, register_converter

from styringshjul.cycle import (
    body_views,
    feed_views,
    phase_views,
    reminder_views,
    views,
    wheel_views,
)


class YearConverter:
    """A cycle's year in a URL: 2000–2099, so no date arithmetic leaves the calendar."""

    regex = r"20\d{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(YearConverter, "cycleyear")

P = "<kommunenr:number>/arshjul/"
Y = P + "<cycleyear:year>/"

urlpatterns = [
    path(P, views.cycle, name="cycle"),
    path(Y, views.cycle, name="cycle_year"),
    path(Y + "aktivitet/ny/", views.activity_edit, name="activity_create"),
    path(Y + "aktivitet/<int:pk>/endre/", views.activity_edit, name="activity_edit"),
    path(Y + "aktivitet/<int:pk>/slett/", views.activity_delete, name="activity_delete"),
    path(Y + "moteplan/", views.meetings, name="cycle_meetings"),
    path(Y + "moteplan/<int:pk>/flytt/", views.meeting_move, name="meeting_move"),
    path(Y + "mal/", views.template_apply, name="cycle_template"),
    path(Y + "rull/", views.roll, name="cycle_roll"),
    path(Y + "evaluering/", views.cycle_settings, name="cycle_settings"),
    path(Y + "hjul/", wheel_views.wheel, name="cycle_wheel"),
    path(Y + "eksport.<str:fmt>", wheel_views.download, name="cycle_export"),
    path(P + "organer/", body_views.bodies, name="cycle_bodies"),
    path(P + "organer/<int:pk>/endre/", body_views.body_edit, name="cycle_body_edit"),
    path(P + "faser/", phase_views.phases, name="cycle_phases"),
    path(P + "paminnelser/", reminder_views.lead_times, name="cycle_reminder_settings"),
    path(P + "kalender/", feed_views.feeds, name="cycle_feeds"),
    path(P + "kalender/min/", feed_views.my_feed, name="cycle_my_feed"),
    path(P + "kalender/<int:pk>/tilbakekall/", feed_views.feed_revoke, name="cycle_feed_revoke"),
    path(P + "kalender/<str:token>.ics", feed_views.feed, name="cycle_feed"),
]
