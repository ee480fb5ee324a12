"""Which KOSTRA group each municipality belongs to in a year, read from a file, because the
groups are revised and a municipality can change group.

Three shapes are read:
- Klass correspondence JSON, as `…/classifications/131/correspondsAt?targetClassificationId=112`
  answers: `correspondenceItems` with `sourceCode`/`targetCode` (either direction: the side
  with four-digit numbers is the municipality);
- Klass code list JSON (`codes` with `code` and `parentCode`), where municipalities sit
  under their group;
- a table (CSV or XLSX) with a municipality column and a group column.

A group is written "EKG01", "01", "1", "KOSTRA-gruppe 1" or "KOSTRA-gruppe 01 …"; a
municipality "3439" or "3439 Ringebu". Every row is checked; one error and nothing is stored;
the same file twice changes nothing.
"""

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from styringshjul.keyfigures.models import GroupMembership, Region, RegionKind
from styringshjul.keyfigures.regions import kostra_group_code
from styringshjul.lib.issues import Issue, errors
from styringshjul.lib.tabular import TableError, read_table

COLUMNS = {
    "number": {"kommunenummer", "kommunenr", "knr", "sourcecode"},
    "municipality": {"kommune", "region", "kommunenavn"},
    "group": {"kostragruppe", "kostra-gruppe", "kostra gruppe", "gruppe", "targetcode",
              "kostragruppering"},
}
MUNICIPALITY = re.compile(r"^\s*(\d{4})\b")
GROUP = re.compile(r"^\s*(?:EKG|KOSTRA-?\s*gruppe\s*)?(\d{1,2})\b", re.IGNORECASE)


@dataclass
class GroupImport:
    year: int
    issues: list[Issue] = field(default_factory=list)
    read: int = 0
    created: int = 0
    changed: int = 0

    @property
    def rejected(self) -> bool:
        return bool(errors(self.issues))

    def status_message(self) -> str:
        if self.rejected:
            return _("The file was rejected: %(count)d errors. Nothing was changed.") % {
                "count": len(errors(self.issues))}
        if not self.created and not self.changed:
            return _("KOSTRA groups %(year)s: all %(count)d memberships were already "
                     "recorded; nothing changed.") % {"year": self.year, "count": self.read}
        return _("KOSTRA groups %(year)s: %(count)d memberships read, %(created)d added, "
                 "%(changed)d changed.") % {"year": self.year, "count": self.read,
                                            "created": self.created, "changed": self.changed}


def read_pairs(path: Path) -> tuple[list[tuple[int, str, str]], list[Issue]]:
    """(row, municipality text, group text) from any of the three shapes."""
    content = path.read_bytes()
    if content.removeprefix(codecs.BOM_UTF8).lstrip()[:1] in (b"{", b"["):
        return _json_pairs(content)
    try:
        table = read_table(path, COLUMNS)
    except TableError as error:
        return [], [Issue("file", _("The file cannot be read as a table (%(reason)s).")
                          % {"reason": error.code})]
    return [(row, values.get("number") or values.get("municipality", ""),
             values.get("group", ""))
            for row, values in table.rows], []


def _json_pairs(content: bytes) -> tuple[list[tuple[int, str, str]], list[Issue]]:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [], [Issue("file", _("The file is not valid JSON (%(reason)s).")
                          % {"reason": error})]
    if isinstance(data, dict) and "correspondenceItems" in data:
        pairs = []
        for number, item in enumerate(data["correspondenceItems"], start=1):
            source, target = str(item.get("sourceCode", "")), str(item.get("targetCode", ""))
            if MUNICIPALITY.match(target) and not MUNICIPALITY.match(source):
                source, target = target, source
            pairs.append((number, source, target))
        return pairs, []
    if isinstance(data, dict) and "codes" in data:
        return [(number, str(item.get("code", "")), str(item.get("parentCode") or ""))
                for number, item in enumerate(data["codes"], start=1)
                if MUNICIPALITY.match(str(item.get("code", "")))], []
    return [], [Issue("file", _("The JSON file has neither «correspondenceItems» nor "
                                   "«codes» from Statistics Norway's Klass."))]


def import_groups(path: Path, year: int, *, dry_run: bool = False) -> GroupImport:
    return _import(*read_pairs(path), year, dry_run)


def import_klass_answer(content: bytes, year: int) -> GroupImport:
    """The JSON Statistics Norway's Klass answered (see `SsbClient.kostra_groups`)."""
    return _import(*_json_pairs(content), year, dry_run=False)


def _import(pairs: list[tuple[int, str, str]], issues: list[Issue], year: int,
            dry_run: bool) -> GroupImport:
    result = GroupImport(year, issues=issues)
    wanted = _check(pairs, result)
    result.read = len(wanted)
    if not pairs and not result.issues:
        result.issues.append(Issue("empty", _("The file has no memberships.")))
    if result.rejected:
        return result
    with transaction.atomic():
        existing = {m.member_id: m for m in
                    GroupMembership.objects.select_for_update().filter(year=year)}
        new, changed = [], []
        for member, group in wanted.items():
            current = existing.get(member.pk)
            if current is None:
                new.append(GroupMembership(member=member, group=group, year=year))
            elif current.group_id != group.pk:
                current.group = group
                changed.append(current)
        result.created, result.changed = len(new), len(changed)
        if not dry_run:
            GroupMembership.objects.bulk_create(new)
            GroupMembership.objects.bulk_update(changed, ["group"])
    return result


def _check(pairs: list[tuple[int, str, str]], result: GroupImport) -> dict:
    municipalities = {r.code: r for r in Region.objects.filter(kind=RegionKind.MUNICIPALITY)}
    groups = {r.code: r for r in Region.objects.filter(kind=RegionKind.KOSTRA_GROUP)}
    wanted: dict = {}
    for row, member_text, group_text in pairs:
        number = MUNICIPALITY.match(member_text)
        member = municipalities.get(number.group(1)) if number else None
        if member is None:
            result.issues.append(Issue("unknown_municipality",
                                       _("Not a municipality number we know."),
                                       row, _("municipality"), member_text))
            continue
        found = GROUP.match(group_text)
        group = groups.get(kostra_group_code(found.group(1))) if found else None
        if group is None:
            result.issues.append(Issue("unknown_group", _("Not a KOSTRA group (EKG01–EKG17)."),
                                       row, _("KOSTRA group"), group_text))
            continue
        if member in wanted and wanted[member] != group:
            result.issues.append(Issue("two_groups", _("The municipality is given another group "
                                                     "earlier in the file."),
                                       row, _("KOSTRA group"), group_text))
            continue
        wanted[member] = group
    return wanted
