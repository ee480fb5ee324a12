"""`styringshjul survey_results`: the results that may be shown, as CSV or JSON, the same
bytes as the survey page's download; a hidden result is an empty mean marked `skjult`."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from styringshjul.surveys import queries
from tests.surveys.test_survey_pages import (
    assert_shows_no_hidden_mean,
    make_school_survey,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_survey(ringebu):
    return make_school_survey(ringebu)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("survey_results", "--municipality", "3439", *args, stdout=out)
    return out.getvalue()


def test_the_csv_has_the_contract_columns_and_a_row_per_place_and_dimension(school_survey):
    rows = list(csv.DictReader(io.StringIO(run("--survey", school_survey.name))))
    assert list(rows[0]) == ["year", "level", "place", "ansvar", "dimension", "respondents",
                             "mean", "reference", "status"]
    assert {row["year"] for row in rows} == {"2024", "2025"}
    skole = next(row for row in rows if row["year"] == "2024"
                 and row["place"] == "Ringebu skole" and row["dimension"] == "Trivsel")
    assert skole == {"year": "2024", "level": "unit", "place": "Ringebu skole",
                     "ansvar": "2100", "dimension": "Trivsel", "respondents": "31",
                     "mean": "4.812", "reference": "4.7", "status": skole["status"]}
    norge = [row for row in rows if row["level"] == "reference"]
    assert {row["place"] for row in norge} == {"Norge"}


def test_a_hidden_result_is_an_empty_mean_with_the_status_skjult(school_survey):
    text = run("--survey", "brukerundersøkelse SKOLE", "--year", "2025")
    rows = list(csv.DictReader(io.StringIO(text)))
    hidden = [row for row in rows if row["status"] == "skjult"]
    table = queries.round_table(queries.rounds(school_survey)[-1])
    assert len(hidden) == table.hidden_count
    assert all(row["mean"] == "" and row["respondents"] == "" for row in hidden)
    assert {row["place"] for row in hidden} >= {"Ringebu ungdomsskole"}
    assert_shows_no_hidden_mean(text.encode(), school_survey)


def test_the_json_has_the_same_fields_and_hides_the_same_results(school_survey):
    text = run("--survey", school_survey.name, "--year", "2025", "--format", "json")
    document = json.loads(text)
    assert document["survey"] == school_survey.name and document["threshold"] == 3
    rows = list(csv.DictReader(io.StringIO(run("--survey", school_survey.name,
                                               "--year", "2025"))))
    assert len(document["rows"]) == len(rows)
    assert set(document["rows"][0]) == set(rows[0])
    hidden = [row for row in document["rows"] if row["status"] == "skjult"]
    assert hidden and all(row["mean"] is None for row in hidden)
    assert_shows_no_hidden_mean(text.encode(), school_survey)


def test_the_page_download_is_the_same_bytes_as_the_command(school_survey, as_per, tmp_path):
    output = tmp_path / "resultater.csv"
    call_command("survey_results", "--municipality", "3439", "--survey", school_survey.name,
                 "--year", "2025", "--output", str(output), stderr=io.StringIO())
    response = as_per.get(reverse("survey_csv", args=["3439", school_survey.pk, 2025]))
    assert response.status_code == 200
    assert response.content == output.read_bytes()


def test_an_unknown_survey_or_year_is_an_error(school_survey):
    with pytest.raises(CommandError):
        run("--survey", "Finnes ikke")
    with pytest.raises(CommandError):
        run("--survey", school_survey.name, "--year", "2019")
