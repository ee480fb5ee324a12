from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality


def crumbs(municipality: Municipality, *extra: tuple[str, str]) -> list[dict]:
    """The trail above a page: the municipality's front page, then `extra` (label, url)."""
    trail = [(str(municipality), reverse("municipality", args=[municipality.number])), *extra]
    return [{"label": label, "url": url} for label, url in trail]


def organisation_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Organisation"), reverse("organisation", args=[municipality.number])


def people_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("People and roles"), reverse("people", args=[municipality.number])
