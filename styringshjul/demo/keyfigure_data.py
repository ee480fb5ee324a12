"""A synthetic national KOSTRA dataset for the demo, in the shape Statistics Norway's
statbank returns (JSON-stat2): one dataset per table, regions × content codes × years, with
all 357 municipalities, the KOSTRA groups, the counties, the country (EAK) and the country
without Oslo (EAKUO), and a few status symbols (`..` not available, `.` not possible).

The numbers are invented — every dataset says so in `extension` — but plausibly spread: each
municipality gets a synthetic KOSTRA group from its population and a pseudo-random draw of
"bundne kostnader" and "frie inntekter"; small municipalities spend more per inhabitant;
kroner grow with prices over the years. Ringebu (3439) has a story: a high cost per pupil and
users who are content.

Framework-free and deterministic: the same figures, years and seed give the same bytes.
"""

import csv
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = "Styringshjul demo – syntetiske tall"
EXTENSION = {"synthetic": True, "source": SOURCE}
DEFAULT_SEED = 2026
YEARS = range(2016, 2026)
REGION_DIMENSION = "KOKkommuneregion0000"
RINGEBU = "3439"
OSLO = "0301"
COUNTRY, COUNTRY_WITHOUT_OSLO = "EAK", "EAKUO"
MUNICIPALITIES_CSV = (Path(__file__).resolve().parent.parent / "keyfigures" / "data"
                      / "municipalities_2026.csv")
