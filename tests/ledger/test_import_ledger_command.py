"""`styringshjul import_ledger FILE --municipality 3439 --year 2025`: issues one per line,
a summary in Norwegian; exit status 0 when imported, 1 when rejected."""

from pathlib import Path

import pytest
from django.db import connections
from django.utils import translation

from styringshjul.cli import main
from styringshjul.ledger.models import Actual
from tests.ledger.ledger_lines import with_amount, write_ledger

FIXTURE = Path(__file__).parent.parent / "fixtures" / "hovedbok_visma_cp1252.csv"


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def run_cli(monkeypatch, *args: str) -> int:
    """Run the real entry point; the test database must stay open when the command ends."""
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with translation.override("nb"), pytest.raises(SystemExit) as exit_info:
        main(["styringshjul", "import_ledger", *map(str, args)])
        raise SystemExit(0)
    return exit_info.value.code


def test_the_command_exits_0_and_prints_the_summary_when_imported(ringebu, monkeypatch,
                                                                   capsys):
    status = run_cli(monkeypatch, FIXTURE, "--municipality", "3439", "--year", "2025")
    out, _ = capsys.readouterr()
    assert status == 0
    assert "Lest som Windows-1252 med kolonneprofilen «visma-enterprise»." in out
    assert "Importerte 6 linjer for periodene 1, 2, 3, sum 35\xa0250 kr." in out
    assert "Advarsel: rad 8: En summelinje; den ble hoppet over." in out
    assert Actual.objects.filter(municipality=ringebu, year=2025).count() == 6


def test_the_command_exits_1_and_prints_every_issue_when_rejected(ringebu, monkeypatch,
                                                                 capsys, tmp_path):
    path = write_ledger(tmp_path / "h.csv", [with_amount("1,00", Art="9991"),
                                             with_amount("x", Ansvar="2100")])
    status = run_cli(monkeypatch, path, "--municipality", "3439", "--year", "2025")
    out, _ = capsys.readouterr()
    assert status == 1
    assert "Feil: rad 2, kolonne «Art», verdi «9991»: " in out
    assert "Feil: rad 3, kolonne «Beløp», verdi «x»: Ikke et beløp." in out
    assert "Avvist: 2 feil og 0 advarsler. Ingenting ble endret." in out
    assert not Actual.objects.filter(municipality=ringebu).exists()


def test_the_command_says_when_the_same_file_changes_nothing(ringebu, monkeypatch, capsys):
    run_cli(monkeypatch, FIXTURE, "--municipality", "3439", "--year", "2025")
    capsys.readouterr()
    status = run_cli(monkeypatch, FIXTURE, "--municipality", "3439", "--year", "2025")
    assert status == 0
    assert "allerede importert" in capsys.readouterr().out


def test_a_dry_run_exits_0_and_saves_nothing(ringebu, monkeypatch, capsys):
    status = run_cli(monkeypatch, FIXTURE, "--municipality", "3439", "--year", "2025",
                     "--dry-run")
    assert status == 0
    assert not Actual.objects.filter(municipality=ringebu).exists()


def test_an_unknown_profile_name_exits_1(ringebu, monkeypatch, capsys):
    status = run_cli(monkeypatch, FIXTURE, "--municipality", "3439", "--year", "2025",
                     "--profile", "finnes-ikke")
    assert status == 1


def test_an_unknown_municipality_exits_1(demo, monkeypatch, capsys):
    status = run_cli(monkeypatch, FIXTURE, "--municipality", "9999", "--year", "2025")
    assert status == 1
    assert "Ingen kommune har nummeret 9999." in capsys.readouterr().err
