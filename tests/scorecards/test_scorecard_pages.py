"""The scorecards of a year, one scorecard's sheet, and who may change what on it: Ola keeps
Fåvang skule's scorecard (and its results for the shared indicators), leadership and finance
keep the municipality's, Per reads, Sofie of Gausdal sees nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from styringshjul.org.locking import STALE_MESSAGE
from styringshjul.org.models import OrgUnit
from styringshjul.scorecards.models import (
    Indicator,
    Level,
    Period,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.status import LOOKS, Status
from styringshjul.scorecards.views import _chosen_year
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

BASE = "/3439/malekart/"


@pytest.fixture
def as_guro(demo):
    return logged_in(get_user_model().objects.get(username="guro"))


@pytest.fixture
def shared_indicator(scorecards_2026) -> Indicator:
    return Indicator.objects.get(success_factor__scorecard=scorecards_2026)


@pytest.fixture
def ringebu_skole_scorecard(scorecards_2026) -> Scorecard:
    return Scorecard.objects.get(unit__name="Ringebu skole", year=2026, level=Level.UNIT)


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def result_url(card, indicator, period="T1") -> str:
    return f"{BASE}{card.pk}/indikator/{indicator.pk}/{period}/"


# Reading -----------------------------------------------------------------------------------


def test_the_overview_rolls_up_the_worst_status_of_the_latest_period(as_per, favang_scorecard,
                                                                     shared_indicator):
    Result.objects.create(scorecard=favang_scorecard, indicator=shared_indicator,
                          period=Period.FIRST_TERTIAL, value=Decimal("1.5"))
    Result.objects.create(scorecard=favang_scorecard, indicator=shared_indicator,
                          period=Period.SECOND_TERTIAL, value=Decimal("6"))
    response = as_per.get(BASE + "?year=2026")
    assert response.status_code == 200
    perspectives = [p.name for p in response.context["perspectives"]]
    rows = {row.scorecard.unit.name: row for group in response.context["areas"]
            for row in group["units"]}
    favang = rows["Fåvang skule"]
    assert favang.period == Period.SECOND_TERTIAL
    assert favang.statuses[perspectives.index("Økonomi")] == Status.RED
    assert favang.statuses[perspectives.index("Brukere")] == Status.MISSING
    assert rows["Ringebu skole"].period is None
    assert 'data-status="red"' in response.content.decode()


def test_the_year_is_this_year_when_it_has_scorecards_else_the_latest():
    this_year = date.today().year
    assert _chosen_year(None, [this_year + 1, this_year]) == this_year
    assert _chosen_year(None, [this_year - 2, this_year - 3]) == this_year - 2
    assert _chosen_year("2024", [this_year]) == 2024
    assert _chosen_year(None, []) == this_year


def test_a_unit_page_shows_the_shared_factor_as_common_but_not_editable(as_ola, favang_scorecard,
                                                                        shared_indicator):
    page = text(as_ola.get(f"{BASE}{favang_scorecard.pk}/"))
    assert "God budsjettkontroll innen tildelte rammer" in page
    assert 'data-shared="true"' in page
    assert result_url(favang_scorecard, shared_indicator) in page
    assert f"/indikator/{shared_indicator.pk}/\"" not in page  # no edit link for the shared one
    assert f"/faktor/{shared_indicator.success_factor_id}/" not in page
    assert f"{BASE}{favang_scorecard.pk}/faktor/ny/" in page


def test_the_sheet_shows_automatic_results_with_their_source(as_per, favang_scorecard,
                                                             shared_indicator):
    from styringshjul.scorecards.services import record_value

    record_value(favang_scorecard, shared_indicator, Period.FIRST_TERTIAL, Decimal("3.1"),
                 source_note="Regnskap mot budsjett, ansvar 2200")
    page = text(as_per.get(f"{BASE}{favang_scorecard.pk}/"))
    assert "Regnskap mot budsjett, ansvar 2200" in page
    assert 'data-status="yellow"' in page
    assert "<caption>" in page and 'scope="col"' in page
    assert result_url(favang_scorecard, shared_indicator) not in page  # Per only reads


def test_a_unit_scorecard_links_to_its_area_and_the_area_to_the_municipality(
        as_per, favang_scorecard, scorecards_2026):
    area = Scorecard.objects.get(level=Level.SERVICE_AREA, year=2026,
                                 service_area=favang_scorecard.unit.service_area)
    assert f"{BASE}{area.pk}/" in text(as_per.get(f"{BASE}{favang_scorecard.pk}/"))
    assert f"{BASE}{scorecards_2026.pk}/" in text(as_per.get(f"{BASE}{area.pk}/"))


def test_the_status_tag_says_what_status_looks_says():
    for status, look in LOOKS.items():
        html = render_to_string("scorecards/_status.html", {"status": status})
        assert str(look.label) in html and look.symbol in html
        assert f'data-color="{look.color}"' in html
        assert status == Status(status)


# Who may do what ----------------------------------------------------------------------------


def test_ola_edits_favangs_scorecard_but_not_another_units_nor_the_municipalitys(
        as_ola, favang_scorecard, ringebu_skole_scorecard, scorecards_2026):
    form = {"purpose": "Gode læringsresultater", "main_goal": "Alle elever mestrer",
            "lock_version": "0"}
    assert as_ola.post(f"{BASE}{favang_scorecard.pk}/rediger/", form).status_code == 302
    favang_scorecard.refresh_from_db()
    assert favang_scorecard.purpose == "Gode læringsresultater"
    for other in (ringebu_skole_scorecard, scorecards_2026):
        assert as_ola.post(f"{BASE}{other.pk}/rediger/", form).status_code == 403
        other.refresh_from_db()
        assert other.purpose == ""


def test_per_reads_but_may_not_edit(as_per, favang_scorecard, shared_indicator):
    assert as_per.get(BASE).status_code == 200
    assert as_per.get(f"{BASE}{favang_scorecard.pk}/").status_code == 200
    assert as_per.get(f"{BASE}{favang_scorecard.pk}/rediger/").status_code == 403
    assert as_per.post(result_url(favang_scorecard, shared_indicator),
                       {"value": "1", "lock_version": ""}).status_code == 403
    assert as_per.post(BASE + "opprett/", {"year": "2027"}).status_code == 403


def test_sofie_of_gausdal_gets_404(as_sofie, favang_scorecard, shared_indicator):
    assert as_sofie.get(BASE).status_code == 404
    assert as_sofie.get(f"{BASE}{favang_scorecard.pk}/").status_code == 404
    assert as_sofie.post(result_url(favang_scorecard, shared_indicator),
                         {"value": "1"}).status_code == 404


def test_ola_enters_his_units_result_for_a_shared_indicator(as_ola, ola, favang_scorecard,
                                                           shared_indicator):
    response = as_ola.post(result_url(favang_scorecard, shared_indicator),
                           {"value": "2,5", "comment": "Vikarer", "follow_up": "Følges opp",
                            "lock_version": "0"})
    assert response.status_code == 302
    result = Result.objects.get(scorecard=favang_scorecard, indicator=shared_indicator)
    assert result.value == Decimal("2.5") and result.updated_by == ola
    assert result.history.count() == 1
    assert not Result.objects.filter(scorecard__level=Level.MUNICIPALITY).exists()
    page = text(as_ola.get(f"{BASE}{favang_scorecard.pk}/"))
    assert "Vikarer" in page and "Ola" in page


def test_ola_may_not_change_or_remove_the_shared_factor(as_ola, favang_scorecard,
                                                        scorecards_2026, shared_indicator):
    factor = shared_indicator.success_factor
    own = f"{BASE}{favang_scorecard.pk}/"
    assert as_ola.get(f"{own}indikator/{shared_indicator.pk}/").status_code == 404
    assert as_ola.post(f"{own}faktor/{factor.pk}/slett/").status_code == 404
    top = f"{BASE}{scorecards_2026.pk}/"
    assert as_ola.get(f"{top}indikator/{shared_indicator.pk}/").status_code == 403
    assert as_ola.post(f"{top}faktor/{factor.pk}/slett/").status_code == 403
    assert SuccessFactor.objects.filter(pk=factor.pk).exists()


def test_leadership_changes_the_shared_indicators_target_with_history(as_guro, scorecards_2026,
                                                                      shared_indicator):
    url = f"{BASE}{scorecards_2026.pk}/indikator/{shared_indicator.pk}/"
    form = {"name": shared_indicator.name, "definition": "Avvik i prosent av budsjett",
            "unit_of_measure": "%", "direction": "lower", "target": "1,5", "target_text": "0–1,5 %",
            "green_tolerance": "", "red_limit": "4", "source": "manual", "sort_order": "0",
            "lock_version": "0"}
    assert as_guro.post(url, form).status_code == 302
    shared_indicator.refresh_from_db()
    assert shared_indicator.target == Decimal("1.5") and shared_indicator.red_limit == Decimal(4)
    assert shared_indicator.history.count() == 2
    assert shared_indicator.history.first().history_user.username == "guro"


def test_ola_adds_a_factor_and_an_indicator_of_his_own(as_ola, favang_scorecard, ringebu):
    users = ringebu.perspectives.get(name="Brukere")
    response = as_ola.post(f"{BASE}{favang_scorecard.pk}/faktor/ny/",
                           {"perspective": users.pk, "name": "Trygt læringsmiljø",
                            "sort_order": "0", "is_shared": "on"})
    assert response.status_code == 302
    factor = SuccessFactor.objects.get(scorecard=favang_scorecard)
    assert factor.perspective == users and not factor.is_shared  # only at municipality level
    response = as_ola.post(f"{BASE}{favang_scorecard.pk}/faktor/{factor.pk}/indikator/ny/",
                           {"name": "Elever som opplever mobbing", "unit_of_measure": "%",
                            "direction": "lower", "target": "3", "source": "manual",
                            "sort_order": "0", "lock_version": ""})
    assert response.status_code == 302
    assert factor.indicators.get().target == Decimal(3)
    assert as_ola.post(f"{BASE}{favang_scorecard.pk}/faktor/{factor.pk}/slett/").status_code == 302
    assert not SuccessFactor.objects.filter(pk=factor.pk).exists()
    assert SuccessFactor.history.filter(id=factor.pk, history_type="-").exists()


def test_a_units_factor_may_contribute_to_a_factor_of_its_service_area(
        as_ola, favang_scorecard, ringebu):
    area = Scorecard.objects.get(level=Level.SERVICE_AREA, year=2026,
                                 service_area=favang_scorecard.unit.service_area)
    users = ringebu.perspectives.get(name="Brukere")
    parent = SuccessFactor.objects.create(scorecard=area, perspective=users,
                                          name="Godt læringsutbytte")
    page = text(as_ola.get(f"{BASE}{favang_scorecard.pk}/faktor/ny/"))
    assert "Godt læringsutbytte" in page
    as_ola.post(f"{BASE}{favang_scorecard.pk}/faktor/ny/",
                {"perspective": users.pk, "name": "Lesing", "parent": parent.pk,
                 "sort_order": "0"})
    assert SuccessFactor.objects.get(scorecard=favang_scorecard).parent == parent


def test_finance_sets_up_a_new_year(as_kari, ringebu, scorecards_2026):
    response = as_kari.post(BASE + "opprett/", {"year": "2027"})
    assert response.status_code == 302
    cards = Scorecard.objects.filter(municipality=ringebu, year=2027)
    assert cards.filter(level=Level.MUNICIPALITY).count() == 1
    assert cards.filter(level=Level.UNIT).count() == OrgUnit.objects.filter(
        municipality=ringebu, is_active=True).count()


def test_ola_may_not_set_up_a_year(as_ola, ringebu, scorecards_2026):
    assert as_ola.post(BASE + "opprett/", {"year": "2027"}).status_code == 403
    assert not Scorecard.objects.filter(municipality=ringebu, year=2027).exists()


# Locking and typed data -----------------------------------------------------------------------


def test_the_second_of_two_editors_is_told_and_keeps_what_they_typed(
        as_ola, as_kari, favang_scorecard, shared_indicator):
    url = result_url(favang_scorecard, shared_indicator)
    seen = as_ola.get(url).context["form"]["lock_version"].value()
    assert as_kari.get(url).context["form"]["lock_version"].value() == seen
    assert as_ola.post(url, {"value": "2", "comment": "Ola sin", "lock_version": seen}) \
        .status_code == 302
    response = as_kari.post(url, {"value": "4", "comment": "Kari sin kommentar",
                                  "lock_version": seen})
    assert response.status_code == 200
    assert str(STALE_MESSAGE) in response.context["form"].non_field_errors()
    assert "Kari sin kommentar" in response.content.decode()
    result = Result.objects.get(scorecard=favang_scorecard, indicator=shared_indicator)
    assert result.value == Decimal(2) and result.comment == "Ola sin"
    # Having compared, Kari saves again and wins.
    again = response.context["form"]["lock_version"].value()
    assert as_kari.post(url, {"value": "4", "comment": "Kari sin kommentar",
                              "lock_version": again}).status_code == 302
    result.refresh_from_db()
    assert result.value == Decimal(4) and result.history.count() == 2


def test_a_result_that_is_not_a_number_keeps_what_was_typed(as_ola, favang_scorecard,
                                                            shared_indicator):
    response = as_ola.post(result_url(favang_scorecard, shared_indicator),
                           {"value": "mye", "comment": "Skrevet før feilen",
                            "lock_version": "0"})
    assert response.status_code == 200
    assert "Skrevet før feilen" in response.content.decode()
    assert not Result.objects.exists()


def test_a_factor_without_a_name_keeps_the_chosen_perspective(as_ola, favang_scorecard, ringebu):
    users = ringebu.perspectives.get(name="Brukere")
    response = as_ola.post(f"{BASE}{favang_scorecard.pk}/faktor/ny/",
                           {"perspective": users.pk, "name": "", "sort_order": "0"})
    assert response.status_code == 200
    assert response.context["form"]["perspective"].value() == str(users.pk)
    assert not SuccessFactor.objects.filter(scorecard=favang_scorecard).exists()


def test_an_unknown_period_is_404(as_ola, favang_scorecard, shared_indicator):
    assert as_ola.get(result_url(favang_scorecard, shared_indicator, "T9")).status_code == 404

