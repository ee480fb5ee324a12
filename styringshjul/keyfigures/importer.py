"""Import published key figures (a JSON-stat2 dataset, or a statbank CSV read into one) into
the regions, the catalogue and its values.

Region codes we do not know are added only when the file names them and the code has a
known shape (4-digit municipality, 4-digit county ending in 00, EKGxx, EKAxx, EAK, EAKUO);
any other region is reported with its values skipped. A figure the catalogue lacks is added,
named from the file's own label. Values are upserted in bulk, one row per (figure, region,
year); a status symbol is kept with no value. The same file twice changes nothing.
"""

import csv
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from styringshjul.keyfigures import jsonstat
from styringshjul.keyfigures.models import (
    KeyFigure,
    KeyFigureImport,
    KeyFigureValue,
    Region,
    RegionKind,
)
from styringshjul.lib.issues import Issue, Severity

MUNICIPALITIES_FILE = Path(__file__).resolve().parent / "data" / "municipalities_2026.csv"
KNOWN_STATUS = {".", "..", "...", ":"}
YEAR = re.compile(r"^(\d{4})")
BATCH = 5000


@dataclass
class ImportResult:
    source: str
    unchanged: bool = False
    created: int = 0
    updated: int = 0
    same: int = 0
    skipped: int = 0
    figures_added: list[str] = field(default_factory=list)
    regions_added: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def values(self) -> int:
        return self.created + self.updated + self.same

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)


def region_kind(code: str) -> str | None:
    """The kind of region a Statistics Norway code names, or None for a shape we do not
    know. No municipality number ends in 00 (Oslo is 0301), so NN00 is a county."""
    if code == "EAK":
        return RegionKind.COUNTRY
    if code == "EAKUO":
        return RegionKind.COUNTRY_WITHOUT_OSLO
    if re.fullmatch(r"EKG\d{2}", code):
        return RegionKind.KOSTRA_GROUP
    if re.fullmatch(r"EKA\d{2}", code):
        return RegionKind.OTHER
    if re.fullmatch(r"\d{2}00", code):
        return RegionKind.COUNTY
    if re.fullmatch(r"\d{4}", code):
        return RegionKind.MUNICIPALITY
    return None


def dataset_sha256(dataset: jsonstat.Dataset) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps([d.id for d in dataset.dimensions]).encode())
    for dimension in dataset.dimensions:
        digest.update(json.dumps(dimension.codes).encode())
    for value, status in zip(dataset.values, dataset.status, strict=True):
        digest.update(f"{value}|{status};".encode())
    return digest.hexdigest()


def import_dataset(
    dataset_or_rows: jsonstat.Dataset | dict[str, Any],
    *,
    source: str,
    sha256: str | None = None,
    user: Any = None,
    table_id: str = "",
) -> ImportResult:
    dataset = (dataset_or_rows if isinstance(dataset_or_rows, jsonstat.Dataset)
               else jsonstat.read(dataset_or_rows))
    sha256 = sha256 or dataset_sha256(dataset)
    result = ImportResult(source=source)
    if KeyFigureImport.objects.filter(sha256=sha256).exists():
        result.unchanged = True
        return result
    table = table_id or dataset.table_id or _table_from_label(dataset.label)
    shape = _shape(dataset, result)
    if not table:
        result.issues.append(Issue("no_table", _(
            "The file does not say which statbank table it is from; give the table id.")))
    if shape is None or not table:
        return result
    with transaction.atomic():
        _Import(dataset, table, shape, result).run()
        KeyFigureImport.objects.create(source=source[:500], sha256=sha256,
                                       values=result.values, imported_by=user)
    return result


def _table_from_label(label: str) -> str:
    match = re.match(r"\s*(?:Tabell\s+)?(\d{5})\b", label)
    return match.group(1) if match else ""


def _shape(dataset: jsonstat.Dataset, result: ImportResult) -> tuple[str, str, str] | None:
    roles = [dataset.role(role) for role in ("geo", "metric", "time")]
    missing = [name for name, d in zip(("region", "contents", "time"), roles, strict=True)
               if d is None]
    if missing:
        result.issues.append(Issue("missing_dimension", _(
            "The file has no %(dimension)s dimension.") % {"dimension": ", ".join(missing)},
            value=", ".join(dataset.ids)))
        return None
    return roles[0].id, roles[1].id, roles[2].id


