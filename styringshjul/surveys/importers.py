"""Import a survey file: check every mean in it, then replace each year's round with the
file's results and references — all or nothing.

A place is named by a unit's name, any of its ansvar codes, a service area's name, the
municipality's name («totalt», «hele kommunen») or a name saved once as a `UnitAlias`; only
the survey's own municipality is searched. The same file imported again writes nothing.
Issue messages never repeat a mean, except when that mean is the invalid value itself.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from styringshjul.lib.issues import Issue, Severity, errors
from styringshjul.org.importers import encoding_name
from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.surveys.models import (
    DEFAULT_SCALE,
    DEFAULT_THRESHOLD,
    Dimension,
    Reference,
    Survey,
    SurveyKind,
    SurveyResult,
    SurveyRound,
    UnitAlias,
)
from styringshjul.surveys.signals import results_changed
from styringshjul.surveys.survey_files import (
    Entry,
    FileCell,
    PlaceFinder,
    Target,
    is_hidden_mean,
    parse_count,
    parse_mean,
    parse_year,
    place_name,
    place_name_key,
    read_survey_file,
    year_in_file_name,
)


def create_survey(municipality: Municipality, name: str, kind: str, **fields) -> Survey:
    """A new survey with the scale and anonymity threshold usual for its kind; raises
    ValidationError for settings the form would refuse (e.g. a threshold below 3)."""
    kind = SurveyKind(kind)
    low, high = DEFAULT_SCALE[kind]
    fields.setdefault("scale_min", low)
    fields.setdefault("scale_max", high)
    fields.setdefault("anonymity_threshold", DEFAULT_THRESHOLD[kind])
    survey = Survey(municipality=municipality, name=" ".join(name.split()), kind=kind,
                    **fields)
    survey.full_clean()  # the threshold's floor holds here as in the form
    survey.save()
    return survey


def save_alias(municipality: Municipality, name: str,
               target: OrgUnit | ServiceArea | None) -> UnitAlias:
    """Remember that files call `target` (None: the whole municipality) `name`."""
    if target is not None and target.municipality_id != municipality.pk:
        raise ValueError("the target belongs to another municipality")
    clean = place_name(name)
    alias = next((alias for alias in UnitAlias.objects.for_municipality(municipality)
                  if place_name_key(alias.name) == clean.casefold()),
                 UnitAlias(municipality=municipality, name=clean))
    alias.unit = target if isinstance(target, OrgUnit) else None
    alias.service_area = target if isinstance(target, ServiceArea) else None
    alias.save()
    return alias


@dataclass(frozen=True)
class Planned:
    """A valid mean to store: a place's result, or a reference's when `label` is set."""

    year: int
    dimension: str
    mean: Decimal
    target: Target = Target()
    respondents: int | None = None
    label: str = ""

    @property
    def fingerprint(self) -> tuple:
        return (self.dimension.casefold(), *self.target.key, self.respondents, self.mean,
                self.label)


@dataclass
class SurveyImport:
    survey: Survey
    filename: str
    dry_run: bool = False
    encoding: str = ""
    years: list[int] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    results: int = 0
    places: int = 0
    dimensions: int = 0
    references: int = 0
    unchanged: bool = False
    replaced_years: list[int] = field(default_factory=list)
    unchanged_years: list[int] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return bool(errors(self.issues))

    def status_message(self) -> str:
        """What happened, in counts only: never a result value."""
        read_as = (" " + _("Read as %(encoding)s.") % {"encoding": encoding_name(self.encoding)}
                   if self.encoding else "")
        if self.rejected:
            count = len(errors(self.issues))
            return ngettext(
                "The file was rejected because of %(errors)s error. Nothing was stored.",
                "The file was rejected because of %(errors)s errors. Nothing was stored.",
                count) % {"errors": count} + read_as
        years = ", ".join(str(year) for year in self.years)
        if self.unchanged:
            return _("Nothing changed: the results for %(years)s were already imported from "
                     "this file.") % {"years": years} + read_as
        counts = _("results: %(results)s, places: %(places)s, dimensions: %(dimensions)s") % {
            "results": self.results, "places": self.places, "dimensions": self.dimensions}
        if self.dry_run:
            return _("The file can be imported for %(years)s (%(counts)s). Nothing was stored "
                     "(dry run).") % {"years": years, "counts": counts} + read_as
        message = _("Imported for %(years)s: %(counts)s.") % {"years": years, "counts": counts}
        if self.replaced_years:
            message += " " + _("Replaced the earlier results for %(years)s.") % {
                "years": ", ".join(str(year) for year in self.replaced_years)}
        if self.unchanged_years:
            message += " " + _("Already as in this file: %(years)s.") % {
                "years": ", ".join(str(year) for year in self.unchanged_years)}
        return message + read_as


def import_survey(survey: Survey, path: Path, *, year: int | None = None,
                  place: str | Target | None = None, filename: str | None = None, user=None,
                  dry_run: bool = False) -> SurveyImport:
    """Check the file and, when it has no errors, make each of its years' rounds exactly
    what the file says (`year` and `place` for files that do not say them)."""
    name = Path(filename or path.name).name
    result = SurveyImport(survey, name, dry_run)
    parsed = read_survey_file(path, name)
    result.encoding = parsed.encoding
    if not parsed.layout:  # not a table of a layout we know: the reader says why
        result.issues = parsed.issues
        return result
    checker = _Checker(survey, parsed.entries, year, place, name, result)
    planned = [item for item in map(checker.check, parsed.entries) if item]
    # A header cell behind many means is reported once.
    result.issues = sorted(dict.fromkeys(parsed.issues + result.issues),
                           key=lambda issue: (issue.row is not None, issue.row or 0))
    if not planned and not result.rejected:
        result.issues.append(Issue("no_rows", _("the file has no results to import")))
    if result.rejected:
        return result
    _count(result, planned)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    changed = _changed_years(survey, result.years, digest, planned)
    result.unchanged_years = [year for year in result.years if year not in changed]
    result.unchanged = not changed
    if dry_run or not changed:
        return result
    result.replaced_years = _store(survey, changed, planned, source=name, digest=digest,
                                   user=user)
    return result


def _count(result: SurveyImport, planned: list[Planned]) -> None:
    results = [item for item in planned if not item.label]
    result.years = sorted({item.year for item in planned})
    result.results = len(results)
    result.places = len({item.target for item in results})
    result.dimensions = len({item.dimension.casefold() for item in planned})
    result.references = len(planned) - len(results)


class _Checker:
    """Checks each entry and turns the valid ones into planned results and references."""

    def __init__(self, survey: Survey, entries: list[Entry], year: int | None,
                 place: str | Target | None, filename: str, result: SurveyImport) -> None:
        self.survey = survey
        self.result = result
        self.error_count = 0
        self.finder = PlaceFinder(survey.municipality)
        self.counts_given = any(entry.respondents and entry.respondents.text.strip()
                                for entry in entries if not entry.reference)
        self.year = year or self._year_from(entries, filename)
        self.place = self._default_place(entries, place)
        self.first_cells: dict[tuple, FileCell] = {}
        if entries and not self.counts_given:
            self._issue("no_respondents", _(
                "the file gives no number of respondents: the results are stored as the "
                "source published them, and the anonymity threshold cannot be checked"),
                severity=Severity.WARNING)

    def _issue(self, code: str, message: str, cell: FileCell | None = None,
               severity: Severity = Severity.ERROR) -> None:
        where = {"row": cell.row, "column": cell.column, "value": cell.text} if cell else {}
        self.error_count += severity is Severity.ERROR
        self.result.issues.append(Issue(code, message, severity=severity, **where))

    def _year_from(self, entries: list[Entry], filename: str) -> int | None:
        """The year a file without a year column is for: from its name, else an error."""
        if any(entry.year for entry in entries) or not entries:
            return None
        year = year_in_file_name(filename)
        if year:
            self._issue("year_from_file_name", _(
                "the year %(year)s is taken from the file name") % {"year": year},
                severity=Severity.WARNING)
            return year
        self._issue("missing_year", _("the file gives no year: choose the year of the survey"))
        return None

    def _default_place(self, entries: list[Entry], place: str | Target | None
                       ) -> Target | None:
        if not any(entry.place is None and not entry.reference for entry in entries):
            if place:
                self._issue("place_not_used", _(
                    "the file names its own places, so the chosen place was not used"),
                    FileCell(None, "", str(place)), Severity.WARNING)
            return None
        if isinstance(place, Target):  # chosen from a list: no name to look up
            return place
        if place:
            return self._find(FileCell(None, "", place))
        self._issue("missing_place", _("the file does not say which place the results are "
                                       "for: choose the unit, service area or municipality"))
        return None

    def _find(self, cell: FileCell) -> Target | None:
        target = self.finder.find(cell.text)
        if target is not None and self.finder.is_ambiguous(cell.text):
            self._issue("ambiguous_place", _(
                "more than one place in %(municipality)s has this name (a unit and a service "
                "area, say): say which on the page of unit names") % {
                    "municipality": self.survey.municipality.name}, cell)
            self.result.unknown_names.append(place_name(cell.text))
            return None
        if target is None:
            self._issue("unknown_place", _(
                "no unit, ansvar code, service area or saved name in %(municipality)s "
                "matches this name") % {"municipality": self.survey.municipality.name}, cell)
            if place_name(cell.text) not in self.result.unknown_names:
                self.result.unknown_names.append(place_name(cell.text))
        return target

    def check(self, entry: Entry) -> Planned | None:
        before = self.error_count
        dimension = self._dimension(entry.dimension)
        target = None if entry.reference else self._target(entry)
        year = self._entry_year(entry.year)
        if is_hidden_mean(entry.mean.text):
            self._issue("no_mean", _("no mean given (the source may have hidden it); nothing "
                                     "is stored for this cell"), entry.mean, Severity.WARNING)
            return None
        mean = self._mean(entry.mean)
        respondents = None if entry.reference else self._respondents(entry.respondents)
        if self.error_count > before or None in (dimension, year, mean) or not (
                target or entry.reference):
            return None
        place = ("reference", entry.reference) if entry.reference else ("result", target.key)
        if not self._first((year, *place, dimension.casefold()), entry):
            return None
        return Planned(year, dimension, mean, target or Target(), respondents, entry.reference)

    def _first(self, key: tuple, entry: Entry) -> bool:
        """Whether no earlier cell gave a mean for the same place (or reference), dimension
        and year; a place named in the header is pointed at there."""
        first = self.first_cells.setdefault(key, entry.mean)
        if first is not entry.mean:
            header = entry.place and entry.place.row != entry.mean.row
            self._issue("duplicate", _(
                "this place or reference already has a mean for this dimension and year "
                "(row %(row)s, column %(column)s)") % {"row": first.row, "column": first.column},
                entry.place if header else entry.dimension)
        return first is entry.mean

    def _dimension(self, cell: FileCell) -> str | None:
        name = " ".join(cell.text.split())
        if not name:
            self._issue("missing_dimension", _("the row names no dimension"), cell)
            return None
        if len(name) > Dimension._meta.get_field("name").max_length:
            self._issue("dimension_too_long", _("the dimension's name is too long"), cell)
            return None
        return name

    def _target(self, entry: Entry) -> Target | None:
        if entry.place is None:
            return self.place
        if not entry.place.text.strip():
            self._issue("missing_place", _("the row names no place (unit, ansvar code or "
                                           "service area)"), entry.place)
            return None
        return self._find(entry.place)

    def _entry_year(self, cell: FileCell | None) -> int | None:
        if cell is None or not cell.text.strip():
            if cell is not None and self.year is None:
                self._issue("missing_year", _("the row gives no year"), cell)
            return self.year
        year = parse_year(cell.text)
        if year is None:
            self._issue("not_a_year", _("not a year (write e.g. 2025)"), cell)
        elif self.year is not None and year != self.year:
            self._issue("other_year", _("the year differs from the year chosen for the "
                                        "import (%(year)s)") % {"year": self.year}, cell)
            year = None
        return year

    def _mean(self, cell: FileCell) -> Decimal | None:
        mean = parse_mean(cell.text)
        if mean is None:
            self._issue("not_a_number", _("the mean is not a number (write e.g. 4,5)"), cell)
            return None
        low, high = self.survey.scale_min, self.survey.scale_max
        if not low <= mean <= high:
            self._issue("outside_scale", _("the mean is outside the survey's scale "
                                           "%(low)s–%(high)s") % {"low": low, "high": high},
                        cell)
            return None
        return mean

    def _respondents(self, cell: FileCell | None) -> int | None:
        if cell is None or not self.counts_given:
            return None
        count = parse_count(cell.text)
        if not cell.text.strip():
            self._issue("missing_respondents", _(
                "the number of respondents is missing (other rows give it)"), cell)
        elif count is None:
            self._issue("not_respondents", _(
                "the number of respondents must be a whole number, 0 or more"), cell)
        return count


def _changed_years(survey: Survey, years: list[int], digest: str,
                   planned: list[Planned]) -> list[int]:
    """The years whose round is not already exactly this file's."""
    same_file = SurveyRound.objects.filter(survey=survey, year__in=years, sha256=digest)
    unchanged = {survey_round.year for survey_round in same_file
                 if _stored(survey_round) == {item.fingerprint for item in planned
                                              if item.year == survey_round.year}}
    return [year for year in years if year not in unchanged]


