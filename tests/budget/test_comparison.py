import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from styringshjul.budget.comparison import BASE, UNKNOWN, compare_versions
from styringshjul.budget.models import (
    BudgetLine,
    BudgetVersion,
    Measure,
    MeasureKind,
    PartyGroup,
    VersionState,
)
from styringshjul.org.org_map import OrgMap

pytestmark = pytest.mark.django_db

FAVANG = "2200"  # Fåvang skule's ansvar code
OUTSIDE = "99999"  # no unit has it


def _version(municipality, name, state=VersionState.PROPOSAL, **extra):
    return BudgetVersion.objects.create(municipality=municipality, name=name, first_year=2026,
                                        years=1, state=state, **extra)


def _line(version, code, art, amount, *, measure=None, account_class="operating"):
    BudgetLine.objects.create(version=version, year=2026, responsibility=code, function="202",
                              art=art, kostra_art=art[:3], amount=Decimal(amount),
                              measure=measure, account_class=account_class)


@pytest.fixture
def measure(ringebu, plan_2026, favang_skule):
    return Measure.objects.create(municipality=ringebu, plan=plan_2026, number=7,
                                  title="Færre assistenter", kind=MeasureKind.SAVING,
                                  service_area=favang_skule.service_area)


@pytest.fixture
def first(ringebu):
    version = _version(ringebu, "A")
    _line(version, FAVANG, "010", 1000)
    _line(version, FAVANG, "6200", -300)
    _line(version, OUTSIDE, "010", 50)
    _line(version, FAVANG, "020", 5000, account_class="capital")  # not operating: left out
    return version


@pytest.fixture
def second(ringebu, measure):
    version = _version(ringebu, "B")
    _line(version, FAVANG, "010", 1200)
    _line(version, FAVANG, "6200", -300)
    _line(version, FAVANG, "010", -100, measure=measure)
    return version


def _rows(comparison):
    return {row.key: (row.amounts, row.differences) for row in comparison.rows}


def test_it_compares_per_service_area_with_codes_outside_the_tree_in_a_row_of_their_own(
        first, second, favang_skule, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # the organisation map's three, and the sums
        comparison = compare_versions([first, second], 2026, "service_area")
    area = str(favang_skule.service_area_id)
    assert _rows(comparison) == {
        area: ([Decimal(700), Decimal(800)], [Decimal(0), Decimal(100)]),
        UNKNOWN: ([Decimal(50), Decimal(0)], [Decimal(0), Decimal(-50)]),
    }
    assert [row.key for row in comparison.rows] == [area, UNKNOWN]
    assert comparison.rows[0].name == favang_skule.service_area.name


def test_the_effect_on_balance_is_each_versions_operating_total(first, second):
    balance = compare_versions([first, second], 2026, "art_group").balance
    assert balance.amounts == [Decimal(750), Decimal(800)]
    assert balance.differences == [Decimal(0), Decimal(50)]


def test_it_compares_per_art_group(first, second):
    rows = _rows(compare_versions([first, second], 2026, "art_group"))
    assert rows == {
        "010-099": ([Decimal(1050), Decimal(1100)], [Decimal(0), Decimal(50)]),
        "600-699": ([Decimal(-300), Decimal(-300)], [Decimal(0), Decimal(0)]),
    }


def test_it_compares_per_measure_with_the_base_lines_as_one_row(first, second, measure):
    comparison = compare_versions([second, first], 2026, "measure")
    assert _rows(comparison) == {
        BASE: ([Decimal(900), Decimal(750)], [Decimal(0), Decimal(-150)]),
        str(measure.pk): ([Decimal(-100), Decimal(0)], [Decimal(0), Decimal(100)]),
    }
    assert [row.name for row in comparison.rows][1] == "T7 Færre assistenter"


def test_it_refuses_versions_of_two_municipalities(first, gausdal):
    with pytest.raises(ValueError):
        compare_versions([first, _version(gausdal, "G")], 2026, "service_area")


def test_the_whole_proposal_compared_with_itself_balances(proposal_2026, adopted_2025):
    comparison = compare_versions([adopted_2025, proposal_2026], 2025, "service_area")
    assert comparison.covered == [True, False]
    later = compare_versions([adopted_2025, proposal_2026], 2026, "service_area")
    assert later.balance.amounts[1] == compare_versions(
        [adopted_2025], 2025, "service_area").balance.amounts[0]
    known = {row.key for row in later.rows} - {UNKNOWN}
    assert known <= {str(place.service_area_id) for place in OrgMap(adopted_2025.municipality)
                     .values()}


def test_the_command_writes_one_column_per_version_and_a_balance_row(first, second):
    out = io.StringIO()
    call_command("compare_versions", "--municipality", "3439", "--versions",
                 f"{first.pk},B", "--year", "2026", "--by", "art_group", "--format", "csv",
                 stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "key,name,A,B,difference B"
    assert lines[1].startswith("010-099,") and lines[1].endswith(",1050.00,1100.00,50.00")
    assert lines[-1].startswith("balance,") and lines[-1].endswith(",750.00,800.00,50.00")


def test_the_command_prints_a_table_and_refuses_an_unknown_version(first, second):
    out = io.StringIO()
    call_command("compare_versions", "--municipality", "3439", "--versions", "A,B",
                 "--year", "2026", "--by", "measure", stdout=out)
    assert "750" in out.getvalue() and "900" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("compare_versions", "--municipality", "3439", "--versions", "A,Ukjent",
                     "--year", "2026", "--by", "measure", stdout=io.StringIO())


def _compare_url(ringebu, *versions, by="service_area"):
    query = "&".join(f"v={v.pk}" for v in versions)
    return f"{reverse('budget_compare', args=[ringebu.number])}?{query}&year=2026&by={by}"


def test_a_politician_compares_versions_on_the_page(as_per, ringebu, first, second):
    response = as_per.get(_compare_url(ringebu, first, second))
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert comparison.balance.amounts == [Decimal(750), Decimal(800)]
    page = response.content.decode()
    assert "+100" in page and "<caption>" in page and 'scope="row"' in page


def test_the_page_asks_for_two_to_five_versions(as_kari, ringebu, first):
    versions = [first, *(_version(ringebu, f"V{i}") for i in range(5))]
    response = as_kari.get(_compare_url(ringebu, *versions))
    assert response.status_code == 200
    assert "comparison" not in response.context and response.context["form"].errors["v"]


def test_an_unpublished_party_alternative_cannot_be_compared_by_others(as_per, ringebu,
                                                                       first):
    party = PartyGroup.objects.create(municipality=ringebu, name="Senterpartiet")
    hidden = _version(ringebu, "Sp", VersionState.ALTERNATIVE, party=party)
    response = as_per.get(_compare_url(ringebu, first, hidden))
    assert "comparison" not in response.context
    assert str(hidden.pk) not in dict(response.context["form"].fields["v"].choices)


def test_a_link_from_a_version_preselects_it(as_per, ringebu, first):
    url = reverse("budget_compare", args=[ringebu.number])
    response = as_per.get(f"{url}?v={first.pk}")
    assert response.status_code == 200 and not response.context["form"].errors
    assert re.search(rf'value="{first.pk}" id="id_v_\d+" checked', response.content.decode())


def test_an_outsider_gets_404(as_sofie, ringebu, first, second):
    assert as_sofie.get(_compare_url(ringebu, first, second)).status_code == 404
