"""What other apps may read of the organisation."""

from datetime import date

from django.db.models import Count, Prefetch

from styringshjul.lib.periods import tertial_of
from styringshjul.org.models import Membership, Municipality, OrgUnit, Responsibility, ServiceArea


def municipalities_of(user) -> list[Municipality]:
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return list(Municipality.objects.all())
    return list(Municipality.objects.filter(memberships__user=user).distinct())


def organisation_tree(municipality: Municipality) -> list[ServiceArea]:
    """Service areas with their units and each unit's responsibility codes, in three queries."""
    units = OrgUnit.objects.for_municipality(municipality).prefetch_related(
        Prefetch("responsibilities", queryset=Responsibility.objects.order_by("code"))
    )
    return list(
        ServiceArea.objects.for_municipality(municipality).prefetch_related(
            Prefetch("units", queryset=units)
        )
    )


def organisation_summary(municipality: Municipality) -> dict:
    areas = ServiceArea.objects.for_municipality(municipality).annotate(unit_count=Count("units"))
    return {
        "service_areas": list(areas),
        "unit_count": OrgUnit.objects.for_municipality(municipality).count(),
        "responsibility_count": Responsibility.objects.for_municipality(municipality).count(),
    }


def responsibility_codes(municipality: Municipality) -> dict[str, Responsibility]:
    """Every ansvar code of the municipality, for validating imported account strings."""
    return {
        r.code: r
        for r in Responsibility.objects.for_municipality(municipality).select_related("unit")
    }


def people_of(municipality: Municipality) -> list[Membership]:
    return list(
        Membership.objects.for_municipality(municipality)
        .select_related("user")
        .prefetch_related("units")
        .order_by("role", "user__last_name", "user__first_name")
    )


def current_period(today: date | None = None) -> dict:
    today = today or date.today()
    return {"year": today.year, "tertial": tertial_of(today), "today": today}