def _stored(survey_round: SurveyRound) -> set[tuple]:
    """What the round holds, as `Planned.fingerprint`s: the same bytes can still mean
    other places (another alias or chosen unit), so the contents are compared too."""
    results = survey_round.results.values_list("dimension__name", "unit_id",
                                               "service_area_id", "respondents", "mean")
    references = survey_round.references.values_list("dimension__name", "label", "mean")
    return ({(name.casefold(), unit, area, respondents, mean, "")
             for name, unit, area, respondents, mean in results}
            | {(name.casefold(), None, None, None, mean, label)
               for name, label, mean in references})


def _store(survey: Survey, years: list[int], planned: list[Planned], *, source: str,
           digest: str, user) -> list[int]:
    """Replace the rounds of `years`; the years that had a round before."""
    replaced = []
    with transaction.atomic():
        Survey.objects.select_for_update().get(pk=survey.pk)  # one import of it at a time
        dimensions = _dimensions(survey, [item.dimension for item in planned])
        for year in years:
            survey_round, created = SurveyRound.objects.get_or_create(survey=survey, year=year)
            if not created:
                survey_round.results.all().delete()
                survey_round.references.all().delete()
                replaced.append(year)
            survey_round.source = source[:300]
            survey_round.sha256 = digest
            survey_round.imported_by = user
            survey_round.save()
            items = [(item, dimensions[item.dimension.casefold()]) for item in planned
                     if item.year == year]
            SurveyResult.objects.bulk_create(
                SurveyResult(round=survey_round, dimension=dimension, unit=item.target.unit,
                             service_area=item.target.service_area,
                             respondents=item.respondents, mean=item.mean)
                for item, dimension in items if not item.label)
            Reference.objects.bulk_create(
                Reference(round=survey_round, dimension=dimension, label=item.label,
                          mean=item.mean) for item, dimension in items if item.label)
        results_changed.send(Survey, survey=survey)
    return replaced


def _dimensions(survey: Survey, names: list[str]) -> dict[str, Dimension]:
    """The survey's dimensions by casefolded name; the file's new ones added in file order."""
    found = {dimension.name.casefold(): dimension for dimension in survey.dimensions.all()}
    order = max((dimension.sort_order for dimension in found.values()), default=0)
    for name in names:
        if name.casefold() not in found:
            order += 1
            found[name.casefold()] = Dimension.objects.create(survey=survey, name=name,
                                                              sort_order=order)
    return found
