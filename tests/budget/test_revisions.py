"""Budget revisions make a new revised version with exactly the decided changes; the
decided version stays as it was, and one bad row changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils.translation import gettext as _

from styringshjul.budget.models import (
    BudgetRevision,
    BudgetVersion,
    ChangeSource,
    DecidingBody,
    LineChange,
    VersionState,
)
from styringshjul.budget.queries import followed_up_version
from styringshjul.budget.revisions import RevisionChange, RevisionRejected, record_revision

D = Decimal


@pytest.fixture
def school_line(adopted_2025):
    return adopted_2025.lines.filter(responsibility="2200", account_class="operating").order_by(
        "-amount").first()


def change_of(line, amount, **extra) -> RevisionChange:
    return RevisionChange(year=line.year, responsibility=line.responsibility,
                          function=line.function, art=line.art, project=line.project,
                          change=D(amount), **extra)


def revise(version, changes, user, case="25/123"):
    return record_revision(version, case_number=case, decided_on=date(2025, 6, 19),
                           decided_by=DecidingBody.COUNCIL,
                           justification="Flere elever ved Fåvang skule.", changes=changes,
                           user=user)


def total(version) -> Decimal:
    return version.lines.aggregate(total=Sum("amount"))["total"]


def test_a_revision_makes_a_revised_version_with_the_changes_applied(adopted_2025, school_line,
                                                                     kari):
    before = school_line.amount
    revision = revise(adopted_2025, [
        change_of(school_line, 250_000, text="Ny lærerstilling"),
        RevisionChange(year=2025, responsibility="1290", function="880", art="540",
                       change=D(-250_000), text="Mindre avsetning til disposisjonsfond")],
        kari)
    revised = revision.result
    assert revised.state == VersionState.REVISED
    assert revised.based_on == adopted_2025
    assert (revised.first_year, revised.years) == (adopted_2025.first_year, adopted_2025.years)
    line = revised.lines.get(measure=None, year=2025, account_class="operating",
                             responsibility="2200", function=school_line.function,
                             art=school_line.art, project=school_line.project)
    assert line.amount == before + 250_000
    assert total(revised) == total(adopted_2025)
    assert revised.lines.count() == adopted_2025.lines.count()
    assert revision.changes.count() == 2
    assert followed_up_version(adopted_2025.municipality, 2025) == revised


def test_the_decided_version_stays_unchanged(adopted_2025, school_line, kari):
    count, amount = adopted_2025.lines.count(), school_line.amount
    revise(adopted_2025, [change_of(school_line, 100_000)], kari)
    school_line.refresh_from_db()
    assert school_line.amount == amount
    assert adopted_2025.lines.count() == count
    assert not LineChange.objects.filter(version=adopted_2025).exists()


def test_each_change_records_who_made_it(adopted_2025, school_line, kari):
    revision = revise(adopted_2025, [change_of(school_line, 100_000),
                                     change_of(school_line, 50_000)], kari)
    change = LineChange.objects.get(version=revision.result)
    assert (change.old_amount, change.new_amount) == (school_line.amount,
                                                      school_line.amount + 150_000)
    assert change.source == ChangeSource.REVISION
    assert change.changed_by == kari


def test_a_new_line_can_be_budgeted(adopted_2025, kari):
    revision = revise(adopted_2025, [RevisionChange(
        year=2025, responsibility="2200", function="202", art="1209", change=D(40_000))], kari)
    assert revision.result.lines.get(art="1209", responsibility="2200").amount == 40_000


def test_one_bad_row_rejects_the_whole_revision(adopted_2025, school_line, kari):
    versions = BudgetVersion.objects.count()
    bad = [change_of(school_line, 100_000, row=2),
           RevisionChange(year=2025, responsibility="9999", function="202", art="010",
                          change=D(5), row=3),
           RevisionChange(year=2025, responsibility="2200", function="999", art="01",
                          change=D(5), row=4),
           RevisionChange(year=2026, responsibility="2200", function="202", art="010",
                          change=D(5), row=5)]
    with pytest.raises(RevisionRejected) as rejected:
        revise(adopted_2025, bad, kari)
    found = {(issue.row, issue.column, issue.value) for issue in rejected.value.issues}
    assert found == {(3, "ansvar", "9999"), (4, "funksjon", "999"), (4, "art", "01"),
                     (5, "år", "2026")}
    assert BudgetVersion.objects.count() == versions
    assert not BudgetRevision.objects.exists()


def test_an_art_not_allowed_in_operations_is_rejected(adopted_2025, kari):
    with pytest.raises(RevisionRejected) as rejected:
        revise(adopted_2025, [RevisionChange(year=2025, responsibility="1290", function="870",
                                             art="910", change=D(1_000), row=1)], kari)
    assert [issue.code for issue in rejected.value.issues] == ["budget.revision_art_not_allowed"]


def test_only_decided_budgets_are_revised(proposal_2026, kari):
    with pytest.raises(RevisionRejected) as rejected:
        revise(proposal_2026, [RevisionChange(year=2026, responsibility="2200",
                                              function="202", art="010", change=D(1))], kari)
    assert rejected.value.issues[0].code == "budget.revision_not_decided"


def test_a_revised_version_is_revised_again_but_not_the_one_before(adopted_2025, school_line,
                                                                   kari):
    first = revise(adopted_2025, [change_of(school_line, 100_000)], kari, case="25/1")
    second = revise(first.result, [change_of(school_line, 10_000)], kari, case="25/2")
    assert second.result.name == _("%(version)s – revision %(case)s") % {
        "version": "Vedtatt budsjett 2025", "case": "25/2"}
    assert second.result.lines.get(
        measure=None, year=2025, account_class="operating", responsibility="2200",
        function=school_line.function, art=school_line.art, project=school_line.project,
    ).amount == school_line.amount + 110_000
    with pytest.raises(RevisionRejected):
        revise(adopted_2025, [change_of(school_line, 1)], kari, case="25/3")


def test_the_command_records_a_revision_from_a_file(adopted_2025, school_line, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "regulering.csv"
    path.write_text("ansvar;funksjon;art;prosjekt;år;endring;engangs;tekst\n"
                    f"{school_line.responsibility};{school_line.function};{school_line.art};"
                    f"{school_line.project};2025;1 500,50;ja;Vikarer\n", encoding="utf-8")
    call_command("record_revision", str(path), municipality="3439",
                 version="Vedtatt budsjett 2025", case_number="25/77", decided_on="19.06.2025",
                 decided_by="executive", justification="Sykefravær.")
    revision = BudgetRevision.objects.get(case_number="25/77")
    assert revision.decided_by == DecidingBody.EXECUTIVE
    line = revision.changes.get()
    assert (line.change, line.one_off, line.text) == (D("1500.50"), True, "Vikarer")


def test_the_command_rejects_a_file_with_a_bad_row_and_changes_nothing(adopted_2025, tmp_path,
                                                                       capsys):
    from django.core.management import call_command

    path = tmp_path / "regulering.csv"
    path.write_text("ansvar;funksjon;art;prosjekt;år;endring\n"
                    "2200;202;010;;2025;mye\n9999;202;010;;2025;100\n", encoding="utf-8")
    versions = BudgetVersion.objects.count()
    with pytest.raises(SystemExit):
        call_command("record_revision", str(path), municipality="3439",
                     version=str(adopted_2025.pk), case_number="25/78",
                     decided_on="2025-06-19", decided_by="council", justification="x")
    out = capsys.readouterr().out
    assert "mye" in out
    assert BudgetVersion.objects.count() == versions
