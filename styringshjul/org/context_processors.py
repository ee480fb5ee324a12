from django.conf import settings
from django.http import HttpRequest

from styringshjul.org.navigation import main_menu
from styringshjul.org.queries import municipalities_of


def tenancy(request: HttpRequest) -> dict:
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"demo_mode": settings.DEMO_MODE, "municipality": municipality}
    mine = municipalities_of(user)
    return {
        "demo_mode": settings.DEMO_MODE,
        "municipality": municipality,
        "user_municipalities": mine,
        "other_municipalities": [m for m in mine if m != municipality],
        "main_menu": main_menu(request, municipality),
    }
