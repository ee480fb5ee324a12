"""Finance sets the reminder lead times on a page; nobody else may, and no outsider sees it."""

import pytest
from django.urls import reverse

from styringshjul.cycle.lead_times import DEFAULT_LEAD_DAYS, lead_days_for

URL = reverse("cycle_reminder_settings", args=["3439"])


def posted(**changes) -> dict[str, str]:
    return {kind: str(days) for kind, days in {**DEFAULT_LEAD_DAYS, **changes}.items()}


def test_kari_sees_one_labelled_number_per_kind_with_the_defaults(as_kari):
    response = as_kari.get(URL)
    assert response.status_code == 200
    for kind, days in DEFAULT_LEAD_DAYS.items():
        assert f'for="id_{kind}"' in response.text
        assert f'name="{kind}" value="{days}"' in response.text
    assert "Frist" in response.text  # the kinds' labels, in bokmål


def test_kari_saves_ringebus_lead_times_and_gausdal_keeps_its_own(as_kari, ringebu, gausdal):
    response = as_kari.post(URL, posted(deadline=10, training=2))
    assert response.status_code == 302
    assert lead_days_for(ringebu)["deadline"] == 10
    assert lead_days_for(ringebu)["training"] == 2
    assert lead_days_for(gausdal) == DEFAULT_LEAD_DAYS
    assert 'value="10"' in as_kari.get(URL).text


@pytest.mark.parametrize("typed", ["-1", "366", "ti", ""])
def test_a_bad_number_is_refused_with_an_error_summary_and_the_typed_values_kept(
    as_kari, ringebu, typed,
):
    response = as_kari.post(URL, {**posted(report=21), "deadline": typed})
    assert response.status_code == 200
    assert "ds-error-summary" in response.text
    assert 'href="#id_deadline"' in response.text
    assert f'name="deadline" value="{typed}"' in response.text or typed == ""
    assert 'name="report" value="21"' in response.text
    assert lead_days_for(ringebu) == DEFAULT_LEAD_DAYS


def test_ola_and_per_may_not_set_lead_times(as_ola, as_per, ringebu):
    for client in (as_ola, as_per):
        assert client.get(URL).status_code == 403
        assert client.post(URL, posted(deadline=1)).status_code == 403
    assert lead_days_for(ringebu) == DEFAULT_LEAD_DAYS


def test_sofie_from_gausdal_gets_404_on_ringebus_lead_times(as_sofie, ringebu):
    assert as_sofie.get(URL).status_code == 404
    assert as_sofie.post(URL, posted(deadline=1)).status_code == 404
    assert lead_days_for(ringebu) == DEFAULT_LEAD_DAYS


def test_sofie_sets_gausdals_own(as_sofie, gausdal):
    url = reverse("cycle_reminder_settings", args=["3441"])
    assert as_sofie.post(url, posted(survey=30)).status_code == 302
    assert lead_days_for(gausdal)["survey"] == 30


def test_the_bodies_page_links_finance_to_the_lead_times(as_kari, as_per):
    bodies = reverse("cycle_bodies", args=["3439"])
    assert URL in as_kari.get(bodies).text
    assert URL not in as_per.get(bodies).text
