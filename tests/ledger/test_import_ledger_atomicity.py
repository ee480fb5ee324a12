"""Nothing is ever half-imported: a rejected file, or a failure in the middle of writing,
leaves the database and the raw-line files exactly as they were."""

import pytest

from styringshjul.ledger import ledger_import
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import Actual, LedgerImport
from tests.ledger.ledger_lines import LINES, sums, with_amount, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def state(ringebu, var_dir):
    files = sorted(p.relative_to(var_dir) for p in var_dir.rglob("*") if p.is_file())
    return sums(ringebu), LedgerImport.objects.filter(municipality=ringebu).count(), files


def test_a_rejected_file_changes_nothing(ringebu, tmp_path, var_dir):
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))
    before = state(ringebu, var_dir)
    bad = [with_amount("9,00", Periode="1"), with_amount("1,00", Ansvar="9999")]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv", bad))
    assert not result.accepted
    assert state(ringebu, var_dir) == before


def test_a_failure_while_writing_the_actuals_changes_nothing(ringebu, tmp_path, var_dir,
                                                            monkeypatch):
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES))
    before = state(ringebu, var_dir)
    original = ledger_import.insert_actuals

    def half_then_fail(sums_frame, *args):
        original(sums_frame.head(1), *args)
        raise OSError("disk full")

    monkeypatch.setattr(ledger_import, "insert_actuals", half_then_fail)
    with pytest.raises(OSError):
        import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv",
                                                  [with_amount("5,00", Periode="1")]))
    assert state(ringebu, var_dir) == before


def test_a_dry_run_changes_nothing(ringebu, tmp_path, var_dir):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES),
                           dry_run=True)
    assert result.accepted and result.line_count == len(LINES)
    assert not Actual.objects.filter(municipality=ringebu).exists()
    assert state(ringebu, var_dir)[2] == []
