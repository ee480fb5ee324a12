"""The legally required schedules, computed by hand on a small version, on Ringebu's
adopted budget and on booked actuals; the mapping data's own consistency."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from styringshjul.budget.models import BudgetLine, BudgetVersion, EconomicPlan, PartyGroup
from styringshjul.budget.schedules import (
    SCHEDULES,
    _with_sums,
    all_rules,
    area_of,
    drilldown,
    rules_of,
    schedule,
)
from styringshjul.ledger.models import Actual, LedgerImport
from styringshjul.org.org_map import OrgMap

"""The schedule pages until the lead wires them into the project's URLs."""

D = Decimal
CODES = Path(__file__).parents[2] / "styringshjul" / "ledger" / "data"
SANDNES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"


def service_code(municipality) -> tuple[str, int]:
    """An ansvar code inside the tree and its service area."""
    org_map = OrgMap(municipality)
    code, place = next((c, p) for c, p in sorted(org_map.items()) if p.service_area_id)
    return code, place.service_area_id


def add_lines(version, year, rows) -> None:
    BudgetLine.objects.bulk_create(
        BudgetLine(version=version, year=year, account_class=cls, responsibility=resp,
                   function=function, art=art, kostra_art=art[:3], project=project,
                   amount=D(amount))
        for cls, resp, function, art, project, amount in rows)


@pytest.fixture
def small_version(ringebu) -> BudgetVersion:
    """2030 balanced (worked out by hand in the tests); 2031 not."""
    plan = EconomicPlan.objects.create(municipality=ringebu, first_year=2030, years=2,
                                       opening_reserve=D("1000000"),
                                       opening_loan_debt=D("10000000"))
    version = BudgetVersion.objects.create(municipality=ringebu, plan=plan, name="Liten plan",
                                           first_year=2030, years=2, state="proposal")
    code, _area = service_code(ringebu)
    add_lines(version, 2030, [
        ("operating", "9000", "840", "800", "", "-1000000"),
        ("operating", "9000", "800", "870", "", "-800000"),
        ("operating", "9000", "800", "874", "", "-50000"),
        ("operating", code, "202", "0101", "", "1200000.50"),
        ("operating", code, "202", "700", "", "-100000.25"),
        ("operating", code, "254", "590", "", "30000"),
        ("operating", "ZZZ", "120", "100", "", "5000"),
        ("operating", "9000", "860", "990", "", "-30000"),
        ("operating", "9000", "870", "500", "", "40000"),
        ("operating", "9000", "870", "510", "", "60000"),
        ("operating", "9000", "870", "900", "", "-10000"),
        ("operating", "9000", "880", "540", "", "654999.75"),
        ("capital", code, "222", "020", "P1", "2000000"),
        ("capital", code, "841", "729", "P1", "-400000"),
        ("capital", code, "222", "910", "P1", "-1600000"),
    ])
    add_lines(version, 2031, [
        ("operating", "9000", "840", "800", "", "-1000000"),
        ("operating", code, "202", "010", "", "1234567"),
        ("operating", "9000", "880", "940", "", "-100000"),
        ("capital", code, "222", "020", "P1", "500000"),
    ])
    return version


def test_operating_schedule_by_hand(small_version, ringebu):
    amounts = schedule(small_version, ringebu, 2030, "5-4-1").amounts()
    expected = {
        "1": "-1000000", "2": "-800000", "3": "-50000", "4": "0", "5": "-1850000",
        "6": "1105000.25", "7": "30000", "8": "1135000.25", "9": "-714999.75",
        "10": "-10000", "11": "0", "12": "0", "13": "40000", "14": "60000", "15": "90000",
        "16": "-30000", "17": "-654999.75", "18": "0", "19": "0", "20": "654999.75",
        "21": "0", "22": "654999.75", "23": "0",
    }
    assert amounts == {number: D(value) for number, value in expected.items()}


def test_checks_of_a_balanced_schedule(small_version, ringebu):
    result = schedule(small_version, ringebu, 2030, "5-4-1")
    assert [check.ok for check in result.checks] == [True, True]
    assert result.unmapped == 0


