from io import StringIO

from django.core.management import call_command

from styringshjul.org.models import Membership, Municipality, OrgUnit, Responsibility


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_builds_ringebu_and_gausdal_with_four_digit_ansvar(db):
    run_demo()
    ringebu = Municipality.objects.get(number="3439")
    assert 20 <= OrgUnit.objects.for_municipality(ringebu).count() <= 25
    assert 3 <= ringebu.service_areas.count() <= 5
    codes = Responsibility.objects.values_list("code", flat=True)
    assert all(len(code) == 4 for code in codes)
    assert Municipality.objects.get(number="3441").units.count() < 22


def test_running_it_twice_duplicates_nothing(db):
    run_demo()
    counts = (OrgUnit.objects.count(), Responsibility.objects.count(), Membership.objects.count())
    run_demo()
    assert counts == (
        OrgUnit.objects.count(), Responsibility.objects.count(), Membership.objects.count()
    )


def test_it_prints_the_demo_logins(db):
    output = run_demo()
    for username in ["kari", "ola", "per", "sofie", "admin"]:
        assert username in output
    assert "demo" in output


def test_ola_leads_exactly_one_school(db):
    run_demo()
    membership = Membership.objects.get(user__username="ola")
    assert [unit.name for unit in membership.units.all()] == ["Fåvang skule"]
