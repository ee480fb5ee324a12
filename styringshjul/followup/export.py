"""The variance report in machine formats: CSV with `.` decimals and no thousands
separators, and XLSX with numbers as numbers."""

import csv
import io
from decimal import Decimal

from styringshjul.followup.queries import VarianceReport, VarianceRow

COLUMNS = ["key", "name", "annual_budget", "budget_ytd", "actual_ytd", "variance",
           "variance_pct", "forecast"]


def _values(row: VarianceRow) -> list:
    return [row.key, row.name, row.annual_budget, row.budget_ytd, row.actual_ytd, row.variance,
            row.variance_pct, row.forecast]


def report_rows(report: VarianceReport) -> list[list]:
    return [_values(row) for row in [*report.rows, report.total]]


def to_csv(report: VarianceReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for values in report_rows(report):
        amounts = [f"{v:.2f}" if isinstance(v, Decimal) else v for v in values[2:6]]
        pct = values[6]
        writer.writerow([values[0], values[1], *amounts,
                         "" if pct is None else f"{pct:.1f}",
                         "" if values[7] is None else f"{values[7]:.2f}"])
    return out.getvalue()


def to_xlsx(report: VarianceReport, path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "variance"
    sheet.append(COLUMNS)
    for values in report_rows(report):
        sheet.append(values)
    for column in "CDEFH":
        for cell in sheet[column][1:]:
            cell.number_format = "#,##0.00"
    for cell in sheet["G"][1:]:
        cell.number_format = "0.0"
    workbook.save(path)
