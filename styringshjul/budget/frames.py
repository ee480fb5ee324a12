"""Frames (rammer): the net amount each service area gets in a year of a version, set
against what the version proposes for the area.

The proposal of an area is its net appropriation as in bevilgningsoversikt drift § 5-4
second paragraph: the version's operating lines on the service functions (100–799) of the
area's responsibility codes, without depreciation (art 590). Units have no frames of their
own; each unit's part of its area's proposal is shown under the area.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from styringshjul.budget.models import BudgetLine, BudgetVersion, Frame
from styringshjul.ledger.models import AccountClass
from styringshjul.org.org_map import OrgMap

FIRST_SERVICE_FUNCTION = "100"
LAST_SERVICE_FUNCTION = "799"
DEPRECIATION_ART = "590"


@dataclass
class UnitProposal:
    unit_id: int
    name: str
    proposal: Decimal
    share: Decimal | None
    """Per cent of the area's proposal; None when the area's proposal is zero."""


@dataclass
class AreaFrame:
    area_id: int
    name: str
    frame: Decimal | None
    proposal: Decimal
    units: list[UnitProposal] = field(default_factory=list)

    @property
    def difference(self) -> Decimal | None:
        """Proposal minus frame: positive when the proposal is over the frame."""
        return None if self.frame is None else self.proposal - self.frame

    @property
    def over_frame(self) -> bool:
        return self.difference is not None and self.difference > 0


@dataclass
class FrameReport:
    year: int
    areas: list[AreaFrame]
    unplaced: Decimal
    """Proposal on responsibility codes outside the organisation tree."""

    @property
    def total_frame(self) -> Decimal:
        return sum((area.frame or Decimal(0) for area in self.areas), Decimal(0))

    @property
    def total_proposal(self) -> Decimal:
        return sum((area.proposal for area in self.areas), Decimal(0)) + self.unplaced


def proposal_by_responsibility(version: BudgetVersion, year: int) -> dict[str, Decimal]:
    """Net appropriation per responsibility code in one year of the version."""
    rows = (BudgetLine.objects
            .filter(version=version, year=year, account_class=AccountClass.OPERATING,
                    function__gte=FIRST_SERVICE_FUNCTION, function__lte=LAST_SERVICE_FUNCTION)
            .exclude(kostra_art=DEPRECIATION_ART)
            .values_list("responsibility").annotate(total=Sum("amount")).order_by())
    return dict(rows)


def frame_report(version: BudgetVersion, year: int, org: OrgMap | None = None) -> FrameReport:
    """Each service area's frame, proposal and the difference, with its units' parts."""
    org = org or OrgMap(version.municipality)
    frames = dict(version.frames.filter(year=year).values_list("service_area_id", "amount"))
    by_unit: dict[int, Decimal] = {}
    unplaced = Decimal(0)
    for code, amount in proposal_by_responsibility(version, year).items():
        place = org.get(code)
        if place is None:
            unplaced += amount
        else:
            by_unit[place.unit_id] = by_unit.get(place.unit_id, Decimal(0)) + amount
    areas = []
    for area_id, (name, _order) in sorted(org.areas.items(), key=lambda item: item[1][1]):
        area = AreaFrame(area_id, name, frames.get(area_id), Decimal(0))
        units = sorted((unit for unit in org.units.items() if unit[1][1] == area_id),
                       key=lambda unit: unit[1][2])
        area.proposal = sum((by_unit.get(unit_id, Decimal(0)) for unit_id, _u in units),
                            Decimal(0))
        area.units = [
            UnitProposal(unit_id, unit_name, by_unit.get(unit_id, Decimal(0)),
                         _share(by_unit.get(unit_id, Decimal(0)), area.proposal))
            for unit_id, (unit_name, _area, _index) in units
        ]
        areas.append(area)
    return FrameReport(year, areas, unplaced)


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole * 100 if whole else None


def frames_from_proposal(version: BudgetVersion, years: Iterable[int] | None = None) -> int:
    """Set every area's frame to what the version proposes for it (finance's starting point
    for frames). Returns how many frames were written."""
    org = OrgMap(version.municipality)
    count = 0
    with transaction.atomic():
        for year in years or version.year_range:
            for area in frame_report(version, year, org).areas:
                frame, created = Frame.objects.get_or_create(
                    version=version, service_area_id=area.area_id, year=year,
                    defaults={"amount": area.proposal})
                if not created and frame.amount != area.proposal:
                    frame.amount = area.proposal
                    frame.lock_version += 1
                    frame.save(update_fields=["amount", "lock_version"])
                count += 1
    return count