def test_per_area_equals_line_6(small_version, ringebu, adopted_2025, proposal_2026):
    code, area = service_code(ringebu)
    per_area = schedule(small_version, ringebu, 2030, "5-4-2")
    assert per_area.line(str(area)).amount == D("1100000.25")
    assert per_area.line("0").amount == D("5000")  # ZZZ is outside the tree
    assert per_area.lines[-1].amount == D("1105000.25")
    for version, year in ((small_version, 2030), (small_version, 2031), (adopted_2025, 2025),
                          (proposal_2026, 2029)):
        per_area = schedule(version, ringebu, year, "5-4-2")
        line_6 = schedule(version, ringebu, year, "5-4-1").line("6").amount
        areas = sum(line.amount for line in per_area.lines if not line.is_sum)
        assert areas == per_area.lines[-1].amount == line_6
        assert all(check.ok for check in per_area.checks)


def test_statement_by_art_by_hand(small_version, ringebu):
    amounts = schedule(small_version, ringebu, 2030, "5-6").amounts()
    assert amounts["5"] == D("-100000.25")
    assert amounts["9"] == D("-1950000.25")
    assert amounts["10"] == D("1200000.50")
    assert amounts["12"] == D("5000")
    assert amounts["15"] == D("1235000.50")
    assert amounts["16"] == D("-714999.75")
    assert amounts["24"] == D("-654999.75")
    assert amounts["28"] == amounts["31"] == D("654999.75")


def test_capital_schedule_by_hand(small_version, ringebu):
    result = schedule(small_version, ringebu, 2030, "5-5")
    amounts = result.amounts()
    assert (amounts["1"], amounts["6"]) == (D("2000000"), D("2000000"))
    assert (amounts["7"], amounts["13"], amounts["14"]) == (D("-400000"), D("-1600000"),
                                                          D("-2000000"))
    assert all(check.ok for check in result.checks)
    unbalanced = schedule(small_version, ringebu, 2031, "5-5")
    assert unbalanced.checks[0].amount == D("500000") and not unbalanced.checks[0].ok


@pytest.mark.parametrize(("code", "key"), [("5-4-1", "6"), ("5-4-1", "17"), ("5-4-1", "5"),
                                           ("5-6", "9"), ("5-6", "24"), ("5-5", "14")])
def test_drilldown_sums_to_the_line(small_version, ringebu, code, key):
    found = drilldown(small_version, ringebu, 2030, code, key)
    assert found.total == schedule(small_version, ringebu, 2030, code).line(key).amount


def test_drilldown_lists_the_lines(small_version, ringebu):
    found = drilldown(small_version, ringebu, 2030, "5-4-1", "6")
    assert sorted((m.function, m.art, m.amount) for m in found.members) == [
        ("120", "100", D("5000")), ("202", "0101", D("1200000.50")),
        ("202", "700", D("-100000.25"))]
    _code, area = service_code(ringebu)
    by_area = drilldown(small_version, ringebu, 2030, "5-4-2", f"area-{area}")
    assert by_area.total == D("1100000.25")
    assert drilldown(small_version, ringebu, 2030, "5-4-2", "area-0").total == D("5000")
    assert drilldown(small_version, ringebu, 2030, "5-4-1", "99") is None


def test_unmapped_amounts_are_shown_and_listed(small_version, ringebu):
    add_lines(small_version, 2030, [("operating", "9000", "870", "901", "", "-123.45")])
    result = schedule(small_version, ringebu, 2030, "5-4-1")
    assert result.unmapped == D("-123.45")
    assert not result.checks[1].ok
    assert drilldown(small_version, ringebu, 2030, "5-4-1", "unmapped").total == D("-123.45")


