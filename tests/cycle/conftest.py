import pytest

from styringshjul.cycle.demo import build_demo_cycle
from styringshjul.cycle.models import AnnualCycle


@pytest.fixture
def ringebu_2026(ringebu) -> AnnualCycle:
    build_demo_cycle()
    return AnnualCycle.objects.get(municipality=ringebu, year=2026)
