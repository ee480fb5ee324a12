"""Ringebu's scorecards for 2026: the municipality's with a shared finance factor
("God budsjettkontroll innen tildelte rammer", measured as the deviation between budget and
accounts, target 0–2 %), and one for every service area and unit."""

from decimal import Decimal

import pytest

from styringshjul.scorecards.models import Direction, Indicator, Level, Scorecard, SuccessFactor
from styringshjul.scorecards.services import ensure_year


@pytest.fixture
def scorecards_2026(ringebu) -> Scorecard:
    top = ensure_year(ringebu, 2026)
    finance = ringebu.perspectives.get(name="Økonomi")
    factor = SuccessFactor.objects.create(scorecard=top, perspective=finance, is_shared=True,
                                          name="God budsjettkontroll innen tildelte rammer")
    Indicator.objects.create(success_factor=factor, name="Samsvar mellom budsjett og regnskap",
                             unit_of_measure="%", direction=Direction.LOWER,
                             target=Decimal(2), red_limit=Decimal(5), target_text="0–2 %")
    return top


@pytest.fixture
def favang_scorecard(scorecards_2026, favang_skule) -> Scorecard:
    return Scorecard.objects.get(unit=favang_skule, year=2026, level=Level.UNIT)
