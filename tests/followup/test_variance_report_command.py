import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from styringshjul.followup.export import COLUMNS

pytestmark = [pytest.mark.django_db]


def run(*args) -> str:
    out = io.StringIO()
    call_command("variance_report", "--municipality", "3439", "--year", "2025", *args,
                 stdout=out)
    return out.getvalue()


def test_it_writes_exactly_the_agreed_columns(ringebu_year):
    text = run("--period", "8", "--by", "ansvar")
    assert text.splitlines()[0] == ",".join(COLUMNS) == (
        "key,name,annual_budget,budget_ytd,actual_ytd,variance,variance_pct,forecast")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["2200"]["budget_ytd"] == "917023.59"
    assert rows["2200"]["variance_pct"] == "6.8"
    assert rows["2300"]["forecast"] == "580000.00"
    assert rows["9999"]["variance_pct"] == ""
    assert rows["total"]["actual_ytd"] == "2632000.00"


def test_the_csv_has_the_same_figures_as_the_page(as_kari, ringebu_year):
    for grouping in ("ansvar", "funksjon", "art", "service_area"):
        command = run("--period", "8", "--by", grouping)
        page = as_kari.get(f"/3439/oppfolging/?year=2025&period=8&by={grouping}&format=csv")
        assert page.content.decode() == command, grouping


def test_the_page_shows_the_csvs_figures(as_kari, ringebu_year):
    page = as_kari.get("/3439/oppfolging/?year=2025&period=8&by=ansvar").content.decode()
    assert "917\xa0024" in page and "855\xa0000" in page and "62\xa0024" in page


def test_xlsx_needs_an_output_file_and_has_the_same_columns(ringebu_year, tmp_path):
    with pytest.raises(CommandError):
        run("--period", "8", "--by", "art", "--format", "xlsx")
    path = tmp_path / "avvik.xlsx"
    run("--period", "8", "--by", "art", "--format", "xlsx", "--output", str(path))
    sheet = load_workbook(path).active
    assert [cell.value for cell in sheet[1]] == COLUMNS
    assert sheet.max_row == 6


def test_unknown_municipality_exits_1_with_a_norwegian_message(ringebu_year):
    with pytest.raises(CommandError) as error:
        call_command("variance_report", "--municipality", "0000", "--year", "2025",
                     "--period", "8", "--by", "ansvar")
    assert error.value.returncode == 1
    assert "Ingen kommune har nummeret 0000" in str(error.value)


def test_no_budget_exits_1(ringebu_year):
    with pytest.raises(CommandError) as error:
        run("--period", "8", "--by", "ansvar", "--version", "Finnes ikke")
    assert error.value.returncode == 1
    with pytest.raises(CommandError):
        call_command("variance_report", "--municipality", "3439", "--year", "2019",
                     "--period", "8", "--by", "ansvar")
