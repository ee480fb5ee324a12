"""The community plan's vision, focus areas and goals, written once by finance or leadership
and referred to from the scorecards; and the municipality's perspectives."""

import pytest

from styringshjul.scorecards.models import CommunityGoal, CommunityPlan, FocusArea, Perspective

pytestmark = pytest.mark.django_db

BASE = "/3439/malekart/samfunnsdel/"
GOAL = "Ringebu skal ha et trygt og inkluderende oppvekstmiljø"


@pytest.fixture
def plan(ringebu) -> CommunityPlan:
    plan = CommunityPlan.objects.create(municipality=ringebu, name="Kommuneplanens samfunnsdel",
                                        vision="Ringebu – ein god stad å leve", first_year=2024,
                                        last_year=2035)
    area = FocusArea.objects.create(plan=plan, name="Oppvekst")
    CommunityGoal.objects.create(focus_area=area, text=GOAL)
    return plan


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_everyone_in_ringebu_reads_the_vision_and_goals(as_per, as_ola, plan):
    for client in (as_per, as_ola):
        page = text(client.get(BASE))
        assert "Ringebu – ein god stad å leve" in page and GOAL in page
        assert f"{BASE}ny/" not in page


def test_sofie_of_gausdal_gets_404(as_sofie, plan):
    assert as_sofie.get(BASE).status_code == 404


def test_finance_writes_the_plan_its_focus_areas_and_goals(as_kari, ringebu):
    response = as_kari.post(BASE + "ny/", {"name": "Samfunnsdelen 2024–2035", "vision": "Sammen",
                                           "first_year": "2024", "last_year": "2035"})
    assert response.status_code == 302
    plan = CommunityPlan.objects.get(municipality=ringebu)
    as_kari.post(f"{BASE}{plan.pk}/satsing/ny/", {"name": "Helse", "sort_order": "1"})
    area = plan.focus_areas.get()
    as_kari.post(f"{BASE}{plan.pk}/mal/ny/", {"focus_area": area.pk, "text": "Flere friske år",
                                             "sort_order": "1"})
    assert area.goals.get().text == "Flere friske år"


def test_a_plan_cannot_end_before_it_starts_and_keeps_what_was_typed(as_kari, ringebu):
    response = as_kari.post(BASE + "ny/", {"name": "Baklengs", "first_year": "2030",
                                           "last_year": "2020"})
    assert response.status_code == 200 and "Baklengs" in response.content.decode()
    assert not CommunityPlan.objects.filter(municipality=ringebu).exists()


def test_ola_and_per_may_not_write_goals(as_ola, as_per, plan):
    area = plan.focus_areas.get()
    for client in (as_ola, as_per):
        assert client.post(f"{BASE}{plan.pk}/mal/ny/",
                           {"focus_area": area.pk, "text": "Nytt", "sort_order": "0"}
                           ).status_code == 403
        assert client.get(f"{BASE}mal/{area.goals.get().pk}/").status_code == 403
    assert area.goals.count() == 1


def test_a_goal_of_another_municipalitys_plan_is_404(as_kari, gausdal):
    other = CommunityPlan.objects.create(municipality=gausdal, name="Gausdal", first_year=2024,
                                         last_year=2030)
    area = FocusArea.objects.create(plan=other, name="Næring")
    goal = CommunityGoal.objects.create(focus_area=area, text="Flere arbeidsplasser")
    assert as_kari.get(f"{BASE}mal/{goal.pk}/").status_code == 404
    assert as_kari.get(f"{BASE}{other.pk}/").status_code == 404


def test_a_goal_referred_to_by_a_scorecard_shows_where_and_its_changes_are_kept(
        as_kari, plan, scorecards_2026):
    goal = CommunityGoal.objects.get(text=GOAL)
    response = as_kari.post(f"/3439/malekart/{scorecards_2026.pk}/rediger/",
                            {"purpose": "", "main_goal": "", "goals": [goal.pk],
                             "lock_version": "0"})
    assert response.status_code == 302
    assert list(scorecards_2026.goals.all()) == [goal]
    assert GOAL in text(as_kari.get(f"/3439/malekart/{scorecards_2026.pk}/"))
    assert f"/3439/malekart/{scorecards_2026.pk}/" in text(as_kari.get(BASE))
    as_kari.post(f"{BASE}mal/{goal.pk}/", {"focus_area": goal.focus_area_id,
                                           "text": GOAL + ".", "sort_order": "0"})
    assert goal.history.count() == 2
    page = text(as_kari.get(f"{BASE}mal/{goal.pk}/"))
    assert f"«{GOAL}» → «{GOAL}.»" in page


def test_finance_renames_and_adds_perspectives(as_kari, ringebu, scorecards_2026):
    url = "/3439/malekart/perspektiver/"
    assert "Medarbeidere" in text(as_kari.get(url))
    staff = ringebu.perspectives.get(name="Medarbeidere")
    as_kari.post(f"{url}{staff.pk}/", {"name": "Medarbeidere og ledelse", "sort_order": "3"})
    assert as_kari.post(url, {"name": "Innovasjon", "sort_order": "5"}).status_code == 302
    names = list(Perspective.objects.for_municipality(ringebu).values_list("name", flat=True))
    assert names == ["Samfunn", "Brukere", "Medarbeidere og ledelse", "Økonomi", "Innovasjon"]
    response = as_kari.post(url, {"name": "økonomi", "sort_order": "6"})
    assert response.status_code == 200 and response.context["form"].errors["name"]


def test_only_finance_and_leadership_change_perspectives(as_ola, as_per, ringebu):
    for client in (as_ola, as_per):
        assert client.get("/3439/malekart/perspektiver/").status_code == 403
