"""`styringshjul appropriation_schedule`: the CSV contract."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from tests.budget.test_schedules import actuals_2024, service_code, small_version  # noqa: F401


def run(*args) -> list[dict]:
    out = io.StringIO()
    call_command("appropriation_schedule", "--municipality", "3439", *args, stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_by_id_and_by_name(small_version):  # noqa: F811
    by_id = run("--version", str(small_version.pk), "--year", "2030", "--schedule", "5-4-1",
                "--format", "csv")
    by_name = run("--version", "Liten plan", "--year", "2030", "--schedule", "5-4-1")
    assert by_id == by_name
    assert list(by_id[0]) == ["line", "text", "amount"]
    assert by_id[0] == {"line": "1", "text": "Rammetilskudd", "amount": "-1000000.00"}
    rows = {row["line"]: row["amount"] for row in by_id}
    assert rows["6"] == "1105000.25" and rows["17"] == "-654999.75" and rows["23"] == "0.00"


def test_per_area(small_version, ringebu):  # noqa: F811
    _code, area = service_code(ringebu)
    rows = {row["line"]: row for row in run("--version", "Liten plan", "--year", "2030",
                                            "--schedule", "5-4-2")}
    assert rows[str(area)]["amount"] == "1100000.25"
    assert rows["0"]["amount"] == "5000.00"
    assert rows["sum"]["amount"] == "1105000.25"


def test_capital_and_by_art(small_version):  # noqa: F811
    capital = {r["line"]: r["amount"] for r in run("--version", "Liten plan", "--year", "2030",
                                                   "--schedule", "5-5")}
    assert capital["14"] == "-2000000.00"
    by_art = {r["line"]: r["amount"] for r in run("--version", "Liten plan", "--year", "2030",
                                                  "--schedule", "5-6")}
    assert by_art["9"] == "-1950000.25"


def test_accounts(actuals_2024):  # noqa: F811
    rows = {r["line"]: r["amount"] for r in run("--accounts", "--year", "2024",
                                                "--schedule", "5-4-1")}
    assert rows["6"] == "950000.40"


def test_output_file(small_version, tmp_path):  # noqa: F811
    target = tmp_path / "oversikt.csv"
    call_command("appropriation_schedule", "--municipality", "3439", "--version", "Liten plan",
                 "--year", "2031", "--schedule", "5-4-1", "--output", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert rows[0]["amount"] == "-1000000.00"


@pytest.mark.parametrize("args", [
    ("--version", "Finnes ikke", "--year", "2030", "--schedule", "5-4-1"),
    ("--version", "999999", "--year", "2030", "--schedule", "5-4-1"),
    ("--version", "Liten plan", "--year", "2035", "--schedule", "5-4-1"),
])
def test_unknown_version_or_year(small_version, args):  # noqa: F811
    with pytest.raises(CommandError):
        run(*args)


def test_unknown_municipality(db):
    with pytest.raises(CommandError):
        call_command("appropriation_schedule", "--municipality", "0000", "--accounts",
                     "--year", "2024", "--schedule", "5-4-1", stdout=io.StringIO())


def test_another_municipalitys_version_is_unknown(small_version):  # noqa: F811
    with pytest.raises(CommandError):
        call_command("appropriation_schedule", "--municipality", "3441", "--version",
                     str(small_version.pk), "--year", "2030", "--schedule", "5-4-1",
                     stdout=io.StringIO())
