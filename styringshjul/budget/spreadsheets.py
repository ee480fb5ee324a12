"""Budget spreadsheets written with openpyxl: the template a unit leader fills in, and the
export of a whole version.

The template's first sheet holds the unit's base lines (operating, without a measure), one
column per plan year — the amounts the upload sets. Lines that measures wrote are listed on
a second, protected sheet for information only: a measure's lines are rewritten from the
measure's own yearly amounts, so an edit in the sheet would not last. The header block shows
each service area's frame and its current sum (all lines, measures included), since the
frame is measured against the area's whole budget.
"""

import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from styringshjul.budget.models import BudgetLine, BudgetVersion, Frame
from styringshjul.ledger.models import AccountClass
from styringshjul.ledger.queries import functions_valid_in
from styringshjul.org.models import OrgUnit, Responsibility, Role
from styringshjul.org.org_map import OrgMap

CODE_FIELDS = ("responsibility", "function", "art", "project")
AMOUNT_FORMAT = "#,##0;-#,##0"
TEXT_FORMAT = "@"
SPARE_ROWS = 200
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
BOLD = Font(bold=True)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SNAPSHOT_SHEET = "_downloaded"
"""A hidden sheet with the amounts as downloaded, so an upload can tell a change made by
someone else in the meantime from the uploader's own."""


def code_headers() -> dict[str, str]:
    """The code columns' headings in the user's language."""
    return {"responsibility": _("Responsibility"), "function": _("Function"),
            "art": _("Art"), "project": _("Project")}


@dataclass
class Scope:
    """Whose lines a template holds: some units' ansvar codes, or the whole municipality."""

    units: list[OrgUnit]
    codes: set[str]
    whole: bool = False

    def holds(self, code: str) -> bool:
        return self.whole or code in self.codes


def led_units(user, municipality) -> list[OrgUnit]:
    """The units `user` leads in `municipality` (their unit-leader role's units)."""
    return list(OrgUnit.objects.for_municipality(municipality).filter(
        leaders__user=user, leaders__role=Role.UNIT_LEADER).distinct())


def may_choose_any_unit(user, municipality) -> bool:
    return user.has_perm("budget.run_process", municipality)


def template_scope(user, version: BudgetVersion, unit_ids: Iterable[int] = ()) -> Scope:
    """Finance and leadership pick any units (none: the whole municipality); a unit leader
    gets their own units (or those of them picked)."""
    municipality = version.municipality
    wanted = set(unit_ids)
    if may_choose_any_unit(user, municipality):
        units = list(OrgUnit.objects.for_municipality(municipality).filter(pk__in=wanted))
        if not units:
            return Scope([], set(), whole=True)
    else:
        units = led_units(user, municipality)
        units = [unit for unit in units if unit.pk in wanted] or units
    return Scope(units, _codes_of(units))


def upload_scope(user, version: BudgetVersion) -> Scope:
    """The ansvar codes an upload may set: any of the municipality's for finance and
    leadership, the user's units' codes for a unit leader."""
    if may_choose_any_unit(user, version.municipality):
        return Scope([], set(), whole=True)
    units = led_units(user, version.municipality)
    return Scope(units, _codes_of(units))


def _codes_of(units: list[OrgUnit]) -> set[str]:
    return set(Responsibility.objects.filter(unit__in=units).values_list("code", flat=True))


def base_amounts(version: BudgetVersion, scope: Scope | None = None
                 ) -> dict[tuple[str, str, str, str], dict[int, Decimal]]:
    """The base operating lines (no measure) per account string: amount per year."""
    lines = version.lines.filter(measure=None, account_class=AccountClass.OPERATING)
    if scope is not None and not scope.whole:
        lines = lines.filter(responsibility__in=scope.codes)
    table: dict[tuple, dict[int, Decimal]] = defaultdict(dict)
    for *key, year, amount in lines.values_list(*CODE_FIELDS, "year", "amount"):
        table[tuple(key)][year] = amount
    return dict(sorted(table.items()))


