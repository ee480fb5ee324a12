from decimal import Decimal

import pytest

from styringshjul.budget.measures import set_included
from styringshjul.budget.models import Measure, MeasureKind, MeasureStatus, VersionState
from styringshjul.budget.versions import derive_version
from styringshjul.org.locking import STALE_MESSAGE
from styringshjul.org.models import OrgUnit
from tests.budget.test_measures import make_measure

pytestmark = pytest.mark.django_db

LIST = "/3439/budsjett/plan/2026/tiltak/"


def form(plan, **changes) -> dict:
    data = {"title": "Samle spesialundervisning", "kind": MeasureKind.STRUCTURAL,
            "status": MeasureStatus.PROPOSED, "unit": "", "service_area": "",
            "description": "", "consequences_users": "Færre skyss", "consequences_staff": "",
            "responsibility": "2200", "function": "202", "art": "010", "project": "",
            "lock_version": "0"}
    for year in plan.year_range:
        data[f"operating_{year}"] = ""
        data[f"investment_{year}"] = ""
    data["operating_2026"] = "-450 000"
    data["operating_2027"] = "−900 000,50"
    return {**data, **changes}


@pytest.fixture
def measure(plan_2026, favang_skule) -> Measure:
    return make_measure(plan_2026, favang_skule)


def test_everyone_in_the_municipality_reads_the_measures(as_per, measure, as_sofie):
    response = as_per.get(LIST)
    assert response.status_code == 200
    assert [row["measure"] for row in response.context["rows"]] == list(
        Measure.objects.filter(plan=measure.plan))
    assert "Samle spesialundervisning" in response.content.decode()
    assert as_per.get(f"/3439/budsjett/tiltak/{measure.pk}/").status_code == 200
    assert as_sofie.get(LIST).status_code == 404
    assert as_sofie.get(f"/3439/budsjett/tiltak/{measure.pk}/").status_code == 404
    assert as_sofie.get(f"/3441/budsjett/tiltak/{measure.pk}/").status_code == 404


def test_the_list_filters_by_kind_status_and_area(as_per, measure, plan_2026, favang_skule):
    crisis = make_measure(plan_2026, favang_skule, title="Innkjøpsstopp")
    Measure.objects.filter(pk=crisis.pk).update(kind=MeasureKind.CRISIS)
    rows = as_per.get(LIST + "?kind=crisis").context["rows"]
    assert [row["measure"].pk for row in rows] == [crisis.pk]
    assert rows[0]["horizon"] == "short_term"
    assert as_per.get(LIST + "?status=adopted").context["rows"] == []
    other_area = favang_skule.service_area.pk + 1
    assert all(row["measure"].service_area_id == other_area
               for row in as_per.get(LIST + f"?area={other_area}").context["rows"])


def test_finance_proposes_a_measure_with_amounts_per_year(as_kari, plan_2026, favang_skule):
    response = as_kari.post(LIST + "nytt/", form(plan_2026, unit=favang_skule.pk))
    assert response.status_code == 302
    measure = Measure.objects.get(plan=plan_2026, title="Samle spesialundervisning")
    assert measure.service_area == favang_skule.service_area
    amounts = {row.year: row.operating for row in measure.measure_years.all()}
    assert amounts == {2026: Decimal("-450000"), 2027: Decimal("-900000.50"),
                       2028: 0, 2029: 0}
    assert measure.created_by.username == "kari"
    page = as_kari.get(f"/3439/budsjett/tiltak/{measure.pk}/")
    assert page.context["history"][0].history_user.username == "kari"


