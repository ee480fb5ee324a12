"""Ringebu's surveys as the tests need them, made with the ORM.

`employee_survey`: a 10-FAKTOR-like employee survey (threshold 3) for 2025 with the
municipality total, the service area «Oppvekst» and its units — among them Fåvang
barnehage with only 2 respondents — and «Helse og omsorg» as a total only.
"""

from decimal import Decimal

import pytest

from styringshjul.org.models import OrgUnit, ServiceArea
from styringshjul.surveys.models import (
    Dimension,
    Reference,
    Survey,
    SurveyKind,
    SurveyResult,
    SurveyRound,
)

FACTORS = ("Indre jobbmotivasjon", "Mestringstro", "Mestringsorientert ledelse")

# Respondents in every factor; the means differ by factor (see `factor_mean`).
OPPVEKST_2025 = {
    "Ringebu skole": 20,
    "Fåvang skule": 12,
    "Ringebu ungdomsskole": 15,
    "Ringebu barnehage": 8,
    "Venabygd barnehage": 6,
    "Fåvang barnehage": 2,
}
TOTALS_2025 = {"Oppvekst": 63, "Helse og omsorg": 50}
MUNICIPALITY_2025 = 140  # 27 in Stab og støtte and Samfunnsutvikling, without area totals


def factor_mean(place: str, factor_index: int) -> Decimal:
    """A distinct, reproducible mean on the 1–5 scale for each place and factor."""
    spread = sum(ord(c) for c in place) % 150
    return Decimal(250 + spread + 37 * factor_index) / 100


def place_of(municipality, name: str) -> dict:
    """The unit or service area (or, for None, the municipality) named, as result fields."""
    if name is None:
        return {}
    unit = OrgUnit.objects.filter(municipality=municipality, name=name).first()
    if unit is not None:
        return {"unit": unit, "service_area": unit.service_area}
    return {"service_area": ServiceArea.objects.get(municipality=municipality, name=name)}


def add_results(survey_round: SurveyRound, respondents: dict, means=factor_mean) -> None:
    """One result per dimension for each place named (None: the municipality)."""
    municipality = survey_round.survey.municipality
    for index, dimension in enumerate(survey_round.survey.dimensions.all()):
        for name, count in respondents.items():
            SurveyResult.objects.create(round=survey_round, dimension=dimension,
                                        respondents=count, mean=means(name or "", index),
                                        **place_of(municipality, name))


def make_survey(municipality, name: str, kind: str, threshold: int, factors=FACTORS,
                **fields) -> Survey:
    survey = Survey.objects.create(municipality=municipality, name=name, kind=kind,
                                   anonymity_threshold=threshold, **fields)
    for order, factor in enumerate(factors):
        Dimension.objects.create(survey=survey, name=factor, sort_order=order)
    return survey


@pytest.fixture
def employee_survey(ringebu) -> Survey:
    survey = make_survey(ringebu, "10-FAKTOR", SurveyKind.EMPLOYEE, 3,
                         scale_min=1, scale_max=5)
    survey_round = SurveyRound.objects.create(survey=survey, year=2025)
    add_results(survey_round, {**OPPVEKST_2025, **TOTALS_2025, None: MUNICIPALITY_2025})
    for dimension in survey.dimensions.all():
        Reference.objects.create(round=survey_round, dimension=dimension, label="Norge",
                                 mean=Decimal("3.900"))
    return survey


@pytest.fixture
def round_2025(employee_survey) -> SurveyRound:
    return employee_survey.rounds.get(year=2025)