def template_workbook(version: BudgetVersion, scope: Scope) -> bytes:
    """The budget template for `scope` as an XLSX file."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Budget lines")[:31]
    years = list(version.year_range)
    org = OrgMap(version.municipality)
    row = _title_block(sheet, version, scope, years)
    row = _frame_block(sheet, version, scope, org, years, row + 1)
    sheet.cell(row + 1, 1, _("Change the amounts in the year columns and upload the file. "
                             "An empty cell is 0; rows you remove are left as they are. "
                             "Add rows for new account strings."))
    sheet.cell(row + 1, 1).font = Font(italic=True)
    header_row = row + 3
    lines = base_amounts(version, scope)
    _write_lines(sheet, header_row, lines, years)
    _snapshot_sheet(workbook, lines, years)
    _validations(workbook, sheet, version, scope, header_row, len(years))
    _measure_sheet(workbook, version, scope, years)
    return _saved(workbook)


def _title_block(sheet: Worksheet, version: BudgetVersion, scope: Scope, years: list[int]
                 ) -> int:
    sheet.cell(1, 1, _("Budget template")).font = Font(bold=True, size=14)
    units = (_("The whole municipality") if scope.whole
             else ", ".join(unit.name for unit in scope.units))
    facts = ((_("Municipality"), str(version.municipality)), (_("Version"), version.name),
             (_("Units"), units), (_("Years"), f"{years[0]}–{years[-1]}"))
    for offset, (label, value) in enumerate(facts, start=2):
        sheet.cell(offset, 1, label).font = BOLD
        sheet.cell(offset, 2, value)
    return len(facts) + 2


def _frame_block(sheet: Worksheet, version: BudgetVersion, scope: Scope, org: OrgMap,
                 years: list[int], row: int) -> int:
    """Each service area's frame, current sum and the difference, per year."""
    areas = sorted({org[code].service_area_id for code in scope.codes if code in org},
                   key=lambda area: org.areas[area][1])
    if scope.whole or not areas:
        return row
    frames = {(f.service_area_id, f.year): f.amount
              for f in Frame.objects.filter(version=version, service_area_id__in=areas)}
    sums = _area_sums(version, org)
    sheet.cell(row, 1, _("Frame and current sum per service area")).font = BOLD
    for column, year in enumerate(years, start=len(CODE_FIELDS) + 1):
        sheet.cell(row, column, year).font = BOLD
    for area in areas:
        name = org.areas[area][0]
        frame = [frames.get((area, year)) for year in years]
        total = [sums.get((area, year), Decimal(0)) for year in years]
        minus = [None if f is None else t - f for f, t in zip(frame, total, strict=True)]
        for label, values in ((_("%(area)s: frame"), frame),
                              (_("%(area)s: current sum, measures included"), total),
                              (_("%(area)s: sum minus frame"), minus)):
            row += 1
            sheet.cell(row, 1, label % {"area": name})
            for column, value in enumerate(values, start=len(CODE_FIELDS) + 1):
                sheet.cell(row, column, value).number_format = AMOUNT_FORMAT
    return row + 1


def _area_sums(version: BudgetVersion, org: OrgMap) -> dict[tuple[int, int], Decimal]:
    sums: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    rows = (version.lines.filter(account_class=AccountClass.OPERATING)
            .values_list("responsibility", "year").annotate(total=Sum("amount")).order_by())
    for code, year, total in rows:
        if code in org:
            sums[(org[code].service_area_id, year)] += total
    return sums


