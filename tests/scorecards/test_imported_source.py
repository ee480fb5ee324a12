"""Results from a file: sick leave per unit from a payroll export. Every row is checked
first; one error and nothing is stored; the same file twice changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.utils.translation import gettext

from styringshjul.org.models import OrgUnit
from styringshjul.scorecards.imported_source import (
    find_indicator,
    import_indicator_results,
    parse_number,
)
from styringshjul.scorecards.models import Indicator, Level, Period, Result, Scorecard


def _overview(request, number):
    return HttpResponse()



pytestmark = pytest.mark.django_db
YEAR = 2026
URL = "/3439/malekart/2026/import/"


@pytest.fixture
def sick_leave(scorecards_2026) -> Indicator:
    factor = scorecards_2026.success_factors.create(
        perspective=scorecards_2026.municipality.perspectives.get(name="Medarbeidere"),
        name="Godt arbeidsmiljø", is_shared=True)
    return Indicator.objects.create(success_factor=factor, name="Sykefravær",
                                    unit_of_measure="%", direction="lower",
                                    target=Decimal(6), source="imported")


def write(tmp_path, text: str, name="sykefravaer.csv", encoding="utf-8"):
    target = tmp_path / name
    target.write_bytes(text.encode(encoding))
    return target


def unit_result(ringebu, name: str, indicator, period=Period.FIRST_TERTIAL) -> Result | None:
    unit = OrgUnit.objects.get(municipality=ringebu, name=name)
    return Result.objects.filter(scorecard__unit=unit, scorecard__level=Level.UNIT,
                                 indicator=indicator, period=period).first()


def run(ringebu, indicator, file, **kwargs):
    return import_indicator_results(ringebu, YEAR, indicator, Period.FIRST_TERTIAL, file,
                                    today=date(2026, 5, 12), **kwargs)


def test_numbers_take_a_decimal_comma_and_a_percent_sign():
    assert parse_number("5,2") == Decimal("5.2")
    assert parse_number("5.25 %") == Decimal("5.25")
    assert parse_number("−1 250,5") == Decimal("-1250.5")
    assert parse_number("fem") is None
    assert parse_number("5,2,1") is None


def test_each_row_goes_to_its_units_scorecard(ringebu, sick_leave, tmp_path):
    file = write(tmp_path, "Ansvar;Sykefravær %\n2200;5,2\n2300 Ringebu ungdomsskole;7,15\n",
                 encoding="cp1252")
    result = run(ringebu, sick_leave, file)
    assert not result.issues and result.stored == 2
    favang = unit_result(ringebu, "Fåvang skule", sick_leave)
    assert favang.value == Decimal("5.2")
    assert favang.source_note.endswith("sykefravaer.csv 12.05.2026")
    assert favang.computed_at is not None
    assert unit_result(ringebu, "Ringebu ungdomsskole", sick_leave).value == Decimal("7.15")


def test_a_unit_may_be_named_instead_of_its_ansvar(ringebu, sick_leave, tmp_path):
    file = write(tmp_path, "Enhet;Verdi\nfåvang  SKULE;4\n")
    assert run(ringebu, sick_leave, file).stored == 1
    assert unit_result(ringebu, "Fåvang skule", sick_leave).value == Decimal(4)


def test_every_bad_row_is_reported_and_nothing_is_stored(ringebu, sick_leave, tmp_path):
    file = write(tmp_path, "Ansvar;Sykefravær %\n2300;6,0\n9999;5\n2200;fem\n2200;4\n"
                           "2210;3\n;2\n")
    result = run(ringebu, sick_leave, file)
    assert result.rejected and result.stored == 0
    assert [(i.row, i.code, i.column, i.value) for i in result.issues] == [
        (3, "unknown_code", "Ansvar", "9999"),
        (4, "not_a_number", "Sykefravær %", "fem"),
        (5, "duplicate_unit", "Ansvar", "2200"),
        (6, "duplicate_unit", "Ansvar", "2210"),
        (7, "required", "Ansvar", ""),
    ]
    assert not Result.objects.filter(indicator=sick_leave).exists()


def test_a_file_without_the_columns_is_rejected(ringebu, sick_leave, tmp_path):
    file = write(tmp_path, "Ansvar;Enhet\n2200;Fåvang skule\n")
    result = run(ringebu, sick_leave, file)
    assert [issue.code for issue in result.issues] == ["missing_column"]


def test_the_same_file_twice_changes_nothing(ringebu, sick_leave, tmp_path):
    file = write(tmp_path, "Ansvar;Verdi\n2200;5,2\n2300;7\n")
    run(ringebu, sick_leave, file)
    first = unit_result(ringebu, "Fåvang skule", sick_leave)
    again = run(ringebu, sick_leave, file)
    assert (again.stored, again.changes, again.rejected) == (0, [], False)
    assert again.status_message() == gettext(
        "Nothing changed: the results are already as in the file.")
    assert unit_result(ringebu, "Fåvang skule", sick_leave).computed_at == first.computed_at
    changed = run(ringebu, sick_leave, write(tmp_path, "Ansvar;Verdi\n2200;5,2\n2300;6\n"))
    assert changed.stored == 1


def test_a_dry_run_stores_nothing(ringebu, sick_leave, tmp_path):
    result = run(ringebu, sick_leave, write(tmp_path, "Ansvar;Verdi\n2200;5,2\n"),
                 dry_run=True)
    assert len(result.changes) == 1 and result.stored == 0
    assert not Result.objects.filter(indicator=sick_leave).exists()


def test_a_units_own_indicator_takes_only_that_units_row(ringebu, favang_scorecard,
                                                         tmp_path):
    factor = favang_scorecard.success_factors.create(
        perspective=ringebu.perspectives.get(name="Brukere"), name="Trygge elever")
    own = Indicator.objects.create(success_factor=factor, name="Mobbing", source="imported")
    result = run(ringebu, own, write(tmp_path, "Ansvar;Verdi\n2200;1\n2300;2\n"))
    assert [(i.row, i.code) for i in result.issues] == [(3, "not_on_scorecard")]


def test_computed_indicators_are_never_imported(ringebu, scorecards_2026, tmp_path):
    ledger = Indicator.objects.get(name="Samsvar mellom budsjett og regnskap")
    ledger.source = "ledger_deviation"
    ledger.save()
    result = run(ringebu, ledger, write(tmp_path, "Ansvar;Verdi\n2200;1\n"))
    assert [issue.code for issue in result.issues] == ["automatic"]


def test_the_indicator_is_found_by_id_or_name(ringebu, gausdal, sick_leave):
    assert find_indicator(ringebu, YEAR, str(sick_leave.pk))[0] == sick_leave
    assert find_indicator(ringebu, YEAR, "sykefravær")[0] == sick_leave
    assert find_indicator(gausdal, YEAR, str(sick_leave.pk))[0] is None


def test_the_command_imports_and_exits_1_on_a_rejected_file(ringebu, sick_leave, tmp_path,
                                                             capsys):
    good = write(tmp_path, "Ansvar;Sykefravær %\n2200;5,2\n")
    call_command("import_indicator_results", str(good), "--municipality", "3439",
                 "--year", "2026", "--indicator", "Sykefravær", "--period", "T1")
    assert unit_result(ringebu, "Fåvang skule", sick_leave).value == Decimal("5.2")
    bad = write(tmp_path, "Ansvar;Sykefravær %\n2200;3\n9999;5\n", name="feil.csv")
    with pytest.raises(CommandError) as raised:
        call_command("import_indicator_results", str(bad), "--municipality", "3439",
                     "--year", "2026", "--indicator", str(sick_leave.pk), "--period", "T1")
    assert raised.value.returncode == 1
    assert "9999" in capsys.readouterr().out
    assert unit_result(ringebu, "Fåvang skule", sick_leave).value == Decimal("5.2")


def test_the_command_reads_xlsx(ringebu, sick_leave, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Lønnsrapport T1"])
    workbook.active.append(["Ansvar", "Sykefravær %"])
    workbook.active.append(["2200", 5.5])
    file = tmp_path / "lonn.xlsx"
    workbook.save(file)
    call_command("import_indicator_results", str(file), "--municipality", "3439",
                 "--year", "2026", "--indicator", "Sykefravær", "--period", "T2")
    result = unit_result(ringebu, "Fåvang skule", sick_leave, Period.SECOND_TERTIAL)
    assert result.value == Decimal("5.5")


def upload(text: str, name="sykefravaer.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_finance_imports_on_the_page(ringebu, sick_leave, as_kari):
    assert as_kari.get(URL).status_code == 200
    response = as_kari.post(URL, {"indicator": sick_leave.pk, "period": "T1", "import": "1",
                                  "file": upload("Ansvar;Verdi\n2200;5,2\n")})
    assert response.status_code == 200
    assert response.context["result"].stored == 1
    assert unit_result(ringebu, "Fåvang skule", sick_leave).value == Decimal("5.2")


def test_the_page_lists_the_problems_and_stores_nothing(ringebu, sick_leave, as_kari):
    response = as_kari.post(URL, {"indicator": sick_leave.pk, "period": "T1", "import": "1",
                                  "file": upload("Ansvar;Verdi\n2200;5,2\n9999;1\n")})
    assert [issue.row for issue in response.context["result"].issues] == [3]
    assert b"9999" in response.content
    assert not Result.objects.filter(indicator=sick_leave).exists()


def test_the_page_checks_without_saving(ringebu, sick_leave, as_kari):
    response = as_kari.post(URL, {"indicator": sick_leave.pk, "period": "T1",
                                  "dry_run": "1", "file": upload("Ansvar;Verdi\n2200;5,2\n")})
    assert response.context["result"].dry_run
    assert not Result.objects.filter(indicator=sick_leave).exists()


def test_the_page_offers_no_computed_indicator(sick_leave, as_kari):
    Indicator.objects.filter(name="Samsvar mellom budsjett og regnskap").update(
        source="ledger_deviation")
    choices = dict(as_kari.get(URL).context["form"].fields["indicator"].choices)
    assert list(choices) == [sick_leave.pk]


def test_unit_leaders_and_politicians_may_not_import(sick_leave, as_ola, as_per):
    assert as_ola.get(URL).status_code == 403
    assert as_per.get(URL).status_code == 403


def test_another_municipality_gets_404(sick_leave, as_sofie):
    assert as_sofie.get(URL).status_code == 404
    response = as_sofie.post(URL, {"indicator": sick_leave.pk, "period": "T1",
                                   "file": upload("Ansvar;Verdi\n2200;5,2\n")})
    assert response.status_code == 404
    assert not Result.objects.filter(indicator=sick_leave).exists()


def test_a_scorecard_of_another_year_is_not_a_target(ringebu, sick_leave, tmp_path):
    Scorecard.objects.filter(municipality=ringebu, year=YEAR,
                             unit__name="Fåvang skule").delete()
    result = run(ringebu, sick_leave, write(tmp_path, "Ansvar;Verdi\n2200;5\n"))
    assert [issue.code for issue in result.issues] == ["no_scorecard"]
