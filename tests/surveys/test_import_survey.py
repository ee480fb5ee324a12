"""Survey files as bedrekommune.no and KS (10-FAKTOR) export them: every mean is checked
first, one error and nothing is stored, the same file twice changes nothing, and a new file
for a year replaces that year."""

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from styringshjul.lib.issues import Severity
from styringshjul.org.models import OrgUnit, ServiceArea
from styringshjul.surveys.importers import create_survey, import_survey, save_alias
from styringshjul.surveys.models import Dimension, Reference, SurveyResult, SurveyRound
from styringshjul.surveys.survey_files import Target

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent.parent / "fixtures" / "surveys"


@pytest.fixture
def ti_faktor_survey(ringebu):
    return create_survey(ringebu, "Medarbeiderundersøkelse test", "employee")


@pytest.fixture
def user_survey(ringebu):
    return create_survey(ringebu, "Brukerundersøkelse test", "user")


def write(tmp_path, text: str, name: str = "undersokelse.csv", encoding: str = "utf-8"):
    target = tmp_path / name
    target.write_bytes(text.encode(encoding))
    return target


def unit(municipality, name: str) -> OrgUnit:
    return OrgUnit.objects.get(municipality=municipality, name=name)


def result_of(survey, year: int, dimension: str, **place) -> SurveyResult:
    return SurveyResult.objects.get(round__survey=survey, round__year=year,
                                    dimension__name=dimension, **place)


def codes(result, severity=Severity.ERROR) -> list[str]:
    return [issue.code for issue in result.issues if issue.severity is severity]


def test_it_imports_a_long_10_faktor_export_for_units_areas_and_the_municipality(
        ti_faktor_survey, ringebu):
    result = import_survey(ti_faktor_survey, FIXTURES / "ti_faktor_ringebu_2025_bom.csv")
    assert not result.rejected, result.issues
    assert (result.years, result.results, result.places, result.dimensions,
            result.references) == ([2025], 8, 4, 2, 2)
    school = result_of(ti_faktor_survey, 2025, "Mestringstro", unit=unit(ringebu, "Fåvang skule"))
    assert (school.respondents, school.mean) == (14, Decimal("4.4"))
    area = result_of(ti_faktor_survey, 2025, "Mestringstro", unit=None,
                     service_area=ServiceArea.objects.get(municipality=ringebu, name="Oppvekst"))
    assert area.respondents == 60
    whole = result_of(ti_faktor_survey, 2025, "Oppgavemotivasjon", unit=None,
                      service_area=None)
    assert whole.respondents == 210
    assert set(Reference.objects.filter(round__survey=ti_faktor_survey)
               .values_list("label", "dimension__name", "mean")) == {
        ("Norge", "Oppgavemotivasjon", Decimal("4.5")), ("Norge", "Mestringstro", Decimal("4.4"))}


def test_a_place_chosen_for_a_file_that_names_its_own_is_named_in_the_warning(
        ti_faktor_survey, ringebu):
    chosen = Target(unit=unit(ringebu, "Fåvang skule"))
    result = import_survey(ti_faktor_survey, FIXTURES / "ti_faktor_ringebu_2025_bom.csv",
                           place=chosen)
    assert [issue.value for issue in result.issues
            if issue.code.endswith("place_not_used")] == ["Fåvang skule"]


def test_columns_with_the_municipalitys_mean_and_the_national_mean_are_kept_once(
        ti_faktor_survey, tmp_path):
    text = ("År;Enhet;Faktor;Snitt;Antall svar;Snitt kommunen;Landssnitt\n"
            "2025;Fåvang skule;Rolleklarhet;4,1;7;4,3;4,4\n"
            "2025;Ringebu skole;Rolleklarhet;4,3;17;4,3;4,4\n")
    result = import_survey(ti_faktor_survey, write(tmp_path, text))
    assert not result.rejected, result.issues
    whole = result_of(ti_faktor_survey, 2025, "Rolleklarhet", unit=None, service_area=None)
    assert (whole.mean, whole.respondents) == (Decimal("4.3"), None)
    assert Reference.objects.get(round__survey=ti_faktor_survey).label == "Norge"