# The one municipality that moves to another KOSTRA group (groups change between years).
MOVER, MOVER_FROM_YEAR, MOVER_GROUP = "3438", 2024, "EKG01"
UPDATED = "2026-06-15T08:00:00Z"


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    county: str
    population: int

    @property
    def county_number(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class FigureSpec:
    """What the generator needs of a catalogue figure."""

    table_id: str
    content_code: str
    name: str
    unit: str = ""
    higher_is_better: bool = True
    service: str = ""
    indicator_kind: str = ""
    selection: dict = field(default_factory=dict, hash=False, compare=False)


def as_spec(figure) -> FigureSpec:
    """A FigureSpec from a KeyFigure, a catalogue entry (object or dict) or a FigureSpec."""
    if isinstance(figure, FigureSpec):
        return figure

    def get(name, default=""):
        if isinstance(figure, dict):
            return figure.get(name, default)
        return getattr(figure, name, default)

    return FigureSpec(
        table_id=str(get("table_id")), content_code=str(get("content_code")),
        name=str(get("name")), unit=str(get("unit") or ""),
        higher_is_better=bool(get("higher_is_better", True)),
        service=str(get("service") or ""), indicator_kind=str(get("indicator_kind") or ""),
        selection=dict(get("selection", None) or {}))


def load_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[Municipality]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [Municipality(row["kommunenummer"], row["name"], row["county"],
                             int(row["population_2025"])) for row in rows]


# KOSTRA groups ------------------------------------------------------------------------------

LEVELS = ("Lave", "Middels", "Høye")
GROUP_NAMES = {f"EKG{n:02d}": f"KOSTRA-gruppe {n}" for n in range(1, 18)}
SMALL_GROUPS = {  # 2 000 – 9 999 inhabitants: (bundne kostnader, frie inntekter) → group
    ("Lave", "Lave"): "EKG01", ("Lave", "Middels"): "EKG02", ("Lave", "Høye"): "EKG03",
    ("Høye", "Lave"): "EKG04", ("Høye", "Middels"): "EKG05", ("Høye", "Høye"): "EKG06",
}
SIZE_GROUPS = ((75_000, "EKG12"), (45_000, "EKG11"), (30_000, "EKG10"), (20_000, "EKG09"))


def _draw(seed: int, *parts: object) -> random.Random:
    """A generator of its own for each thing drawn, so adding a figure changes nothing else."""
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _levels(code: str, seed: int) -> tuple[str, str, float]:
    rng = _draw(seed, "levels", code)
    bound = "Lave" if rng.random() < 0.55 else "Høye"
    income = rng.random()
    return bound, LEVELS[0 if income < 0.5 else 1 if income < 0.8 else 2], income


def _group_by_size(municipality: Municipality, bound: str, income: str) -> str:
    population = municipality.population
    for threshold, group in SIZE_GROUPS:
        if population >= threshold:
            return group
    if population >= 10_000:
        return "EKG07" if income == "Lave" else "EKG08"
    if population >= 2_000:
        return SMALL_GROUPS[bound, income]
    if population >= 600:
        return "EKG15" if income == "Høye" else "EKG14"
    return "EKG16"


def kostra_groups(municipalities: Sequence[Municipality], seed: int = DEFAULT_SEED
                  ) -> dict[str, str]:
    """Each municipality's synthetic KOSTRA group (the groups of 2020: population, bundne
    kostnader, frie inntekter; EKG13 Oslo; EKG17 the eight richest)."""
    drawn = {m.code: _levels(m.code, seed) for m in municipalities}
    richest = sorted((m for m in municipalities if m.population < 20_000 and m.code != RINGEBU),
                     key=lambda m: (-drawn[m.code][2], m.code))[:8]
    groups = {}
    for municipality in municipalities:
        bound, income, _ = drawn[municipality.code]
        groups[municipality.code] = _group_by_size(municipality, bound, income)
    groups.update({m.code: "EKG17" for m in richest})
    if OSLO in groups:
        groups[OSLO] = "EKG13"
    return groups


def group_membership(municipalities: Sequence[Municipality], years: Iterable[int],
                     seed: int = DEFAULT_SEED) -> dict[int, dict[str, str]]:
    """{year: {municipality: group}}; Sør-Fron moves to EKG01 from 2024."""
    base = kostra_groups(municipalities, seed)
    membership = {}
    for year in years:
        groups = dict(base)
        if year >= MOVER_FROM_YEAR and MOVER in groups:
            groups[MOVER] = MOVER_GROUP
        membership[year] = groups
    return membership


def county_code(county_number: str, style: str = "EKA") -> str:
    """The county's aggregate as a KOSTRA table names it (EKA34), or as the county (3400)."""
    return f"EKA{county_number}" if style == "EKA" else f"{county_number}00"


# Values -------------------------------------------------------------------------------------

GROUP_COST = {  # how much more (or less) a group spends than the country, per inhabitant
    "EKG01": 0.10, "EKG02": 0.14, "EKG03": 0.22, "EKG04": 0.12, "EKG05": 0.16,
    "EKG06": 0.25, "EKG07": 0.02, "EKG08": 0.06, "EKG09": -0.03, "EKG10": -0.06,
    "EKG11": -0.08, "EKG12": -0.10, "EKG13": -0.04, "EKG14": 0.30, "EKG15": 0.40,
    "EKG16": 0.55, "EKG17": 0.60,
}


@dataclass(frozen=True)
class Profile:
    """How one figure is spread: level, spread between municipalities, yearly change."""

    level: float
    spread: float
    trend: float
    size_effect: float
    decimals: int
    bounded: bool


def _kind(spec: FigureSpec) -> str:
    unit = f"{spec.unit} {spec.name}".lower()
    if "prosent" in unit or "%" in unit or "andel" in unit:
        return "percent"
    if "kroner" in unit or "kr " in f"{unit} " or "1000 kr" in unit:
        return "kroner_per_inhabitant" if "innbygger" in unit else "kroner"
    if "skala" in unit:
        return "score"
    return "count"


# Typical levels by words of the figure's name (first match), so the invented numbers are
# of the right size: kroner per pupil, fees, shares of the budget …
TYPICAL = (
    ("grunnskolepoeng", 39, 44), ("elever per lærer", 11, 16), ("per årsverk", 5.2, 6.5),
    ("legetimer", 0.3, 0.8), ("stønadslengde", 3, 6), ("folkebibliotek", 2, 6),
    ("gebyr", 2_500, 6_500), ("per elev", 115_000, 150_000),
    ("plass i institusjon", 1_150_000, 1_350_000), ("barnevernstiltak per", 350_000, 500_000),
    ("per barn med", 350_000, 500_000), ("per barn", 200_000, 250_000),
    ("mottaker av hjemme", 250_000, 350_000), ("per mottaker", 45_000, 70_000),
    ("per km", 90_000, 150_000), ("i alt per innbygger", 80_000, 100_000),
    ("frie inntekter", 60_000, 70_000), ("innbygger 1-5 år", 150_000, 190_000),
    ("innbygger 6-15 år", 110_000, 130_000), ("innbygger 0-22 år", 9_000, 13_000),
    ("innbygger 20-66 år", 3_500, 6_000), ("omsorg per innbygger", 22_000, 30_000),
    ("kultur", 2_200, 3_200), ("idrett", 500, 1_000), ("driftsresultat", 0.5, 3.5),
    ("disposisjonsfond", 6, 14), ("lånegjeld", 70, 110), ("arbeidskapital", 10, 25),
    ("totale netto", 28, 35), ("barnehageplass", 88, 94), ("sykehjem", 9, 14),
    ("hjemmetjenester", 28, 34), ("spesialundervisning", 6, 9), ("sfo", 45, 65),
    ("barnevernstiltak", 2.5, 4.5), ("sosialhjelpsmottakere", 2.5, 5), ("3 måneder", 80, 95),
    ("enerom", 88, 98), ("materialgjenvinning", 30, 45), ("fornyet", 0.4, 1.2),
    ("barnehagelærer", 38, 48),
)


def _typical(spec: FigureSpec, low: float, high: float) -> tuple[float, float]:
    name = spec.name.lower()
    return next(((lo, hi) for word, lo, hi in TYPICAL if word in name), (low, high))


def profile(spec: FigureSpec, seed: int = DEFAULT_SEED) -> Profile:
    rng = _draw(seed, "profile", spec.table_id, spec.content_code)
    kind = _kind(spec)
    if kind == "percent":
        level = rng.uniform(*_typical(spec, 15, 90))
        return Profile(level, rng.uniform(0.06, 0.15), level * rng.uniform(-0.01, 0.015),
                       rng.uniform(-0.08, 0.08), 1, spec.name.lower().startswith("andel"))
    if kind == "kroner_per_inhabitant":
        return Profile(rng.uniform(*_typical(spec, 800, 25_000)), rng.uniform(0.12, 0.22),
                       0.035, 1.0, 0, False)
    if kind == "kroner":
        return Profile(rng.uniform(*_typical(spec, 40_000, 900_000)), rng.uniform(0.10, 0.2),
                       0.03, 0.6, 0, False)
    if kind == "score":
        return Profile(rng.uniform(4.2, 5.2), rng.uniform(0.03, 0.06), rng.uniform(0, 0.02),
                       0.0, 1, False)
    level = rng.uniform(*_typical(spec, 5, 120))
    return Profile(level, rng.uniform(0.04, 0.1), level * rng.uniform(-0.01, 0.01),
                   rng.uniform(-0.3, 0.3), 2 if level < 10 else 1, False)


def _story(spec: FigureSpec, kind_: str) -> float:
    """Ringebu's position in the spread (in standard deviations): dear schools, content
    users, otherwise near its group."""
    name = spec.name.lower()
    if kind_ in ("kroner", "kroner_per_inhabitant") and ("elev" in name or
                                                         "grunnskole" in name):
        return 1.8
    if "tilfreds" in name or spec.indicator_kind == "quality" or kind_ == "score":
        return 1.5 if spec.higher_is_better else -1.5
    return 0.3


def _value(profile_: Profile, group: str, effect: float, index: int,
           noise: float) -> float:
    size = GROUP_COST.get(group, 0.0) * profile_.size_effect
    if profile_.decimals:  # shares and counts: a trend in points, a spread around the level
        value = (profile_.level * (1 + size) + profile_.trend * index
                 + profile_.level * profile_.spread * (effect + 0.3 * noise))
        return min(100.0, max(0.0, value)) if profile_.bounded else value
    growth = (1 + profile_.trend) ** index
    return profile_.level * (1 + size) * growth * math.exp(
        profile_.spread * (effect + 0.25 * noise))


def _status(code: str, year: int, last_year: int, draw: float) -> str:
    """A few cells without a value, as in the statbank: late reporters in the last year,
    services some small municipalities do not have."""
    if code == RINGEBU:
        return ""
    if year == last_year and draw < 0.01:
        return ".."
    if draw < 0.002:
        return "."
    return ""


def _rounded(value: float, decimals: int) -> float | int:
    return round(value, decimals) if decimals else int(round(value))


def municipality_values(spec: FigureSpec, municipalities: Sequence[Municipality],
                        membership: dict[int, dict[str, str]], years: Sequence[int],
                        seed: int = DEFAULT_SEED) -> dict[tuple[str, int], float | str]:
    """{(code, year): value or status symbol} for every municipality."""
    profile_ = profile(spec, seed)
    cells: dict[tuple[str, int], float | str] = {}
    for municipality in municipalities:
        code = municipality.code
        rng = _draw(seed, "cells", spec.table_id, spec.content_code, code)
        effect = _story(spec, _kind(spec)) if code == RINGEBU else rng.gauss(0, 1)
        for index, year in enumerate(years, start=1 - len(years)):  # the level is the last year's
            status = _status(code, year, years[-1], rng.random())
            value = _value(profile_, membership[year][code], effect, index, rng.gauss(0, 1))
            cells[code, year] = status or _rounded(value, profile_.decimals)
    return cells


def aggregate_keys(municipalities: Sequence[Municipality],
                   membership: dict[int, dict[str, str]], years: Sequence[int],
                   county_style: str = "EKA") -> dict[int, list[tuple[str, int, tuple]]]:
    """{year: [(municipality, population, the aggregates it counts in)]}."""
    keys = {}
    for year in years:
        keys[year] = [(m.code, m.population, (
            membership[year][m.code], county_code(m.county_number, county_style), COUNTRY,
            *(() if m.code == OSLO else (COUNTRY_WITHOUT_OSLO,)))) for m in municipalities]
    return keys


def aggregates(cells: dict[tuple[str, int], float | str],
               keys: dict[int, list[tuple[str, int, tuple]]], decimals: int
               ) -> dict[tuple[str, int], float | None]:
    """Population-weighted averages of the municipalities with a value: KOSTRA groups (by
    the year's membership), counties, the country and the country without Oslo."""
    result: dict[tuple[str, int], float | None] = {}
    for year, members in keys.items():
        sums: dict[str, list[float]] = {}
        for code, population, regions in members:
            value = cells[code, year]
            if isinstance(value, str):
                continue
            for region in regions:
                total = sums.setdefault(region, [0.0, 0])
                total[0] += value * population
                total[1] += population
        for region, (weighted, weight) in sums.items():
            result[region, year] = _rounded(weighted / weight, decimals) if weight else None
    return result


# JSON-stat2 ---------------------------------------------------------------------------------

def aggregate_regions(municipalities: Sequence[Municipality], county_style: str = "EKA"
                      ) -> dict[str, str]:
    """{code: label} of the aggregate rows, in the statbank's order."""
    regions = {COUNTRY: "Landet", COUNTRY_WITHOUT_OSLO: "Landet uten Oslo"}
    for municipality in municipalities:
        code = county_code(municipality.county_number, county_style)
        regions.setdefault(code, f"{municipality.county} (kommunene)" if county_style == "EKA"
                           else municipality.county)
    regions.update(GROUP_NAMES)
    return regions


def _tables(specs: Iterable[FigureSpec]) -> dict[tuple, list[FigureSpec]]:
    tables: dict[tuple, list[FigureSpec]] = {}
    for spec in specs:
        key = (spec.table_id, tuple(sorted(spec.selection.items())))
        if all(s.content_code != spec.content_code for s in tables.get(key, [])):
            tables.setdefault(key, []).append(spec)
    return tables


def _dimension(label: str, labels: dict[str, str], **extra) -> dict:
    category = {"index": {code: i for i, code in enumerate(labels)}, "label": labels}
    category.update(extra)
    return {"label": label, "category": category}


def _unit(spec: FigureSpec, seed: int) -> dict:
    return {"base": spec.unit or "antall", "decimals": profile(spec, seed).decimals}


def _dataset_cells(spec: FigureSpec, municipalities, membership, years, seed, county_style):
    cells = municipality_values(spec, municipalities, membership, years, seed)
    keys = aggregate_keys(municipalities, membership, years, county_style)
    return cells, aggregates(cells, keys, profile(spec, seed).decimals)


def dataset(table_id: str, selection: dict, specs: Sequence[FigureSpec],
            municipalities: Sequence[Municipality], membership: dict[int, dict[str, str]],
            years: Sequence[int], seed: int = DEFAULT_SEED, county_style: str = "EKA") -> dict:
    """One table as the statbank's JSON-stat2 answer (values row-major over `id`)."""
    regions = {m.code: m.name for m in municipalities}
    regions.update(aggregate_regions(municipalities, county_style))
    extra = list(selection)
    ids = [REGION_DIMENSION, *extra, "ContentsCode", "Tid"]
    dimension = {REGION_DIMENSION: _dimension("region", regions)}
    for name, code in selection.items():
        dimension[name] = _dimension(name, {code: code})
    dimension["ContentsCode"] = _dimension(
        "statistikkvariabel", {s.content_code: s.name for s in specs},
        unit={s.content_code: _unit(s, seed) for s in specs})
    dimension["Tid"] = _dimension("år", {str(y): str(y) for y in years})
    values: list = []
    status: dict[str, str] = {}
    computed = [_dataset_cells(s, municipalities, membership, years, seed, county_style)
                for s in specs]
    for region in regions:
        for cells, totals in computed:
            for year in years:
                cell = cells.get((region, year), totals.get((region, year)))
                if isinstance(cell, str):
                    status[str(len(values))] = cell
                    cell = None
                values.append(cell)
    return {
        "version": "2.0", "class": "dataset",
        "label": f"{table_id}: Utvalgte nøkkeltall (syntetiske tall)",
        "source": SOURCE, "updated": UPDATED, "id": ids,
        "size": [len(regions), *([1] * len(extra)), len(specs), len(years)],
        "dimension": dimension, "value": values, "status": status,
        "role": {"geo": [REGION_DIMENSION], "metric": ["ContentsCode"], "time": ["Tid"]},
        "extension": {"px": {"tableid": table_id, "language": "no"}, **EXTENSION},
    }


def national_dataset(figures: Iterable, years: Iterable[int] = YEARS, seed: int = DEFAULT_SEED,
                     municipalities: Sequence[Municipality] | None = None,
                     county_style: str = "EKA") -> dict[str, dict]:
    """{file stem: JSON-stat2 dataset}, one per statbank table (and selection of its further
    dimensions) of `figures`, for every municipality and aggregate region over `years`."""
    municipalities = list(municipalities or load_municipalities())
    years = list(years)
    membership = group_membership(municipalities, years, seed)
    datasets = {}
    for (table_id, selection), specs in sorted(_tables(map(as_spec, figures)).items()):
        stem = "-".join([table_id, *(code for _, code in selection)])
        datasets[stem] = dataset(table_id, dict(selection), specs, municipalities, membership,
                                 years, seed, county_style)
    return datasets


def dumps(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_dataset(path: Path, data: dict) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dumps(data))
    return path


def write_national_dataset(folder: Path, figures: Iterable, years: Iterable[int] = YEARS,
                           seed: int = DEFAULT_SEED, county_style: str = "EKA") -> list[Path]:
    """Writes one `<table>.json` per table into `folder`; returns the paths in order."""
    datasets = national_dataset(figures, years, seed, county_style=county_style)
    return [write_dataset(Path(folder) / f"{stem}.json", data)
            for stem, data in datasets.items()]

