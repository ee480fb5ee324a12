"""Indicator results from KOSTRA key figures: the municipality's value of a figure for the
scorecard's year (or a year before it, `year_offset`), e.g. "netto driftsutgifter per
innbygger 1–5 år i kroner, barnehager".

`source_options = {"figure": "TABLE:CONTENTCODE" (or the content code alone where it is
unambiguous), "year_offset": 0}`; -1 takes last year's figure, the usual case when the
scorecard is followed up before Statistics Norway publishes. Key figures are yearly: the
tertials get nothing (None, the stored result is left alone). Registered from the
scorecards app's `AppConfig.ready` with `register_kind()`.
"""

from decimal import ROUND_HALF_UP

from django.utils.translation import gettext_lazy as _

from styringshjul.keyfigures import queries
from styringshjul.scorecards.models import Indicator, Period, Scorecard
from styringshjul.scorecards.sources import (
    RESULT_PLACES,
    Computed,
    SourceKind,
    register,
    stored_note,
    year_offset,
)

KEY = "key_figure"


def compute(indicator: Indicator, scorecard: Scorecard, period: str) -> Computed | None:
    if period != Period.YEAR:
        return None
    options = indicator.source_options or {}
    code = str(options.get("figure") or "").strip()
    if not code:
        return Computed(None, stored_note(_("No key figure chosen (source setting "
                                            "“figure”)")))
    try:
        figure = queries.find_figure(code)
    except queries.FigureNotFound:
        return Computed(None, stored_note(_("No key figure has the code %(code)s"),
                                          code=code))
    year = scorecard.year + year_offset(options)
    value = queries.value_of(figure, scorecard.municipality.number, year)
    if value is None:
        return Computed(None, stored_note(_("Statistics Norway has no value of %(name)s "
                                            "for %(year)s yet"), name=figure.name,
                                          year=year))
    note = stored_note(_("Key figure from Statistics Norway: %(name)s %(year)s"),
                       name=figure.name, year=year)
    return Computed(value.quantize(RESULT_PLACES, ROUND_HALF_UP), note)


KIND = SourceKind(KEY, _("KOSTRA key figure (Statistics Norway)"), automatic=True,
                  compute=compute)


def register_kind() -> SourceKind:
    """Call from ScorecardsConfig.ready."""
    return register(KIND)
