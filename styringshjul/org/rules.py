"""Who may do what, in one place. Checked with `user.has_perm(name, obj)`."""

import rules

from styringshjul.org.models import Membership, Municipality, OrgUnit, Role


def roles_in(user, municipality: Municipality) -> set[str]:
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_styringshjul_roles", {})
    if municipality.pk not in cache:
        cache[municipality.pk] = set(
            Membership.objects.filter(user=user, municipality=municipality)
            .values_list("role", flat=True)
        )
    return cache[municipality.pk]


def _municipality_of(obj) -> Municipality:
    return obj if isinstance(obj, Municipality) else obj.municipality


@rules.predicate
def is_member(user, obj) -> bool:
    return obj is not None and bool(roles_in(user, _municipality_of(obj)))


@rules.predicate
def is_finance(user, obj) -> bool:
    return obj is not None and Role.FINANCE in roles_in(user, _municipality_of(obj))


@rules.predicate
def is_leadership(user, obj) -> bool:
    return obj is not None and Role.LEADERSHIP in roles_in(user, _municipality_of(obj))


@rules.predicate
def leads_unit(user, unit: OrgUnit) -> bool:
    if not isinstance(unit, OrgUnit) or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, municipality_id=unit.municipality_id, role=Role.UNIT_LEADER, units=unit
    ).exists()


is_superuser = rules.is_superuser

rules.add_perm("org.view_municipality", is_superuser | is_member)
rules.add_perm("org.change_organisation", is_superuser | is_finance)
rules.add_perm("org.view_people", is_superuser | is_finance | is_leadership)
rules.add_perm("org.change_people", is_superuser | is_finance)
rules.add_perm("org.change_unit", is_superuser | is_finance | leads_unit)
