"""A scorecard on paper and as data: the portrait A4 layout Ringebu asked for (seed 001:
the owner, main purpose and main goal above a table Perspektiv | Suksessfaktor |
Målemetode | Ambisjonsnivå | Resultat/Oppfølgingsplan), as a print page, a PDF and a Word
table that sit inside tertial and annual reports; and the same content as JSON.

In JSON, numbers (targets, limits, results) are strings holding the exact decimal
("2", "3.1"), or null: a float would not keep the value as it was written."""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from styringshjul.scorecards.models import Direction, Inquiry, Period, Result, Scorecard
from styringshjul.scorecards.queries import PERIODS, IndicatorRow, Sheet, sheet
from styringshjul.scorecards.status import LOOKS, Status

CONTENT_TYPES = {
    "json": "application/json",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FORMATS = tuple(CONTENT_TYPES)
PRINT_CSS = "scorecards/print.css"
WORD_COLUMNS_MM = (26, 34, 36, 24, 60)  # 180 mm: A4 portrait less 15 mm margins


def owner_name(scorecard: Scorecard) -> str:
    return str(scorecard.unit or scorecard.service_area or scorecard.municipality)


def filename(scorecard: Scorecard, fmt: str) -> str:
    owner = scorecard.unit_id or scorecard.service_area_id or scorecard.municipality.number
    return f"malekart-{scorecard.municipality.number}-{scorecard.year}-{scorecard.level}" \
           f"-{owner}.{fmt}"


def inquiries_of(scorecard: Scorecard) -> list[Inquiry]:
    return list(scorecard.inquiries.select_related("indicator", "asked_by", "answered_by")
                .order_by("asked_at", "pk"))


def goals_of(scorecard: Scorecard) -> list:
    """The community goals the scorecard serves, in the plan's order."""
    return list(scorecard.goals.order_by("focus_area__sort_order", "sort_order", "pk"))


# JSON ---------------------------------------------------------------------------------------

def exact(value: Decimal | None) -> str | None:
    """`Decimal("2.000")` → `"2"`, `Decimal("3.100")` → `"3.1"`; never an exponent."""
    if value is None:
        return None
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def person(user) -> str | None:
    return (user.get_full_name() or user.username) if user else None


def _result_data(result: Result, status: Status) -> dict:
    return {"period": result.period, "value": exact(result.value), "status": str(status),
            "comment": result.comment, "follow_up": result.follow_up,
            "source_note": result.source_note,
            "computed_at": result.computed_at.isoformat() if result.computed_at else None}


def _indicator_data(row: IndicatorRow) -> dict:
    indicator = row.indicator
    return {
        "name": indicator.name, "definition": indicator.definition,
        "unit": indicator.unit_of_measure, "direction": indicator.direction,
        "target": exact(indicator.target), "target_text": indicator.target_text,
        "green_tolerance": exact(indicator.green_tolerance),
        "red_limit": exact(indicator.red_limit), "source": indicator.source,
        "results": [_result_data(row.results[period], row.statuses[period])
                    for period in PERIODS if row.results[period] is not None],
    }


def _inquiry_data(inquiry: Inquiry) -> dict:
    return {
        "question": inquiry.question, "answer": inquiry.answer,
        "indicator": inquiry.indicator.name if inquiry.indicator else None,
        "period": inquiry.period or None, "asked_by": person(inquiry.asked_by),
        "asked_at": inquiry.asked_at.isoformat(), "answered_by": person(inquiry.answered_by),
        "answered_at": inquiry.answered_at.isoformat() if inquiry.answered_at else None,
    }


def to_data(scorecard: Scorecard, the_sheet: Sheet | None = None) -> dict:
    """The scorecard as plain data: perspectives → success factors → indicators with
    target, results and status per period, and the inquiries with their answers."""
    the_sheet = the_sheet or sheet(scorecard)
    return {
        "municipality": scorecard.municipality.number,
        "municipality_name": scorecard.municipality.name,
        "year": scorecard.year, "level": scorecard.level, "owner": owner_name(scorecard),
        "purpose": scorecard.purpose, "main_goal": scorecard.main_goal,
        "community_goals": [goal.text for goal in goals_of(scorecard)],
        "perspectives": [{
            "name": perspective.perspective.name,
            "success_factors": [{
                "name": factor.factor.name, "shared": factor.inherited or
                factor.factor.is_shared,
                "indicators": [_indicator_data(row) for row in factor.indicators],
            } for factor in perspective.factors],
        } for perspective in the_sheet.perspectives],
        "inquiries": [_inquiry_data(inquiry) for inquiry in inquiries_of(scorecard)],
    }


# The printed table ---------------------------------------------------------------------------

def shown(value: Decimal, unit: str = "") -> str:
    """A result as people read it: `3,1 %`, `4,2 poeng`, `100 %`."""
    text = number_format(Decimal(exact(value)), use_l10n=True)
    return f"{text}\xa0{unit}" if unit else text


def ambition(row: IndicatorRow) -> str:
    indicator = row.indicator
    if indicator.target_text:
        return indicator.target_text
    if indicator.target is None:
        return ""
    target = shown(indicator.target, indicator.unit_of_measure)
    if indicator.direction == Direction.HIGHER:
        return _("at least %(target)s") % {"target": target}
    if indicator.direction == Direction.LOWER:
        return _("at most %(target)s") % {"target": target}
    return target


@dataclass
class PrintedResult:
    period: str
    value: str
    status: Status
    label: str
    symbol: str
    comment: str
    follow_up: str
    source_note: str

    @property
    def headline(self) -> str:
        return f"{self.period}: {self.value} {self.symbol} {self.label}".replace("  ", " ")


@dataclass
class PrintedRow:
    """One line of the table; `perspective_span`/`factor_span` is the number of lines the
    cell covers on its first line and 0 on the lines below it."""

    perspective: str
    perspective_span: int
    factor: str
    factor_span: int
    shared: bool
    measure: str = ""
    definition: str = ""
    ambition: str = ""
    results: list[PrintedResult] = field(default_factory=list)


def _printed_results(row: IndicatorRow) -> list[PrintedResult]:
    labels = dict(Period.choices)
    printed = []
    for period in PERIODS:
        result = row.results[period]
        if result is None:
            continue
        look = LOOKS[row.statuses[period]]
        value = "" if result.value is None else shown(result.value,
                                                       row.indicator.unit_of_measure)
        printed.append(PrintedResult(str(labels[period]), value, row.statuses[period],
                                     str(look.label), look.symbol, result.comment,
                                     result.follow_up, result.source_note))
    return printed


def _factor_rows(perspective: str, factor) -> list[PrintedRow]:
    rows = [PrintedRow(perspective, 0, factor.factor.name, 0,
                       factor.inherited or factor.factor.is_shared,
                       row.indicator.name, row.indicator.definition, ambition(row),
                       _printed_results(row)) for row in factor.indicators]
    rows = rows or [PrintedRow(perspective, 0, factor.factor.name, 0, factor.inherited)]
    rows[0].factor_span = len(rows)
    return rows


def printed_rows(the_sheet: Sheet) -> list[PrintedRow]:
    """The table, line by line: one per indicator; a factor without indicators and a
    perspective without factors still get a line, so all four perspectives show."""
    table = []
    for perspective in the_sheet.perspectives:
        name = perspective.perspective.name
        rows = [row for factor in perspective.factors for row in _factor_rows(name, factor)]
        rows = rows or [PrintedRow(name, 0, "", 1, False)]
        rows[0].perspective_span = len(rows)
        table.extend(rows)
    return table


def headers() -> list[str]:
    return [_("Perspective"), _("Success factor"), _("Measured by"), _("Ambition level"),
            _("Result / follow-up plan")]


def print_context(scorecard: Scorecard) -> dict:
    the_sheet = sheet(scorecard)
    return {"scorecard": scorecard, "owner": owner_name(scorecard), "headers": headers(),
            "rows": printed_rows(the_sheet), "inquiries": inquiries_of(scorecard),
            "goals": goals_of(scorecard)}


# PDF ------------------------------------------------------------------------------------------

def to_pdf(scorecard: Scorecard) -> bytes:
    """The print page through WeasyPrint, with the same print stylesheet."""
    from weasyprint import CSS, HTML

    html = render_to_string("scorecards/print.html",
                            {**print_context(scorecard), "for_pdf": True})
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=finders.find(PRINT_CSS))])


