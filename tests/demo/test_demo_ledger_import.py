"""`styringshjul demo` loads Ringebu's ledger and adopted budget through the real imports,
and running it again changes nothing."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from styringshjul.budget.models import BudgetLine, BudgetVersion
from styringshjul.demo.budget_lines import budget_rows
from styringshjul.demo.finance import build_demo_finance
from styringshjul.demo.ledger_lines import ledger_lines
from styringshjul.ledger.models import Actual, LedgerImport


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def state(municipality) -> tuple:
    actuals = Actual.objects.for_municipality(municipality)
    return (
        sorted(LedgerImport.objects.for_municipality(municipality).values_list("pk", "year")),
        actuals.count(), actuals.aggregate(total=Sum("amount"))["total"],
        sorted(BudgetLine.objects.filter(version__municipality=municipality)
               .values_list("pk", flat=True)),
        BudgetVersion.history.filter(municipality=municipality).count(),
    )


def test_the_demo_loads_two_years_of_ledger_and_budget_for_ringebu(ringebu, gausdal):
    out = StringIO()
    call_command("demo", stdout=out)
    assert "Ringebu 2025" in out.getvalue() and "Ringebu 2026" in out.getvalue()
    imports = LedgerImport.objects.for_municipality(ringebu)
    assert {(i.year, tuple(i.periods)) for i in imports} == {
        (2025, tuple(range(1, 13))), (2026, tuple(range(1, 11)))}
    loaded_from_files = BudgetVersion.objects.for_municipality(ringebu).filter(plan=None)
    assert set(loaded_from_files.values_list("name", flat=True)) \
        == {"Vedtatt budsjett 2025", "Vedtatt budsjett 2026"}
    assert not Actual.objects.for_municipality(gausdal).exists()


def test_the_imported_sums_are_the_generated_lines_and_budget(ringebu):
    build_demo_finance()
    actuals = Actual.objects.for_municipality(ringebu).filter(year=2025, responsibility="3100")
    generated = sum(line.amount for line in ledger_lines(2025) if line.responsibility == "3100")
    assert actuals.aggregate(total=Sum("amount"))["total"] == generated
    lines = BudgetLine.objects.filter(version__municipality=ringebu, year=2025)
    assert lines.count() == len(budget_rows(2025))
    assert lines.aggregate(total=Sum("amount"))["total"] == Decimal(0)
    assert lines.filter(art="0101").exists()


def test_running_the_demo_again_changes_nothing(ringebu, var_dir):
    build_demo_finance()
    before, raw_files = state(ringebu), sorted(var_dir.rglob("*"))
    build_demo_finance()
    assert state(ringebu) == before
    assert sorted(var_dir.rglob("*")) == raw_files