def test_adopted_2025_totals_to_the_krone(adopted_2025, ringebu):
    lines = BudgetLine.objects.filter(version=adopted_2025, account_class="operating")
    total = sum(line.amount for line in lines)
    for code in ("5-4-1", "5-6"):
        result = schedule(adopted_2025, ringebu, 2025, code)
        data = sum(line.amount for line in result.lines if not line.is_sum)
        assert data + result.unmapped == total == 0
        for line in result.lines:
            assert drilldown(adopted_2025, ringebu, 2025, code, line.key).total == line.amount


@pytest.fixture
def actuals_2024(ringebu):
    code, _area = service_code(ringebu)
    source = LedgerImport.objects.create(municipality=ringebu, year=2024, file_name="t.csv",
                                         file_sha256="0" * 64)
    rows = [(1, "9000", "840", "800", "-500000"), (2, "9000", "840", "800", "-500000"),
            (1, code, "202", "010", "600000"), (13, code, "202", "010", "350000.40"),
            (12, "9000", "880", "540", "49999.60")]
    Actual.objects.bulk_create(
        Actual(municipality=ringebu, year=2024, period=period, responsibility=resp,
               function=function, art=art, kostra_art=art, amount=D(amount), source=source)
        for period, resp, function, art, amount in rows)


def test_schedule_from_the_accounts(actuals_2024, ringebu):
    amounts = schedule(None, ringebu, 2024, "5-4-1").amounts()
    assert amounts["1"] == D("-1000000")
    assert amounts["6"] == D("950000.40")
    assert amounts["17"] == D("-49999.60")
    assert amounts["20"] == amounts["22"] == D("49999.60")
    found = drilldown(None, ringebu, 2024, "5-4-1", "6")
    assert [(m.function, m.art, m.amount) for m in found.members] == [
        ("202", "010", D("950000.40"))]
    assert schedule(None, ringebu, 2023, "5-4-1").line("17").amount == 0


def test_formulas_reproduce_sandnes_published_sums():
    """Sandnes' 1A table: the data lines put through our formulas give its sum lines."""
    file = SANDNES / "sandnes_bevilgningsoversikt_drift_1A_okonomiplan_2021_2024.csv"
    rows = list(csv.DictReader(file.open(encoding="utf-8")))
    sums = {rule.number for rule in rules_of("5-4-1") if rule.is_sum}
    for column in ("vedtatt_budsjett_2021", "budsjett_2024"):
        published = {row["linje"]: D(row[column] or 0) for row in rows}
        data = {n: a for n, a in published.items() if n not in sums}
        computed = {line.number: line.amount for line in _with_sums("5-4-1", dict(data))}
        assert computed == published


def _codes(name: str) -> list[str]:
    with (CODES / name).open(encoding="utf-8") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def test_each_account_string_feeds_at_most_one_line():
    functions = _codes("funksjoner_2025_2026.csv")
    arts = _codes("arter_2025_2026.csv") + ["874", "875"]
    for code in ("5-4-1", "5-5", "5-6"):
        rules = [rule for rule in rules_of(code) if not rule.is_sum]
        (account_class,) = {rule.account_class for rule in rules}  # one class per schedule
        for art in arts:
            candidates = [rule for rule in rules if art in rule.arts]
            for function in functions:
                hits = [r.number for r in candidates if r.matches(account_class, function, art)]
                assert len(hits) <= 1, (code, account_class, function, art, hits)


def test_mapping_data_is_complete():
    rules = all_rules()
    assert set(rules) == set(SCHEDULES)
    for code in ("5-4-1", "5-5", "5-6"):
        numbers = [rule.number for rule in rules[code]]
        assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
        for rule in rules[code]:
            assert rule.basis, rule
            assert rule.confidence in ("high", "medium", "low", "n/a")
    line_6 = rules["5-4-1"][5]
    assert (rules["5-4-2"][0].functions.spec, rules["5-4-2"][0].arts.spec) == (
        line_6.functions.spec, line_6.arts.spec)


def test_area_of_unknown_code_is_outside(ringebu):
    assert area_of(OrgMap(ringebu), "no-such-code") == 0


# --- pages -------------------------------------------------------------------------------