def test_a_row_for_the_whole_country_is_a_reference(ti_faktor_survey, tmp_path):
    text = ("År;Enhet;Faktor;Snitt;Antall svar\n2025;Fåvang skule;Rolleklarhet;4,1;7\n"
            "2025;Hele landet;Rolleklarhet;4,2;81234\n")
    result = import_survey(ti_faktor_survey, write(tmp_path, text))
    assert (result.results, result.references) == (1, 1)
    assert Reference.objects.get(round__survey=ti_faktor_survey).label == "Norge"


def test_a_repeated_municipality_mean_that_differs_is_an_error(ti_faktor_survey, tmp_path):
    text = ("År;Enhet;Faktor;Snitt;Antall svar;Kommunesnitt\n"
            "2025;Fåvang skule;Rolleklarhet;4,1;7;4,3\n"
            "2025;Ringebu skole;Rolleklarhet;4,3;17;4,2\n")
    result = import_survey(ti_faktor_survey, write(tmp_path, text))
    assert [(i.code, i.row, i.column, i.value) for i in result.issues] == [
        ("conflicting_repeat", 3, "Kommunesnitt", "4,2")]


def test_it_reads_a_utf8_file_with_a_bom(ti_faktor_survey):
    result = import_survey(ti_faktor_survey, FIXTURES / "ti_faktor_ringebu_2025_bom.csv")
    assert result.encoding == "utf-8-sig"
    assert result.years == [2025]  # the BOM did not hide the first column, «År»


def test_a_decimal_comma_and_a_decimal_point_give_the_same_mean(user_survey, tmp_path, ringebu):
    text = "År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;{};12\n"
    import_survey(user_survey, write(tmp_path, text.format("5,25")))
    comma = result_of(user_survey, 2024, "Trivsel").mean
    import_survey(user_survey, write(tmp_path, text.format("5.25")))
    assert comma == result_of(user_survey, 2024, "Trivsel").mean == Decimal("5.25")


def test_it_reads_nynorsk_headers(user_survey, ringebu):
    result = import_survey(user_survey, FIXTURES / "brukarundersoking_skule_nynorsk_cp1252.csv")
    assert not result.rejected, result.issues
    assert result_of(user_survey, 2024, "Brukarmedverknad",
                     unit=unit(ringebu, "Ringebu skole")).respondents == 41


def test_it_detects_and_reports_windows_1252(user_survey):
    result = import_survey(user_survey, FIXTURES / "brukarundersoking_skule_nynorsk_cp1252.csv")
    assert result.encoding == "cp1252"
    assert "Windows-1252" in result.status_message()
    assert Dimension.objects.filter(survey=user_survey, name="Brukarmedverknad").exists()


def test_it_reads_a_wide_file_with_a_column_per_place_and_a_row_of_respondents(
        user_survey, ringebu):
    result = import_survey(user_survey, FIXTURES / "bedrekommune_barnehage_ringebu_2024.csv")
    assert not result.rejected, result.issues
    assert (result.results, result.places, result.references) == (9, 3, 3)
    kindergarten = result_of(user_survey, 2024, "Fysisk miljø",
                             unit=unit(ringebu, "Fåvang barnehage"))
    assert (kindergarten.respondents, kindergarten.mean) == (18, Decimal("4.9"))
    assert result_of(user_survey, 2024, "Trivsel", unit=None, service_area=None).respondents == 62
    assert Reference.objects.get(round__survey=user_survey, dimension__name="Trivsel",
                                 label="Norge").mean == Decimal("5.3")