def _write_lines(sheet: Worksheet, header_row: int,
                 lines: dict[tuple, dict[int, Decimal]], years: list[int]) -> None:
    headers = [*code_headers().values(), *years]
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(header_row, column, text)
        cell.font, cell.fill = BOLD, HEADER_FILL
    for row, (key, amounts) in enumerate(lines.items(), start=header_row + 1):
        for column, code in enumerate(key, start=1):
            sheet.cell(row, column, code).number_format = TEXT_FORMAT
        for column, year in enumerate(years, start=len(key) + 1):
            sheet.cell(row, column, amounts.get(year, Decimal(0))).number_format = AMOUNT_FORMAT
    last = header_row + len(lines)
    for row in range(last + 1, last + SPARE_ROWS + 1):
        for column in range(1, len(headers) + 1):
            sheet.cell(row, column).number_format = (
                TEXT_FORMAT if column <= len(CODE_FIELDS) else AMOUNT_FORMAT)
    for column, width in enumerate((14, 11, 9, 12, *[16] * len(years)), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, len(CODE_FIELDS) + 1)


def _snapshot_sheet(workbook: Workbook, lines: dict[tuple, dict[int, Decimal]],
                    years: list[int]) -> None:
    sheet = workbook.create_sheet(SNAPSHOT_SHEET)
    sheet.sheet_state = "veryHidden"
    sheet.append([*CODE_FIELDS, *years])
    for key, amounts in lines.items():
        sheet.append([*key, *(amounts.get(year, Decimal(0)) for year in years)])


def _validations(workbook: Workbook, sheet: Worksheet, version: BudgetVersion, scope: Scope,
                 header_row: int, year_count: int) -> None:
    """Drop-down lists of the allowed ansvar codes and funksjoner, and numbers only in the
    year columns; the upload checks everything again."""
    lists = workbook.create_sheet(_("Lists")[:31])
    lists.sheet_state = "hidden"
    codes = sorted(scope.codes) if not scope.whole else sorted(
        OrgMap(version.municipality))
    functions = sorted(functions_valid_in(version.first_year))
    for row, code in enumerate(codes, start=1):
        lists.cell(row, 1, code)
    for row, code in enumerate(functions, start=1):
        lists.cell(row, 2, code)
    first, last = header_row + 1, sheet.max_row
    title = lists.title.replace("'", "''")
    for column, count, message in (
            ("A", len(codes), _("Choose one of the responsibility codes in the list.")),
            ("B", len(functions), _("Choose one of the KOSTRA functions in the list."))):
        if not count:
            continue
        validation = DataValidation(type="list", allow_blank=True, showErrorMessage=True,
                                    formula1=f"='{title}'!${column}$1:${column}${count}",
                                    error=message)
        validation.add(f"{column}{first}:{column}{last}")
        sheet.add_data_validation(validation)
    amounts = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                             formula2="1000000000000", allow_blank=True,
                             showErrorMessage=True, error=_("Write an amount in kroner."))
    end = get_column_letter(len(CODE_FIELDS) + year_count)
    amounts.add(f"E{first}:{end}{last}")
    sheet.add_data_validation(amounts)


def _measure_sheet(workbook: Workbook, version: BudgetVersion, scope: Scope,
                   years: list[int]) -> None:
    lines = version.lines.filter(account_class=AccountClass.OPERATING, measure__isnull=False)
    if not scope.whole:
        lines = lines.filter(responsibility__in=scope.codes)
    table: dict[tuple, dict[int, Decimal]] = defaultdict(dict)
    for number, title, *key, year, amount in lines.values_list(
            "measure__number", "measure__title", *CODE_FIELDS, "year", "amount"):
        table[(f"T{number} {title}", *key)][year] = amount
    sheet = workbook.create_sheet(_("Measures (for information)")[:31])
    sheet.cell(1, 1, _("Lines written by measures in this version. They change with the "
                       "measure, not with this file.")).font = Font(italic=True)
    headers = [_("Measure"), *code_headers().values(), *years]
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(3, column, text)
        cell.font, cell.fill = BOLD, HEADER_FILL
    for row, (key, amounts) in enumerate(sorted(table.items()), start=4):
        for column, value in enumerate(key, start=1):
            sheet.cell(row, column, value)
        for column, year in enumerate(years, start=len(key) + 1):
            sheet.cell(row, column, amounts.get(year, Decimal(0))).number_format = AMOUNT_FORMAT
    sheet.column_dimensions["A"].width = 40
    sheet.protection.sheet = True


