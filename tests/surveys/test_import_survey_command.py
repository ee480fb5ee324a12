"""`styringshjul import_survey`: exit 0 when the file is imported or already was, exit 1
with one line per issue when it is rejected — and then nothing is stored, not even the
survey or the names it was asked to save."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from styringshjul.org.models import OrgUnit
from styringshjul.surveys.models import Survey, SurveyResult, SurveyRound, UnitAlias

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent.parent / "fixtures" / "surveys"
HEMNE = FIXTURES / "bedrekommune_eksempel_barnehage_hemne_2017.csv"
SUNNFJORD = FIXTURES / "bedrekommune_eksempel_kulturskule_sunnfjord.csv"
WIDE = FIXTURES / "bedrekommune_barnehage_ringebu_2024.csv"


def run(*args) -> str:
    out = StringIO()
    call_command("import_survey", *map(str, args), stdout=out)
    return out.getvalue()


def rejected(*args) -> CommandError:
    with pytest.raises(CommandError) as raised:
        run(*args)
    assert raised.value.returncode == 1
    return raised.value


def survey(ringebu, name: str) -> Survey | None:
    return Survey.objects.filter(municipality=ringebu, name=name).first()


def test_it_creates_the_survey_and_imports_with_exit_code_0(ringebu):
    output = run(WIDE, "--municipality", "3439", "--survey", "Barnehage test", "--kind", "user")
    created = survey(ringebu, "Barnehage test")
    assert (created.kind, created.anonymity_threshold) == ("user", 5)
    assert SurveyResult.objects.filter(round__survey=created).count() == 9
    assert "9" in output and "2024" in output


def test_threshold_is_set_on_the_survey_it_creates(ringebu):
    run(WIDE, "--municipality", "3439", "--survey", "Barnehage test", "--kind", "user",
        "--threshold", "10")
    assert survey(ringebu, "Barnehage test").anonymity_threshold == 10


def test_a_new_survey_needs_a_kind(ringebu):
    rejected(WIDE, "--municipality", "3439", "--survey", "Barnehage test")
    assert survey(ringebu, "Barnehage test") is None


def test_it_imports_into_an_existing_survey_found_by_name_in_any_case(ringebu):
    run(WIDE, "--municipality", "3439", "--survey", "Barnehage test", "--kind", "user")
    run(SUNNFJORD, "--municipality", "3439", "--survey", "BARNEHAGE TEST", "--unit", "4500")
    assert set(SurveyRound.objects.filter(survey=survey(ringebu, "Barnehage test"))
               .values_list("year", flat=True)) == {2007, 2009, 2014, 2022, 2024}


def test_a_rejected_file_exits_1_prints_each_issue_and_stores_nothing(ringebu):
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_survey", str(HEMNE), "--municipality", "3439", "--survey",
                     "Hemne test", "--kind", "user", stdout=out)
    assert raised.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert any("snitt_bakkely_barnehage «snitt_bakkely_barnehage»:" in line
               and line.startswith(("row 1", "rad 1")) for line in lines)
    assert survey(ringebu, "Hemne test") is None


def test_map_saves_names_before_importing(ringebu):
    output = run(HEMNE, "--municipality", "3439", "--survey", "Hemne test", "--kind", "user",
                 "--map", "bakkely_barnehage=2400", "--map", "Hemne=Ringebu")
    imported = survey(ringebu, "Hemne test")
    assert SurveyRound.objects.get(survey=imported).year == 2017
    alias = UnitAlias.objects.get(municipality=ringebu, name="bakkely barnehage")
    assert alias.unit == OrgUnit.objects.get(municipality=ringebu, name="Ringebu barnehage")
    assert UnitAlias.objects.get(municipality=ringebu, name="Hemne").unit is None
    assert "2017" in output


def test_a_map_naming_nothing_is_refused(ringebu):
    rejected(HEMNE, "--municipality", "3439", "--survey", "Hemne test", "--kind", "user",
             "--map", "bakkely_barnehage=9999")
    assert not UnitAlias.objects.filter(municipality=ringebu).exists()


def test_the_same_file_again_exits_0_and_says_nothing_changed(ringebu):
    args = (WIDE, "--municipality", "3439", "--survey", "Barnehage test", "--kind", "user")
    first = run(*args)
    stored = SurveyRound.objects.get(survey=survey(ringebu, "Barnehage test"))
    second = run(*args)
    assert second != first
    assert SurveyRound.objects.get(pk=stored.pk).imported_at == stored.imported_at


def test_a_dry_run_creates_nothing(ringebu):
    output = run(WIDE, "--municipality", "3439", "--survey", "Barnehage test", "--kind",
                 "user", "--dry-run")
    assert "9" in output
    assert survey(ringebu, "Barnehage test") is None


def test_an_unknown_municipality_or_file_exits_1(tmp_path):
    rejected(WIDE, "--municipality", "9999", "--survey", "X", "--kind", "user")
    rejected(tmp_path / "missing.csv", "--municipality", "3439", "--survey", "X",
             "--kind", "user")


def test_gausdal_cannot_map_a_name_to_a_ringebu_unit(gausdal):
    rejected(HEMNE, "--municipality", "3441", "--survey", "Hemne test", "--kind", "user",
             "--map", "bakkely_barnehage=Ringebu barnehage")
    assert not UnitAlias.objects.filter(municipality=gausdal).exists()
