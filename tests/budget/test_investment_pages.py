"""The investment and revision pages: Kari (finance) plans projects and records revisions,
Ola and Per may look but not record, Sofie (Gausdal) sees nothing of Ringebu."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from styringshjul.budget.models import (
    BudgetRevision,
    BudgetVersion,
    InvestmentProject,
    InvestmentYear,
    LineChange,
    Measure,
    MeasureKind,
)
from styringshjul.budget.revisions import RevisionChange, record_revision

D = Decimal


def project_data(**extra) -> dict:
    data = {"code": "9001", "name": "Ny Fåvang skule", "responsibility": "2200",
            "function": "222", "art": "230", "loan_kind": "serial", "loan_years": "20",
            "interest_rate": "5", "lock_version": "0",
            "y2026_amount": "10 000 000", "y2026_loan": "6 000 000",
            "y2026_grants": "1 000 000", "y2026_vat_compensation": "2 000 000",
            "y2026_own_funds": "1 000 000"}
    return data | extra


def investments_url(ringebu, suffix="") -> str:
    return reverse("budget_investments", args=[ringebu.number, 2026]) + suffix


def test_kari_creates_a_project_with_its_years_and_measure(as_kari, ringebu, plan_2026):
    response = as_kari.post(investments_url(ringebu, "ny/"), project_data())
    assert response.status_code == 302
    project = InvestmentProject.objects.get(plan=plan_2026, code="9001")
    assert project.project_years.get(year=2026).loan == D(6_000_000)
    assert not project.project_years.filter(year=2027).exists()
    measure = Measure.objects.get(project=project)
    assert measure.kind == MeasureKind.INVESTMENT
    page = as_kari.get(investments_url(ringebu))
    assert page.status_code == 200
    summary = page.context["summary"]
    assert summary["totals"]["amount"] == [D(10_000_000), 0, 0, 0]
    # serial 6 M over 20 years at 5 %: 300 000 interest + 300 000 repayment in 2027
    assert summary["totals"]["capital_costs"] == [0, D(600_000), D(585_000), D(570_000)]


def test_a_form_with_errors_keeps_what_was_typed(as_kari, ringebu, plan_2026):
    response = as_kari.post(investments_url(ringebu, "ny/"),
                            project_data(responsibility="9999", y2026_loan="seks millioner"))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"responsibility", "y2026_loan"}
    assert form["y2026_amount"].value() == "10 000 000"
    assert not InvestmentProject.objects.exists()


def test_a_stale_edit_is_refused_and_keeps_the_typed_data(as_kari, ringebu, plan_2026):
    as_kari.post(investments_url(ringebu, "ny/"), project_data())
    project = InvestmentProject.objects.get(code="9001")
    edit = investments_url(ringebu, f"{project.pk}/endre/")
    assert as_kari.post(edit, project_data(name="Fåvang skule, nybygg")).status_code == 302
    stale = as_kari.post(edit, project_data(name="Ny skole", lock_version="0"))
    assert stale.status_code == 200
    assert stale.context["form"].non_field_errors()
    assert stale.context["form"]["name"].value() == "Ny skole"
    project.refresh_from_db()
    assert project.name == "Fåvang skule, nybygg"


def test_ola_and_per_see_investments_but_may_not_create(as_ola, as_per, ringebu, plan_2026):
    for client in (as_ola, as_per):
        assert client.get(investments_url(ringebu)).status_code == 200
        assert client.get(investments_url(ringebu, "ny/")).status_code == 403


def test_sofie_sees_nothing_of_ringebu(as_sofie, ringebu, plan_2026, adopted_2025):
    assert as_sofie.get(investments_url(ringebu)).status_code == 404
    assert as_sofie.get(reverse("budget_revisions", args=[ringebu.number])).status_code == 404
    assert as_sofie.get(reverse("budget_revision_create",
                                args=[ringebu.number, adopted_2025.pk])).status_code == 404
    assert as_sofie.get(reverse("budget_line_history", args=[ringebu.number])).status_code == 404


def test_sofie_cannot_reach_ringebus_version_through_gausdal(as_sofie, gausdal, adopted_2025):
    url = reverse("budget_revision_create", args=[gausdal.number, adopted_2025.pk])
    assert as_sofie.get(url).status_code == 404


def revision_data(line, **extra) -> dict:
    data = {"case_number": "25/123", "decided_on": "19.06.2025", "decided_by": "council",
            "justification": "Flere elever.", "rows-TOTAL_FORMS": "5",
            "rows-INITIAL_FORMS": "0", "rows-MIN_NUM_FORMS": "0", "rows-MAX_NUM_FORMS": "500",
            "rows-0-account_class": "operating", "rows-0-responsibility": line.responsibility,
            "rows-0-function": line.function, "rows-0-art": line.art,
            "rows-0-project": line.project, "rows-0-year": "2025",
            "rows-0-change": "250 000", "rows-0-text": "Ny lærerstilling"}
    for index in range(1, 5):
        data[f"rows-{index}-account_class"] = "operating"
    return data | extra


@pytest.fixture
def school_line(adopted_2025):
    return adopted_2025.lines.filter(responsibility="2200").order_by("-amount").first()


def test_kari_records_a_revision_on_the_page(as_kari, ringebu, adopted_2025, school_line, kari):
    url = reverse("budget_revision_create", args=[ringebu.number, adopted_2025.pk])
    assert as_kari.get(url).status_code == 200
    response = as_kari.post(url, revision_data(school_line))
    assert response.status_code == 302
    revision = BudgetRevision.objects.get(based_on=adopted_2025)
    assert revision.decided_on == date(2025, 6, 19)
    assert revision.result.lines.get(
        measure=None, year=2025, account_class="operating", responsibility="2200",
        function=school_line.function, art=school_line.art, project=school_line.project,
    ).amount == school_line.amount + 250_000
    listing = as_kari.get(reverse("budget_revisions", args=[ringebu.number]))
    assert list(listing.context["revisions"]) == [revision]
    assert listing.context["revisions"][0].total == D(250_000)


def test_a_bad_row_on_the_page_changes_nothing_and_keeps_the_rows(as_kari, ringebu,
                                                                  adopted_2025, school_line):
    url = reverse("budget_revision_create", args=[ringebu.number, adopted_2025.pk])
    versions = BudgetVersion.objects.count()
    response = as_kari.post(url, revision_data(
        school_line, **{"rows-1-responsibility": "9999", "rows-1-function": "202",
                        "rows-1-art": "010", "rows-1-year": "2025", "rows-1-change": "5"}))
    assert response.status_code == 422
    assert [(i.row, i.column, i.value) for i in response.context["issues"]] == [
        (2, "ansvar", "9999")]
    rows = response.context["formset"].forms
    assert rows[1].errors["responsibility"]
    assert rows[0]["change"].value() == "250 000"
    assert BudgetVersion.objects.count() == versions


def test_more_rows_keeps_what_was_typed(as_kari, ringebu, adopted_2025, school_line):
    url = reverse("budget_revision_create", args=[ringebu.number, adopted_2025.pk])
    response = as_kari.post(url, revision_data(school_line, add_rows="1"))
    formset = response.context["formset"]
    assert len(formset.forms) == 6
    assert formset.forms[0]["change"].value() == "250 000"
    assert not BudgetRevision.objects.exists()


def test_a_revision_file_can_be_uploaded(as_kari, ringebu, adopted_2025, school_line, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (f"ansvar;funksjon;art;prosjekt;år;endring;tekst\r\n"
            f"{school_line.responsibility};{school_line.function};{school_line.art};"
            f"{school_line.project};2025;-10 000;Kutt\r\n")
    url = reverse("budget_revision_create", args=[ringebu.number, adopted_2025.pk])
    data = revision_data(school_line) | {
        "file": SimpleUploadedFile("regulering.csv", text.encode("cp1252"))}
    assert as_kari.post(url, data).status_code == 302
    revision = BudgetRevision.objects.get()
    assert [line.change for line in revision.changes.all()] == [D(-10_000)]


def test_ola_and_per_may_not_record_a_revision(as_ola, as_per, ringebu, adopted_2025,
                                               school_line):
    url = reverse("budget_revision_create", args=[ringebu.number, adopted_2025.pk])
    for client in (as_ola, as_per):
        assert client.get(url).status_code == 403
        assert client.post(url, revision_data(school_line)).status_code == 403
        assert client.get(reverse("budget_revisions", args=[ringebu.number])).status_code == 200
    assert not BudgetRevision.objects.exists()


def test_the_line_history_shows_who_changed_it_and_the_amount_per_version(
        as_per, ringebu, adopted_2025, school_line, kari):
    revision = record_revision(
        adopted_2025, case_number="25/9", decided_on=date(2025, 6, 19), decided_by="council",
        justification="Flere elever.", user=kari, changes=[RevisionChange(
            year=2025, responsibility=school_line.responsibility,
            function=school_line.function, art=school_line.art, project=school_line.project,
            change=D(100_000))])
    response = as_per.get(reverse("budget_line_history", args=[ringebu.number]), {
        "ansvar": school_line.responsibility, "funksjon": school_line.function,
        "art": school_line.art, "prosjekt": school_line.project, "year": "2025"})
    assert response.status_code == 200
    history = response.context["history"]
    assert history["versions"] == [(adopted_2025, school_line.amount),
                                   (revision.result, school_line.amount + 100_000)]
    events = history["events"]
    assert {event["who"] for event in events} == {kari}
    assert [event.get("revision") for event in events] == [revision, None]
    assert events[1]["before"] == school_line.amount
    assert LineChange.objects.filter(version=revision.result).count() == 1


def test_an_investment_year_outside_the_form_is_kept(as_kari, ringebu, plan_2026):
    as_kari.post(investments_url(ringebu, "ny/"), project_data())
    project = InvestmentProject.objects.get(code="9001")
    InvestmentYear.objects.create(project=project, year=2031, amount=D(5))
    as_kari.post(investments_url(ringebu, f"{project.pk}/endre/"),
                 project_data(lock_version=str(project.lock_version)))
    assert project.project_years.filter(year=2031).exists()


def test_a_version_being_prepared_is_not_revised_on_the_page(as_kari, ringebu, proposal_2026,
                                                             school_line):
    url = reverse("budget_revision_create", args=[ringebu.number, proposal_2026.pk])
    page = as_kari.get(url)
    assert [issue.code for issue in page.context["blocked"]] == ["budget.revision_not_decided"]
    data = revision_data(school_line) | {"rows-0-year": "2026"}
    assert as_kari.post(url, data).status_code == 200
    assert not BudgetRevision.objects.exists()
