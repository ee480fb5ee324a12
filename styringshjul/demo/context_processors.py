from django.conf import settings
from django.http import HttpRequest

from styringshjul.demo.people import DEMO_PASSWORD, PEOPLE


def demo_logins(request: HttpRequest) -> dict:
    """The demo users, for the login page, only when the site runs in demo mode."""
    if not settings.DEMO_MODE or request.user.is_authenticated:
        return {}
    return {"demo_people": PEOPLE, "demo_password": DEMO_PASSWORD}
