"""A reader for JSON-stat 2.0 datasets as Statistics Norway's statbank answers them.

Framework-free: a dataset becomes its dimensions (id, label, categories in index order with
their labels and units), and its cells in row-major order over the dataset's `id` list —
the last dimension varies fastest. Missing values are `None`; the status of a cell (`.` not
possible, `..` not available, `:` confidential) comes from `status` given as one string, a
list or an `{index: symbol}` object.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import product
from math import prod
from typing import Any

GEO_NAMES = ("region",)
TIME_NAMES = ("tid", "time", "år", "year")
METRIC_NAMES = ("contentscode", "statistikkvariabel")


class JsonStatError(ValueError):
    """The data is not a JSON-stat 2.0 dataset we can read; `code` is stable."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    unit: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    categories: tuple[Category, ...]
    role: str = ""

    @property
    def codes(self) -> list[str]:
        return [category.code for category in self.categories]

    def label_of(self, code: str) -> str:
        return next((c.label for c in self.categories if c.code == code), code)

    def __len__(self) -> int:
        return len(self.categories)


@dataclass(frozen=True)
class Cell:
    coords: dict[str, str]
    value: Decimal | None
    status: str


@dataclass
class Dataset:
    label: str
    dimensions: list[Dimension]
    values: list[Decimal | None]
    status: list[str]
    extension: dict[str, Any] = field(default_factory=dict)
    updated: str = ""

    @property
    def ids(self) -> list[str]:
        return [dimension.id for dimension in self.dimensions]

    @property
    def sizes(self) -> list[int]:
        return [len(dimension) for dimension in self.dimensions]

    @property
    def table_id(self) -> str:
        px = self.extension.get("px") or {}
        return str(px.get("tableid") or px.get("tableId") or "")

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def role(self, role: str) -> Dimension | None:
        """The dimension playing `role` (geo, time, metric): declared, else guessed by name."""
        for dimension in self.dimensions:
            if dimension.role == role:
                return dimension
        names = {"geo": GEO_NAMES, "time": TIME_NAMES, "metric": METRIC_NAMES}[role]
        for dimension in self.dimensions:
            lowered = dimension.id.lower()
            if lowered in names or (role == "geo" and "region" in lowered):
                return dimension
        return None

    def keys(self) -> Iterator[tuple[str, ...]]:
        """The codes of every cell in `ids` order, row-major (the last varies fastest)."""
        return product(*(dimension.codes for dimension in self.dimensions))

    def cells(self) -> Iterator[Cell]:
        """Every cell, row-major over `ids`."""
        ids = self.ids
        for key, value, status in zip(self.keys(), self.values, self.status, strict=True):
            yield Cell(dict(zip(ids, key, strict=True)), value, status)


def loads(data: bytes | str) -> Dataset:
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise JsonStatError("not_json", str(exc)) from exc
    return read(document)


def read(document: Any) -> Dataset:
    """A dataset from the parsed JSON; a `collection` or bundle yields its first dataset."""
    if not isinstance(document, dict):
        raise JsonStatError("not_dataset")
    if document.get("class") == "collection":
        items = (document.get("link") or {}).get("item") or []
        if not items:
            raise JsonStatError("not_dataset")
        return read(items[0])
    if document.get("class") != "dataset" and "dataset" in document:
        return read({"class": "dataset", **document["dataset"]})
    dimensions = read_dimensions(document)
    total = prod(len(d) for d in dimensions)
    return Dataset(
        label=str(document.get("label") or ""),
        dimensions=dimensions,
        values=_values(document.get("value"), total),
        status=_status(document.get("status"), total),
        extension=document.get("extension") or {},
        updated=str(document.get("updated") or ""),
    )


def read_dimensions(document: dict[str, Any]) -> list[Dimension]:
    """The dimensions alone (a metadata answer has no values)."""
    ids, sizes = document.get("id"), document.get("size")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise JsonStatError("no_dimensions")
    roles = _roles(document.get("role") or {})
    dimensions = [
        _dimension(dimension_id, (document.get("dimension") or {}).get(dimension_id),
                   roles.get(dimension_id, ""))
        for dimension_id in ids
    ]
    if [len(d) for d in dimensions] != [int(s) for s in sizes]:
        raise JsonStatError("size_mismatch", f"{sizes}")
    return dimensions


def _roles(role: dict[str, list[str]]) -> dict[str, str]:
    return {dimension_id: name for name, ids in role.items() for dimension_id in ids or []}


def _dimension(dimension_id: str, spec: Any, role: str) -> Dimension:
    if not isinstance(spec, dict):
        raise JsonStatError("missing_dimension", dimension_id)
    category = spec.get("category") or {}
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        codes = [str(code) for code, _ in sorted(index.items(), key=lambda item: item[1])]
    else:  # a single category may be given by its label alone
        codes = [str(code) for code in labels]
    units = category.get("unit") or {}
    categories = tuple(
        Category(code, str(labels.get(code, code)), units.get(code) or {}) for code in codes
    )
    return Dimension(dimension_id, str(spec.get("label") or dimension_id), categories, role)


def _values(raw: Any, total: int) -> list[Decimal | None]:
    if isinstance(raw, dict):
        values: list[Any] = [None] * total
        for key, value in raw.items():
            values[int(key)] = value
    elif isinstance(raw, list):
        if len(raw) != total:
            raise JsonStatError("value_count", f"{len(raw)} != {total}")
        values = raw
    else:
        raise JsonStatError("no_values")
    return [_decimal(value) for value in values]


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise JsonStatError("bad_value", str(value)) from exc


def _status(raw: Any, total: int) -> list[str]:
    if raw is None:
        return [""] * total
    if isinstance(raw, str):
        return [raw] * total
    if isinstance(raw, list):
        if len(raw) == 1:
            return [str(raw[0] or "")] * total
        return [str(symbol or "") for symbol in raw] + [""] * (total - len(raw))
    if isinstance(raw, dict):
        status = [""] * total
        for key, symbol in raw.items():
            status[int(key)] = str(symbol or "")
        return status
    raise JsonStatError("bad_status")


def build(
    label: str,
    dimensions: list[Dimension],
    cells: dict[tuple[str, ...], tuple[Decimal | None, str]],
    extension: dict[str, Any] | None = None,
) -> Dataset:
    """A dataset from cells keyed by their codes in `dimensions` order (absent cells null)."""
    values: list[Decimal | None] = []
    status: list[str] = []
    for key in product(*(d.codes for d in dimensions)):
        value, symbol = cells.get(key, (None, ""))
        values.append(value)
        status.append(symbol)
    return Dataset(label, dimensions, values, status, extension or {})


def merge(datasets: list[Dataset]) -> Dataset:
    """One dataset from parts with the same dimensions (answers to a split request):
    categories are united in order of first appearance."""
    if not datasets:
        raise JsonStatError("no_datasets")
    first = datasets[0]
    if len(datasets) == 1:
        return first
    dimensions = []
    for position, dimension in enumerate(first.dimensions):
        seen: dict[str, Category] = {}
        for part in datasets:
            if part.ids != first.ids:
                raise JsonStatError("different_dimensions", f"{part.ids} != {first.ids}")
            for category in part.dimensions[position].categories:
                seen.setdefault(category.code, category)
        dimensions.append(Dimension(dimension.id, dimension.label, tuple(seen.values()),
                                    dimension.role))
    cells = {
        tuple(cell.coords[i] for i in first.ids): (cell.value, cell.status)
        for part in datasets for cell in part.cells()
    }
    return build(first.label, dimensions, cells, first.extension)
