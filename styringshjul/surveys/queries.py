"""Reading survey results — the only way out of the `surveys` app for them.

Every page, export, chart, command and scorecard source reads results here, never from
`SurveyResult` directly: `round_table` hides the groups below the survey's anonymity
threshold and, per dimension, enough other results that a hidden one cannot be worked out
by subtraction (see `anonymity.py`). Where a file gives unit results but none for their
service area or the municipality, the respondent-weighted mean is computed here — and
takes part in the hiding like any other result. One query loads a round's results.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext

from styringshjul.org.models import OrgUnit, ServiceArea
from styringshjul.surveys import anonymity
from styringshjul.surveys.models import (
    Dimension,
    Reference,
    Survey,
    SurveyKind,
    SurveyResult,
    SurveyRound,
)

PlaceKey = tuple  # ("municipality",) | ("service_area", pk) | ("unit", pk)
MUNICIPALITY: PlaceKey = ("municipality",)
MEAN_PLACES = Decimal("0.001")


def place_key(unit=None, service_area=None) -> PlaceKey:
    """The key of a unit, a service area (instances or pks) or, with neither, the
    municipality."""
    if unit is not None:
        return ("unit", getattr(unit, "pk", unit))
    if service_area is not None:
        return ("service_area", getattr(service_area, "pk", service_area))
    return MUNICIPALITY


@dataclass(frozen=True)
class Place:
    key: PlaceKey
    name: str
    level: str  # "municipality" | "service_area" | "unit"
    parent: PlaceKey | None
    unit: OrgUnit | None = None
    service_area: ServiceArea | None = None


@dataclass(frozen=True)
class Cell:
    """What may be shown of one result. `hidden`: a result exists but may not be shown —
    `too_few` respondents, or hidden to protect another from subtraction."""

    mean: Decimal | None
    respondents: int | None
    hidden: bool = False
    computed: bool = False
    too_few: bool = False

    def status_text(self, threshold: int) -> str:
        if self.hidden and self.too_few:
            return gettext("hidden: fewer than %(threshold)s respondents") % {
                "threshold": threshold}
        if self.hidden:
            return gettext("hidden so that another result cannot be worked out")
        if self.computed:
            return gettext("computed: respondent-weighted mean of the results below")
        return ""


NO_RESULT = Cell(None, None)


@dataclass
class RoundTable:
    round: SurveyRound
    survey: Survey
    threshold: int
    dimensions: list[Dimension]
    places: list[Place]
    references: dict[tuple[str, int], Decimal]
    reference_labels: list[str]
    hidden_count: int = 0
    _cells: dict[tuple[PlaceKey, int], Cell] = field(default_factory=dict, repr=False)

    def cell(self, key: PlaceKey, dimension_id: int) -> Cell:
        return self._cells.get((tuple(key), dimension_id), NO_RESULT)

    def overall(self, key: PlaceKey) -> Cell:
        """The plain mean of the place's dimension means; hidden when any of them is, as
        the overall mean and the visible dimensions would otherwise reveal it."""
        cells = [c for d in self.dimensions
                 if (c := self.cell(key, d.id)).hidden or c.mean is not None]
        if not cells:
            return NO_RESULT
        computed = any(c.computed for c in cells)
        if any(c.hidden for c in cells):
            return Cell(None, None, hidden=True, computed=computed,
                        too_few=any(c.too_few for c in cells))
        mean = sum(c.mean for c in cells) / len(cells)
        return Cell(_rounded(mean), None, computed=computed)


def rounds(survey: Survey) -> list[SurveyRound]:
    return list(survey.rounds.order_by("year"))


def round_table(survey_round: SurveyRound) -> RoundTable:
    survey = survey_round.survey
    results = list(SurveyResult.objects.filter(round=survey_round)
                   .select_related("unit__service_area", "service_area"))
    places = _Places(survey)
    raw: dict[int, dict[PlaceKey, tuple[int | None, Decimal]]] = defaultdict(dict)
    for result in results:
        key = places.add(result)
        raw[result.dimension_id][key] = (result.respondents, result.mean)
    threshold = survey.anonymity_threshold
    cells: dict[tuple[PlaceKey, int], Cell] = {}
    for dimension_id, given in raw.items():
        for key, cell in _dimension_cells(places, given, threshold).items():
            cells[key, dimension_id] = cell
    references, labels = _references(survey_round)
    dimension_ids = set(raw)
    return RoundTable(
        round=survey_round, survey=survey, threshold=threshold,
        dimensions=[d for d in survey.dimensions.all() if d.id in dimension_ids],
        places=places.ordered({key for key, _ in cells}),
        references=references, reference_labels=labels,
        hidden_count=sum(c.hidden for c in cells.values()), _cells=cells,
    )


def round_tables(survey: Survey) -> list[RoundTable]:
    """Every year's table, by year ascending."""
    return [round_table(survey_round) for survey_round in rounds(survey)]


