"""The secret calendar feeds that need no login, and their management."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.cycle.exports import to_ics
from styringshjul.cycle.forms import FeedForm
from styringshjul.cycle.models import Activity, Body, CalendarFeed
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

CHANGE = "cycle.change_cycle"


@municipality_view(CHANGE)
def feeds(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = FeedForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        form.instance.municipality = municipality
        form.save()
        messages.success(request, _("The calendar feed was created."))
        return redirect("cycle_feeds", municipality.number)
    active = CalendarFeed.objects.for_municipality(municipality).filter(revoked__isnull=True)
    rows = [(feed, request.build_absolute_uri(
        reverse("cycle_feed", args=[municipality.number, feed.token]))) for feed in active]
    return render(request, "cycle/feeds.html", {
        "feeds": rows, "form": form,
        "breadcrumbs": crumbs(municipality, (_("Annual cycle"),
                                             reverse("cycle", args=[municipality.number]))),
    })


@municipality_view(CHANGE)
@require_POST
def feed_revoke(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed.objects.for_municipality(municipality), pk=pk)
    feed.revoked = timezone.now()
    feed.save()
    messages.success(request, _("The calendar feed was revoked."))
    return redirect("cycle_feeds", municipality.number)


def feed(request: HttpRequest, number: str, token: str) -> HttpResponse:
    """The feed itself: no login, the secret token is the key; a revoked token is 404."""
    found = (CalendarFeed.objects.select_related("municipality", "body")
             .filter(municipality__number=number, token=token, revoked__isnull=True).first())
    if found is None:
        raise Http404
    year = date.today().year
    activities = (Activity.objects.for_municipality(found.municipality)
                  .filter(cycle__year__in=[year - 1, year, year + 1])
                  .select_related("responsible", "phase"))
    if found.body:
        activities = activities.filter(responsible=found.body)
    if found.user:
        activities = activities.filter(responsible__contacts=found.user).distinct()
    link = request.build_absolute_uri(reverse("cycle", args=[number]))
    name = (f"{found.municipality.name}: {found}" if found.body or found.user
            else found.municipality.name)
    return HttpResponse(to_ics(activities, name, link), content_type="text/calendar")


@municipality_view()
def my_feed(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """Each person's own feed: the activities of the bodies they are a contact for."""
    mine = CalendarFeed.objects.for_municipality(municipality).filter(
        user=request.user, revoked__isnull=True)
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            mine.update(revoked=timezone.now())
            messages.success(request, _("The calendar feed was revoked."))
        elif not mine.exists():
            CalendarFeed.objects.create(municipality=municipality, user=request.user)
            messages.success(request, _("The calendar feed was created."))
        return redirect("cycle_my_feed", municipality.number)
    feed = mine.first()
    return render(request, "cycle/my_feed.html", {
        "address": request.build_absolute_uri(
            reverse("cycle_feed", args=[municipality.number, feed.token])) if feed else "",
        "bodies": Body.objects.for_municipality(municipality).filter(contacts=request.user),
        "breadcrumbs": crumbs(municipality, (_("Annual cycle"),
                                             reverse("cycle", args=[municipality.number]))),
    })