def test_schedule_page(small_version, as_kari, ringebu):
    url = reverse("budget_schedule", args=[ringebu.number, small_version.pk, "5-4-1"])
    response = as_kari.get(url, {"year": 2030})
    assert response.status_code == 200
    assert response.context["schedule"].line("17").amount == D("-654999.75")
    line_url = reverse("budget_schedule_lines",
                       args=[ringebu.number, small_version.pk, "5-4-1", "6"])
    assert f'{line_url}?year=2030' in response.content.decode()
    assert b"<caption>" in response.content and b'scope="row"' in response.content
    lines = as_kari.get(line_url, {"year": 2030})
    assert lines.status_code == 200
    assert lines.context["drilldown"].total == D("1105000.25")
    assert as_kari.get(url, {"year": 2040}).status_code == 404
    assert as_kari.get(url.replace("5-4-1", "9-9"), {"year": 2030}).status_code == 404


@pytest.mark.parametrize("code", SCHEDULES)
def test_every_schedule_page_renders(small_version, as_kari, ringebu, code):
    url = reverse("budget_schedule", args=[ringebu.number, small_version.pk, code])
    assert as_kari.get(url, {"year": 2031}).status_code == 200


def test_accounts_pages(actuals_2024, as_kari, ringebu):
    url = reverse("accounts_schedule", args=[ringebu.number, 2024, "5-4-1"])
    response = as_kari.get(url)
    assert response.status_code == 200
    assert response.context["schedule"].line("6").amount == D("950000.40")
    lines = as_kari.get(reverse("accounts_schedule_lines",
                                args=[ringebu.number, 2024, "5-4-1", "1"]))
    assert lines.context["drilldown"].total == D("-1000000")


def test_other_municipality_gets_404(small_version, as_sofie, ringebu):
    for url in (reverse("budget_schedule", args=[ringebu.number, small_version.pk, "5-4-1"]),
                reverse("budget_schedule_lines",
                        args=[ringebu.number, small_version.pk, "5-4-1", "6"]),
                reverse("accounts_schedule", args=[ringebu.number, 2024, "5-4-1"])):
        assert as_sofie.get(url, {"year": 2030}).status_code == 404


def test_version_of_another_municipality_is_404(small_version, as_sofie, gausdal):
    url = reverse("budget_schedule", args=[gausdal.number, small_version.pk, "5-4-1"])
    assert as_sofie.get(url, {"year": 2030}).status_code == 404


def test_unpublished_alternative_is_hidden(small_version, as_kari, ringebu):
    party = PartyGroup.objects.create(municipality=ringebu, name="Testpartiet")
    small_version.state, small_version.party = "alternative", party
    small_version.save()
    url = reverse("budget_schedule", args=[ringebu.number, small_version.pk, "5-4-1"])
    assert as_kari.get(url, {"year": 2030}).status_code == 404
    small_version.published = True
    small_version.save()
    assert as_kari.get(url, {"year": 2030}).status_code == 200


def test_database_and_drilldown_sort_lines_alike(small_version, ringebu):
    """The database sorts lines into schedule lines (CASE); the drill-down in Python: every
    art on a spread of functions, both classes, must land in the same line either way."""
    arts = _codes("arter_2025_2026.csv") + ["874", "875"]
    functions = ("120", "202", "800", "840", "841", "850", "860", "870", "880", "899")
    add_lines(small_version, 2031, [
        (cls, "9000", function, art, "X", str(index))
        for index, (cls, function, art) in enumerate(
            (cls, f, a) for cls in ("operating", "capital") for f in functions for a in arts)])
    for code in ("5-4-1", "5-4-2", "5-5", "5-6"):
        result = schedule(small_version, ringebu, 2031, code)
        for line in result.lines:
            found = drilldown(small_version, ringebu, 2031, code, line.key)
            assert found.total == line.amount, (code, line.number)
        if code != "5-4-2":
            assert drilldown(small_version, ringebu, 2031, code, "unmapped").total == \
                result.unmapped