def trend(survey: Survey, key: PlaceKey, tables: list[RoundTable] | None = None
          ) -> list[tuple[int, dict[int, Cell]]]:
    """Year by year, the place's cells as that year's table shows them (from `tables` when
    the caller has built them already)."""
    return [(table.round.year, {d.id: table.cell(key, d.id) for d in table.dimensions})
            for table in (round_tables(survey) if tables is None else tables)]


def shown_value(survey: Survey, dimension: Dimension, year: int, *, unit=None,
                service_area=None) -> Cell | None:
    survey_round = survey.rounds.filter(year=year).first()
    if survey_round is None:
        return None
    return round_table(survey_round).cell(place_key(unit, service_area), dimension.id)


@dataclass(frozen=True)
class Satisfaction:
    survey: Survey
    year: int
    mean: Decimal | None
    reference_label: str
    reference: Decimal | None
    hidden: bool


def satisfaction(municipality, service: str) -> list[Satisfaction]:
    """For the Hole model: each user survey of the service, its latest year's overall
    municipal mean, and the first reference's mean of the same dimensions."""
    found = []
    surveys = Survey.objects.for_municipality(municipality).filter(
        kind=SurveyKind.USER, service__iexact=service.strip())
    for survey in surveys:
        latest = survey.rounds.order_by("-year").first()
        if latest is not None:
            found.append(_satisfaction(round_table(latest)))
    return found


def find_survey(municipality, text: str) -> Survey | None:
    """A survey of the municipality by pk or by name, ignoring case."""
    text = text.strip()
    surveys = Survey.objects.for_municipality(municipality)
    if text.isdigit() and (survey := surveys.filter(pk=int(text)).first()) is not None:
        return survey
    return survey_named(municipality, text)


def survey_named(municipality, name: str) -> Survey | None:
    """A survey of the municipality by name, ignoring case (casefolded in Python: SQLite's
    iexact folds only ASCII, and a municipality has few surveys)."""
    name = name.strip().casefold()
    return next((s for s in Survey.objects.for_municipality(municipality)
                 if s.name.casefold() == name), None)


def find_dimension(survey: Survey, name: str) -> Dimension | None:
    """A dimension of the survey by name, ignoring case (as `find_survey`)."""
    name = name.strip().casefold()
    return next((d for d in survey.dimensions.all() if d.name.casefold() == name), None)


def _satisfaction(table: RoundTable) -> Satisfaction:
    overall = table.overall(MUNICIPALITY)
    label = table.reference_labels[0] if table.reference_labels else ""
    shown = [d.id for d in table.dimensions if table.cell(MUNICIPALITY, d.id).mean is not None]
    values = [table.references.get((label, d)) for d in shown]
    reference = None
    if values and None not in values and not overall.hidden:
        reference = _rounded(sum(values) / len(values))
    return Satisfaction(survey=table.survey, year=table.round.year, mean=overall.mean,
                        reference_label=label, reference=reference, hidden=overall.hidden)


