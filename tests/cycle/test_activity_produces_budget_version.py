"""An activity names the budget version it delivers, and shows it in the cycle."""

from django.urls import reverse

from styringshjul.budget.models import BudgetVersion


def test_the_council_meeting_adopts_the_budget_version(as_kari, ringebu, gausdal, ringebu_2026):
    version = BudgetVersion.objects.create(municipality=ringebu, name="Vedtatt budsjett 2027",
                                           first_year=2027)
    activity = ringebu_2026.activities.get(key="budget_adopted")
    url = reverse("activity_edit", args=["3439", 2026, activity.pk])
    form = as_kari.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(start=activity.start.isoformat(), budget_version=version.pk,
                depends_on=[a.pk for a in activity.depends_on.all()])
    data.pop("end", None)
    response = as_kari.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    activity.refresh_from_db()
    assert activity.budget_version == version
    page = as_kari.get(reverse("cycle_year", args=["3439", 2026])).content.decode()
    assert "Vedtatt budsjett 2027" in page


def test_gausdals_budget_versions_are_not_offered_in_ringebu(as_kari, gausdal, ringebu_2026):
    BudgetVersion.objects.create(municipality=gausdal, name="Gausdal 2027", first_year=2027)
    activity = ringebu_2026.activities.get(key="budget_adopted")
    form = as_kari.get(reverse("activity_edit", args=["3439", 2026, activity.pk])).context["form"]
    assert "Gausdal 2027" not in [str(v) for v in form.fields["budget_version"].queryset]