def test_the_account_string_is_checked(as_kari, plan_2026, favang_skule):
    response = as_kari.post(LIST + "nytt/", form(plan_2026, unit=favang_skule.pk,
                                                 responsibility="3100", function="999"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"responsibility", "function"}
    response = as_kari.post(LIST + "nytt/", form(plan_2026, art=""))
    assert response.context["form"].non_field_errors()
    assert not Measure.objects.filter(plan=plan_2026).exists()


def test_a_unit_leader_proposes_only_for_their_own_units(as_ola, plan_2026, favang_skule,
                                                         ringebu):
    other = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    response = as_ola.post(LIST + "nytt/", form(plan_2026, unit=other.pk,
                                                responsibility="2100"))
    assert response.status_code == 200 and "unit" in response.context["form"].errors
    assert "status" not in response.context["form"].fields
    assert as_ola.post(LIST + "nytt/", form(plan_2026, unit=favang_skule.pk)).status_code == 302
    measure = Measure.objects.get(plan=plan_2026)
    assert measure.unit == favang_skule and measure.status == MeasureStatus.PROPOSED


def test_per_may_read_but_not_propose_or_edit(as_per, plan_2026, measure):
    assert as_per.get(LIST + "nytt/").status_code == 403
    assert as_per.post(f"/3439/budsjett/tiltak/{measure.pk}/endre/",
                       form(plan_2026)).status_code == 403


def test_the_second_of_two_editors_gets_a_message_and_keeps_what_they_typed(
        as_kari, as_ola, plan_2026, measure, favang_skule):
    url = f"/3439/budsjett/tiltak/{measure.pk}/endre/"
    first = form(plan_2026, unit=favang_skule.pk, title="Kari sin tittel")
    assert as_kari.post(url, first).status_code == 302
    second = form(plan_2026, unit=favang_skule.pk, title="Ola sin tittel",
                  operating_2029="-77 000")
    del second["status"]
    response = as_ola.post(url, second)
    assert response.status_code == 200
    assert str(STALE_MESSAGE) in response.context["form"].non_field_errors()
    page = response.content.decode()
    assert 'value="Ola sin tittel"' in page and 'value="-77 000"' in page
    measure.refresh_from_db()
    assert measure.title == "Kari sin tittel" and measure.lock_version == 1


def test_editing_an_included_measure_rewrites_its_lines(as_kari, plan_2026, measure,
                                                       proposal_2026, kari, favang_skule):
    set_included(proposal_2026, measure, True, user=kari)
    as_kari.post(f"/3439/budsjett/tiltak/{measure.pk}/endre/",
                 form(plan_2026, unit=favang_skule.pk, operating_2026="-1 000"))
    assert proposal_2026.lines.get(measure=measure, year=2026).amount == Decimal("-1000")


def _version_url(version):
    return f"/3439/budsjett/versjon/{version.pk}/tiltak/"


def seen(client, version) -> dict:
    """The page's fingerprint of the choices it showed, as the form posts it."""
    return {"seen": client.get(_version_url(version)).context["seen"]}


def test_finance_includes_and_ranks_measures_in_a_version(
        as_kari, as_per, as_sofie, proposal_2026, plan_2026, measure, favang_skule):
    other = make_measure(plan_2026, favang_skule, title="Redusert åpningstid",
                         amounts={2026: Decimal("-10000")})
    url = _version_url(proposal_2026)
    response = as_kari.post(url, {f"include_{measure.pk}": "on", f"rank_{measure.pk}": "2",
                                  f"rank_{other.pk}": "1", **seen(as_kari, proposal_2026)})
    assert response.status_code == 302
    choices = {c.measure_id: c for c in proposal_2026.version_measures.all()}
    assert choices[measure.pk].included and choices[measure.pk].rank == 2
    assert not choices[other.pk].included and choices[other.pk].rank == 1
    assert proposal_2026.lines.filter(measure=measure).count() == 3
    page = as_per.get(url)
    assert page.status_code == 200 and not page.context["can_change"]
    assert page.context["included"][0] == Decimal("-450000")
    assert [row["measure"] for row in page.context["rows"]][:2] == [other, measure]
    assert as_per.post(url, {f"include_{other.pk}": "on"}).status_code == 403
    assert as_sofie.get(url).status_code == 404


def test_a_decided_version_cannot_have_its_measures_changed(as_kari, proposal_2026, kari,
                                                            measure):
    adopted = derive_version(proposal_2026, VersionState.ADOPTED, user=kari)
    response = as_kari.post(_version_url(adopted), {f"include_{measure.pk}": "on",
                                                    **seen(as_kari, adopted)})
    assert response.status_code == 403
    assert not adopted.lines.filter(measure=measure).exists()
    assert as_kari.get(_version_url(adopted)).status_code == 200


def test_the_pages_render_for_measures_without_unit_or_choice(
        as_kari, plan_2026, proposal_2026, ringebu):
    from styringshjul.org.models import ServiceArea

    area = ServiceArea.objects.for_municipality(ringebu).first()
    measure = Measure.objects.create(municipality=ringebu, plan=plan_2026, number=900,
                                     title="Felles innkjøp", kind=MeasureKind.EFFICIENCY,
                                     service_area=area)
    for url in (LIST, LIST + "nytt/", f"/3439/budsjett/tiltak/{measure.pk}/",
                f"/3439/budsjett/tiltak/{measure.pk}/endre/", _version_url(proposal_2026),
                f"/3439/budsjett/versjon/{proposal_2026.pk}/rammer/endre/",
                "/3439/budsjett/partigrupper/ny/", "/3439/budsjett/tiltak/"):
        response = as_kari.get(url, follow=True)
        assert response.status_code == 200, url


def test_the_second_of_two_choosing_measures_keeps_their_choices_and_is_told(
        as_kari, admin_user, proposal_2026, measure):
    from tests.conftest import logged_in

    as_admin = logged_in(admin_user)
    shown = seen(as_kari, proposal_2026)
    url = _version_url(proposal_2026)
    assert as_kari.post(url, {f"include_{measure.pk}": "on", **shown}).status_code == 302
    response = as_admin.post(url, {f"rank_{measure.pk}": "7", **shown})
    assert response.status_code == 200
    assert str(STALE_MESSAGE) in [str(m) for m in response.context["messages"]]
    assert 'value="7"' in response.content.decode()
    choice = proposal_2026.version_measures.get(measure=measure)
    assert choice.included and choice.rank is None

