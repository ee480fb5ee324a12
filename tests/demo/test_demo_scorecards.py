"""The demo's scorecards for Ringebu 2026: the community plan, the municipality's scorecard
with the shared factors of seed 001, every unit's own factors for users and society, results
for two tertials and a few inquiries. Built twice, it is the same."""

from decimal import Decimal

import pytest

from styringshjul.demo.scorecards import IMPORTED_NOTE, SICK_LEAVE, build_demo_scorecards
from styringshjul.org.models import OrgUnit
from styringshjul.scorecards.models import (
    CommunityGoal,
    Indicator,
    Inquiry,
    Level,
    Period,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.queries import sheet

pytestmark = pytest.mark.django_db

MODELS = (CommunityGoal, Scorecard, SuccessFactor, Indicator, Result, Inquiry)


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS] + \
        [model.history.count() for model in MODELS]


def test_a_second_run_creates_and_changes_nothing(ringebu):
    build_demo_scorecards()
    before = counts()
    build_demo_scorecards()
    assert counts() == before


def test_every_unit_has_its_own_and_the_shared_factors(ringebu):
    built = build_demo_scorecards()
    assert built.top.purpose and built.top.main_goal
    assert built.top.goals.exists()
    for unit in OrgUnit.objects.for_municipality(ringebu).filter(is_active=True):
        scorecard = Scorecard.objects.get(level=Level.UNIT, unit=unit, year=2026)
        factors = [factor for perspective in sheet(scorecard).perspectives
                   for factor in perspective.factors]
        own = {f.factor.perspective.name for f in factors if not f.inherited}
        shared = {f.factor.perspective.name for f in factors if f.inherited}
        assert own == {"Brukere", "Samfunn"}, unit
        assert shared == {"Økonomi", "Medarbeidere"}, unit
        assert scorecard.purpose and scorecard.main_goal, unit


def test_results_for_two_tertials_with_imported_sick_leave(ringebu, favang_skule):
    build_demo_scorecards()
    scorecard = Scorecard.objects.get(level=Level.UNIT, unit=favang_skule, year=2026)
    rows = {row.indicator.name: row for row in sheet(scorecard).indicator_rows()}
    sick = rows[SICK_LEAVE].results
    assert sick[Period.FIRST_TERTIAL].value == Decimal("9.4")
    assert sick[Period.FIRST_TERTIAL].source_note == IMPORTED_NOTE
    assert sick[Period.FIRST_TERTIAL].follow_up  # above 9 %: a plan
    own = [row for row in rows.values() if not row.indicator.success_factor.is_shared]
    assert all(row.results[Period.SECOND_TERTIAL] is not None for row in own)
    # No ledger in tests: the budget deviation is not computed.
    assert rows["Samsvar mellom budsjett og regnskap"].results[Period.FIRST_TERTIAL] is None


def test_the_chief_executive_asks_and_ola_answers_two(ringebu, ola):
    build_demo_scorecards()
    inquiries = Inquiry.objects.for_municipality(ringebu)
    assert inquiries.count() == 4
    assert {i.asked_by.username for i in inquiries} == {"guro"}
    answered = inquiries.exclude(answer="")
    assert answered.count() == 2
    assert {i.answered_by for i in answered} == {ola}
    assert all(i.indicator is not None for i in inquiries)
