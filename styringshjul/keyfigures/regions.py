"""The regions Statistics Norway publishes KOSTRA figures for, and which of them a
municipality is compared with.

Loaded from files shipped in `data/`: every municipality of 2026 with its county, the 17
KOSTRA groups of 2020 (names composed from SSB's description of each group), the country
(EAK), the country without Oslo (EAKUO) and the county aggregates (EKAxx). Which
municipalities belong to which KOSTRA group is not in these files: it comes from imported
figures or `set_membership`, per year, because the groups change.

`load_regions` takes the model as an argument so the data migration can pass its
historical model.
"""

import csv
from collections.abc import Iterable
from pathlib import Path

from django.db.models import Model

from styringshjul.keyfigures.models import GroupMembership, KeyFigureValue, Region, RegionKind

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPALITIES_FILE = DATA_DIR / "municipalities_2026.csv"
KOSTRA_GROUPS_FILE = DATA_DIR / "kostra_groups_2020.csv"
COUNTRY = "EAK"
COUNTRY_WITHOUT_OSLO = "EAKUO"

SPECIAL_SIZES = {
    "2 000 - 9 999": "Små kommuner",
    "Oslo kommune": "Oslo kommune",
    "De åtte kommunene med høyest skatteinntekter per innbygger":
        "De åtte kommunene med høyest skatteinntekter per innbygger",
}


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def county_code(municipality_number: str) -> str:
    """3439 → 3400: a county's region code is its number followed by 00."""
    return f"{municipality_number[:2]}00"


def county_aggregate_code(county: str) -> str:
    """3400 → EKA34, the sum over the county's municipalities."""
    return f"EKA{county[:2]}"


def kostra_group_code(number: str) -> str:
    return f"EKG{int(number):02d}"


def kostra_group_name(row: dict) -> str:
    """«KOSTRA-gruppe 1: Små kommuner med lave bundne kostnader og lave frie disponible
    inntekter», composed from the columns of the group description."""
    size = row["folkemengde"].strip()
    subject = SPECIAL_SIZES.get(size, f"Kommuner med {size} innbyggere")
    parts = [f"{row['bundne_kostnader'].strip().lower()} bundne kostnader"]
    if row["frie_disponible_inntekter"].strip():
        parts.append(f"{row['frie_disponible_inntekter'].strip().lower()} frie disponible "
                     "inntekter")
    return f"KOSTRA-gruppe {int(row['kostra_gruppe'])}: {subject} med {' og '.join(parts)}"


def region_rows() -> list[dict]:
    """Every region as (code, name, kind, county code), counties first."""
    municipalities = _rows(MUNICIPALITIES_FILE)
    counties = {county_code(row["kommunenummer"]): row["county"] for row in municipalities}
    rows = [{"code": code, "name": name, "kind": RegionKind.COUNTY, "county": None}
            for code, name in sorted(counties.items())]
    rows += [{"code": row["kommunenummer"], "name": row["name"],
              "kind": RegionKind.MUNICIPALITY, "county": county_code(row["kommunenummer"])}
             for row in municipalities]
    rows += [{"code": kostra_group_code(row["kostra_gruppe"]), "name": kostra_group_name(row),
              "kind": RegionKind.KOSTRA_GROUP, "county": None}
             for row in _rows(KOSTRA_GROUPS_FILE)]
    rows += [{"code": COUNTRY, "name": "Landet", "kind": RegionKind.COUNTRY, "county": None},
             {"code": COUNTRY_WITHOUT_OSLO, "name": "Landet uten Oslo",
              "kind": RegionKind.COUNTRY_WITHOUT_OSLO, "county": None}]
    rows += [{"code": county_aggregate_code(code), "name": f"{name} (fylkesaggregat)",
              "kind": RegionKind.OTHER, "county": code}
             for code, name in sorted(counties.items())]
    return rows


def load_regions(region_model: type[Model] = Region) -> int:
    """Create or update every shipped region; running it again changes nothing.
    Returns how many regions were created or changed."""
    rows = region_rows()
    existing = {region.code: region for region in region_model.objects.all()}
    new = [region_model(code=row["code"], name=row["name"], kind=row["kind"])
           for row in rows if row["code"] not in existing]
    region_model.objects.bulk_create(new)
    by_code = {region.code: region for region in region_model.objects.all()}
    changed = []
    for row in rows:
        region = by_code[row["code"]]
        county_id = by_code[row["county"]].pk if row["county"] else None
        wanted = {"name": row["name"], "kind": row["kind"], "county_id": county_id}
        if any(getattr(region, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(region, field, value)
            changed.append(region)
    region_model.objects.bulk_update(changed, ["name", "kind", "county_id"])
    return len(new) + sum(1 for region in changed if region.code in existing)


def set_membership(member_code: str, group_code: str, year: int) -> GroupMembership:
    """Record that `member_code` belongs to the KOSTRA group `group_code` in `year`."""
    member = Region.objects.get(code=member_code)
    group = Region.objects.get(code=group_code, kind=RegionKind.KOSTRA_GROUP)
    membership, _created = GroupMembership.objects.update_or_create(
        member=member, year=year, defaults={"group": group})
    return membership


def group_of(region: Region, year: int) -> Region | None:
    """The municipality's KOSTRA group in `year`: the latest membership from that year or
    before, since a membership holds until the groups are revised."""
    membership = (GroupMembership.objects.filter(member=region, year__lte=year)
                  .select_related("group").order_by("-year").first())
    return membership.group if membership else None


def county_for_comparison(municipality: Region, figure=None) -> Region | None:
    """The county aggregate (EKAxx) when it has published values, otherwise the county."""
    if municipality.county_id is None:
        return None
    county = municipality.county
    aggregate = Region.objects.filter(code=county_aggregate_code(county.code)).first()
    if aggregate is not None:
        values = KeyFigureValue.objects.filter(region=aggregate)
        if figure is not None:
            values = values.filter(figure=figure)
        if values.exists():
            return aggregate
    return county


def comparison_regions(municipality: Region, year: int, groups: Iterable = (),
                       figure=None) -> list[Region]:
    """What a municipality is compared with, in the order Hole's model shows them: itself,
    its KOSTRA group, its county, the country, the country without Oslo, then the members
    of its own comparison groups. A region appears once."""
    fixed = Region.objects.in_bulk([COUNTRY, COUNTRY_WITHOUT_OSLO], field_name="code")
    candidates = [municipality, group_of(municipality, year),
                  county_for_comparison(municipality, figure),
                  fixed.get(COUNTRY), fixed.get(COUNTRY_WITHOUT_OSLO)]
    for group in groups:
        candidates += list(group.members.order_by("code"))
    seen: set[int] = set()
    regions = []
    for region in candidates:
        if region is not None and region.pk not in seen:
            seen.add(region.pk)
            regions.append(region)
    return regions
