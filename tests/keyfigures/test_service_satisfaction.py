"""The Hole model's last step on a service's key-figure page: what the users say in the
municipality's user surveys of that service, each survey's latest year, its mean beside the
national one — and «Skjult», never a number, when too few answered.

«Foreldreundersøkelse» (barnehage, 1–6): 2024 mean 4.0; 2025 the whole municipality
5.0 and 5.4 (40 svar) → 5.2, Norge 4.9 and 5.1 → 5.0.
«Småbarnsundersøkelse» (Barnehage): 2025 the municipality 1.875 with 3 svar, below 5.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from styringshjul.surveys.models import Survey, SurveyKind, SurveyResult, SurveyRound

pytestmark = pytest.mark.django_db

PAGE = reverse("keyfigure_service", args=["3439", "barnehage"])


def user_survey(municipality, name: str, service: str) -> Survey:
    survey = Survey.objects.create(municipality=municipality, name=name, kind=SurveyKind.USER,
                                   scale_min=1, scale_max=6, anonymity_threshold=5,
                                   service=service)
    survey.dimensions.create(name="Trivsel", sort_order=1)
    survey.dimensions.create(name="Informasjon", sort_order=2)
    return survey


def municipality_round(survey: Survey, year: int, respondents: int, means: list[str],
                       norway: list[str] = ()) -> None:
    survey_round = SurveyRound.objects.create(survey=survey, year=year)
    for dimension, mean in zip(survey.dimensions.all(), means, strict=True):
        SurveyResult.objects.create(round=survey_round, dimension=dimension,
                                    respondents=respondents, mean=Decimal(mean))
    for dimension, mean in zip(survey.dimensions.all(), norway, strict=False):
        survey_round.references.create(dimension=dimension, label="Norge", mean=Decimal(mean))


@pytest.fixture
def parents(ringebu) -> Survey:
    survey = user_survey(ringebu, "Foreldreundersøkelse", "barnehage")
    municipality_round(survey, 2024, 38, ["4.0", "4.0"], ["4.8", "5.0"])
    municipality_round(survey, 2025, 40, ["5.0", "5.4"], ["4.9", "5.1"])
    return survey


@pytest.fixture
def too_few(ringebu) -> Survey:
    survey = user_survey(ringebu, "Småbarnsundersøkelse", "Barnehage")
    municipality_round(survey, 2025, 3, ["1.875", "1.875"])
    return survey


def hidden_word() -> str:
    with translation.override("nb"):
        return translation.gettext("Hidden")


def test_without_a_survey_the_page_says_so(as_kari, ringebu):
    user_survey(ringebu, "Brukerundersøkelse hjemmetjenesten", "pleie og omsorg")
    response = as_kari.get(PAGE)
    assert response.status_code == 200
    assert response.context["satisfaction"] == []


def test_the_latest_year_with_the_national_mean_and_a_link_to_the_survey(as_kari, parents):
    response = as_kari.get(PAGE)
    [row] = response.context["satisfaction"]
    assert (row.found.year, row.found.mean, row.found.reference_label,
            row.found.reference) == (2025, Decimal("5.2"), "Norge", Decimal("5.0"))
    html = response.content.decode()
    assert reverse("survey", args=["3439", parents.pk]) in html
    assert "Foreldreundersøkelse" in html and "5,2" in html and "Norge 5,0" in html


def test_a_hidden_result_is_never_shown(as_kari, parents, too_few):
    response = as_kari.get(PAGE)
    rows = {row.found.survey.name: row.found for row in response.context["satisfaction"]}
    assert rows["Småbarnsundersøkelse"].hidden
    assert rows["Småbarnsundersøkelse"].mean is None
    html = response.content.decode()
    assert hidden_word() in html
    assert "1,875" not in html and "1,9" not in html and "1.875" not in html


def test_others_see_none_of_it(as_sofie, parents):
    assert as_sofie.get(PAGE).status_code == 404


def test_the_page_stays_within_a_few_queries(as_kari, parents, too_few,
                                             django_assert_max_num_queries):
    """The key figures take about 17; each user survey's latest round a handful more."""
    with django_assert_max_num_queries(30):
        assert as_kari.get(PAGE).status_code == 200