def test_the_hemne_example_imports_once_its_names_are_mapped(user_survey, ringebu):
    path = FIXTURES / "bedrekommune_eksempel_barnehage_hemne_2017.csv"
    first = import_survey(user_survey, path)
    assert first.rejected
    assert first.unknown_names == ["bakkely barnehage", "hemne"]
    save_alias(ringebu, "bakkely_barnehage", unit(ringebu, "Ringebu barnehage"))
    save_alias(ringebu, "Hemne", None)
    result = import_survey(user_survey, path)
    assert not result.rejected, result.issues
    assert result.years == [2017]  # from the file name, with a warning
    assert "year_from_file_name" in codes(result, Severity.WARNING)
    assert [d.name for d in user_survey.dimensions.all()][:2] == [
        "Resultat for brukerne", "Trivsel"]
    assert (result.results, result.references) == (14, 7)


def test_the_sunnfjord_example_gives_a_round_per_year_for_the_chosen_unit(user_survey, ringebu):
    path = FIXTURES / "bedrekommune_eksempel_kulturskule_sunnfjord.csv"
    result = import_survey(user_survey, path, place="4500")
    assert not result.rejected, result.issues
    assert result.years == [2007, 2009, 2014, 2022]
    assert result.dimensions == 7  # «Snitt totalt» is the mean of the others: skipped
    assert "summary_row" in codes(result, Severity.WARNING)
    assert result_of(user_survey, 2014, "Brukarmedverknad",
                     unit=unit(ringebu, "Kulturskolen")).mean == Decimal("5.3")


def test_a_file_without_respondents_imports_with_a_warning_and_no_counts(user_survey):
    path = FIXTURES / "bedrekommune_eksempel_kulturskule_sunnfjord.csv"
    result = import_survey(user_survey, path, place="Kulturskolen")
    assert "no_respondents" in codes(result, Severity.WARNING)
    assert not SurveyResult.objects.filter(round__survey=user_survey,
                                           respondents__isnull=False).exists()


def test_year_columns_may_be_headed_snitt_and_the_year(user_survey, tmp_path, ringebu):
    text = "Spørsmål;Snitt 2023;Snitt 2024\nTrivsel;5,0;5,2\nAntall svar;40;44\n"
    result = import_survey(user_survey, write(tmp_path, text), place="Kulturskolen")
    assert not result.rejected, result.issues
    assert result.years == [2023, 2024]
    assert result_of(user_survey, 2024, "Trivsel").respondents == 44


def test_a_note_below_the_table_is_skipped_with_a_warning(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
            "Kilde: bedrekommune.no;;;;\n")
    result = import_survey(user_survey, write(tmp_path, text))
    assert not result.rejected, result.issues
    assert [(i.code, i.row) for i in result.issues] == [("note_row", 3)]
    assert list(user_survey.dimensions.values_list("name", flat=True)) == ["Trivsel"]


def test_a_wide_file_by_year_needs_a_place(user_survey):
    path = FIXTURES / "bedrekommune_eksempel_kulturskule_sunnfjord.csv"
    assert codes(import_survey(user_survey, path)) == ["missing_place"]


def test_it_reads_an_xlsx_workbook_with_title_rows(ti_faktor_survey, tmp_path, ringebu):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["10-FAKTOR medarbeiderundersøkelse"])
    sheet.append(["Ringebu kommune, 2025"])
    sheet.append([])
    sheet.append(["Enhet", "Faktor", "Gjennomsnitt", "Antall respondenter"])
    sheet.append(["Ringebu sjukeheim", "Rolleklarhet", 4.25, 27.0])
    path = tmp_path / "tifaktor.xlsx"
    workbook.save(path)
    result = import_survey(ti_faktor_survey, path, year=2025)
    assert not result.rejected, result.issues
    assert result.encoding == "xlsx"
    found = result_of(ti_faktor_survey, 2025, "Rolleklarhet",
                      unit=unit(ringebu, "Ringebu sjukeheim"))
    assert (found.respondents, found.mean) == (27, Decimal("4.25"))


