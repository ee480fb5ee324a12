"""A survey's results as CSV or JSON, for the page's download and the `survey_results`
command, which give the same bytes for the same year.

Everything is read through `queries.round_table`, so a hidden result leaves only an empty
mean and respondents with the status `skjult`. One row per place and dimension with a
result, then one row per reference (level `reference`, e.g. «Norge»). Columns:

year, level (municipality | service_area | unit | reference), place, ansvar (a unit's
lowest responsibility code), dimension, respondents, mean, reference (the first reference
label's mean of the dimension, for comparison on the same row), status (`skjult` hidden,
`beregnet` weighted from the units because the file gave none, else empty). Numbers have a
decimal point; the status words are fixed, whatever the user's language.
"""

import csv
import io
import json
from dataclasses import asdict, dataclass
from decimal import Decimal

from styringshjul.lib.issues import spreadsheet_safe
from styringshjul.org.models import Responsibility
from styringshjul.surveys import queries
from styringshjul.surveys.models import Survey

COLUMNS = ["year", "level", "place", "ansvar", "dimension", "respondents", "mean",
           "reference", "status"]
HIDDEN = "skjult"
COMPUTED = "beregnet"
REFERENCE_LEVEL = "reference"


@dataclass(frozen=True)
class ResultRow:
    year: int
    level: str
    place: str
    ansvar: str
    dimension: str
    respondents: int | None
    mean: Decimal | None
    reference: Decimal | None
    status: str


def decimal_text(value: Decimal | None) -> str:
    """4.250 → "4.25", 5.000 → "5": a decimal point and no trailing zeros."""
    return "" if value is None else format(value.normalize(), "f")


def _first_codes(table: queries.RoundTable) -> dict[int, str]:
    unit_ids = [place.unit.pk for place in table.places if place.unit is not None]
    codes: dict[int, str] = {}
    for unit_id, code in Responsibility.objects.filter(unit_id__in=unit_ids).order_by(
            "code").values_list("unit_id", "code"):
        codes.setdefault(unit_id, code)
    return codes


def _status(cell: queries.Cell) -> str:
    return HIDDEN if cell.hidden else COMPUTED if cell.computed else ""


def round_rows(table: queries.RoundTable) -> list[ResultRow]:
    """Every shown (or hidden, as such) result of one round, then its references."""
    year = table.round.year
    first_label = table.reference_labels[0] if table.reference_labels else None
    codes = _first_codes(table)
    rows = []
    for place in table.places:
        ansvar = codes.get(place.unit.pk, "") if place.unit is not None else ""
        for dimension in table.dimensions:
            cell = table.cell(place.key, dimension.pk)
            if cell.mean is None and not cell.hidden:
                continue
            rows.append(ResultRow(
                year, place.level, place.name, ansvar, dimension.name,
                None if cell.hidden else cell.respondents,
                None if cell.hidden else cell.mean,
                table.references.get((first_label, dimension.pk)), _status(cell)))
    for label in table.reference_labels:
        for dimension in table.dimensions:
            mean = table.references.get((label, dimension.pk))
            if mean is not None:
                rows.append(ResultRow(year, REFERENCE_LEVEL, label, "", dimension.name,
                                      None, mean, None, ""))
    return rows


def survey_rows(survey: Survey, year: int | None = None) -> list[ResultRow]:
    """The rows of every round (by year) or of the one year; none when it has no round."""
    return [row for survey_round in queries.rounds(survey)
            if year is None or survey_round.year == year
            for row in round_rows(queries.round_table(survey_round))]


def to_csv(rows: list[ResultRow]) -> str:
    """Comma-separated UTF-8 with a header; names that look like formulas are defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([
            row.year, row.level, spreadsheet_safe(row.place), row.ansvar,
            spreadsheet_safe(row.dimension),
            "" if row.respondents is None else row.respondents,
            decimal_text(row.mean), decimal_text(row.reference), row.status])
    return out.getvalue()


def to_xlsx(rows: list[ResultRow]) -> bytes:
    """The same rows as a workbook for people: numbers as numbers (Excel shows them with
    the reader's decimal comma), the same column names as the CSV."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "resultater"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row.year, row.level, spreadsheet_safe(row.place), row.ansvar,
                      spreadsheet_safe(row.dimension), row.respondents,
                      None if row.mean is None else float(row.mean),
                      None if row.reference is None else float(row.reference), row.status])
    for column in "GH":
        for cell in sheet[column][1:]:
            cell.number_format = "0.00"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def to_json(survey: Survey, rows: list[ResultRow]) -> str:
    """{"survey", "kind", "threshold", "scale", "rows": [...]} with the CSV's fields; means
    as decimal strings (never floats), absent values as null."""
    def jsonable(row: ResultRow) -> dict:
        fields = asdict(row)
        fields["mean"] = decimal_text(row.mean) or None
        fields["reference"] = decimal_text(row.reference) or None
        return fields

    document = {"survey": survey.name, "kind": survey.kind,
                "threshold": survey.anonymity_threshold,
                "scale": [survey.scale_min, survey.scale_max],
                "rows": [jsonable(row) for row in rows]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
