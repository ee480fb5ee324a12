import pytest
from django.contrib.auth import get_user_model

from styringshjul.budget.models import BudgetVersion, PartyGroup, VersionState
from styringshjul.org.models import Membership, Role
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

URL = "/3439/budsjett/partigrupper/"


@pytest.fixture
def liv(ringebu):
    """A councillor of another party."""
    user = get_user_model().objects.create_user("liv", first_name="Liv", last_name="Bakken")
    Membership.objects.create(user=user, municipality=ringebu, role=Role.POLITICIAN)
    return user


@pytest.fixture
def parties(ringebu, per, liv) -> tuple[PartyGroup, PartyGroup]:
    ap = PartyGroup.objects.create(municipality=ringebu, name="Testpartiet")
    ap.members.add(per)
    sp = PartyGroup.objects.create(municipality=ringebu, name="Bygdelista")
    sp.members.add(liv)
    return ap, sp


def test_finance_creates_a_group_of_the_municipalitys_politicians(as_kari, ringebu, per,
                                                                  liv, ola):
    response = as_kari.post(URL + "ny/", {"name": "Lista", "members": [per.pk, liv.pk]})
    assert response.status_code == 302
    group = PartyGroup.objects.get(municipality=ringebu, name="Lista")
    assert set(group.members.all()) == {per, liv}
    response = as_kari.post(URL + "ny/", {"name": "Annen", "members": [ola.pk]})
    assert response.status_code == 200 and "members" in response.context["form"].errors
    response = as_kari.post(URL + f"{group.pk}/endre/", {"name": "Lista", "members": [liv.pk]})
    assert response.status_code == 302 and list(group.members.all()) == [liv]


def test_only_finance_keeps_the_groups_and_sofie_sees_nothing(as_per, as_sofie, parties):
    assert as_per.get(URL).status_code == 200
    assert as_per.post(URL + "ny/", {"name": "Mitt parti"}).status_code == 403
    assert as_sofie.get(URL).status_code == 404
    assert as_sofie.post(URL + f"{parties[0].pk}/alternativ/").status_code == 404


def test_a_party_member_makes_and_publishes_the_partys_alternative(
        as_per, liv, parties, proposal_2026):
    party, other = parties
    as_liv = logged_in(liv)
    assert as_liv.post(URL + f"{party.pk}/alternativ/",
                       {"version": proposal_2026.pk}).status_code == 403
    assert as_per.post(URL + f"{party.pk}/alternativ/",
                       {"version": proposal_2026.pk}).status_code == 302
    alternative = BudgetVersion.objects.get(party=party)
    assert alternative.state == VersionState.ALTERNATIVE and not alternative.published
    assert alternative.lines.count() == proposal_2026.lines.count()
    page = as_per.get(URL)
    assert [v for v, _url in page.context["rows"][1]["alternatives"]] == [alternative]
    liv_rows = {row["group"]: row for row in as_liv.get(URL).context["rows"]}
    assert liv_rows[party]["alternatives"] == [] and not liv_rows[party]["member"]
    publish = URL + f"{party.pk}/publiser/{alternative.pk}/"
    assert as_liv.post(publish).status_code == 403
    assert as_liv.post(URL + f"{other.pk}/publiser/{alternative.pk}/").status_code == 404
    assert as_per.post(publish).status_code == 302
    alternative.refresh_from_db()
    assert alternative.published
    liv_rows = {row["group"]: row for row in as_liv.get(URL).context["rows"]}
    assert [v for v, _url in liv_rows[party]["alternatives"]] == [alternative]


def test_an_alternative_starts_only_from_a_proposal_or_recommendation(
        as_per, parties, adopted_2025):
    party = parties[0]
    response = as_per.post(URL + f"{party.pk}/alternativ/", {"version": adopted_2025.pk})
    assert response.status_code == 302
    assert not BudgetVersion.objects.filter(party=party).exists()


def test_a_party_ranks_measures_only_in_its_own_alternative(
        as_per, liv, parties, proposal_2026, plan_2026, favang_skule, per):
    from styringshjul.budget.versions import alternative_for
    from tests.budget.test_measures import make_measure

    measure = make_measure(plan_2026, favang_skule)
    alternative = alternative_for(proposal_2026, parties[0], user=per)
    url = f"/3439/budsjett/versjon/{alternative.pk}/tiltak/"
    data = {f"include_{measure.pk}": "on", f"rank_{measure.pk}": "1"}
    assert logged_in(liv).get(url).status_code == 404
    shown = {"seen": as_per.get(url).context["seen"]}
    assert as_per.post(url, {**data, **shown}).status_code == 302
    assert alternative.version_measures.get(measure=measure).rank == 1
    assert alternative.lines.filter(measure=measure).exists()
    assert not proposal_2026.lines.filter(measure=measure).exists()
    assert as_per.post(f"/3439/budsjett/versjon/{proposal_2026.pk}/tiltak/",
                       data).status_code == 403
