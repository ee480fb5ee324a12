"""The demo's key figures: Statistics Norway cannot be reached here, so the demo writes the
synthetic national dataset of `keyfigure_data` (every municipality, ten years, the shipped
catalogue) as JSON-stat2 files and imports them the way a user imports a saved file, with
`styringshjul import_keyfigures FILE`. It then records the synthetic KOSTRA groups per year
(Sør-Fron changes group in 2024) and gives Ringebu a comparison group of its neighbours.

Deterministic and idempotent: the files are the same bytes every time, so a second run's
imports say «already imported» and nothing changes.
"""

import hashlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from styringshjul.demo import keyfigure_data
from styringshjul.keyfigures.models import (
    ComparisonGroup,
    GroupMembership,
    KeyFigure,
    KeyFigureImport,
    KeyFigureValue,
    Region,
)
from styringshjul.org.models import Municipality

NEIGHBOURS_NAME = "Nabokommuner"
# Ringebu's neighbours in Gudbrandsdalen and Østerdalen (numbers of 2026).
NEIGHBOURS = ("3436", "3438", "3440", "3441", "3423")  # Nord-Fron, Sør-Fron, Øyer, Gausdal,
#                                                         Stor-Elvdal


@dataclass(frozen=True)
class DemoKeyFigures:
    files: int
    imported: int
    unchanged: int
    figures: int
    values: int
    memberships: int
    neighbours: int


def build_demo_keyfigures(seed: int = keyfigure_data.DEFAULT_SEED,
                          figures: list | None = None) -> DemoKeyFigures:
    """Regions, catalogue, the synthetic values of `figures` (the shipped catalogue unless
    given), KOSTRA groups per year and Ringebu's neighbours."""
    from styringshjul.keyfigures.catalogue import catalogue_rows, load_catalogue
    from styringshjul.keyfigures.regions import load_regions

    load_regions()
    load_catalogue()
    figures = catalogue_rows() if figures is None else figures
    with tempfile.TemporaryDirectory(prefix="styringshjul-keyfigures-") as folder:
        paths = keyfigure_data.write_national_dataset(Path(folder), figures, seed=seed)
        imported = sum(import_file(path) for path in paths)
    memberships = record_groups(keyfigure_data.YEARS, seed)
    neighbours = neighbour_group()
    return DemoKeyFigures(
        files=len(paths), imported=imported, unchanged=len(paths) - imported,
        figures=KeyFigure.objects.count(), values=KeyFigureValue.objects.count(),
        memberships=memberships, neighbours=neighbours)


def import_file(path: Path) -> bool:
    """Imports one file through the command; False when it had been imported before."""
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    if KeyFigureImport.objects.filter(sha256=sha256).exists():
        return False
    call_command("import_keyfigures", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return True


@transaction.atomic
def record_groups(years, seed: int = keyfigure_data.DEFAULT_SEED) -> int:
    """The synthetic KOSTRA group of every municipality for each year; new memberships in
    bulk, changed ones through `set_membership`. Returns how many memberships were written."""
    from styringshjul.keyfigures.regions import set_membership

    municipalities = keyfigure_data.load_municipalities()
    wanted = keyfigure_data.group_membership(municipalities, years, seed)
    regions = dict(Region.objects.values_list("code", "pk"))
    existing = {(member, year): group for member, year, group in
                GroupMembership.objects.values_list("member__code", "year", "group__code")}
    new, written = [], 0
    for year, groups in wanted.items():
        for member, group in groups.items():
            old = existing.get((member, year))
            if old is None:
                new.append(GroupMembership(member_id=regions[member], group_id=regions[group],
                                           year=year))
            elif old != group:
                set_membership(member, group, year)
                written += 1
    GroupMembership.objects.bulk_create(new)
    return written + len(new)


def neighbour_group() -> int:
    """Ringebu's «Nabokommuner»; members set only when they differ, so history stays quiet.
    Returns the number of members (0 when the demo has no Ringebu)."""
    ringebu = Municipality.objects.filter(number=keyfigure_data.RINGEBU).first()
    if ringebu is None:
        return 0
    group, _created = ComparisonGroup.objects.get_or_create(municipality=ringebu,
                                                            name=NEIGHBOURS_NAME)
    members = list(Region.objects.filter(code__in=NEIGHBOURS))
    if set(group.members.all()) != set(members):
        group.members.set(members)
    return len(members)
