"""Reading key figures: a figure's values for some regions over the years, the ranking of
all municipalities in a year, a municipality's rank, and the scatter of two figures.

This is what other apps (scorecards, reports) read; every function makes one query (two
for the scatter's regions), so the pages stay fast with all 357 municipalities.

Ranking: rank 1 is the best by the figure's direction (`higher_is_better`); ties share a
rank and the next rank skips (competition ranking 1, 1, 3). Only municipalities with a
value that year are ranked.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Max

from styringshjul.keyfigures.models import (
    GroupMembership,
    KeyFigure,
    KeyFigureValue,
    Region,
    RegionKind,
)

COUNTRY = "EAK"
COUNTRY_WITHOUT_OSLO = "EAKUO"


@dataclass(frozen=True)
class RankRow:
    region_code: str
    region_name: str
    value: Decimal
    rank: int


@dataclass(frozen=True)
class Point:
    region_code: str
    region_name: str
    x: Decimal
    y: Decimal


@dataclass
class Scatter:
    points: list[Point]
    correlation: float | None


@dataclass
class Comparisons:
    """The regions a municipality compares itself with in a year."""

    municipality: Region
    kostra_group: Region | None = None
    county: Region | None = None
    country: Region | None = None
    country_without_oslo: Region | None = None
    groups: list = field(default_factory=list)

    def standard(self) -> list[Region]:
        """Group, county, country, country without Oslo: those that exist."""
        return [region for region in (self.kostra_group, self.county, self.country,
                                      self.country_without_oslo) if region is not None]


def _code(region: Region | str) -> str:
    return region.code if isinstance(region, Region) else str(region)


def series(figure: KeyFigure, regions: Iterable[Region | str],
           years: Iterable[int] | None = None) -> dict[str, dict[int, Decimal]]:
    """{region_code: {year: value}} for the regions (codes or Regions); years without a
    value are absent. One query."""
    codes = [_code(region) for region in regions]
    found = KeyFigureValue.objects.filter(figure=figure, region__code__in=codes,
                                          value__isnull=False)
    if years is not None:
        found = found.filter(year__in=list(years))
    result: dict[str, dict[int, Decimal]] = {code: {} for code in codes}
    for code, year, value in found.values_list("region__code", "year", "value"):
        result[code][year] = value
    return result


def values_of(figures: Iterable[KeyFigure], regions: Iterable[Region | str],
              years: Iterable[int]) -> dict[tuple[int, str, int], Decimal]:
    """{(figure_id, region_code, year): value} for several figures at once. One query."""
    found = KeyFigureValue.objects.filter(
        figure__in=list(figures), region__code__in=[_code(r) for r in regions],
        year__in=set(years), value__isnull=False)
    return {(figure_id, code, year): value for figure_id, code, year, value
            in found.values_list("figure_id", "region__code", "year", "value")}


def value_of(figure: KeyFigure, region: Region | str, year: int) -> Decimal | None:
    return (KeyFigureValue.objects
            .filter(figure=figure, region__code=_code(region), year=year)
            .values_list("value", flat=True).first())


def _municipality_values(figure: KeyFigure, year: int):
    return KeyFigureValue.objects.filter(figure=figure, year=year,
                                         region__kind=RegionKind.MUNICIPALITY,
                                         value__isnull=False)


def competition_ranks(values: list[Decimal]) -> list[int]:
    """The rank of each value, in order best first (values already sorted best first)."""
    ranks: list[int] = []
    for index, value in enumerate(values):
        ranks.append(ranks[-1] if index and value == values[index - 1] else index + 1)
    return ranks


def ranking(figure: KeyFigure, year: int) -> list[RankRow]:
    """Every municipality with a value in `year`, best first. One query."""
    order = "-value" if figure.higher_is_better else "value"
    rows = list(_municipality_values(figure, year).order_by(order, "region__code")
                .values_list("region__code", "region__name", "value"))
    ranks = competition_ranks([value for _, _, value in rows])
    return [RankRow(code, name, value, rank)
            for (code, name, value), rank in zip(rows, ranks, strict=True)]


@dataclass(frozen=True)
class Standing:
    value: Decimal | None
    rank: int | None
    count: int


RANKS_SQL = """
SELECT o.figure_id, o.year, o.value, f.higher_is_better,
       SUM(CASE WHEN v.value > o.value THEN 1 ELSE 0 END),
       SUM(CASE WHEN v.value < o.value THEN 1 ELSE 0 END),
       COUNT(*)
  FROM {values} o
  JOIN {regions} ours ON ours.id = o.region_id
  JOIN {figures} f ON f.id = o.figure_id
  JOIN {values} v ON v.figure_id = o.figure_id AND v.year = o.year
  JOIN {regions} r ON r.id = v.region_id
 WHERE ours.code = %s AND o.value IS NOT NULL AND o.figure_id IN ({figure_ids})
   AND o.year IN ({years})
   AND v.value IS NOT NULL AND r.kind = %s
 GROUP BY o.figure_id, o.year, o.value, f.higher_is_better