class _Import:
    def __init__(self, dataset, table, shape, result):
        self.dataset = dataset
        self.table = table
        self.region_id, self.contents_id, self.time_id = shape
        self.others = [i for i in dataset.ids if i not in shape]
        self.result = result

    def run(self) -> None:
        regions = self._regions()
        figures = self._figures()
        years = self._years()
        ids = self.dataset.ids
        region_at, contents_at, time_at = (ids.index(i) for i in (
            self.region_id, self.contents_id, self.time_id))
        others_at = [ids.index(i) for i in self.others]
        rows: dict[tuple[int, int, int], tuple[Decimal | None, str]] = {}
        cells = zip(self.dataset.keys(), self.dataset.values, self.dataset.status, strict=True)
        for key, value, status in cells:
            figure = figures.get((key[contents_at], tuple(key[i] for i in others_at)))
            region = regions.get(key[region_at])
            year = years.get(key[time_at])
            if figure is None or region is None or year is None:
                self.result.skipped += 1
                continue
            rows[(figure, region, year)] = (
                (value, "") if value is not None else self._status(key, status))
        self._save(rows)

    def _status(self, key: tuple[str, ...], status: str) -> tuple[None, str]:
        status = status or ".."
        if status not in KNOWN_STATUS:
            self.result.issues.append(Issue(
                "unknown_status", _("Unknown status symbol; stored without a value."),
                column=" ".join(key), value=status, severity=Severity.WARNING))
        return None, status[:4]

    # Regions -----------------------------------------------------------------------------

    def _regions(self) -> dict[str, int]:
        dimension = self.dataset.dimension(self.region_id)
        known = dict(Region.objects.filter(code__in=dimension.codes).values_list("code", "pk"))
        municipalities = _municipality_codes()
        for category in dimension.categories:
            if category.code in known:
                continue
            region = self._new_region(category, municipalities)
            if region is not None:
                known[category.code] = region.pk
        return known

    def _new_region(self, category, municipalities) -> Region | None:
        kind = region_kind(category.code)
        name = _strip_code(category.code, category.label)
        if kind is None or not name:
            self.result.issues.append(Issue(
                "unknown_region", _("Unknown region; its values were not imported."),
                column=self.region_id, value=f"{category.code} {category.label}".strip()))
            return None
        if kind == RegionKind.MUNICIPALITY and municipalities and (
                category.code not in municipalities):
            self.result.issues.append(Issue(
                "former_municipality",
                _("Region not in the current list of municipalities; added from the file."),
                column=self.region_id, value=f"{category.code} {name}",
                severity=Severity.WARNING))
        county = Region.objects.filter(code=_county_code(category.code, kind)).first()
        region = Region.objects.create(code=category.code, name=name[:200], kind=kind,
                                       county=county)
        self.result.regions_added.append(category.code)
        return region

    # Figures -----------------------------------------------------------------------------

    def _figures(self) -> dict[tuple, int]:
        """Each (content code, other coordinates) of the file → figure id. A catalogue
        figure with a `selection` takes only the cells matching it; a content code the
        catalogue lacks becomes a new figure (one per combination of the other dimensions
        when the table has any)."""
        contents = self.dataset.dimension(self.contents_id)
        catalogue = list(KeyFigure.objects.filter(table_id=self.table))
        by_code: dict[str, list[KeyFigure]] = {}
        for figure in catalogue:
            by_code.setdefault(figure.content_code, []).append(figure)
        by_name = {figure.name.lower(): figure for figure in catalogue}
        mapping: dict[tuple, int] = {}
        for key in self._combinations():
            code, others = key
            selection = dict(others)
            figures = by_code.get(code) or by_code.get(self._new_code(key)) or (
                [by_name[contents.label_of(code).lower()]]
                if contents.label_of(code).lower() in by_name else [])
            match = next((f for f in figures if _selected(f.selection, selection)), None)
            if match is None and not figures:
                match = self._add_figure(key, contents)
                by_code.setdefault(match.content_code, []).append(match)
            if match is not None:
                mapping[(code, tuple(value for _dim, value in others))] = match.pk
        return mapping

    def _combinations(self) -> Iterable[tuple[str, tuple[tuple[str, str], ...]]]:
        codes = [self.dataset.dimension(d).codes for d in self.others]
        for code in self.dataset.dimension(self.contents_id).codes:
            for combination in product(*codes):
                yield code, tuple(zip(self.others, combination, strict=True))

    def _new_code(self, key) -> str:
        code, others = key
        varying = [value for dim, value in others if len(self.dataset.dimension(dim)) > 1]
        return ".".join([code, *varying])[:100]

    def _add_figure(self, key, contents: jsonstat.Dimension) -> KeyFigure:
        code, others = key
        parts = [_strip_code(code, contents.label_of(code))]
        parts += [_strip_code(value, self.dataset.dimension(dim).label_of(value))
                  for dim, value in others if len(self.dataset.dimension(dim)) > 1]
        category = next(c for c in contents.categories if c.code == code)
        figure = KeyFigure.objects.create(
            table_id=self.table, content_code=self._new_code(key),
            selection=dict(others), name=", ".join(p for p in parts if p)[:300] or code,
            unit=str(category.unit.get("base") or "")[:50],
            description=_("Added from %(source)s.") % {"source": self.result.source},
        )
        self.result.figures_added.append(figure.qualified_code)
        return figure

    # Years and values ----------------------------------------------------------------------

    def _years(self) -> dict[str, int]:
        years = {}
        for code in self.dataset.dimension(self.time_id).codes:
            match = YEAR.match(code)
            if match and code == match.group(1):
                years[code] = int(code)
            else:
                self.result.issues.append(Issue(
                    "not_a_year", _("Not a year; only yearly figures are imported."),
                    column=self.time_id, value=code))
        return years

    def _save(self, rows: dict[tuple[int, int, int], tuple[Decimal | None, str]]) -> None:
        figures = {key[0] for key in rows}
        years = {key[2] for key in rows}
        existing = {
            (f, r, y): (value, status)
            for f, r, y, value, status in KeyFigureValue.objects.filter(
                figure_id__in=figures, year__in=years).values_list(
                "figure_id", "region_id", "year", "value", "status")
        }
        changed = []
        for key, (value, status) in rows.items():
            old = existing.get(key)
            if old is not None and _same(old, (value, status)):
                self.result.same += 1
                continue
            if old is None:
                self.result.created += 1
            else:
                self.result.updated += 1
            changed.append((*key, value, status))
        _upsert(changed)


