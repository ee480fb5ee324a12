"""`styringshjul import_budget FILE --municipality 3439 --year 2025 --name …`: yearly
amounts per account string into a budget version, replaced at once, checked like the
general ledger."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connections
from django.utils import translation

from styringshjul.budget.budget_import import import_budget
from styringshjul.budget.models import BudgetLine, BudgetVersion
from styringshjul.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOOD = FIXTURES / "budsjett_ringebu_cp1252.csv"
BAD = FIXTURES / "budsjett_med_feil.csv"
NAME = "Vedtatt budsjett 2025"


def run_cli(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with translation.override("nb"), pytest.raises(SystemExit) as exit_info:
        main(["styringshjul", "import_budget", *map(str, args)])
        raise SystemExit(0)
    return exit_info.value.code


def lines(version) -> dict:
    return {(line.responsibility, line.function, line.art, line.project): line.amount
            for line in BudgetLine.objects.filter(version=version, year=2025)}


def test_it_creates_an_adopted_version_with_a_line_per_account_string(ringebu):
    result = import_budget(ringebu, 2025, GOOD, name=NAME)
    assert result.accepted and result.created
    assert result.encoding == "cp1252"
    version = BudgetVersion.objects.get(municipality=ringebu, name=NAME)
    assert version.state == "adopted"
    assert lines(version)[("4100", "332", "1100", "41001")] == Decimal("250000.00")
    assert result.total == Decimal("8820000.00")
    assert BudgetLine.objects.get(version=version, art="0101", responsibility="2100"
                                  ).kostra_art == "010"


def test_the_same_file_twice_changes_nothing_and_says_so(ringebu):
    import_budget(ringebu, 2025, GOOD, name=NAME)
    again = import_budget(ringebu, 2025, GOOD, name=NAME)
    assert again.unchanged and again.accepted
    assert BudgetLine.objects.filter(version__municipality=ringebu).count() == 6


def test_a_new_file_replaces_the_years_lines(ringebu, tmp_path):
    import_budget(ringebu, 2025, GOOD, name=NAME)
    path = tmp_path / "ny.csv"
    path.write_text("Ansvar;Funksjon;Art;Budsjett\n2100;202;0101;1 000\n", encoding="utf-8")
    result = import_budget(ringebu, 2025, path, name=NAME)
    assert result.accepted and not result.created
    assert lines(result.version) == {("2100", "202", "0101", ""): Decimal("1000.00")}


def test_a_file_with_errors_is_rejected_and_changes_nothing(ringebu):
    import_budget(ringebu, 2025, GOOD, name=NAME)
    result = import_budget(ringebu, 2025, BAD, name=NAME)
    assert not result.accepted
    assert [(i.code, i.row, i.column, i.value) for i in result.issues] == [
        ("ledger.unknown_responsibility", 3, "Ansvar", "9999"),
        ("ledger.unknown_function", 4, "Funksjon", "999"),
        ("ledger.invalid_amount", 4, "Budsjett", "abc"),
    ]
    assert len(lines(BudgetVersion.objects.get(name=NAME, municipality=ringebu))) == 6


def test_the_command_exits_0_and_says_what_it_did(ringebu, monkeypatch, capsys):
    status = run_cli(monkeypatch, GOOD, "--municipality", "3439", "--year", "2025",
                     "--name", NAME)
    out, _ = capsys.readouterr()
    assert status == 0
    assert "Opprettet budsjettversjonen «Vedtatt budsjett 2025» (vedtatt)." in out
    run_cli(monkeypatch, GOOD, "--municipality", "3439", "--year", "2025", "--name", NAME)
    assert "ingenting ble endret" in capsys.readouterr().out


def test_the_command_exits_1_and_prints_every_issue_when_rejected(ringebu, monkeypatch,
                                                                 capsys):
    status = run_cli(monkeypatch, BAD, "--municipality", "3439", "--year", "2025",
                     "--name", NAME)
    out, _ = capsys.readouterr()
    assert status == 1
    assert "Feil: rad 3, kolonne «Ansvar», verdi «9999»: " in out
    assert not BudgetVersion.objects.filter(municipality=ringebu, name=NAME).exists()
