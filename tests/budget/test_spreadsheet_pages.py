import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from styringshjul.budget.models import BudgetVersion, ChangeSource, LineChange, VersionState

pytestmark = pytest.mark.django_db


def _url(name, version, municipality="3439"):
    return reverse(name, args=[municipality, version.pk])


def _download(client, version, **query):
    response = client.get(_url("budget_spreadsheet_template", version), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def _header_row(sheet) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == _("Responsibility"))


def _upload(client, version, workbook):
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "fylt-ut.xlsx"
    return client.post(_url("budget_spreadsheet", version), {"file": out})


def test_a_unit_leader_downloads_changes_and_uploads_the_template(as_ola, ola, proposal_2026):
    assert as_ola.get(_url("budget_spreadsheet", proposal_2026)).status_code == 200
    workbook = _download(as_ola, proposal_2026)
    sheet = workbook.worksheets[0]
    first = _header_row(sheet) + 1
    assert {sheet.cell(row, 1).value for row in range(first, sheet.max_row + 1)} - {None} == {
        "2200", "2210"}
    sheet.cell(first, 5).value += 500
    sheet.cell(first + 1, 6).value -= 250
    response = _upload(as_ola, proposal_2026, workbook)
    assert response.status_code == 200
    assert response.context["result"].accepted
    changes = LineChange.objects.filter(version=proposal_2026)
    assert sorted(c.new_amount - c.old_amount for c in changes) == [Decimal(-250),
                                                                      Decimal(500)]
    assert {(c.changed_by, c.source) for c in changes} == {(ola, ChangeSource.SPREADSHEET)}
    again = _upload(as_ola, proposal_2026, workbook)
    assert again.context["result"].changes == []
    no_changes = _("No changes: every amount in the file was already in the version.")
    assert no_changes in again.content.decode()
    assert changes.count() == 2


def test_a_bad_file_shows_the_issues_and_offers_them_as_csv(as_ola, proposal_2026):
    workbook = _download(as_ola, proposal_2026)
    sheet = workbook.worksheets[0]
    sheet.append(["1000", "202", "010", None, 1, 1, 1, 1])
    sheet.cell(_header_row(sheet) + 1, 5).value = "mye"
    response = _upload(as_ola, proposal_2026, workbook)
    assert not response.context["result"].accepted
    assert 'scope="col"' in response.content.decode()
    csv = as_ola.get(_url("budget_spreadsheet_issues", proposal_2026))
    text = csv.content.decode()
    assert csv.status_code == 200 and ";1000;" in text and ";mye;" in text
    assert not LineChange.objects.filter(version=proposal_2026).exists()


def test_finance_picks_the_units_of_the_template(as_kari, proposal_2026, favang_skule):
    sheet = _download(as_kari, proposal_2026, unit=favang_skule.pk).worksheets[0]
    codes = {row[0] for row in sheet.iter_rows(min_row=_header_row(sheet) + 1,
                                                values_only=True)} - {None}
    assert codes == {"2200", "2210"}


def test_a_frozen_version_is_refused(as_kari, adopted_2025):
    page = as_kari.get(_url("budget_spreadsheet", adopted_2025))
    assert page.status_code == 200 and not page.context["may_upload"]
    workbook = _download(as_kari, adopted_2025)
    sheet = workbook.worksheets[0]
    sheet.cell(_header_row(sheet) + 1, 5).value = 1
    assert _upload(as_kari, adopted_2025, workbook).status_code == 403
    assert not LineChange.objects.filter(version=adopted_2025).exists()


def test_a_politician_compares_but_may_not_fill_in(as_per, proposal_2026):
    assert as_per.get(_url("budget_spreadsheet", proposal_2026)).status_code == 403
    assert as_per.get(_url("budget_spreadsheet_template", proposal_2026)).status_code == 403
    assert as_per.post(_url("budget_spreadsheet", proposal_2026)).status_code == 403
    assert as_per.get(_url("budget_export_xlsx", proposal_2026)).status_code == 200


def test_an_outsider_gets_404(as_sofie, proposal_2026):
    for name in ("budget_spreadsheet", "budget_spreadsheet_template", "budget_export_xlsx"):
        assert as_sofie.get(_url(name, proposal_2026)).status_code == 404


def test_finance_exports_a_version(as_kari, proposal_2026):
    response = as_kari.get(_url("budget_export_xlsx", proposal_2026))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[1:] == ["2026", "2027", "2028", "2029"]


def test_ola_cannot_export_another_municipalitys_version(as_ola, gausdal):
    version = BudgetVersion.objects.create(municipality=gausdal, name="Gausdal 2026",
                                           first_year=2026, state=VersionState.PROPOSAL)
    assert as_ola.get(_url("budget_export_xlsx", version, "3441")).status_code == 404
    assert as_ola.get(_url("budget_export_xlsx", version)).status_code == 404

