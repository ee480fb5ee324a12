"""`styringshjul import_organisation FILE --municipality 3439`: issues one per line, then
the summary, in Norwegian; exit status 1 when nothing was imported."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.utils import translation

from styringshjul.cli import main
from styringshjul.org.models import Responsibility

FIXTURES = Path(__file__).parent.parent / "fixtures"


def run_cli(monkeypatch, *args: str) -> int:
    """Run the real entry point; the test database must stay open when the command ends."""
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with translation.override("nb"), pytest.raises(SystemExit) as exit_info:
        main(["styringshjul", "import_organisation", *map(str, args)])
        raise SystemExit(0)
    return exit_info.value.code


def test_the_command_exits_1_when_rejected(ringebu, monkeypatch, capsys):
    status = run_cli(monkeypatch, FIXTURES / "organisasjon_med_feil.csv",
                     "--municipality", "3439")

    out, err = capsys.readouterr()
    assert status == 1
    assert "Feil: rad 4, kolonne «Ansvar», verdi «21A»: ansvar må bestå av sifre" in out
    assert out.count("Feil: ") == 7
    assert "Filen ble avvist på grunn av 7 feil. Ingenting er endret." in err


def test_the_command_exits_0_and_prints_the_summary_when_imported(ringebu, monkeypatch, capsys):
    status = run_cli(monkeypatch, FIXTURES / "organisasjon_ringebu_cp1252.csv",
                     "--municipality", "3439")

    out, _ = capsys.readouterr()
    assert status == 0
    assert "Lest som Windows-1252." in out
    assert "Ansvar – nye: 4, endret: 0, flyttet: 0, uendret: 5" in out
    assert Responsibility.objects.filter(municipality=ringebu, code="4610").exists()


def test_an_unknown_municipality_is_a_clear_error(demo, monkeypatch, capsys):
    status = run_cli(monkeypatch, FIXTURES / "organisasjon_ringebu_cp1252.csv",
                     "--municipality", "9999")

    assert status == 1
    assert "Ingen kommune har nummeret 9999." in capsys.readouterr().err


def test_a_missing_file_is_a_clear_error(ringebu):
    with pytest.raises(CommandError) as error:
        call_command("import_organisation", "finnes-ikke.csv", municipality="3439")
    assert error.value.returncode == 1


def test_warnings_are_printed_and_the_import_still_succeeds(ringebu, tmp_path, capsys):
    path = tmp_path / "flytt.csv"
    path.write_text("Tjenesteområde;Enhet;Ansvar\nOppvekst;Fåvang skule;2110\n",
                    encoding="utf-8")

    with translation.override("nb"):
        call_command("import_organisation", str(path), municipality="3439")

    out = capsys.readouterr().out
    assert ("Advarsel: rad 2, kolonne «Ansvar», verdi «2110»: "
            "ansvar 2110 flyttes fra Ringebu skole til Fåvang skule") in out
    assert Responsibility.objects.get(municipality=ringebu, code="2110").unit.name == (
        "Fåvang skule")


def test_a_dry_run_saves_nothing(ringebu, capsys):
    with translation.override("nb"):
        call_command("import_organisation", str(FIXTURES / "organisasjon_ringebu_cp1252.csv"),
                     municipality="3439", dry_run=True)

    assert "Prøvekjøring" in capsys.readouterr().out
    assert not Responsibility.objects.filter(municipality=ringebu, code="4610").exists()
