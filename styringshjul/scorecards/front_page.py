from django.http import HttpRequest

from styringshjul.org.models import Municipality
from styringshjul.scorecards import inquiries

SHOWN = 5


def open_inquiries(request: HttpRequest, municipality: Municipality) -> dict | None:
    """The open inquiries addressed to this person, and those they asked still waiting for
    an answer, for the municipality's front page; None when there are none."""
    to_me = inquiries.open_only(inquiries.addressed_to(request.user, municipality))
    asked = inquiries.open_only(inquiries.base_queryset(municipality)
                                .filter(asked_by=request.user))
    to_me_count, asked_count = to_me.count(), asked.count()
    if not to_me_count and not asked_count:
        return None
    return {"to_me": list(to_me[:SHOWN]), "to_me_count": to_me_count,
            "asked": list(asked[:SHOWN]), "asked_count": asked_count}
