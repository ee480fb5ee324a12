"""Build the demo municipalities. Deterministic and idempotent: running it again updates
what exists to the same state and never duplicates anything.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from styringshjul.demo.organisations import MUNICIPALITIES, DemoMunicipality
from styringshjul.demo.people import DEMO_PASSWORD, PEOPLE, SUPERUSER, DemoPerson
from styringshjul.org.models import Membership, Municipality, OrgUnit, Responsibility, ServiceArea
from styringshjul.org.records import upsert


@transaction.atomic
def build_demo() -> list[Municipality]:
    municipalities = [_build_municipality(spec) for spec in MUNICIPALITIES]
    by_number = {m.number: m for m in municipalities}
    for person in PEOPLE:
        _build_person(person, by_number[person.municipality])
    _build_superuser()
    return municipalities


def _build_municipality(spec: DemoMunicipality) -> Municipality:
    municipality, _ = upsert(
        Municipality, {"number": spec.number},
        {"name": spec.name, "county": spec.county, "population": spec.population},
    )
    for order, area_spec in enumerate(spec.areas, start=1):
        area, _ = upsert(
            ServiceArea, {"municipality": municipality, "name": area_spec.name},
            {"leader_name": area_spec.leader, "sort_order": order},
        )
        for unit_spec in area_spec.units:
            unit, _ = upsert(
                OrgUnit, {"municipality": municipality, "name": unit_spec.name},
                {"service_area": area, "leader_name": unit_spec.leader,
                 "description": unit_spec.description},
            )
            for code, name in unit_spec.responsibilities:
                upsert(
                    Responsibility, {"municipality": municipality, "code": code},
                    {"unit": unit, "name": name},
                )
    return municipality


def _demo_user(person: DemoPerson):
    user, created = get_user_model().objects.get_or_create(
        username=person.username,
        defaults={"first_name": person.first_name, "last_name": person.last_name},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
    email = f"{person.username}@{person.municipality or 'styringshjul'}.kommune.example"
    if created or user.email != email:
        user.email = email
        user.save()
    return user


def _build_person(person: DemoPerson, municipality: Municipality) -> None:
    user = _demo_user(person)
    membership, _ = upsert(
        Membership, {"user": user, "municipality": municipality, "role": person.role},
        {"title": person.title},
    )
    units = OrgUnit.objects.for_municipality(municipality).filter(name__in=person.units)
    if set(membership.units.all()) != set(units):
        membership.units.set(units)


def _build_superuser() -> None:
    user = _demo_user(SUPERUSER)
    if not user.is_superuser:
        user.is_superuser = user.is_staff = True
        user.save()
