"""Indicator results from survey rounds: a dimension's mean (or the mean of all dimensions)
for the scorecard's own place — the unit, the service area or the whole municipality — in
the scorecard's year (or a year before it, `year_offset`), e.g. «Mestringsklima» in the
10-FAKTOR employee survey for Fåvang skule.

`source_options = {"survey": NAME_OR_ID, "dimension": NAME (empty for the mean of all
dimensions), "year_offset": 0}`. Values are read only through `surveys.queries`, so a
result hidden for anonymity (too few respondents, or hidden so another cannot be worked
out by subtraction) never reaches a scorecard: the result is empty and its note says why.
Surveys are yearly: the tertials get nothing (None, the stored result is left alone).
Registered from the scorecards app's `AppConfig.ready` with `register_kind()`.
"""

from decimal import ROUND_HALF_UP

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from styringshjul.scorecards.models import Indicator, Level, Period, Scorecard
from styringshjul.scorecards.sources import (
    RESULT_PLACES,
    Computed,
    SourceKind,
    refresh,
    register,
    stored_note,
    year_offset,
)
from styringshjul.surveys import queries
from styringshjul.surveys.models import Dimension, Survey
from styringshjul.surveys.signals import results_changed

KEY = "survey"


def place_of(scorecard: Scorecard) -> dict:
    """The part of the organisation the scorecard belongs to, as `queries` names it (a
    unit's scorecard also knows its service area, but speaks for the unit alone)."""
    if scorecard.level == Level.UNIT:
        return {"unit": scorecard.unit}
    if scorecard.level == Level.SERVICE_AREA:
        return {"service_area": scorecard.service_area}
    return {}


def compute(indicator: Indicator, scorecard: Scorecard, period: str) -> Computed | None:
    if period != Period.YEAR:
        return None
    options = indicator.source_options or {}
    wanted = str(options.get("survey") or "").strip()
    if not wanted:
        return Computed(None, stored_note(_("No survey chosen (source setting “survey”)")))
    survey = queries.find_survey(scorecard.municipality, wanted)
    if survey is None:
        return Computed(None, stored_note(_("No survey is called %(name)s"), name=wanted))
    dimension_name = str(options.get("dimension") or "").strip()
    dimension = None
    if dimension_name:
        dimension = queries.find_dimension(survey, dimension_name)
        if dimension is None:
            return Computed(None, stored_note(_("%(survey)s has no dimension %(name)s"),
                                              survey=survey.name, name=dimension_name))
    year = scorecard.year + year_offset(options)
    cell = _cell(survey, dimension, year, place_of(scorecard))
    return _computed(survey, dimension, year, cell)


def _cell(survey: Survey, dimension: Dimension | None, year: int, place: dict
          ) -> queries.Cell | None:
    """The shown result of one dimension, or the overall mean of the place; None when the
    survey has no round that year."""
    if dimension is not None:
        return queries.shown_value(survey, dimension, year, **place)
    survey_round = next((r for r in queries.rounds(survey) if r.year == year), None)
    if survey_round is None:
        return None
    return queries.round_table(survey_round).overall(queries.place_key(**place))


def _computed(survey: Survey, dimension: Dimension | None, year: int,
              cell: queries.Cell | None) -> Computed:
    what = dimension.name if dimension else _("all dimensions")
    if cell is None:
        return Computed(None, stored_note(_("%(survey)s has no results for %(year)s yet"),
                                          survey=survey.name, year=year))
    if cell.hidden:
        with translation.override(settings.LANGUAGE_CODE):
            status = cell.status_text(survey.anonymity_threshold)
        return Computed(None, stored_note(
            _("%(survey)s %(year)s, %(dimension)s: %(status)s"), survey=survey.name,
            year=year, dimension=what, status=status or _("hidden")))
    if cell.mean is None:
        return Computed(None, stored_note(_("%(survey)s %(year)s has no result for this "
                                            "part of the organisation"),
                                          survey=survey.name, year=year))
    note = stored_note(_("%(survey)s %(year)s, %(dimension)s (scale %(low)s–%(high)s)"),
                       survey=survey.name, year=year, dimension=what, low=survey.scale_min,
                       high=survey.scale_max)
    return Computed(cell.mean.quantize(RESULT_PLACES, ROUND_HALF_UP), note)


KIND = SourceKind(KEY, _("survey result (user, employee or citizen survey)"), automatic=True,
                  compute=compute)


def register_kind() -> SourceKind:
    """Call from ScorecardsConfig.ready: the kind, and a fresh computation whenever what a
    survey may show changes (so a scorecard never keeps a mean that is now hidden)."""
    results_changed.connect(_recompute, dispatch_uid="scorecards.survey_source")
    return register(KIND)


def _recompute(sender, survey: Survey, **kwargs) -> None:
    """The year results of the scorecards whose indicators (own or shared from above) read
    this survey: every scorecard of those years, since shared indicators reach them all."""
    names = {str(survey.pk), survey.name.casefold()}
    uses = Indicator.objects.filter(
        source=KEY, success_factor__scorecard__municipality=survey.municipality)
    years = {indicator.success_factor.scorecard.year
             for indicator in uses.select_related("success_factor__scorecard")
             if str((indicator.source_options or {}).get("survey", "")).strip().casefold()
             in names}
    if years:
        refresh(Scorecard.objects.filter(municipality=survey.municipality, year__in=years),
                Period.YEAR, source=KEY)
