"""The survey pages: everyone in Ringebu reads (Kari, Ola, Per), Kari (finance) sets surveys
up and imports, Ola (unit leader) and Per (councillor) may not, Sofie (Gausdal) sees
nothing. A hidden result never appears in any page, download or chart."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.surveys import queries
from styringshjul.surveys.models import (
    Dimension,
    Reference,
    Survey,
    SurveyKind,
    SurveyResult,
    SurveyRound,
    UnitAlias,
)

pytestmark = pytest.mark.django_db
IMPORT_URL = "/3439/undersokelser/import/"
ALIASES_URL = "/3439/undersokelser/enhetsnavn/"

# 2025: Ringebu ungdomsskole had two respondents, so its means (distinctive numbers, easy
# to search for) must never be shown; 2024 it had twelve.
RESULTS = {
    2024: {"Ringebu skole": (31, "4.812", "4.321"), "Fåvang skule": (27, "4.555", "4.433"),
           "Ringebu ungdomsskole": (12, "3.875", "3.642")},
    2025: {"Ringebu skole": (30, "4.718", "4.264"), "Fåvang skule": (28, "4.591", "4.482"),
           "Ringebu ungdomsskole": (2, "1.937", "2.173")},
}
NORGE = {"Trivsel": "4.700", "Læring": "4.500"}


def make_school_survey(municipality: Municipality) -> Survey:
    survey = Survey.objects.create(
        municipality=municipality, name="Brukerundersøkelse skole", kind=SurveyKind.USER,
        scale_min=1, scale_max=6, anonymity_threshold=3, service="grunnskole")
    dimensions = [Dimension.objects.create(survey=survey, name=name, sort_order=n)
                  for n, name in enumerate(NORGE)]
    for year, units in RESULTS.items():
        survey_round = SurveyRound.objects.create(survey=survey, year=year, source="skole.csv")
        for name, (respondents, *means) in units.items():
            unit = OrgUnit.objects.get(municipality=municipality, name=name)
            for dimension, mean in zip(dimensions, means, strict=True):
                SurveyResult.objects.create(round=survey_round, dimension=dimension,
                                            unit=unit, respondents=respondents,
                                            mean=Decimal(mean))
        for dimension in dimensions:
            Reference.objects.create(round=survey_round, dimension=dimension, label="Norge",
                                     mean=Decimal(NORGE[dimension.name]))
    return survey


@pytest.fixture
def school_survey(ringebu) -> Survey:
    return make_school_survey(ringebu)


def spellings(mean: Decimal) -> list[re.Pattern]:
    """A mean as a page, a CSV or a chart could write it (1.937, 1,937, 1.94, 1,94; 4.1
    for 4.100), as a number of its own: not part of a longer one."""
    texts = {f"{mean:.3f}", f"{mean:.2f}", format(mean.normalize(), "f")}
    return [re.compile(rb"(?<![0-9])" + re.escape(text.encode()).replace(rb"\.", rb"[.,]")
                       + rb"(?![0-9])") for text in texts]


def hidden_means(survey: Survey) -> list[Decimal]:
    """The stored means of every cell `queries` hides (read here only to search for them)."""
    found = []
    for survey_round in queries.rounds(survey):
        table = queries.round_table(survey_round)
        for result in SurveyResult.objects.filter(round=survey_round):
            key = queries.place_key(unit=result.unit, service_area=result.service_area)
            if table.cell(key, result.dimension_id).hidden:
                found.append(result.mean)
    return found


def assert_shows_no_hidden_mean(content: bytes, survey: Survey) -> None:
    hidden = hidden_means(survey)
    assert hidden, "the test data must have hidden results"
    for mean in hidden:
        for pattern in spellings(mean):
            assert not pattern.search(content), (mean, pattern.pattern)


def bokmaal(msgid: str) -> str:
    """A message as the pages show it (in bokmål once the catalogue has it)."""
    with translation.override("nb"):
        return gettext(msgid)


def urls(survey: Survey) -> dict[str, str]:
    number = survey.municipality.number
    page = reverse("survey", args=[number, survey.pk])
    return {
        "list": reverse("surveys", args=[number]), "survey": page, "year": page + "?ar=2024",
        "trend": reverse("survey_trend", args=[number, survey.pk]),
        "csv": reverse("survey_csv", args=[number, survey.pk, 2025]),
        "create": reverse("survey_create", args=[number]),
        "edit": reverse("survey_edit", args=[number, survey.pk]),
        "import": reverse("survey_import", args=[number]),
        "aliases": reverse("survey_aliases", args=[number]),
    }


def sted(place: queries.Place) -> str:
    return "-".join(str(part) for part in place.key)


READ = ("list", "survey", "year", "trend", "csv")
CHANGE = ("create", "edit", "import", "aliases")


@pytest.mark.parametrize("person", ["as_kari", "as_ola", "as_per"])
def test_everyone_in_ringebu_reads_the_survey_pages(request, person, school_survey):
    client = request.getfixturevalue(person)
    for name in READ:
        response = client.get(urls(school_survey)[name])
        assert response.status_code == 200, name
        assert_shows_no_hidden_mean(response.content, school_survey)


def test_sofie_from_gausdal_gets_404_on_every_survey_page_of_ringebu(as_sofie, school_survey):
    for name, url in urls(school_survey).items():
        assert as_sofie.get(url).status_code == 404, name
        assert as_sofie.post(url, {}).status_code == 404, name


@pytest.mark.parametrize("person", ["as_ola", "as_per"])
def test_unit_leaders_and_politicians_may_not_change_surveys(request, person, school_survey):
    client = request.getfixturevalue(person)
    for name in CHANGE:
        assert client.get(urls(school_survey)[name]).status_code == 403, name
    response = client.post(urls(school_survey)["edit"], {"name": "Endret", "kind": "user"})
    assert response.status_code == 403
    school_survey.refresh_from_db()
    assert school_survey.name == "Brukerundersøkelse skole"


def test_kari_reads_and_opens_every_change_page(as_kari, school_survey):
    for name in CHANGE:
        assert as_kari.get(urls(school_survey)[name]).status_code == 200, name


def test_the_list_shows_kind_scale_threshold_and_years(as_per, school_survey):
    response = as_per.get(urls(school_survey)["list"])
    text = response.content.decode()
    assert "Brukerundersøkelse skole" in text
    assert "1–6" in text
    assert "?ar=2024" in text and "?ar=2025" in text
    assert urls(school_survey)["import"] not in text  # Per may not import


def test_the_survey_page_shows_the_latest_year_and_links_the_others(as_per, school_survey):
    response = as_per.get(urls(school_survey)["survey"])
    assert response.context["year"] == 2025
    assert response.context["years"] == [2024, 2025]
    assert b'href="?ar=2024"' in response.content
    assert as_per.get(urls(school_survey)["survey"] + "?ar=1999").context["year"] == 2025


def test_a_hidden_result_reads_hidden_with_its_reason_and_the_page_counts_them(
        as_per, school_survey):
    response = as_per.get(urls(school_survey)["survey"])
    table = response.context["table"]
    assert table.hidden_count >= 2
    text = response.content.decode()
    assert text.count(f"<strong>{bokmaal('Hidden')}</strong>") >= table.hidden_count
    ungdomsskole = OrgUnit.objects.get(name="Ringebu ungdomsskole",
                                       municipality=school_survey.municipality)
    assert table.cell(queries.place_key(unit=ungdomsskole), table.dimensions[0].pk).too_few
    assert bokmaal("fewer than %(threshold)s respondents") % {"threshold": 3} in text
    assert "Norge" in text and "4,70" in text


def test_the_page_of_an_earlier_year_shows_the_then_visible_results(as_per, school_survey):
    response = as_per.get(urls(school_survey)["year"])
    assert response.context["year"] == 2024
    assert b"3,88" in response.content  # Ringebu ungdomsskole, twelve respondents in 2024
    # ... which the search for hidden means would find, were it hidden:
    assert any(pattern.search(response.content) for pattern in spellings(Decimal("3.875")))


def test_the_trend_page_draws_the_shown_years_and_leaves_the_hidden_one_out(
        as_per, school_survey):
    ungdomsskole = OrgUnit.objects.get(name="Ringebu ungdomsskole",
                                       municipality=school_survey.municipality)
    response = as_per.get(urls(school_survey)["trend"] + f"?sted=unit-{ungdomsskole.pk}")
    assert response.status_code == 200 and b'<svg role="img"' in response.content
    assert b"3,88" in response.content
    assert f"<strong>{bokmaal('Hidden')}</strong>".encode() in response.content
    assert_shows_no_hidden_mean(response.content, school_survey)


def test_the_trend_page_of_another_municipalitys_unit_is_not_found(as_kari, school_survey,
                                                                   gausdal):
    theirs = OrgUnit.objects.filter(municipality=gausdal).first()
    response = as_kari.get(urls(school_survey)["trend"] + f"?sted=unit-{theirs.pk}")
    assert response.status_code == 404


def test_kari_creates_an_employee_survey_with_the_kinds_scale_and_threshold(
        as_kari, ringebu):
    form = as_kari.get(create_url(ringebu)).context["form"]
    assert {form[name].value() for name in ("scale_min", "scale_max",
                                            "anonymity_threshold")} == {None}
    response = as_kari.post(create_url(ringebu), {
        "name": "10-FAKTOR", "kind": "employee", "scale_min": "", "scale_max": "",
        "anonymity_threshold": "", "service": "", "description": ""})
    survey = Survey.objects.get(municipality=ringebu, name="10-FAKTOR")
    assert response.status_code == 302
    assert (survey.scale_min, survey.scale_max, survey.anonymity_threshold) == (1, 5, 3)


def create_url(municipality: Municipality) -> str:
    return reverse("survey_create", args=[municipality.number])


def test_the_form_keeps_what_was_typed_when_the_scale_is_wrong(as_kari, ringebu):
    response = as_kari.post(create_url(ringebu), {
        "name": "Innbyggerundersøkelse", "kind": "citizen", "scale_min": "6",
        "scale_max": "2", "anonymity_threshold": "7", "service": "kultur",
        "description": "Hvert andre år"})
    assert response.status_code == 200
    text = response.content.decode()
    assert 'value="Innbyggerundersøkelse"' in text and "Hvert andre år" in text
    assert 'value="7"' in text and "ds-error-summary" in text
    assert not Survey.objects.filter(name="Innbyggerundersøkelse").exists()


def test_two_people_editing_a_survey_do_not_overwrite_each_other(as_kari, school_survey):
    url = urls(school_survey)["edit"]
    seen = as_kari.get(url).context["form"]["seen"].value()
    data = {"name": "Brukerundersøkelse grunnskole", "kind": "user", "scale_min": "1",
            "scale_max": "6", "anonymity_threshold": "3", "service": "grunnskole",
            "description": "", "seen": seen}
    school_survey.description = "Endret av Guro"
    school_survey.save()
    response = as_kari.post(url, data)
    assert response.status_code == 200 and "ds-error-summary" in response.content.decode()
    assert 'value="Brukerundersøkelse grunnskole"' in response.content.decode()
    school_survey.refresh_from_db()
    assert school_survey.name == "Brukerundersøkelse skole"
    data["seen"] = response.context["form"]["seen"].value()
    assert as_kari.post(url, data).status_code == 302
    school_survey.refresh_from_db()
    assert school_survey.name == "Brukerundersøkelse grunnskole"


def test_the_unit_names_page_opens_with_the_unknown_names_and_saves_them(as_kari, ringebu):
    url = ALIASES_URL + "?navn=Fåvang sk.&navn=Oppv."
    response = as_kari.get(url)
    assert 'value="Fåvang sk."' in response.content.decode()
    unit = OrgUnit.objects.get(municipality=ringebu, name="Fåvang skule")
    area = ServiceArea.objects.get(municipality=ringebu, name="Oppvekst")
    response = as_kari.post(ALIASES_URL, {
        "navn-TOTAL_FORMS": "2", "navn-INITIAL_FORMS": "2",
        "navn-0-name": "Fåvang sk.", "navn-0-target": f"unit-{unit.pk}",
        "navn-1-name": "Oppv.", "navn-1-target": f"service_area-{area.pk}"})
    assert response.status_code == 302
    saved = {a.name: (a.unit, a.service_area) for a in UnitAlias.objects.filter(
        municipality=ringebu)}
    assert saved["Fåvang sk."] == (unit, None)
    assert saved["Oppv."] == (None, area)
    listing = as_kari.get(ALIASES_URL).content.decode()
    assert "Fåvang sk." in listing and "Fåvang skule" in listing


def test_a_name_without_a_unit_of_ours_is_refused_and_the_typed_names_stay(as_kari, gausdal):
    theirs = OrgUnit.objects.filter(municipality=gausdal).first()
    response = as_kari.post(ALIASES_URL, {
        "navn-TOTAL_FORMS": "2", "navn-INITIAL_FORMS": "2", "navn-0-name": "Bakkely bhg.",
        "navn-0-target": "", "navn-1-name": "Follebu", "navn-1-target": f"unit-{theirs.pk}"})
    assert response.status_code == 200
    assert 'value="Bakkely bhg."' in response.content.decode()
    assert not UnitAlias.objects.filter(name__in=["Bakkely bhg.", "Follebu"]).exists()


SCHOOL_FILE = (
    "År;Enhet;Dimensjon;Snitt;Antall svar;Snitt Norge\n"
    "2025;Ringebu skole;Trivsel;4,613;30;4,7\n"
    "2025;Fåvang skule;Trivsel;4,427;25;4,7\n"
    "2025;Ringebu ungdomsskole;Trivsel;1,937;2;4,7\n")
FILE_MEANS = [Decimal("4.613"), Decimal("4.427"), Decimal("1.937"), Decimal("4.7")]


def upload(tmp_path, text: str, name: str = "skole-2025.csv") -> SimpleUploadedFile:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return SimpleUploadedFile(name, path.read_bytes(), content_type="text/csv")


def import_data(tmp_path, text: str = SCHOOL_FILE, **changes) -> dict:
    return {"survey": "new", "new_name": "Brukerundersøkelse 5.–7. trinn",
            "new_kind": "user", "year": "", "place": "", "import": "1",
            "file": upload(tmp_path, text)} | changes


def test_kari_imports_a_file_for_a_new_survey_and_sees_counts_but_no_values(
        as_kari, ringebu, tmp_path):
    response = as_kari.post(IMPORT_URL,
                            import_data(tmp_path))
    result = response.context["result"]
    assert not result.rejected, result.issues
    assert (result.results, result.places, result.references) == (3, 3, 1)
    survey = Survey.objects.get(municipality=ringebu, name="Brukerundersøkelse 5.–7. trinn")
    assert [r.year for r in queries.rounds(survey)] == [2025]
    for mean in FILE_MEANS:
        for pattern in spellings(mean):
            assert not pattern.search(response.content), pattern.pattern
    assert reverse("survey", args=[ringebu.number, survey.pk]).encode() in response.content


def test_a_dry_run_stores_neither_the_new_survey_nor_results(as_kari, ringebu, tmp_path):
    response = as_kari.post(IMPORT_URL,
                            import_data(tmp_path, dry_run="1") | {"import": ""})
    assert response.context["result"].dry_run
    assert not Survey.objects.filter(name="Brukerundersøkelse 5.–7. trinn").exists()


def test_an_unknown_unit_rejects_the_file_keeps_the_form_and_links_to_the_names_page(
        as_kari, ringebu, tmp_path):
    text = SCHOOL_FILE + "2025;Bakkely bhg.;Trivsel;4,2;12;4,7\n"
    response = as_kari.post(IMPORT_URL,
                            import_data(tmp_path, text))
    assert response.context["result"].rejected
    assert response.context["result"].unknown_names == ["Bakkely bhg."]
    content = response.content.decode()
    assert "enhetsnavn/?navn=Bakkely+bhg." in content
    assert 'value="Brukerundersøkelse 5.–7. trinn"' in content
    assert not Survey.objects.filter(name="Brukerundersøkelse 5.–7. trinn").exists()
    signed = response.context["signed_issues"]
    download = as_kari.post(IMPORT_URL,
                            {"issues": signed})
    assert download["Content-Type"].startswith("text/csv")
    assert "Bakkely bhg." in download.content.decode("utf-8-sig")


def test_a_new_survey_needs_a_name_and_a_kind(as_kari, ringebu, tmp_path):
    response = as_kari.post(IMPORT_URL,
                            import_data(tmp_path, new_name="", new_kind=""))
    assert response.context["result"] is None
    assert set(response.context["form"].errors) == {"new_name", "new_kind"}


def test_a_file_for_an_existing_survey_replaces_its_year(as_kari, school_survey, tmp_path):
    response = as_kari.post(IMPORT_URL,
                            import_data(tmp_path, survey=str(school_survey.pk)))
    result = response.context["result"]
    assert not result.rejected, result.issues
    assert result.replaced_years == [2025]
    assert_shows_no_hidden_mean(response.content, school_survey)


def test_a_file_with_a_column_per_year_is_imported_for_the_chosen_unit(
        as_kari, ringebu, favang_skule, tmp_path):
    text = "Dimensjon;2023;2024\nTrivsel;4,1;4,3\nAntall svar;20;22\n"
    response = as_kari.post(IMPORT_URL, import_data(
        tmp_path, text, place=f"unit-{favang_skule.pk}"))
    result = response.context["result"]
    assert not result.rejected, result.issues
    assert result.years == [2023, 2024] and result.places == 1


def test_every_trend_page_hides_what_the_year_hides(as_per, school_survey):
    for survey_round in queries.rounds(school_survey):
        for place in queries.round_table(survey_round).places:
            response = as_per.get(urls(school_survey)["trend"] + f"?sted={sted(place)}")
            assert response.status_code == 200, place
            assert_shows_no_hidden_mean(response.content, school_survey)


def test_a_survey_of_another_municipality_is_not_found_under_ringebu(as_kari, gausdal):
    theirs = Survey.objects.create(municipality=gausdal, name="Brukerundersøkelse skole",
                                   kind=SurveyKind.USER)
    SurveyRound.objects.create(survey=theirs, year=2025)
    for url in (reverse("survey", args=["3439", theirs.pk]),
                reverse("survey_edit", args=["3439", theirs.pk]),
                reverse("survey_csv", args=["3439", theirs.pk, 2025])):
        assert as_kari.get(url).status_code == 404, url


def test_the_employee_survey_with_given_totals_shows_no_hidden_mean_anywhere(
        as_per, employee_survey):
    """The shared fixture: 10-FAKTOR with totals for the municipality and service areas."""
    pages = urls(employee_survey)
    contents = [as_per.get(pages[name]).content for name in ("list", "survey", "csv")]
    for place in queries.round_table(queries.rounds(employee_survey)[-1]).places:
        contents.append(as_per.get(pages["trend"] + f"?sted={sted(place)}").content)
    for content in contents:
        assert_shows_no_hidden_mean(content, employee_survey)


def test_the_year_downloads_as_excel_with_hidden_results_empty(as_kari, employee_survey):
    from io import BytesIO

    from openpyxl import load_workbook

    from styringshjul.surveys import queries

    survey_round = employee_survey.rounds.order_by("-year").first()
    table = queries.round_table(survey_round)
    url = f"/3439/undersokelser/{employee_survey.pk}/{survey_round.year}/csv/?format=xlsx"
    response = as_kari.get(url)
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("year", "level", "place")
    hidden = [row for row in rows[1:] if row[8] == "skjult"]
    assert len(hidden) == sum(
        table.cell(place.key, dimension.id).hidden
        for place in table.places for dimension in table.dimensions)
    assert all(row[5] is None and row[6] is None for row in hidden)
