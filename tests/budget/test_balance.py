"""The balance panel and the reasons a version is not balanced, worked out by hand."""

from decimal import Decimal

from django.utils.translation import gettext as _

from styringshjul.budget.balance import (
    RECOMMENDED_NET_RESULT_PCT,
    balance_panel,
    why_unbalanced,
)
from styringshjul.budget.schedules import Source
from styringshjul.lib.money import format_kroner
from tests.budget.test_schedules import add_lines, service_code, small_version  # noqa: F401

D = Decimal


def test_balanced_year_by_hand(small_version):  # noqa: F811
    first, _second = balance_panel(small_version)
    assert first.year == 2030
    assert first.operating_total == 0 and first.carried_forward == 0
    assert first.capital_total == 0
    assert first.operating_balanced and first.capital_balanced and first.balanced
    assert first.net_result == D("-654999.75")
    assert first.surplus == D("654999.75")
    assert first.operating_revenue == D("1950000.25")
    assert first.net_result_pct == D("654999.75") / D("1950000.25") * 100
    assert first.meets_recommendation
    assert first.recommended_pct == RECOMMENDED_NET_RESULT_PCT
    assert "75" in first.recommended_text
    assert (first.reserve_allocation, first.reserve_use) == (D("654999.75"), 0)
    assert first.reserve_opening == D("1000000")
    assert first.reserve_closing == D("1654999.75")
    assert (first.new_loans, first.repayments) == (D("1600000"), D("60000"))
    assert first.debt_closing == D("11540000")
    assert first.debt_ratio_pct == D("11540000") / D("1950000.25") * 100


def test_unbalanced_year_by_hand(small_version):  # noqa: F811
    second = balance_panel(small_version)[1]
    assert second.operating_total == D("134567")
    assert second.capital_total == D("500000")
    assert not second.balanced
    assert second.reserve_use == D("100000")
    assert second.reserve_opening == D("1654999.75")
    assert second.reserve_closing == D("1554999.75")
    assert second.debt_opening == second.debt_closing == D("11540000")
    assert second.operating_revenue == D("1000000")
    assert second.net_result == D("234567")  # a deficit
    assert second.net_result_pct == D("-23.4567")
    assert not second.meets_recommendation


def test_why_unbalanced_says_what_is_off(small_version):  # noqa: F811
    assert why_unbalanced(small_version) == [
        _("The operating budget for %(year)s has an overspend of %(amount)s kr that is not "
          "covered.") % {"year": 2031, "amount": format_kroner(D("134567"))},
        _("The capital budget for %(year)s lacks financing of %(amount)s kr.")
        % {"year": 2031, "amount": format_kroner(D("500000"))},
    ]


def test_underspend_and_carried_forward_are_reported(small_version, ringebu):  # noqa: F811
    add_lines(small_version, 2030, [
        ("operating", "9000", "899", "980", "", "-1000"),
        ("capital", "9000", "222", "910", "", "-200"),
    ])
    messages = why_unbalanced(small_version)[:3]
    assert messages == [
        _("The operating budget for %(year)s has %(amount)s kr that is not allocated; "
          "allocate it, for example to the unrestricted reserve.")
        % {"year": 2030, "amount": format_kroner(D("1000"))},
        _("The operating budget for %(year)s carries %(amount)s kr forward to be covered in "
          "later years, which a budget may not do.")
        % {"year": 2030, "amount": format_kroner(D("1000"))},
        _("The capital budget for %(year)s has %(amount)s kr more financing than expenses.")
        % {"year": 2030, "amount": format_kroner(D("200"))},
    ]


def test_adopted_2025_is_balanced(adopted_2025):
    (year,) = balance_panel(adopted_2025)
    assert year.balanced and not year.has_plan
    assert why_unbalanced(adopted_2025) == []


def test_proposal_uses_the_plan_openings(proposal_2026, plan_2026):
    plan_2026.opening_reserve, plan_2026.opening_loan_debt = D("5000000"), D("300000000")
    plan_2026.save()
    proposal_2026.refresh_from_db()
    years = balance_panel(proposal_2026)
    assert [year.year for year in years] == [2026, 2027, 2028, 2029]
    assert years[0].reserve_opening == D("5000000")
    assert years[0].debt_opening == D("300000000")
    for before, after in zip(years, years[1:], strict=False):
        assert after.reserve_opening == before.reserve_closing
        assert after.debt_opening == before.debt_closing


def test_one_query_per_version(small_version, django_assert_max_num_queries):  # noqa: F811
    small_version.plan  # noqa: B018 (loaded before counting)
    with django_assert_max_num_queries(1):
        balance_panel(small_version)


def test_the_panel_shares_its_source_with_the_schedules(small_version):  # noqa: F811
    source = Source(small_version.municipality, small_version, small_version.year_range)
    assert balance_panel(small_version, source) == balance_panel(small_version)


def test_panel_renders_in_the_version_page(small_version, as_kari, ringebu):  # noqa: F811
    response = as_kari.get(f"/{ringebu.number}/budsjett/versjon/{small_version.pk}/")
    assert response.status_code == 200
    assert [year.year for year in response.context["balance"]] == [2030, 2031]
    assert "balance-heading" in response.content.decode()
