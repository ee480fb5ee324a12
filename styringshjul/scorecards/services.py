"""Setting up a year's scorecards and writing results."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.scorecards.models import Level, Perspective, Result, Scorecard

DEFAULT_PERSPECTIVES = ("Samfunn", "Brukere", "Medarbeidere", "Økonomi")


def ensure_perspectives(municipality: Municipality) -> list[Perspective]:
    """The municipality's perspectives; the default four when it has none."""
    if not Perspective.objects.for_municipality(municipality).exists():
        Perspective.objects.bulk_create(
            Perspective(municipality=municipality, name=name, sort_order=order)
            for order, name in enumerate(DEFAULT_PERSPECTIVES, start=1))
    return list(Perspective.objects.for_municipality(municipality))


def ensure_year(municipality: Municipality, year: int) -> Scorecard:
    """The municipality's scorecard for `year`, with one for every service area and every
    active unit (made when missing). Returns the municipality's."""
    ensure_perspectives(municipality)
    with transaction.atomic():
        top, _created = Scorecard.objects.get_or_create(
            municipality=municipality, year=year, level=Level.MUNICIPALITY)
        for area in ServiceArea.objects.for_municipality(municipality):
            Scorecard.objects.get_or_create(municipality=municipality, year=year,
                                            level=Level.SERVICE_AREA, service_area=area)
        for unit in OrgUnit.objects.for_municipality(municipality).filter(is_active=True):
            Scorecard.objects.get_or_create(
                municipality=municipality, year=year, level=Level.UNIT, unit=unit,
                defaults={"service_area": unit.service_area})
    return top


def record_value(scorecard: Scorecard, indicator, period: str, value: Decimal | None, *,
                 source_note: str, user=None) -> Result:
    """Store an automatic or imported value, saying where it came from and when; the
    comment and follow-up plan written by people stay as they are. The same value with the
    same note again changes nothing (no history row), so refreshing is quiet."""
    result, created = Result.objects.get_or_create(scorecard=scorecard, indicator=indicator,
                                                   period=period)
    if not created and (result.value, result.source_note) == (value, source_note[:300]):
        return result
    result.value = value
    result.source_note = source_note[:300]
    result.computed_at = timezone.now()
    result.updated_by = user
    result.lock_version += 1
    result.save()
    return result


def describe_owner(scorecard: Scorecard) -> str:
    if scorecard.unit_id:
        return str(scorecard.unit)
    if scorecard.service_area_id:
        return str(scorecard.service_area)
    return _("the whole municipality")
