"""Amounts, dates and periods are parsed the cheap way when a line has the plain shape; a
line of another shape among plain ones is still read right, never rejected."""

from decimal import Decimal

import pytest

from styringshjul.ledger.ledger_import import import_ledger
from tests.ledger.ledger_lines import total, with_amount, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_a_trailing_minus_after_the_sample_is_still_read(ringebu, tmp_path):
    rows = [with_amount("10,00"), with_amount("20,00"), with_amount("1 000,50-")]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows))
    assert result.accepted, result.issues
    assert total(ringebu) == Decimal("-970.50")


def test_an_iso_date_and_a_yyyymm_period_after_the_sample_are_still_read(ringebu, tmp_path):
    rows = [with_amount("1,00"), with_amount("2,00"),
            with_amount("4,00", Bilagsdato="2025-05-02", Periode="202505")]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows))
    assert result.accepted, result.issues
    assert result.periods == [1, 5]


def test_a_bad_amount_after_the_sample_is_still_an_error(ringebu, tmp_path):
    rows = [with_amount("1,00"), with_amount("2,00"), with_amount("1.234.5")]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows))
    assert [(i.code, i.row, i.value) for i in result.issues] == [
        ("ledger.invalid_amount", 4, "1.234.5")]
