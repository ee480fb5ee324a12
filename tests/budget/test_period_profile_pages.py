import pytest

from styringshjul.budget.models import PeriodProfile

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def no_stored_profiles(demo):
    PeriodProfile.objects.all().delete()
URL = "/3439/budsjett/periodeprofiler/"


def form(**changes) -> dict:
    data = {"name": "Sjukeheim", "art_prefix": "", "responsibility_prefix": "31",
            **{f"period_{p}": "1" for p in range(1, 13)}}
    return {**data, **changes}


def test_everyone_in_the_municipality_sees_the_built_in_profiles(as_per, ringebu):
    page = as_per.get(URL).content.decode()
    assert "Jevn fordeling" in page and "Lønn med feriepenger i juni" in page
    assert "16,82" in page and "7,56" in page


def test_finance_creates_edits_and_deletes_a_profile(as_kari, ringebu):
    assert as_kari.post(URL + "ny/", form(period_7="0,5")).status_code == 302
    profile = PeriodProfile.objects.get(municipality=ringebu, name="Sjukeheim")
    assert profile.weights[6] == 0.5 and profile.responsibility_prefix == "31"
    as_kari.post(URL + f"{profile.pk}/endre/", form(name="Sjukeheim ny"))
    profile.refresh_from_db()
    assert profile.name == "Sjukeheim ny" and profile.history.count() == 2
    as_kari.post(URL + f"{profile.pk}/slett/")
    assert not PeriodProfile.objects.filter(pk=profile.pk).exists()


def test_adjusting_a_built_in_profile_starts_from_its_shares(as_kari, ringebu):
    page = as_kari.get(URL + "ny/?from=1").content.decode()
    assert 'value="2,224"' in page


@pytest.mark.parametrize("changes", [{"period_3": "-1"}, {"period_3": "x"},
                                     {f"period_{p}": "0" for p in range(1, 13)}])
def test_shares_must_be_non_negative_numbers_with_a_positive_sum(as_kari, ringebu, changes):
    response = as_kari.post(URL + "ny/", form(**changes))
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert not PeriodProfile.objects.filter(municipality=ringebu).exists()


def test_per_and_ola_may_not_change_profiles(as_per, as_ola, ringebu):
    assert as_per.post(URL + "ny/", form()).status_code == 403
    assert as_ola.get(URL + "ny/").status_code == 403