# Word -----------------------------------------------------------------------------------------

def _repeat_as_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _write_results(cell, results: list[PrintedResult]) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    for number, result in enumerate(results):
        if number:
            paragraph = cell.add_paragraph()
        paragraph.add_run(result.headline).bold = True
        for text in (result.comment, result.follow_up and
                     _("Follow-up: %(plan)s") % {"plan": result.follow_up}):
            if text:
                cell.add_paragraph(text)


def _spanning(table, index: int, column: int, span: int, text: str) -> None:
    cell = table.cell(index, column)
    cell.text = text
    if span > 1:
        cell.merge(table.cell(index + span - 1, column))


def _write_row(table, index: int, row: PrintedRow) -> None:
    cells = table.rows[index].cells
    if row.perspective_span:
        _spanning(table, index, 0, row.perspective_span, row.perspective)
    if row.factor_span:
        _spanning(table, index, 1, row.factor_span,
                  row.factor + (f" ({_('shared')})" if row.shared else ""))
    cells[2].text = row.measure
    if row.definition:
        cells[2].add_paragraph(row.definition)
    cells[3].text = row.ambition
    _write_results(cells[4], row.results)


def _write_inquiries(document, inquiries: list[Inquiry]) -> None:
    document.add_heading(_("Inquiries"), level=2)
    for inquiry in inquiries:
        about = f" ({inquiry.indicator})" if inquiry.indicator else ""
        document.add_paragraph(inquiry.question + about, style="List Bullet")
        document.add_paragraph(inquiry.answer or _("Not answered yet."))


def to_docx(scorecard: Scorecard) -> bytes:
    """A portrait A4 Word document whose table has real rows and a header row repeated
    on every page."""
    from docx import Document
    from docx.shared import Mm

    context = print_context(scorecard)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    document.add_heading(context["owner"].upper(), level=1)
    document.add_paragraph(_("Scorecard %(year)s") % {"year": scorecard.year})
    for label, text in ((_("Main purpose"), scorecard.purpose),
                        (_("Main goal"), scorecard.main_goal)):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)
    rows = context["rows"]
    table = document.add_table(rows=1 + len(rows), cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, context["headers"], strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_as_header(table.rows[0])
    for index, row in enumerate(rows, start=1):
        _write_row(table, index, row)
    for row in table.rows:
        for cell, width in zip(row.cells, WORD_COLUMNS_MM, strict=True):
            cell.width = Mm(width)
    if context["inquiries"]:
        _write_inquiries(document, context["inquiries"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
