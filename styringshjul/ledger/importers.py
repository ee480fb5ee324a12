"""Reads Statistics Norway's Klass `codesAt` JSON ({"codes": [{"code", "name",
"validFrom", "validTo", ...}]}). Problems come back as issues naming the entry and field;
nothing is printed. Klass' validTo is exclusive (the first day a code no longer holds), so
it becomes the day before: our valid_to is the last valid day.
"""

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class KlassCode:
    code: str
    name: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class Issue:
    kind: str
    index: int | None = None
    field: str = ""
    value: str = ""
    line: int = 0
    column: int = 0

    @property
    def message(self) -> str:
        return _message(self)


def read_klass_codes(content: bytes) -> tuple[list[KlassCode], list[Issue]]:
    """The codes of a Klass file, or the issues that make the whole file unusable."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], [Issue("not_utf8")]
    except json.JSONDecodeError as error:
        return [], [Issue("not_json", line=error.lineno, column=error.colno)]
    entries = data.get("codes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Issue("no_codes")]
    read = [_read_entry(index, entry) for index, entry in enumerate(entries)]
    issues = [issue for _code, entry_issues in read for issue in entry_issues]
    codes = [code for code, _issues in read]
    issues += _duplicates(codes)
    return ([], issues) if issues else (codes, [])


def _read_entry(index: int, entry: object) -> tuple[KlassCode | None, list[Issue]]:
    if not isinstance(entry, dict):
        return None, [Issue("not_an_object", index)]
    issues = [
        issue for field in ("code", "name") if (issue := _text_issue(index, entry, field))
    ]
    valid_from, valid_to = _date(entry, "validFrom"), _date(entry, "validTo")
    issues += [
        Issue("bad_date", index, field, str(entry[field]))
        for field, value in (("validFrom", valid_from), ("validTo", valid_to))
        if value is False
    ]
    if issues:
        return None, issues
    return KlassCode(
        code=entry["code"].strip(),
        name=entry["name"].strip(),
        valid_from=valid_from,
        valid_to=valid_to - timedelta(days=1) if valid_to else None,
    ), []


def _text_issue(index: int, entry: dict, field: str) -> Issue | None:
    value = entry.get(field)
    if value is None or value == "" or (isinstance(value, str) and not value.strip()):
        return Issue("missing", index, field)
    if not isinstance(value, str):
        return Issue("not_text", index, field, json.dumps(value))
    return None


def _date(entry: dict, field: str) -> date | None | bool:
    """The date in `field`, None when absent, False when it is not a date."""
    value = entry.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        return date.fromisoformat(value)
    except ValueError:
        return False


def _duplicates(codes: list[KlassCode | None]) -> list[Issue]:
    seen: set[str] = set()
    issues = []
    for index, code in enumerate(codes):
        if code is None:
            continue
        if code.code in seen:
            issues.append(Issue("duplicate", index, "code", code.code))
        seen.add(code.code)
    return issues


def _message(issue: Issue) -> str:
    where = {"number": (issue.index or 0) + 1, "index": issue.index, "field": issue.field,
             "value": issue.value, "line": issue.line, "column": issue.column}
    messages = {
        "not_utf8": _("The file is not UTF-8 text."),
        "not_json": _("The file is not valid JSON: line %(line)d, column %(column)d."),
        "no_codes": _('The file has no "codes" list; expected the response of Klass\' codesAt.'),
        "not_an_object": _("Entry %(number)d (codes[%(index)d]) is not an object."),
        "missing": _('Entry %(number)d (codes[%(index)d]): the field "%(field)s" is missing '
                     "or empty."),
        "not_text": _('Entry %(number)d (codes[%(index)d]): the field "%(field)s" is not text: '
                      "%(value)s."),
        "bad_date": _('Entry %(number)d (codes[%(index)d]): the field "%(field)s" is not a '
                      "date (YYYY-MM-DD): %(value)s."),
        "duplicate": _("Entry %(number)d (codes[%(index)d]): the code %(value)s occurs more "
                       "than once."),
    }
    return messages[issue.kind] % where
