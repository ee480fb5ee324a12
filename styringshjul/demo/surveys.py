"""The demo's survey results for Ringebu: the kindergartens' user survey from bedrekommune.no
and the 10-FAKTOR employee survey, 2024 and 2025. `survey_data` writes the files as the
sources export them and they are imported the way a user imports a saved file (the
importer behind `styringshjul import_survey FILE` and the upload page). The
kindergartens' scorecards then measure parents' satisfaction with the user survey as an
automatic source.

Deterministic and idempotent: the files are the same bytes every time, so a second run's
imports say «unchanged» and nothing changes.
"""

import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from styringshjul.demo import survey_data
from styringshjul.org.models import Municipality
from styringshjul.org.records import upsert
from styringshjul.scorecards import survey_source
from styringshjul.scorecards.models import (
    Direction,
    Indicator,
    Level,
    Period,
    SuccessFactor,
)
from styringshjul.scorecards.sources import refresh
from styringshjul.surveys import queries
from styringshjul.surveys.importers import import_survey
from styringshjul.surveys.models import (
    DEFAULT_SCALE,
    DEFAULT_THRESHOLD,
    Survey,
    SurveyKind,
)

SCORECARD_YEAR = 2026
KINDERGARTEN_FACTOR = "Trygge og glade barn"
SATISFACTION = "Foreldrenes tilfredshet i brukerundersøkelsen"
SATISFACTION_OPTIONS = {"survey": survey_data.USER_SURVEY, "dimension": "",
                        "year_offset": -1}


@dataclass(frozen=True)
class DemoSurveys:
    surveys: int
    rounds: int
    imported: int
    unchanged: int
    hidden: int
    indicators: int


def build_demo_surveys(number: str = "3439") -> DemoSurveys:
    """Ringebu's two surveys with their rounds, and the kindergartens' survey indicator."""
    municipality = Municipality.objects.get(number=number)
    surveys = [_survey(municipality, survey_data.USER_SURVEY, SurveyKind.USER,
                       survey_data.USER_DESCRIPTION, service=survey_data.USER_SERVICE),
               _survey(municipality, survey_data.EMPLOYEE_SURVEY, SurveyKind.EMPLOYEE,
                       survey_data.EMPLOYEE_DESCRIPTION)]
    with tempfile.TemporaryDirectory(prefix="styringshjul-surveys-") as folder:
        files = survey_data.write_files(Path(folder))
        by_name = {survey.name: survey for survey in surveys}
        imported = sum(import_file(by_name[found.survey], found) for found in files)
    rounds = [survey_round for survey in surveys for survey_round in queries.rounds(survey)]
    hidden = sum(queries.round_table(survey_round).hidden_count for survey_round in rounds)
    return DemoSurveys(len(surveys), len(rounds), imported, len(files) - imported, hidden,
                       link_kindergarten_scorecards(municipality))


def _survey(municipality: Municipality, name: str, kind: str, description: str,
            service: str = "") -> Survey:
    """The survey with its kind's scale and anonymity threshold (10-FAKTOR: 3, KS' own)."""
    low, high = DEFAULT_SCALE[kind]
    values = {"kind": kind, "scale_min": low, "scale_max": high,
              "anonymity_threshold": DEFAULT_THRESHOLD[kind], "service": service,
              "description": description}
    survey, _state = upsert(Survey, {"municipality": municipality, "name": name}, values)
    return survey


def import_file(survey: Survey, found: survey_data.SurveyFile) -> bool:
    """Imports one file; False when that year already came from the same file (nothing
    changes then)."""
    result = import_survey(survey, found.path, year=found.year)
    if result.rejected:
        raise ValueError(f"demo survey file {found.path.name}: {result.issues}")
    return not result.unchanged


def link_kindergarten_scorecards(municipality: Municipality) -> int:
    """Each kindergarten's «Trygge og glade barn» gets the parents' mean in last year's
    user survey as an automatic indicator, with this year's result computed (empty with a
    note for a kindergarten too small to be shown). Returns the indicators linked; 0 when
    the scorecards are not built yet."""
    names = [name for name, _respondents in survey_data.KINDERGARTENS]
    factors = SuccessFactor.objects.filter(
        scorecard__municipality=municipality, scorecard__year=SCORECARD_YEAR,
        scorecard__level=Level.UNIT, scorecard__unit__name__in=names,
        name=KINDERGARTEN_FACTOR).select_related("scorecard")
    for factor in factors:
        lookup = {"success_factor": factor, "name": SATISFACTION}
        indicator, _state = upsert(Indicator, lookup, {
            "definition": "Snitt av alle dimensjonene i foreldreundersøkelsen fra "
                          "bedrekommune.no året før, skala 1–6.",
            "unit_of_measure": "poeng", "direction": Direction.HIGHER,
            "target": Decimal(5), "red_limit": Decimal("4.6"),
            "target_text": "Minst 5 av 6 poeng", "source": survey_source.KEY,
            "source_options": SATISFACTION_OPTIONS, "sort_order": 2})
        refresh(factor.scorecard, Period.YEAR)
    return len(factors)
