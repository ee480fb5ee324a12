"""Budget versions side by side: one year's operating budget per service area, art group or
measure, each version's amount and its difference from the first, and the effect on balance.

The operating lines are summed in one grouped query for all versions together; the rows are
then rolled up the organisation tree (or into art groups) in Python. A version's operating
total is its result: 0 is a balanced budget, a positive sum a deficit (KOSTRA sign).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetLine, BudgetVersion, Measure
from styringshjul.ledger.art_groups import ART_GROUPS, OTHER, group_of
from styringshjul.ledger.models import AccountClass
from styringshjul.org.org_map import OrgMap

SERVICE_AREA, ART_GROUP, MEASURE = "service_area", "art_group", "measure"
GROUPINGS = (SERVICE_AREA, ART_GROUP, MEASURE)
MAX_VERSIONS = 5
UNKNOWN = "unknown"
BASE = "base"
GROUPED_FIELD = {SERVICE_AREA: "responsibility", ART_GROUP: "kostra_art", MEASURE: "measure_id"}


@dataclass
class ComparisonRow:
    key: str
    name: str
    amounts: list[Decimal]

    @property
    def differences(self) -> list[Decimal]:
        """Each version's amount minus the first version's."""
        return [amount - self.amounts[0] for amount in self.amounts]

    @property
    def cells(self) -> list[tuple[Decimal, Decimal]]:
        return list(zip(self.amounts, self.differences, strict=True))


@dataclass
class Comparison:
    versions: list[BudgetVersion]
    year: int
    by: str
    rows: list[ComparisonRow] = field(default_factory=list)

    @property
    def balance(self) -> ComparisonRow:
        """The operating total of each version: 0 is balanced, positive a deficit."""
        return ComparisonRow("balance", _("Effect on balance (operating total)"), [
            sum((row.amounts[i] for row in self.rows), Decimal(0))
            for i in range(len(self.versions))
        ])

    @property
    def covered(self) -> list[bool]:
        """Whether each version has the year at all (a version without it shows 0)."""
        return [self.year in version.year_range for version in self.versions]


def compare_versions(versions: Sequence[BudgetVersion], year: int, by: str) -> Comparison:
    """The operating budget of `year` in each of `versions`, grouped `by` service area, art
    group or measure. The versions must be of one municipality; the caller checks that the
    user may see each of them."""
    versions = list(versions)
    if by not in GROUPINGS:
        raise ValueError(f"Unknown grouping {by!r}")
    if not versions or len({v.municipality_id for v in versions}) > 1:
        raise ValueError("Compare one or more versions of one municipality")
    sums = _sums(versions, year, GROUPED_FIELD[by])
    index = {version.pk: i for i, version in enumerate(versions)}
    keyer, namer, order = _grouping(by, versions[0])
    rows: dict[str, ComparisonRow] = {}
    for version_id, code, amount in sums:
        key = keyer(code)
        row = rows.get(key)
        if row is None:
            row = rows[key] = ComparisonRow(key, "", [Decimal(0)] * len(versions))
        row.amounts[index[version_id]] += amount
    for row in rows.values():
        row.name = namer(row.key)
    return Comparison(versions, year, by, sorted(rows.values(), key=order))


def _sums(versions: list[BudgetVersion], year: int, grouped: str) -> list[tuple]:
    """(version id, code, sum) — the one query of a comparison."""
    return list(
        BudgetLine.objects
        .filter(version__in=versions, year=year, account_class=AccountClass.OPERATING)
        .values_list("version_id", grouped)
        .annotate(total=Sum("amount"))
        .order_by()
    )


def _grouping(by: str, version: BudgetVersion) -> tuple:
    """How a code becomes a row key, how a key is named, and how rows are ordered."""
    if by == SERVICE_AREA:
        return _by_service_area(OrgMap(version.municipality))
    if by == ART_GROUP:
        return _by_art_group()
    return _by_measure(version)


def _by_service_area(org: OrgMap) -> tuple:
    def key(code: str) -> str:
        place = org.get(code)
        return str(place.service_area_id) if place else UNKNOWN

    def name(key: str) -> str:
        if key == UNKNOWN:
            return _("Responsibility codes outside the organisation")
        return org.areas[int(key)][0]

    def order(row: ComparisonRow) -> tuple:
        return (1, 0) if row.key == UNKNOWN else (0, org.areas[int(row.key)][1])

    return key, name, order


def _by_art_group() -> tuple:
    groups = [*ART_GROUPS, OTHER]
    names = {group.key: str(group.name) for group in groups}
    positions = {group.key: i for i, group in enumerate(groups)}
    return (lambda code: group_of(code).key, names.__getitem__,
            lambda row: positions[row.key])


def _by_measure(version: BudgetVersion) -> tuple:
    measures = {
        str(pk): (number, f"T{number} {title}")
        for pk, number, title in Measure.objects.for_municipality(version.municipality)
        .values_list("pk", "number", "title")
    }

    def name(key: str) -> str:
        return _("Base budget") if key == BASE else measures[key][1]

    def order(row: ComparisonRow) -> tuple:
        return (0, 0) if row.key == BASE else (1, measures[row.key][0])

    return (lambda measure_id: BASE if measure_id is None else str(measure_id)), name, order


def visible_versions(user, municipality, ids: Sequence[str | int]) -> list[BudgetVersion]:
    """The versions of `municipality` named by `ids` (in that order) that `user` may see;
    other ids are left out."""
    wanted = [int(i) for i in ids if str(i).isdigit()]
    found = {v.pk: v for v in BudgetVersion.objects.for_municipality(municipality)
             .filter(pk__in=wanted).select_related("municipality", "party")}
    return [found[pk] for pk in dict.fromkeys(wanted)
            if pk in found and user.has_perm("budget.view_version", found[pk])]
