"""The table "budget process with reporting" (deadline, description, responsible) as a
Word document and as an Excel workbook."""

import io
from collections.abc import Iterable

from django.utils.translation import gettext as _

from styringshjul.cycle.models import Activity


def headers() -> list[str]:
    return [_("Deadline"), _("Description"), _("Responsible")]


def rows(activities: Iterable[Activity]) -> list[list[str]]:
    return [[deadline(a), a.title + (f"\n{a.description}" if a.description else ""),
             str(a.responsible or "")] for a in activities]


def deadline(activity: Activity) -> str:
    text = f"{activity.start:%d.%m.%Y}"
    return text + (f"–{activity.end:%d.%m.%Y}" if activity.end else "")


def to_docx(activities: Iterable[Activity], title: str) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.add_heading(title, level=1)
    document.add_paragraph(_("Budget process with reporting"))
    body = rows(activities)
    table = document.add_table(rows=1 + len(body), cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers(), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row, values in zip(table.rows[1:], body, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_xlsx(activities: Iterable[Activity], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Budget process with reporting")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows(activities):
        sheet.append(values)
    for cell in sheet["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABC", (24, 70, 28), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = title
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
