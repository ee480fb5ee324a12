"""The catalogue and comparison-group pages: everyone in Ringebu reads them, Kari (finance)
keeps the catalogue, finance and leadership keep the groups, Sofie (Gausdal) sees nothing."""

import pytest
from django.urls import reverse

from styringshjul.keyfigures.models import ComparisonGroup, KeyFigure
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def figure(demo) -> KeyFigure:
    return KeyFigure.objects.get(content_code="KOSandelbarnbhg0000")


@pytest.fixture
def neighbours(ringebu) -> ComparisonGroup:
    group = ComparisonGroup.objects.create(municipality=ringebu, name="Nabokommuner")
    group.members.set([])
    return group


def figure_data(**changes) -> dict:
    data = {"name": "Andel barn 1-5 år med barnehageplass", "table_id": "12163",
            "content_code": "KOSandelbarnbhg0000", "selection": "{}", "unit": "prosent",
            "higher_is_better": "on", "service": "barnehage", "indicator_kind": "coverage",
            "description": ""}
    return data | changes


def test_everyone_in_ringebu_reads_the_catalogue_with_table_code_and_direction(as_per):
    response = as_per.get(reverse("keyfigure_catalogue", args=["3439"]))
    assert response.status_code == 200
    figures = [figure for section in response.context["sections"]
               for kind in section["kinds"] for figure in kind["figures"]]
    assert len(figures) == KeyFigure.objects.count()
    assert {section["service"] for section in response.context["sections"]} >= {
        "barnehage", "kommuneøkonomi"}
    assert b"KOSandelbarnbhg0000" in response.content
    assert b"12163" in response.content
    assert response.context["can_edit"] is False


def test_sofie_from_gausdal_gets_404_on_ringebus_catalogue_and_groups(as_sofie, figure,
                                                                       neighbours):
    for url in (reverse("keyfigure_catalogue", args=["3439"]),
                reverse("keyfigure_edit", args=["3439", figure.pk]),
                reverse("comparison_groups", args=["3439"]),
                reverse("comparison_group_edit", args=["3439", neighbours.pk])):
        assert as_sofie.get(url).status_code == 404


def test_per_may_not_edit_a_figure(as_per, figure):
    url = reverse("keyfigure_edit", args=["3439", figure.pk])
    assert as_per.get(url).status_code == 403
    assert as_per.post(url, figure_data(higher_is_better="")).status_code == 403
    figure.refresh_from_db()
    assert figure.higher_is_better is True


def test_kari_changes_a_direction_and_the_history_keeps_who(as_kari, kari, figure):
    url = reverse("keyfigure_edit", args=["3439", figure.pk])
    assert as_kari.get(url).status_code == 200
    response = as_kari.post(url, figure_data(higher_is_better=""))
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.higher_is_better is False
    assert figure.history.first().history_user == kari


def test_kari_adds_a_figure(as_kari):
    response = as_kari.post(reverse("keyfigure_create", args=["3439"]), figure_data(
        name="Ny test", table_id="12345", content_code="KOSny0000",
        selection='{"KOKfunksjon0000": "FG2"}'))
    assert response.status_code == 302
    figure = KeyFigure.objects.get(table_id="12345", content_code="KOSny0000")
    assert figure.selection == {"KOKfunksjon0000": "FG2"}


def test_a_figure_with_a_table_and_code_already_there_is_refused(as_kari):
    response = as_kari.post(reverse("keyfigure_create", args=["3439"]), figure_data())
    assert response.status_code == 200
    assert response.context["form"].errors


def test_guro_makes_a_comparison_group_by_numbers_and_names(demo, ringebu):
    from django.contrib.auth import get_user_model

    client = logged_in(get_user_model().objects.get(username="guro"))
    response = client.post(reverse("comparison_group_create", args=["3439"]), {
        "name": "Nabokommuner", "members_text": "3441\n3436 Nord-Fron\n\nsel\n3441 Gausdal"})
    assert response.status_code == 302
    group = ComparisonGroup.objects.get(municipality=ringebu, name="Nabokommuner")
    assert sorted(group.members.values_list("code", flat=True)) == ["3436", "3437", "3441"]


def test_an_unknown_number_is_reported_with_its_row_and_value(as_kari, ringebu):
    response = as_kari.post(reverse("comparison_group_create", args=["3439"]), {
        "name": "Nabokommuner", "members_text": "3441\n9999 Ingensteds\nPåfunnet\nHerøy"})
    assert response.status_code == 200
    issues = [(issue.row, issue.value, issue.code) for issue in response.context["issues"]]
    assert issues == [(2, "9999 Ingensteds", "unknown_number"), (3, "Påfunnet", "unknown_name"),
                      (4, "Herøy", "ambiguous_name")]
    assert b"9999 Ingensteds" in response.content
    assert not ComparisonGroup.objects.filter(municipality=ringebu).exists()


def test_per_reads_the_groups_but_may_not_make_one(as_per, neighbours):
    assert as_per.get(reverse("comparison_groups", args=["3439"])).status_code == 200
    response = as_per.post(reverse("comparison_group_create", args=["3439"]), {
        "name": "Mine", "members_text": "3441"})
    assert response.status_code == 403


def test_kari_edits_a_group_and_sees_its_members_in_the_form(as_kari, neighbours):
    neighbours.members.set(neighbours.members.model.objects.filter(code="3441"))
    url = reverse("comparison_group_edit", args=["3439", neighbours.pk])
    assert "3441 Gausdal" in as_kari.get(url).context["form"].initial["members_text"]
    assert as_kari.post(url, {"name": "Naboer", "members_text": "3441\n3440"}
                        ).status_code == 302
    neighbours.refresh_from_db()
    assert neighbours.name == "Naboer"
    assert sorted(neighbours.members.values_list("code", flat=True)) == ["3440", "3441"]


def test_a_group_of_another_municipality_is_not_found(as_kari, gausdal):
    theirs = ComparisonGroup.objects.create(municipality=gausdal, name="Deres")
    url = reverse("comparison_group_edit", args=["3439", theirs.pk])
    assert as_kari.get(url).status_code == 404
