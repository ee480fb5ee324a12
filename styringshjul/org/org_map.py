"""Where each ansvar code sits in the organisation tree: its unit and service area, with
the units and areas in their display order. Built in three queries, read by every report
that rolls sums up the tree."""

from collections import Counter
from dataclasses import dataclass

from styringshjul.org.models import Municipality, OrgUnit, Responsibility, ServiceArea


@dataclass(frozen=True)
class Place:
    name: str
    unit_id: int
    service_area_id: int


class OrgMap(dict):
    """Ansvar code → where it sits in the organisation tree, with units and areas by id."""

    def __init__(self, municipality: Municipality):
        super().__init__(
            (code, Place(name or unit_name, unit, area))
            for code, name, unit, unit_name, area in Responsibility.objects
            .for_municipality(municipality)
            .values_list("code", "name", "unit_id", "unit__name", "unit__service_area_id")
        )
        self.units = {
            unit.pk: (unit.name, unit.service_area_id, index)
            for index, unit in enumerate(OrgUnit.objects.for_municipality(municipality))
        }
        self.areas = {
            area.pk: (area.name, index)
            for index, area in enumerate(ServiceArea.objects.for_municipality(municipality))
        }
        self.code_counts = Counter(place.unit_id for place in self.values())

    def codes_of_unit(self, unit_id: int) -> int:
        return self.code_counts[unit_id]


def org_map(municipality: Municipality) -> OrgMap:
    return OrgMap(municipality)
