from django.conf import settings
from django.http import HttpRequest

from styringshjul.org.navigation import main_menu
from styringshjul.org.queries import municipalities_of
from styringshjul.org.tenancy import LAST_MUNICIPALITY


def tenancy(request: HttpRequest) -> dict:
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"demo_mode": settings.DEMO_MODE, "municipality": municipality}
    mine = municipalities_of(user)
    if municipality is None:
        # Pages outside a municipality (the KOSTRA lists) keep the menu of the last one seen.
        last = request.session.get(LAST_MUNICIPALITY)
        municipality = next((m for m in mine if m.number == last), mine[0] if mine else None)
    return {
        "demo_mode": settings.DEMO_MODE,
        "municipality": municipality,
        "user_municipalities": mine,
        "other_municipalities": [m for m in mine if m != municipality],
        "main_menu": main_menu(request, municipality),
    }
