"""Finance edits the phases of Ringebu's cycle on a page; others may not, outsiders see
nothing, and an activity can only be put in a phase of its own municipality."""

import pytest
from django.urls import reverse

from styringshjul.cycle.models import Phase

URL = reverse("cycle_phases", args=["3439"])


def form_data(client, url=URL, **changes) -> dict[str, str]:
    """The page's formset as posted unchanged, with `changes` as {"form-0-name": …}."""
    formset = client.get(url).context["formset"]
    data = {f"form-{key}": str(value) for key, value in formset.management_form.initial.items()}
    for form in formset.forms:
        for name, field in form.fields.items():
            if name == "DELETE":
                continue
            value = form.initial.get(name, field.initial)
            data[form.add_prefix(name)] = "" if value is None else str(
                value.pk if hasattr(value, "pk") else value)
    data.update({key: str(value) for key, value in changes.items()})
    return data


def phases(municipality) -> list[tuple[str, str, int]]:
    return [(str(p), p.colour, p.order) for p in Phase.objects.filter(municipality=municipality)]


def test_kari_sees_the_four_phases_with_labelled_fields(ringebu_2026, as_kari):
    response = as_kari.get(URL)
    assert response.status_code == 200
    assert response.text.count('for="id_form-') >= 4 * 3
    assert 'value="Dialog"' in response.text
    assert 'list="phase-palette"' in response.text


def test_kari_renames_recolours_reorders_and_adds_a_phase(ringebu_2026, as_kari, gausdal):
    before_gausdal = phases(gausdal)
    data = form_data(as_kari, **{
        "form-3-name": "Dialog med tillitsvalgte", "form-3-colour": "#F8D7DA",
        "form-3-order": "0", "form-0-order": "5",
        "form-4-name": "Medvirkning", "form-4-colour": "#d5f0ef", "form-4-order": "6",
    })
    response = as_kari.post(URL, data)
    assert response.status_code == 302, response.context["formset"].errors
    names = [name for name, _colour, _order in phases(ringebu_2026.municipality)]
    assert names[0] == "Dialog med tillitsvalgte" and names[-1] == "Medvirkning"
    assert Phase.objects.get(municipality=ringebu_2026.municipality,
                             key="dialogue").colour == "#f8d7da"
    assert phases(gausdal) == before_gausdal


def test_an_untouched_default_name_keeps_following_the_language(ringebu_2026, as_kari):
    assert as_kari.post(URL, form_data(as_kari)).status_code == 302
    assert not Phase.objects.filter(municipality=ringebu_2026.municipality).exclude(
        name="").exists()


def test_a_colour_too_dark_for_the_labels_is_refused_and_the_typed_values_kept(
    ringebu_2026, as_kari,
):
    before = phases(ringebu_2026.municipality)
    response = as_kari.post(URL, form_data(as_kari, **{"form-1-colour": "#1f5f99",
                                                       "form-1-name": "Budsjett"}))
    assert response.status_code == 200
    assert "ds-error-summary" in response.text
    assert 'href="#id_form-1-colour"' in response.text
    assert 'value="#1f5f99"' in response.text and 'value="Budsjett"' in response.text
    assert phases(ringebu_2026.municipality) == before


def test_a_phase_with_activities_cannot_be_deleted_but_an_empty_one_can(ringebu_2026, as_kari):
    municipality = ringebu_2026.municipality
    response = as_kari.post(URL, form_data(as_kari, **{"form-1-DELETE": "on"}))
    assert response.status_code == 200
    assert "ds-error-summary" in response.text
    assert Phase.objects.filter(municipality=municipality, key="budget").exists()
    empty = Phase.objects.create(municipality=municipality, name="Tom", colour="#e4e7eb",
                                 order=7)
    assert as_kari.post(URL, form_data(as_kari, **{"form-4-DELETE": "on"})).status_code == 302
    assert not Phase.objects.filter(pk=empty.pk).exists()


def test_two_phases_may_not_share_a_name(ringebu_2026, as_kari):
    response = as_kari.post(URL, form_data(as_kari, **{"form-0-name": "Dialog"}))
    assert response.status_code == 200
    assert "Another phase has this name" in response.text or "navn" in response.text


def test_ola_and_per_may_not_edit_the_phases(ringebu_2026, as_ola, as_per):
    for client in (as_ola, as_per):
        assert client.get(URL).status_code == 403
        assert client.post(URL, {}).status_code == 403


def test_sofie_from_gausdal_gets_404_and_edits_only_gausdals_phases(ringebu_2026, as_sofie,
                                                                     gausdal):
    assert as_sofie.get(URL).status_code == 404
    gausdal_url = reverse("cycle_phases", args=["3441"])
    data = form_data(as_sofie, gausdal_url, **{"form-0-name": "Strategi"})
    assert as_sofie.post(gausdal_url, data).status_code == 302
    assert "Strategi" in [name for name, _c, _o in phases(gausdal)]
    assert "Strategi" not in [name for name, _c, _o in phases(ringebu_2026.municipality)]


@pytest.mark.parametrize("whose", ["ringebu", "gausdal"])
def test_an_activity_takes_only_a_phase_of_its_own_municipality(ringebu_2026, gausdal,
                                                               as_kari, whose):
    municipality = ringebu_2026.municipality if whose == "ringebu" else gausdal
    phase = Phase.objects.filter(municipality=municipality).first()
    response = as_kari.post(reverse("activity_create", args=["3439", 2026]), {
        "title": "Budsjettseminar", "start": "2026-06-10", "phase": phase.pk,
        "kind": "dialogue", "status": "planned",
    })
    assert response.status_code == (302 if whose == "ringebu" else 200)


def test_the_cycle_page_links_finance_to_the_phases(ringebu_2026, as_kari, as_per):
    year_url = reverse("cycle_year", args=["3439", 2026])
    assert URL in as_kari.get(year_url).text
    assert URL not in as_per.get(year_url).text
