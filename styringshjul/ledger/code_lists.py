"""Reads the KOSTRA code lists shipped in `data/` (see data/SOURCES.md) into plain field
dicts. The data migration loads them with historical models, so nothing here may import
the app's models; a list that does not parse raises ValueError rather than load half.
"""

import csv
import re
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

RULES = {"yes": "allowed", "illogical": "illogical", "no": "not_allowed"}
RULE_PATTERN = re.compile(r"^(yes|illogical|no)(?: \((.+)\))?$")
CONFIDENCES = {"official", "high", "medium", "low", "none"}
FUNCTION_KINDS = {"tjenestefunksjon": "service", "finansiell funksjon": "financial"}
SECTORS = {"kommune": "municipality", "fylkeskommune": "county", "felles": "both"}
ART_DIRECTIONS = {"utgift": "expense", "inntekt": "income"}


def search_text(name: str) -> str:
    """The name as it is searched: case-folded in Python, because SQLite's LIKE folds
    only ASCII letters and would treat "Å" and "å" as different."""
    return name.casefold()


def load_functions() -> list[dict]:
    names = _read_names("funksjoner_2025_2026.csv")
    rows = []
    for row in _read("funksjoner_validity_2025_2026.csv"):
        code = row["funksjon"]
        rows.append(
            _common(code, names, row)
            | {"kind": _lookup(FUNCTION_KINDS, row["type"], code), "sector": SECTORS[row["sector"]]}
        )
    _check_same_codes(names, rows, "funksjoner")
    return rows


def load_arts() -> list[dict]:
    names = _read_names("arter_2025_2026.csv", "arter_2025_additions.csv")
    changes = _read_changes("arter")
    rows = []
    for row in _read("arter_validity_2025_2026.csv", "arter_validity_2025_additions.csv"):
        code = row["art"]
        fields = _common(code, names, row) | {
            "income_or_expense": _lookup(ART_DIRECTIONS, row["utgift_or_inntekt"], code),
            "series": row["artsserie"],
            "restriction": row["restriction"],
        }
        rows.append(fields | changes.get(code, {}))
    _check_same_codes(names, rows, "arter")
    return sorted(rows, key=lambda fields: fields["code"])


def _common(code: str, names: dict[str, dict], row: dict) -> dict:
    name = names.get(code)
    if name is None:
        raise ValueError(f"code {code} has no row in the names list")
    operating, operating_reference = _rule(row["drift_allowed"], code)
    capital, capital_reference = _rule(row["investering_allowed"], code)
    return {
        "code": code,
        "name": name["name_nb"],
        "name_source": name["source_url"],
        "name_confidence": _confidence(name["confidence"], code),
        "name_note": name["note"],
        "search_text": search_text(name["name_nb"]),
        "valid_from": _date(name["valid_from"]),
        "valid_to": None,
        "forms": row["valid_in_skjema"],
        "operating_rule": operating,
        "operating_rule_reference": operating_reference,
        "capital_rule": capital,
        "capital_rule_reference": capital_reference,
        "restriction": "",
        "list_source": row["list_source"],
    }


def _rule(text: str, code: str) -> tuple[str, str]:
    match = RULE_PATTERN.match(text)
    if match is None:
        raise ValueError(f"code {code}: cannot read the rule {text!r}")
    return RULES[match.group(1)], match.group(2) or ""


def _confidence(text: str, code: str) -> str:
    if text not in CONFIDENCES:
        raise ValueError(f"code {code}: unknown name confidence {text!r}")
    return text


def _lookup(mapping: dict[str, str], text: str, code: str) -> str:
    for prefix, value in mapping.items():
        if text.startswith(prefix):
            return value
    raise ValueError(f"code {code}: cannot read {text!r}")


def _date(text: str) -> date | None:
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    return date.fromisoformat(text)


def _read(*filenames: str) -> list[dict]:
    rows = []
    for filename in filenames:
        with open(DATA_DIR / filename, encoding="utf-8", newline="") as file:
            rows.extend(csv.DictReader(file))
    return rows


def _read_names(*filenames: str) -> dict[str, dict]:
    return {row["code"]: row for row in _read(*filenames)}


def _read_changes(code_list: str) -> dict[str, dict]:
    return {
        row["code"]: {
            key: _date(row[key]) for key in ("valid_from", "valid_to") if row[key]
        }
        for row in _read("validity_changes_2026.csv")
        if row["code_list"] == code_list
    }


def _check_same_codes(names: dict[str, dict], rows: list[dict], code_list: str) -> None:
    codes = [row["code"] for row in rows]
    if len(set(codes)) != len(codes) or set(codes) != set(names):
        raise ValueError(f"the {code_list} names and validity lists hold different codes")