def test_it_rejects_an_unknown_unit_with_row_column_value_and_reason(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
            "2024;Bakkely barnehage;Trivsel;4,9;8\n")
    result = import_survey(user_survey, write(tmp_path, text))
    [issue] = result.issues
    assert (issue.code, issue.row, issue.column, issue.value) == (
        "unknown_place", 3, "Enhet", "Bakkely barnehage")
    assert "Ringebu" in issue.message
    assert "4,9" not in issue.message
    assert result.unknown_names == ["Bakkely barnehage"]


def test_an_ansvar_code_names_its_unit_even_with_its_name_after_it(user_survey, tmp_path,
                                                                   ringebu):
    text = "År;Ansvar;Dimensjon;Snitt;Antall svar\n2024;2210 SFO Fåvang;Trivsel;5,1;12\n"
    assert not import_survey(user_survey, write(tmp_path, text)).rejected
    assert result_of(user_survey, 2024, "Trivsel", unit=unit(ringebu, "Fåvang skule"))


def test_it_rejects_a_mean_outside_the_survey_scale(ti_faktor_survey, tmp_path):
    text = "År;Enhet;Faktor;Snitt;Antall svar\n2025;Fåvang skule;Rolleklarhet;5,8;12\n"
    result = import_survey(ti_faktor_survey, write(tmp_path, text))
    [issue] = result.issues
    assert (issue.code, issue.row, issue.column, issue.value) == (
        "outside_scale", 2, "Snitt", "5,8")
    assert "1–5" in issue.message


def test_respondents_must_be_a_whole_number_of_zero_or_more(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;-2\n"
            "2024;Ringebu skole;Trivsel;5,1;7,5\n")
    result = import_survey(user_survey, write(tmp_path, text))
    assert [(i.code, i.row) for i in result.issues] == [
        ("not_respondents", 2), ("not_respondents", 3)]


def test_respondents_missing_on_only_some_rows_is_an_error(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
            "2024;Ringebu skole;Trivsel;5,1;\n")
    result = import_survey(user_survey, write(tmp_path, text))
    assert [(i.code, i.row, i.column) for i in result.issues] == [
        ("missing_respondents", 3, "Antall svar")]


def test_a_place_and_dimension_twice_in_a_year_is_an_error(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
            "2024;2200;trivsel;5,2;12\n")
    result = import_survey(user_survey, write(tmp_path, text))
    [issue] = result.issues
    assert (issue.code, issue.row, issue.value) == ("duplicate", 3, "trivsel")
    assert "2" in issue.message  # the row it repeats


def test_two_columns_naming_the_same_place_is_an_error(user_survey, tmp_path):
    text = "dimensjon;snitt_ringebu;snitt kommunen\nTrivsel;5,1;5,1\n"
    result = import_survey(user_survey, write(tmp_path, text), year=2024)
    assert [(i.code, i.row, i.column) for i in result.issues if i.is_error] == [
        ("duplicate", 1, "snitt kommunen")]


def test_a_row_without_a_year_is_an_error_unless_a_year_is_chosen(user_survey, tmp_path):
    text = "År;Enhet;Dimensjon;Snitt;Antall svar\n;Fåvang skule;Trivsel;5,1;12\n"
    assert codes(import_survey(user_survey, write(tmp_path, text))) == ["missing_year"]
    assert not import_survey(user_survey, write(tmp_path, text), year=2024).rejected


def test_a_file_without_any_year_is_an_error(user_survey, tmp_path):
    text = "Enhet;Dimensjon;Snitt;Antall svar\nFåvang skule;Trivsel;5,1;12\n"
    assert codes(import_survey(user_survey, write(tmp_path, text))) == ["missing_year"]


def test_a_hidden_cell_is_skipped_with_a_warning(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
            "2024;Ringebu skole;Trivsel;*;2\n")
    result = import_survey(user_survey, write(tmp_path, text))
    assert not result.rejected
    assert codes(result, Severity.WARNING) == ["no_mean"]
    assert result.results == 1