def _upsert(rows: list[tuple[int, int, int, Decimal | None, str]]) -> None:
    """INSERT … ON CONFLICT DO UPDATE, past the ORM: building 140 000 model objects costs
    more than the database's work. SQLite (≥ 3.24) takes the rows in batches; PostgreSQL
    gets them by COPY into a temporary table, several times faster than single inserts."""
    if not rows:
        return
    meta = KeyFigureValue._meta
    quote = connection.ops.quote_name
    columns = [quote(meta.get_field(name).column)
               for name in ("figure", "region", "year", "value", "status")]
    conflict = (f"ON CONFLICT ({', '.join(columns[:3])}) "
                f"DO UPDATE SET {columns[3]} = excluded.{columns[3]}, "
                f"{columns[4]} = excluded.{columns[4]}")
    into = f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)})"
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _upsert_by_copy(cursor, rows, into, conflict, quote(meta.db_table), columns)
            return
        for start in range(0, len(rows), BATCH):
            cursor.executemany(f"{into} VALUES (%s, %s, %s, %s, %s) {conflict}",
                               rows[start:start + BATCH])


def _upsert_by_copy(cursor, rows: list, into: str, conflict: str, table: str,
                    columns: list[str]) -> None:
    """A temporary table shaped like the values table, filled by COPY, then one upsert from
    it."""
    cursor.execute(f"CREATE TEMPORARY TABLE incoming_key_figure_values ON COMMIT DROP AS "
                   f"SELECT {', '.join(columns)} FROM {table} WITH NO DATA")
    with cursor.cursor.copy(f"COPY incoming_key_figure_values ({', '.join(columns)}) "
                            f"FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(f"{into} SELECT {', '.join(columns)} FROM incoming_key_figure_values "
                   f"{conflict}")
    # dropped now too: an import inside a longer transaction (a savepoint) may come again
    cursor.execute("DROP TABLE incoming_key_figure_values")


def _same(old: tuple[Decimal | None, str], new: tuple[Decimal | None, str]) -> bool:
    if old[1] != new[1] or (old[0] is None) != (new[0] is None):
        return False
    return old[0] is None or old[0].quantize(Decimal("0.0001")) == new[0].quantize(
        Decimal("0.0001"))


def _selected(wanted: dict, coords: dict) -> bool:
    return all(coords.get(dim) == value for dim, value in (wanted or {}).items()
               if dim in coords)


def _strip_code(code: str, label: str) -> str:
    """`"3439 Ringebu"` or `"Ringebu"` → `"Ringebu"`; a label that only repeats the code is
    no name at all."""
    label = label.strip()
    if label.startswith(code + " "):
        label = label[len(code) + 1:].strip()
    return "" if label == code else label


def _county_code(code: str, kind: str) -> str:
    if kind == RegionKind.MUNICIPALITY:
        return f"{code[:2]}00"
    return f"{code[-2:]}00" if code.startswith("EKA") else ""


def _municipality_codes() -> set[str]:
    try:
        with MUNICIPALITIES_FILE.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            return {row["kommunenummer"] for row in csv.DictReader(lines)}
    except (OSError, KeyError):
        return set()
