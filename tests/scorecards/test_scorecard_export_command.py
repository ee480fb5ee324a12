"""`styringshjul scorecard_export --municipality 3439 [--unit ANSVAR] --year 2026
--format json|pdf|docx --output FILE`."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def export(tmp_path, *options: str, fmt: str = "json"):
    output = tmp_path / f"malekart.{fmt}"
    call_command("scorecard_export", "--municipality", "3439", "--year", "2026",
                 "--format", fmt, "--output", str(output), *options)
    return output


def test_without_a_unit_it_writes_the_municipalitys_scorecard(scorecards_2026, tmp_path):
    data = json.loads(export(tmp_path).read_text())
    assert (data["municipality"], data["level"], data["owner"]) == \
        ("3439", "municipality", "Ringebu kommune")
    finance = next(p for p in data["perspectives"] if p["name"] == "Økonomi")
    [factor] = finance["success_factors"]
    assert factor["indicators"][0]["target"] == "2"


def test_any_ansvar_code_of_a_unit_names_its_scorecard(scorecards_2026, tmp_path):
    data = json.loads(export(tmp_path, "--unit", "2210").read_text())  # SFO Fåvang
    assert (data["level"], data["owner"]) == ("unit", "Fåvang skule")
    finance = next(p for p in data["perspectives"] if p["name"] == "Økonomi")
    assert finance["success_factors"][0]["shared"] is True


def test_it_writes_pdf_and_word(scorecards_2026, tmp_path):
    assert export(tmp_path, "--unit", "2200", fmt="pdf").read_bytes().startswith(b"%PDF")
    assert export(tmp_path, "--unit", "2200", fmt="docx").read_bytes().startswith(b"PK")


@pytest.mark.parametrize("options", [
    ("--municipality", "9999", "--year", "2026"),
    ("--municipality", "3439", "--unit", "9876", "--year", "2026"),
    ("--municipality", "3439", "--year", "2031"),
    ("--municipality", "3439", "--unit", "2200", "--year", "2031"),
])
def test_it_fails_clearly_when_there_is_nothing_to_export(scorecards_2026, tmp_path,
                                                          options):
    output = tmp_path / "x.json"
    with pytest.raises(CommandError):
        call_command("scorecard_export", *options, "--format", "json",
                     "--output", str(output))
    assert not output.exists()
