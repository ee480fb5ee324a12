"""Where an indicator's results come from: a registry of source kinds.

An indicator names its kind in `Indicator.source` (a key) and may tune it with
`Indicator.source_options`. Three kinds are registered here: "manual" (people type the
result), "ledger_deviation" (computed from the accounts and the budget, `ledger_source`)
and "imported" (read from a file, `imported_source`).

Adding a kind needs no change here: another app (key figures, surveys) builds a
`SourceKind` and calls `register(kind)` from its `AppConfig.ready`. An automatic kind's
`compute(indicator, scorecard, period)` returns a `Computed` (the value, or None with a note
saying why there is none) or None when it has nothing to say yet (e.g. the accounts do not
reach the end of the period); `refresh` then leaves the stored result alone.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from styringshjul.scorecards import queries, services
from styringshjul.scorecards.models import Indicator, Scorecard


@dataclass(frozen=True)
class Computed:
    value: Decimal | None
    note: str


Compute = Callable[[Indicator, Scorecard, str], Computed | None]


def _nothing(indicator: Indicator, scorecard: Scorecard, period: str) -> Computed | None:
    return None


@dataclass(frozen=True)
class SourceKind:
    key: str
    label: object
    automatic: bool = False
    compute: Compute = _nothing


MANUAL = "manual"
_KINDS: dict[str, SourceKind] = {}


def register(kind: SourceKind) -> SourceKind:
    """Make `kind` available to indicators (a kind registered again replaces the old)."""
    _KINDS[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    _KINDS.pop(key, None)


def kinds() -> list[SourceKind]:
    _load_builtin()
    return list(_KINDS.values())


def kind_of(indicator: Indicator) -> SourceKind:
    """The indicator's kind; an unknown key (an app no longer installed) counts as manual."""
    _load_builtin()
    return _KINDS.get(indicator.source) or _KINDS[MANUAL]


def choices() -> list[tuple[str, object]]:
    """For the indicator form's `source` field."""
    return [(kind.key, kind.label) for kind in kinds()]


def stored_note(message: str, **values) -> str:
    """A note kept with a result, in the installation's language rather than the language
    of whoever happened to start the computation or import."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message) % values if values else str(message)


def refresh(scorecards: Scorecard | Iterable[Scorecard], period: str | None = None,
            user=None, *, source: str | None = None) -> int:
    """Compute every automatic indicator (own and shared) of the scorecards for `period`,
    or for every period when None, and store the values; with `source`, only the
    indicators of that kind. Returns how many were stored."""
    if isinstance(scorecards, Scorecard):
        scorecards = [scorecards]
    periods = [period] if period else list(queries.PERIODS)
    stored = 0
    for scorecard in scorecards:
        for row in queries.sheet(scorecard).indicator_rows():
            if source is None or row.indicator.source == source:
                stored += _refresh_indicator(scorecard, row.indicator, periods, user)
    return stored


RESULT_PLACES = Decimal("0.001")  # the decimals a Result keeps


def year_offset(options: dict) -> int:
    """The source setting `year_offset` (0 when missing or not a whole number): -1 reads
    the year before the scorecard's."""
    try:
        return int(options.get("year_offset") or 0)
    except (TypeError, ValueError):
        return 0


def _refresh_indicator(scorecard: Scorecard, indicator: Indicator, periods: list[str],
                       user) -> int:
    kind = kind_of(indicator)
    if not kind.automatic:
        return 0
    stored = 0
    for period in periods:
        computed = kind.compute(indicator, scorecard, period)
        if computed is None:
            continue
        services.record_value(scorecard, indicator, period, computed.value,
                              source_note=computed.note, user=user)
        stored += 1
    return stored


_loaded = False


def _load_builtin() -> None:
    """The built-in kinds, registered on first use (their modules import this one)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    from styringshjul.scorecards import imported_source, ledger_source

    builtin = [SourceKind(MANUAL, _("typed in (manual)")), ledger_source.KIND,
               imported_source.KIND]
    # Kinds other apps registered first keep their place after the built-in ones.
    others = dict(_KINDS)
    _KINDS.clear()
    _KINDS.update({kind.key: kind for kind in builtin})
    _KINDS.update(others)