def export_workbook(version: BudgetVersion) -> bytes:
    """Every line of `version` with its place in the organisation, one column per year,
    and a summary per service area for each year. Written row by row (openpyxl's
    write-only mode), so a version of 50 000 lines stays quick and small in memory."""
    org = OrgMap(version.municipality)
    years = list(version.year_range)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Budget lines")[:31])
    headers = [_("Service area"), _("Unit"), *code_headers().values(), _("Measure"),
               _("Operating or capital"), *years]
    _widths(sheet, (28, 28, 12, 10, 8, 10, 30, 12, *[16] * len(years)))
    sheet.freeze_panes = "A2"
    sheet.append([_styled(sheet, text, header=True) for text in headers])
    classes = {AccountClass.OPERATING: _("operating"), AccountClass.CAPITAL: _("capital")}
    lines = _pivoted(version)
    for key, amounts in lines.items():
        klass, code, function, art, project, measure = key
        place = org.get(code)
        area = org.areas[place.service_area_id][0] if place else ""
        unit = org.units[place.unit_id][0] if place else ""
        sheet.append([area, unit, code, function, art, project, measure,
                      classes.get(klass, klass),
                      *(_styled(sheet, amounts.get(year, 0)) for year in years)])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(lines) + 1}"
    for year in years:
        _summary_sheet(workbook, version, org, year)
    return _saved(workbook)


def _styled(sheet, value, *, header: bool = False, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    if header:
        cell.font, cell.fill = BOLD, HEADER_FILL
    elif bold:
        cell.font = BOLD
    if not header and not isinstance(value, str):
        cell.number_format = AMOUNT_FORMAT
    return cell


def _widths(sheet, widths: Iterable[int]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _pivoted(version: BudgetVersion) -> dict[tuple, dict[int, Decimal]]:
    table: dict[tuple, dict[int, Decimal]] = defaultdict(dict)
    rows = BudgetLine.objects.filter(version=version).values_list(
        "account_class", *CODE_FIELDS, "measure__number", "measure__title", "year", "amount")
    for klass, code, function, art, project, number, title, year, amount in rows.iterator(
            chunk_size=5000):
        measure = f"T{number} {title}" if number is not None else ""
        key = (klass, code, function, art, project, measure)
        table[key][year] = table[key].get(year, Decimal(0)) + amount
    return dict(sorted(table.items(), key=lambda item: (item[0][0] != "operating", item[0])))


def _summary_sheet(workbook: Workbook, version: BudgetVersion, org: OrgMap, year: int) -> None:
    sheet = workbook.create_sheet(str(year))
    _widths(sheet, (40, 18, 18, 18, 18))
    sheet.freeze_panes = "A2"
    sheet.append([_styled(sheet, text, header=True) for text in (
        _("Service area"), _("Frame"), _("Operating"), _("Operating minus frame"),
        _("Capital"))])
    frames = {f.service_area_id: f.amount for f in version.frames.filter(year=year)}
    sums: dict[object, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    rows = (version.lines.filter(year=year).values_list("responsibility", "account_class")
            .annotate(total=Sum("amount")).order_by())
    for code, klass, total in rows:
        sums[org[code].service_area_id if code in org else None][klass] += total
    totals: list[Decimal | None] = [None] * 4
    for area in sorted(sums.keys() | frames.keys(),
                       key=lambda a: (a is None, org.areas.get(a, ("", 0))[1])):
        name = org.areas[area][0] if area is not None else _(
            "Responsibility codes outside the organisation")
        frame, operating = frames.get(area), sums[area][AccountClass.OPERATING]
        values = [frame, operating, None if frame is None else operating - frame,
                  sums[area][AccountClass.CAPITAL]]
        sheet.append([name, *(_styled(sheet, value) for value in values)])
        totals = [t if v is None else (t or 0) + v for t, v in zip(totals, values, strict=True)]
    sheet.append([_styled(sheet, value, bold=True) for value in (_("Total"), *totals)])


def _saved(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
