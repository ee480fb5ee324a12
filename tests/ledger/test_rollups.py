"""The actuals rollups the follow-up reports read always equal the actuals grouped by
dimension: after an import, after a period is imported again, and per municipality."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from styringshjul.demo.finance import build_demo_finance
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import Actual, ActualRollup, Dimension, LedgerImport
from styringshjul.ledger.rollups import refresh_rollups
from tests.ledger.ledger_lines import LINES, with_amount, write_ledger

ØRE = Decimal("0.01")


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def grouped(municipality) -> dict[tuple, Decimal]:
    """The actuals summed per year, period, class, dimension and key, in the database (to
    the øre: SQLite sums decimals as floats)."""
    sums = {}
    for dimension in Dimension:
        rows = (Actual.objects.for_municipality(municipality)
                .values_list("year", "period", "account_class", dimension.value)
                .annotate(total=Sum("amount")).order_by())
        sums.update({(year, period, account_class, dimension.value, key): total.quantize(ØRE)
                     for year, period, account_class, key, total in rows})
    return sums


def rolled_up(municipality) -> dict[tuple, Decimal]:
    return {
        (r.year, r.period, r.account_class, r.dimension, r.key): r.amount
        for r in ActualRollup.objects.for_municipality(municipality)
    }


def test_the_demo_ledger_leaves_rollups_equal_to_the_grouped_actuals(ringebu):
    build_demo_finance(years={2025: range(1, 3)})
    assert rolled_up(ringebu)
    assert rolled_up(ringebu) == grouped(ringebu)


def test_rollups_equal_the_grouped_actuals_after_an_import(ringebu, tmp_path):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))
    assert result.accepted
    sums = rolled_up(ringebu)
    assert sums == grouped(ringebu)
    assert sums[(2025, 3, "operating", "project", "41001")] == Decimal("12000.00")
    assert sums[(2025, 1, "operating", "kostra_art", "120")] == Decimal("1234.50")


def test_a_period_imported_again_has_its_rollups_replaced(ringebu, tmp_path):
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))  # periods 1–3
    march = [with_amount("10,00", Periode="3", Bilagsdato="31.03.2025")]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv", march))
    assert result.replaced_periods == [3]
    sums = rolled_up(ringebu)
    assert sums == grouped(ringebu)
    march_keys = {key for key in sums if key[:2] == (2025, 3)}
    assert {key[3:] for key in march_keys if key[3] == "responsibility"} == {
        ("responsibility", "2100")}
    assert sum(sums[key] for key in march_keys if key[3] == "function") == Decimal("10.00")
    assert sums[(2025, 1, "operating", "responsibility", "2100")] == Decimal("46484.50")


def test_rollups_are_kept_per_municipality(ringebu, gausdal, tmp_path):
    source = LedgerImport.objects.create(municipality=gausdal, year=2025, file_name="g.csv",
                                         file_sha256="1" * 64, line_count=1)
    Actual.objects.create(municipality=gausdal, year=2025, period=1, responsibility="7777",
                          function="202", art="1200", kostra_art="120", project="G1",
                          amount=Decimal("999.99"), source=source)
    refresh_rollups(gausdal, 2025, [1])
    gausdal_before = rolled_up(gausdal)
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))
    refresh_rollups(gausdal, 2025, [1, 2, 3])
    assert rolled_up(gausdal) == gausdal_before == grouped(gausdal)
    assert rolled_up(ringebu) == grouped(ringebu)
    ringebu_keys = {key[4] for key in rolled_up(ringebu)}
    assert "7777" not in ringebu_keys and "G1" not in ringebu_keys
    assert not ActualRollup.objects.for_municipality(ringebu).filter(
        amount=Decimal("999.99")).exists()


def test_refreshing_periods_without_actuals_leaves_no_rollups(gausdal):
    refresh_rollups(gausdal, 2025, range(1, 14))
    refresh_rollups(gausdal, 2025, [])
    assert not ActualRollup.objects.for_municipality(gausdal).exists()