def test_a_rejected_file_changes_nothing(user_survey, tmp_path):
    good = "År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
    import_survey(user_survey, write(tmp_path, good))
    bad = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;4,0;12\n"
           "2024;Fåvang skule;Informasjon;4,0;12\n2024;Nowhere;Informasjon;4,0;12\n")
    result = import_survey(user_survey, write(tmp_path, bad))
    assert result.rejected
    assert result_of(user_survey, 2024, "Trivsel").mean == Decimal("5.1")
    assert not Dimension.objects.filter(survey=user_survey, name="Informasjon").exists()


def test_the_same_file_twice_changes_nothing(user_survey):
    path = FIXTURES / "bedrekommune_barnehage_ringebu_2024.csv"
    import_survey(user_survey, path)
    stored = SurveyRound.objects.get(survey=user_survey, year=2024)
    result_ids = set(SurveyResult.objects.filter(round=stored).values_list("pk", flat=True))
    again = import_survey(user_survey, path)
    assert again.unchanged and not again.rejected
    assert again.unchanged_years == [2024] and not again.replaced_years
    assert SurveyRound.objects.get(pk=stored.pk).imported_at == stored.imported_at
    assert set(SurveyResult.objects.filter(round=stored).values_list("pk", flat=True)) == \
        result_ids


def test_a_new_file_for_a_year_replaces_that_year_only(user_survey, tmp_path, ringebu):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2023;Fåvang skule;Trivsel;4,8;11\n"
            "2024;Fåvang skule;Trivsel;5,1;12\n2024;Ringebu skole;Trivsel;5,0;30\n")
    import_survey(user_survey, write(tmp_path, text))
    newer = "År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,3;14\n"
    result = import_survey(user_survey, write(tmp_path, newer, name="ny.csv"))
    assert result.replaced_years == [2024]
    assert result_of(user_survey, 2024, "Trivsel").respondents == 14
    assert not SurveyResult.objects.filter(round__year=2024, round__survey=user_survey,
                                           unit=unit(ringebu, "Ringebu skole")).exists()
    assert result_of(user_survey, 2023, "Trivsel").mean == Decimal("4.8")
    assert SurveyRound.objects.get(survey=user_survey, year=2024).source == "ny.csv"


def test_the_same_file_for_another_unit_is_not_unchanged(user_survey):
    path = FIXTURES / "bedrekommune_eksempel_kulturskule_sunnfjord.csv"
    import_survey(user_survey, path, place="Kulturskolen")
    again = import_survey(user_survey, path, place="Kultur og fritid")
    assert not again.unchanged
    assert again.replaced_years == [2007, 2009, 2014, 2022]


def test_a_saved_alias_names_a_unit_a_service_area_or_the_municipality(user_survey, tmp_path,
                                                                       ringebu):
    save_alias(ringebu, "Bakkely bhg.", unit(ringebu, "Ringebu barnehage"))
    save_alias(ringebu, "Skole og barnehage", ServiceArea.objects.get(municipality=ringebu,
                                                                      name="Oppvekst"))
    save_alias(ringebu, "Ringebu kommune samlet", None)
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;bakkely  BHG.;Trivsel;5,1;12\n"
            "2024;Skole og barnehage;Trivsel;5,0;60\n2024;Ringebu kommune samlet;Trivsel;5,0;99\n")
    result = import_survey(user_survey, write(tmp_path, text))
    assert not result.rejected, result.issues
    assert result_of(user_survey, 2024, "Trivsel", unit=unit(ringebu, "Ringebu barnehage"))
    assert result_of(user_survey, 2024, "Trivsel", unit=None, service_area=None).respondents == 99


def test_saving_an_alias_again_changes_its_target(ringebu):
    first = save_alias(ringebu, "Bakkely bhg.", unit(ringebu, "Ringebu barnehage"))
    again = save_alias(ringebu, "BAKKELY BHG.", unit(ringebu, "Fåvang barnehage"))
    assert again.pk == first.pk
    assert again.unit == unit(ringebu, "Fåvang barnehage")


