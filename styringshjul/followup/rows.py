"""Turning sums per code into report rows: rolling ansvar codes up the organisation tree,
and naming and ordering the rows."""

from django.utils.translation import gettext as _

from styringshjul.ledger.art_groups import ART_GROUPS, group_of
from styringshjul.ledger.models import KostraArt, KostraFunction
from styringshjul.ledger.queries import display_name
from styringshjul.org.org_map import OrgMap

UNKNOWN = "unknown"


def rolled_up(org: OrgMap, grouping: str, rows: list) -> list:
    """Rows per ansvar code summed into rows per unit, service area or art group; codes
    outside the organisation tree go to one "unknown" row, never dropped."""
    if grouping in ("ansvar", "unit", "service_area"):
        for row in rows:
            place = org.get(row.key)
            row.units = {place.unit_id} if place else set()
    if grouping not in ("unit", "service_area", "art_group"):
        return rows
    merged: dict[str, object] = {}
    for row in rows:
        key = _rolled_key(org, grouping, row.key)
        target = merged.get(key)
        if target is None:
            row.key = key
            merged[key] = row
            continue
        target.annual_budget += row.annual_budget
        target.budget_ytd += row.budget_ytd
        target.actual_ytd += row.actual_ytd
        target.units |= row.units
    return list(merged.values())


def _rolled_key(org: OrgMap, grouping: str, code: str) -> str:
    if grouping == "art_group":
        return group_of(code).key
    place = org.get(code)
    if place is None:
        return UNKNOWN
    return str(place.unit_id if grouping == "unit" else place.service_area_id)


def names_and_order(org: OrgMap, grouping: str, rows: list) -> list:
    namer = _namer(org, grouping, rows)
    for row in rows:
        row.name = namer(row.key)
    return sorted(rows, key=_order(org, grouping))


def _namer(org: OrgMap, grouping: str, rows: list) -> callable:
    if grouping == "funksjon":
        return _code_names(KostraFunction, rows)
    if grouping == "art":
        return _code_names(KostraArt, rows)
    if grouping == "art_group":
        return _art_group_names()
    return {
        "ansvar": lambda key: org[key].name if key in org else _("Unknown responsibility code"),
        "objekt": lambda key: "" if key else _("No project"),
        "unit": lambda key: org.units[int(key)][0] if key != UNKNOWN else _unknown(),
        "service_area": lambda key: org.areas[int(key)][0] if key != UNKNOWN else _unknown(),
    }[grouping]


def _unknown() -> str:
    return _("Unknown responsibility codes")


def _code_names(model, rows) -> callable:
    names = {code.code: display_name(code)
             for code in model.objects.filter(code__in=[row.key for row in rows])}
    return lambda key: names.get(key, "")


def _art_group_names() -> callable:
    names = {group.key: str(group.name) for group in ART_GROUPS}
    return lambda key: names.get(key, _("Other arter"))


def _order(org: OrgMap, grouping: str):
    def key(row) -> tuple:
        if row.key == UNKNOWN:
            return (1, 0, 0, "")
        if grouping == "unit":
            name, area, index = org.units[int(row.key)]
            return (0, org.areas[area][1], index, "")
        if grouping == "service_area":
            return (0, org.areas[int(row.key)][1], 0, "")
        return (0, 0, 0, row.key)

    return key