"""


def ranks_for(region: Region | str, pairs: Iterable[tuple[int, int]]
              ) -> dict[tuple[int, int], Standing]:
    """{(figure_id, year): Standing(value, rank, count)} of the region among all
    municipalities, for many figures and years in one query (counted in the database:
    rank = 1 + how many are better). Pairs where the region has no value are absent."""
    wanted = set(pairs)
    if not wanted:
        return {}
    figure_ids = sorted({figure_id for figure_id, _ in wanted})
    years = sorted({year for _, year in wanted})
    sql = RANKS_SQL.format(values=KeyFigureValue._meta.db_table,
                           figures=KeyFigure._meta.db_table,
                           regions=Region._meta.db_table,
                           figure_ids=", ".join(["%s"] * len(figure_ids)),
                           years=", ".join(["%s"] * len(years)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [_code(region), *figure_ids, *years, RegionKind.MUNICIPALITY.value])
        rows = cursor.fetchall()
    field = KeyFigureValue._meta.get_field("value")
    result = {}
    for figure_id, year, value, higher, above, below, total in rows:
        if (figure_id, year) in wanted:
            result[(figure_id, year)] = Standing(
                field.to_python(value), (above if higher else below) + 1, total)
    return result


def rank_of(figure: KeyFigure, year: int, region: Region | str) -> tuple[int | None, int]:
    """(rank, number ranked); rank None when the region has no value that year."""
    found = ranks_for(region, [(figure.pk, year)]).get((figure.pk, year))
    if found is None:
        return None, _municipality_values(figure, year).count()
    return found.rank, found.count


def latest_years(region: Region | str, figures: Iterable[KeyFigure] | None = None
                 ) -> dict[int, int]:
    """{figure_id: the latest year the region has a value}. One query."""
    found = KeyFigureValue.objects.filter(region__code=_code(region), value__isnull=False)
    if figures is not None:
        found = found.filter(figure__in=list(figures))
    return dict(found.values("figure_id").annotate(last=Max("year"))
                .values_list("figure_id", "last"))


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r; None under 3 points or when either variable does not vary."""
    n = len(xs)
    if n < 3:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if not sxx or not syy:
        return None
    return sxy / math.sqrt(sxx * syy)


def scatter(figure_x: KeyFigure, figure_y: KeyFigure, year: int) -> Scatter:
    """Every municipality with both values in `year`, and the correlation. One query."""
    rows = (KeyFigureValue.objects
            .filter(figure__in=[figure_x, figure_y], year=year,
                    region__kind=RegionKind.MUNICIPALITY, value__isnull=False)
            .values_list("figure_id", "region__code", "region__name", "value"))
    xs: dict[str, Decimal] = {}
    ys: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    for figure_id, code, name, value in rows:
        names[code] = name
        if figure_id == figure_x.pk:
            xs[code] = value
        if figure_id == figure_y.pk:
            ys[code] = value
    points = [Point(code, names[code], xs[code], ys[code]) for code in sorted(xs) if code in ys]
    correlation = pearson([float(p.x) for p in points], [float(p.y) for p in points])
    return Scatter(points, correlation)


def years_with_values(figure: KeyFigure) -> list[int]:
    return sorted(KeyFigureValue.objects.filter(figure=figure, value__isnull=False)
                  .values_list("year", flat=True).distinct())


def kostra_group_of(region: Region, year: int | None = None) -> Region | None:
    """The municipality's KOSTRA group in `year`, or the nearest earlier year's, or the
    latest known."""
    memberships = GroupMembership.objects.filter(member=region).select_related("group")
    if year is not None:
        earlier = memberships.filter(year__lte=year).order_by("-year").first()
        if earlier is not None:
            return earlier.group
    latest = memberships.order_by("-year").first()
    return latest.group if latest else None


def county_of(region: Region) -> Region | None:
    """The county aggregate of the municipalities (EKA34) when known, else the county
    (3400, or the region's own `county`)."""
    number = region.code[:2]
    found = {r.code: r for r in Region.objects.filter(code__in=[f"EKA{number}",
                                                                  f"{number}00"])}
    return (found.get(f"EKA{number}") or (region.county if region.county_id else None)
            or found.get(f"{number}00"))


def comparisons(municipality, year: int | None = None) -> Comparisons | None:
    """The municipality's region (by its number) with its KOSTRA group, county, country
    and country without Oslo, and its own comparison groups; None without a region."""
    from styringshjul.keyfigures.models import ComparisonGroup

    region = Region.objects.select_related("county").filter(code=municipality.number).first()
    if region is None:
        return None
    countries = {r.code: r for r in Region.objects.filter(
        code__in=[COUNTRY, COUNTRY_WITHOUT_OSLO])}
    groups = list(ComparisonGroup.objects.for_municipality(municipality)
                  .prefetch_related("members"))
    return Comparisons(region, kostra_group_of(region, year), county_of(region),
                       countries.get(COUNTRY), countries.get(COUNTRY_WITHOUT_OSLO), groups)


class FigureNotFound(LookupError):
    pass


def find_figure(code: str) -> KeyFigure:
    """The figure named by its content code, or `TABLE:CONTENTCODE` where the content code
    alone is ambiguous. Raises FigureNotFound saying why."""
    try:
        from styringshjul.keyfigures.catalogue import figure_by_code
    except ImportError:
        figure_by_code = None
    code = code.strip()
    if figure_by_code is not None:
        try:
            found = figure_by_code(code)
        except LookupError as error:  # unknown or ambiguous: their message, our type
            raise FigureNotFound(str(error)) from error
        if found is None:
            raise FigureNotFound(f"No key figure has the code {code}.")
        return found
    if ":" in code:
        table, content = code.split(":", 1)
        found = list(KeyFigure.objects.filter(table_id=table, content_code=content))
    else:
        found = list(KeyFigure.objects.filter(content_code=code))
    if not found:
        raise FigureNotFound(f"No key figure has the code {code}.")
    if len(found) > 1:
        raise FigureNotFound(
            f"The content code {code} is in several tables; give TABLE:CODE, one of "
            + ", ".join(figure.qualified_code for figure in found) + ".")
    return found[0]