def test_an_alias_cannot_point_at_another_municipality(ringebu, gausdal):
    with pytest.raises(ValueError):
        save_alias(ringebu, "Follebu", unit(gausdal, "Follebu skule"))


def test_gausdals_survey_cannot_name_ringebus_units(gausdal, tmp_path):
    survey = create_survey(gausdal, "Brukerundersøkelse skule", "user")
    text = "År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
    result = import_survey(survey, write(tmp_path, text))
    assert codes(result) == ["unknown_place"]
    assert "Gausdal" in result.issues[0].message
    assert not SurveyRound.objects.filter(survey=survey).exists()


def test_dimensions_are_created_in_file_order_and_reused_by_name(user_survey, tmp_path):
    text = ("År;Enhet;Dimensjon;Snitt;Antall svar\n2024;Fåvang skule;Trivsel;5,1;12\n"
            "2024;Fåvang skule;Informasjon;5,1;12\n2024;Fåvang skule;Fysisk miljø;5,1;12\n")
    import_survey(user_survey, write(tmp_path, text))
    again = text.replace("2024", "2023").replace("Trivsel", "TRIVSEL")
    import_survey(user_survey, write(tmp_path, again, name="2023.csv"))
    assert [d.name for d in user_survey.dimensions.all()] == [
        "Trivsel", "Informasjon", "Fysisk miljø"]


def test_a_dry_run_checks_and_stores_nothing(user_survey):
    result = import_survey(user_survey, FIXTURES / "bedrekommune_barnehage_ringebu_2024.csv",
                           dry_run=True)
    assert not result.rejected and result.results == 9
    assert not SurveyRound.objects.filter(survey=user_survey).exists()
    assert not user_survey.dimensions.exists()


def test_a_new_survey_takes_the_scale_and_threshold_of_its_kind(ringebu):
    survey = create_survey(ringebu, "10-FAKTOR 2025 test", "employee")
    assert (survey.scale_min, survey.scale_max, survey.anonymity_threshold) == (1, 5, 3)
    own = create_survey(ringebu, "Innbyggerundersøkelse test", "citizen", anonymity_threshold=8)
    assert (own.scale_max, own.anonymity_threshold) == (6, 8)


def test_a_file_that_is_no_table_is_rejected_with_a_reason(user_survey, tmp_path):
    result = import_survey(user_survey, write(tmp_path, "hei\npå deg\n"))
    assert codes(result) == ["file_no_header"]
    assert result.rejected and result.status_message()


def test_a_name_a_unit_and_a_service_area_share_is_an_error_until_mapped(user_survey, ringebu,
                                                                        tmp_path):
    area = ServiceArea.objects.get(municipality=ringebu, name="Oppvekst")
    OrgUnit.objects.create(municipality=ringebu, service_area=area, name="Oppvekst")
    path = write(tmp_path, "år;enhet;dimensjon;snitt;antall svar\n2025;Oppvekst;Trivsel;5,1;20\n")

    result = import_survey(user_survey, path)

    assert codes(result) == ["ambiguous_place"]
    assert result.unknown_names == ["Oppvekst"]
    save_alias(ringebu, "Oppvekst", area)
    assert not import_survey(user_survey, path).rejected
    assert result_of(user_survey, 2025, "Trivsel", unit=None, service_area=area).mean == \
        Decimal("5.1")


def test_a_place_chosen_from_the_list_is_used_as_chosen(user_survey, ringebu, tmp_path):
    from styringshjul.surveys.survey_files import Target

    area = ServiceArea.objects.get(municipality=ringebu, name="Oppvekst")
    OrgUnit.objects.create(municipality=ringebu, service_area=area, name="Oppvekst")
    path = write(tmp_path, "dimensjon;2024;2025\nTrivsel;5,0;5,2\n")

    result = import_survey(user_survey, path, place=Target(service_area=area))

    assert not codes(result), result.issues
    assert result_of(user_survey, 2025, "Trivsel", unit=None, service_area=area).mean == \
        Decimal("5.2")
