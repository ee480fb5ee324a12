"""Importing a period again replaces that period's actuals; the same file twice changes
nothing and says so; drill-down reads the lines of the imports in force."""

from decimal import Decimal

import pytest

from styringshjul.ledger.drilldown import raw_lines
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import LedgerImport
from tests.ledger.ledger_lines import LINES, sums, total, with_amount, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_the_same_file_twice_changes_nothing_and_says_so(ringebu, tmp_path):
    path = write_ledger(tmp_path / "h.csv", LINES)
    first = import_ledger(ringebu, 2025, path)
    before = sums(ringebu)
    again = import_ledger(ringebu, 2025, path)
    assert again.unchanged and again.accepted
    assert again.ledger_import == first.ledger_import
    assert sums(ringebu) == before
    assert LedgerImport.objects.filter(municipality=ringebu).count() == 1


def test_importing_a_period_again_replaces_only_that_period(ringebu, tmp_path):
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))  # periods 1–3
    march = [with_amount("10,00", Periode="3", Bilagsdato="31.03.2025")]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv", march))
    assert result.replaced_periods == [3]
    by_period = {}
    for key, amount in sums(ringebu).items():
        by_period[key[0]] = by_period.get(key[0], 0) + amount
    assert by_period == {1: Decimal("46484.50"), 2: Decimal("-234.50"), 3: Decimal("10.00")}


def test_a_file_imported_again_after_its_period_was_replaced_is_imported(ringebu, tmp_path):
    path = write_ledger(tmp_path / "a.csv", LINES)
    import_ledger(ringebu, 2025, path)
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv",
                                              [with_amount("10,00", Periode="3",
                                                           Bilagsdato="01.03.2025")]))
    again = import_ledger(ringebu, 2025, path)
    assert not again.unchanged
    assert total(ringebu) == Decimal("58250.00")


def test_drill_down_shows_the_lines_in_force(ringebu, tmp_path):
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv", [
        with_amount("10,00", Periode="3", Bilagsdato="01.03.2025", Bilagsnr="777")]))
    lines = raw_lines((ringebu, 2025))
    assert [(line["voucher"], line["period"], line["amount"]) for line in lines] == [
        ("10001", 1, Decimal("45250.00")), ("10002", 1, Decimal("1234.50")),
        ("10003", 2, Decimal("-234.50")), ("777", 3, Decimal("10.00"))]
    assert [line["voucher"] for line in raw_lines((ringebu, 2025), art_prefix="12",
                                                  period_to=2)] == ["10002", "10003"]
    assert raw_lines((ringebu, 2025), responsibility="4100") == []
