"""The catalogue of key figures we follow, shipped as `data/catalogue.csv`: for each figure
the statbank table and content code it is read from (and the value of any further
dimension), its unit, whether higher is better, its service area and its kind in Hole's
model (prioritisation, coverage, productivity, quality, finance).

The file's `confidence` column says how far table and content code are verified; it is
kept in the figure's description so nobody mistakes an unverified code for SSB's.
`load_catalogue` takes the model as an argument so the data migration can pass its
historical model.
"""

import csv
import json
from pathlib import Path

from django.db.models import Model

from styringshjul.keyfigures.models import IndicatorKind, KeyFigure

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "catalogue.csv"
YES = {"yes": True, "no": False}
FIELDS = ("selection", "name", "unit", "higher_is_better", "service", "indicator_kind",
          "description")


class UnknownFigure(LookupError):
    """No figure in the catalogue has that code."""


class AmbiguousFigure(LookupError):
    """Several tables publish a figure with that content code."""

    def __init__(self, code: str, candidates: list[str]):
        self.code = code
        self.candidates = candidates
        super().__init__(f"{code} is in more than one table; write one of "
                         f"{', '.join(candidates)}")


def catalogue_rows() -> list[dict]:
    """The shipped catalogue as field dicts; a row that does not parse raises ValueError."""
    with CATALOGUE_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [_fields(number, row) for number, row in enumerate(reader, start=2)]


def _fields(number: int, row: dict) -> dict:
    try:
        direction = YES[row["higher_is_better"].strip()]
        selection = json.loads(row["selection"] or "{}")
        kind = IndicatorKind(row["indicator_kind"].strip())
    except (KeyError, ValueError) as error:
        raise ValueError(f"catalogue.csv row {number}: {error}") from error
    return {
        "table_id": row["table_id"].strip(), "content_code": row["content_code"].strip(),
        "selection": selection, "name": row["name"].strip(), "unit": row["unit"].strip(),
        "higher_is_better": direction, "service": row["service"].strip(),
        "indicator_kind": kind.value,
        "description": f"Source confidence: {row['confidence'].strip()}",
    }


def load_catalogue(figure_model: type[Model] = KeyFigure) -> int:
    """Add the shipped figures and bring changed ones in line with the file, matched by
    (table, content code); running it again changes nothing. Returns how many figures
    were created or changed."""
    existing = {(figure.table_id, figure.content_code): figure
                for figure in figure_model.objects.all()}
    touched = 0
    for row in catalogue_rows():
        figure = existing.get((row["table_id"], row["content_code"]))
        if figure is None:
            figure_model.objects.create(**row)
            touched += 1
        elif any(getattr(figure, field) != row[field] for field in FIELDS):
            for field in FIELDS:
                setattr(figure, field, row[field])
            figure.save()
            touched += 1
    return touched


def figure_by_code(code: str) -> KeyFigure:
    """The figure a user names: its content code, or TABLE:CONTENTCODE where the content
    code is published in more than one table."""
    code = code.strip()
    if ":" in code:
        table_id, content_code = code.split(":", 1)
        figures = list(KeyFigure.objects.filter(table_id=table_id, content_code=content_code))
    else:
        figures = list(KeyFigure.objects.filter(content_code=code).order_by("table_id"))
    if not figures:
        raise UnknownFigure(f"No key figure in the catalogue has the code {code}")
    if len(figures) > 1:
        raise AmbiguousFigure(code, [figure.qualified_code for figure in figures])
    return figures[0]