def _references(survey_round: SurveyRound) -> tuple[dict[tuple[str, int], Decimal], list[str]]:
    """The round's published comparison means, and their labels in the file's order."""
    references, labels = {}, []
    for reference in Reference.objects.filter(round=survey_round).order_by("pk"):
        references[reference.label, reference.dimension_id] = reference.mean
        if reference.label not in labels:
            labels.append(reference.label)
    return references, labels


def _rounded(value: Decimal) -> Decimal:
    return Decimal(value).quantize(MEAN_PLACES, rounding=ROUND_HALF_UP)


class _Places:
    """The places of one round's results, with their structural parents."""

    def __init__(self, survey: Survey) -> None:
        self.municipality = survey.municipality
        self.by_key: dict[PlaceKey, Place] = {}
        self.parent: dict[PlaceKey, PlaceKey | None] = {MUNICIPALITY: None}

    def add(self, result: SurveyResult) -> PlaceKey:
        if result.unit is not None:
            area = self._add_area(result.unit.service_area)
            key = place_key(unit=result.unit)
            self.by_key[key] = Place(key, result.unit.name, "unit", area,
                                     unit=result.unit, service_area=result.unit.service_area)
            self.parent[key] = area
            return key
        if result.service_area is not None:
            return self._add_area(result.service_area)
        return MUNICIPALITY

    def _add_area(self, area: ServiceArea) -> PlaceKey:
        key = place_key(service_area=area)
        self.by_key[key] = Place(key, area.name, "service_area", MUNICIPALITY,
                                 service_area=area)
        self.parent[key] = MUNICIPALITY
        return key

    def children(self, key: PlaceKey) -> list[PlaceKey]:
        return [k for k, place in self.by_key.items() if place.parent == key]

    def ordered(self, with_results: set[PlaceKey]) -> list[Place]:
        """The municipality, then each service area followed by its units."""
        found = []
        if MUNICIPALITY in with_results:
            found.append(Place(MUNICIPALITY, str(self.municipality), "municipality", None))
        areas = sorted((p for p in self.by_key.values() if p.level == "service_area"),
                       key=lambda p: (p.service_area.sort_order, p.service_area.name))
        for area in areas:
            if area.key in with_results:
                found.append(area)
            units = sorted((p for p in self.by_key.values() if p.parent == area.key),
                           key=lambda p: p.name)
            found += [u for u in units if u.key in with_results]
        return found


def _dimension_cells(places: _Places, given: dict, threshold: int) -> dict[PlaceKey, Cell]:
    """One dimension's cells: the given results, the computed aggregates, all suppressed
    together."""
    values = dict(given)
    computed = set()
    for area in [k for k in places.by_key if k[0] == "service_area"]:
        computed |= _add_aggregate(values, area, places.children(area))
    computed |= _add_aggregate(values, MUNICIPALITY, places.children(MUNICIPALITY))
    tree = [anonymity.Cell(key, _tree_parent(places, values, computed, key), n)
            for key, (n, _) in values.items()]
    hidden = anonymity.cells_to_hide(tree, threshold)
    cells = {}
    for key, (n, mean) in values.items():
        is_computed = key in computed
        if key in hidden:
            cells[key] = Cell(None, None, hidden=True, computed=is_computed,
                              too_few=n is not None and n < threshold)
        else:
            cells[key] = Cell(mean, n, computed=is_computed)
    return cells


def _add_aggregate(values: dict, key: PlaceKey, parts: list[PlaceKey]) -> set[PlaceKey]:
    """Compute a missing total from the parts with known respondents."""
    if key in values:
        return set()
    counted = [values[p] for p in parts if p in values and values[p][0]]
    total = sum(n for n, _ in counted)
    if not total:
        return set()
    values[key] = (total, _rounded(sum(n * mean for n, mean in counted) / total))
    return {key}


def _tree_parent(places: _Places, values: dict, computed: set, key: PlaceKey):
    """The nearest place above with a result; a computed total holds only counted parts,
    so an uncounted part hangs on the nearest given total (or nothing)."""
    parent = places.parent.get(key)
    while parent is not None:
        if parent in values and not (parent in computed and values[key][0] is None):
            return parent
        parent = places.parent.get(parent)
    return None
