"""Write operations on the organisation tree."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from styringshjul.lib.issues import Issue, Severity, errors
from styringshjul.org.importers import (
    OrganisationFile,
    OrganisationRow,
    encoding_name,
    name_key,
    read_organisation,
)
from styringshjul.org.models import Municipality, OrgUnit, Responsibility, ServiceArea

UPDATED_FIELDS = {"units": ["service_area", "leader_name"], "codes": ["unit", "name"]}


@dataclass
class ImportCounts:
    areas_created: int = 0
    units_created: int = 0
    units_updated: int = 0
    codes_created: int = 0
    codes_updated: int = 0
    codes_moved: int = 0
    codes_unchanged: int = 0

    @property
    def changes(self) -> int:
        return (self.areas_created + self.units_created
                + self.units_updated + self.codes_created + self.codes_updated
                + self.codes_moved)


@dataclass
class OrganisationImport:
    filename: str
    dry_run: bool = False
    encoding: str = ""
    issues: list[Issue] = field(default_factory=list)
    counts: ImportCounts = field(default_factory=ImportCounts)

    @property
    def rejected(self) -> bool:
        return bool(errors(self.issues))

    @property
    def changed(self) -> bool:
        """Whether the database was changed (a dry run never changes it)."""
        return not self.rejected and not self.dry_run and self.counts.changes > 0

    @property
    def status(self) -> str:
        if self.rejected:
            return "rejected"
        if not self.counts.changes:
            return "unchanged"
        return "dry_run" if self.dry_run else "imported"

    @property
    def encoding_label(self) -> str:
        return encoding_name(self.encoding)

    def status_message(self) -> str:
        messages = {
            "rejected": ngettext(
                "The file was rejected because of %(errors)s error. Nothing was changed.",
                "The file was rejected because of %(errors)s errors. Nothing was changed.",
                len(errors(self.issues))) % {"errors": len(errors(self.issues))},
            "unchanged": _("No changes: the organisation already matches the file."),
            "dry_run": _("Dry run: the file can be imported, but nothing was saved."),
            "imported": _("The organisation was updated from the file."),
        }
        return messages[self.status]

    def summary(self) -> list[str]:
        """How the file was read and what it changed, in a few lines."""
        lines = []
        if self.encoding_label:
            lines.append(_("Read as %(encoding)s.") % {"encoding": self.encoding_label})
        if self.rejected:
            return lines
        c = self.counts
        return [
            *lines,
            _("Service areas – new: %(created)s") % {"created": c.areas_created},
            _("Units – new: %(created)s, changed: %(updated)s")
            % {"created": c.units_created, "updated": c.units_updated},
            _("Ansvar – new: %(created)s, changed: %(updated)s, moved: %(moved)s, "
              "unchanged: %(unchanged)s")
            % {"created": c.codes_created, "updated": c.codes_updated,
               "moved": c.codes_moved, "unchanged": c.codes_unchanged},
        ]


def import_organisation(
    municipality: Municipality, path: Path, *, filename: str | None = None,
    dry_run: bool = False,
) -> OrganisationImport:
    """Bring the municipality's service areas, units and ansvar codes in line with the file.

    All or nothing: any error rejects the file and nothing is written. What the file does not
    name is left alone; nothing is deleted.
    """
    filename = filename or path.name
    parsed = read_organisation(path, filename=filename)
    result = OrganisationImport(filename=filename, dry_run=dry_run, encoding=parsed.encoding,
                                issues=list(parsed.issues))
    with transaction.atomic():
        plan = _Plan(municipality, parsed, reason=_history_reason(filename))
        # A rejected file is still compared, so its warnings show with its errors.
        bad_rows = {issue.row for issue in result.issues if issue.is_error}
        for row in parsed.rows:
            if row.row not in bad_rows:
                plan.add(row)
        result.issues = sorted(result.issues + plan.warnings,
                               key=lambda issue: (issue.row is not None, issue.row or 0))
        if result.rejected:
            return result
        result.counts = plan.counts
        if not dry_run:
            plan.save()
    return result


def _history_reason(filename: str) -> str:
    limit = ServiceArea.history.model._meta.get_field("history_change_reason").max_length
    return (_("Imported from %(file)s") % {"file": filename})[:limit]


class _Plan:
    """What the file changes, as unsaved model objects; `save` writes them in order."""

    def __init__(self, municipality: Municipality, parsed: OrganisationFile, reason: str):
        self.municipality = municipality
        self.parsed = parsed
        self.reason = reason
        self.counts = ImportCounts()
        self.warnings: list[Issue] = []
        self.pending: dict[str, dict[int, models.Model]] = {"areas": {}, "units": {}, "codes": {}}
        areas = list(ServiceArea.objects.for_municipality(municipality))
        self.areas = {name_key(area.name): area for area in areas}
        self.next_sort_order = max((area.sort_order for area in areas), default=0) + 1
        self.units = {name_key(unit.name): unit for unit in
                      OrgUnit.objects.for_municipality(municipality).select_related("service_area")}
        self.codes = {code.code: code for code in
                      Responsibility.objects.for_municipality(municipality).select_related("unit")}
        self.units_seen: set[str] = set()

    def add(self, row: OrganisationRow) -> None:
        area = self._area(row)
        unit = self._unit(row, area)
        self._code(row, unit)

    def save(self) -> None:
        """In bulk, with one history row per object, so a tree of thousands takes a second."""
        for kind, model in (("areas", ServiceArea), ("units", OrgUnit),
                            ("codes", Responsibility)):
            new = [obj for obj in self.pending[kind].values() if obj.pk is None]
            changed = [obj for obj in self.pending[kind].values() if obj.pk is not None]
            bulk_create_with_history(new, model, default_change_reason=self.reason)
            if changed:
                bulk_update_with_history(changed, model, UPDATED_FIELDS[kind],
                                         default_change_reason=self.reason)

    def _mark(self, kind: str, obj: models.Model, *, created: bool = False) -> None:
        if id(obj) in self.pending[kind]:
            return
        self.pending[kind][id(obj)] = obj
        counter = f"{kind}_{'created' if created else 'updated'}"
        setattr(self.counts, counter, getattr(self.counts, counter) + 1)

    def _area(self, row: OrganisationRow) -> ServiceArea:
        key = name_key(row.service_area)
        if key not in self.areas:
            self.areas[key] = ServiceArea(municipality=self.municipality, name=row.service_area,
                                          sort_order=self.next_sort_order)
            self.next_sort_order += 1
            self._mark("areas", self.areas[key], created=True)
        return self.areas[key]

    def _unit(self, row: OrganisationRow, area: ServiceArea) -> OrgUnit:
        key = name_key(row.unit)
        unit = self.units.get(key)
        if unit is None:
            unit = self.units[key] = OrgUnit(
                municipality=self.municipality, service_area=area, name=row.unit,
                leader_name=row.leader)
            self._mark("units", unit, created=True)
        elif key not in self.units_seen:
            self._update_unit(row, unit, area)
        self.units_seen.add(key)
        if row.leader and unit.leader_name != row.leader:
            unit.leader_name = row.leader
            self._mark("units", unit)
        return unit

    def _update_unit(self, row: OrganisationRow, unit: OrgUnit, area: ServiceArea) -> None:
        if not unit.is_active:
            self._warn("unit_inactive", _("the unit is marked as inactive"), row, "unit")
        if unit.service_area_id != area.pk:
            self._warn("unit_moved", _("the unit moves from «%(old)s» to «%(new)s»") % {
                "old": unit.service_area.name, "new": area.name}, row, "service_area")
            unit.service_area = area
            self._mark("units", unit)

    def _code(self, row: OrganisationRow, unit: OrgUnit) -> None:
        code = self.codes.get(row.code)
        if code is None:
            code = self.codes[row.code] = Responsibility(
                municipality=self.municipality, unit=unit, code=row.code, name=row.name)
            self._mark("codes", code, created=True)
            return
        renamed = bool(row.name) and code.name != row.name
        if renamed:
            code.name = row.name
        if code.unit_id != unit.pk:
            self._warn("code_moved", _("ansvar %(code)s moves from %(old)s to %(new)s") % {
                "code": code.code, "old": code.unit.name, "new": unit.name}, row, "code")
            code.unit = unit
            self.pending["codes"][id(code)] = code
            self.counts.codes_moved += 1
        elif renamed:
            self._mark("codes", code)
        else:
            self.counts.codes_unchanged += 1

    def _warn(self, code: str, message: str, row: OrganisationRow, column: str) -> None:
        self.warnings.append(Issue(code, message, row=row.row, column=self.parsed.column(column),
                                   value=getattr(row, column), severity=Severity.WARNING))
