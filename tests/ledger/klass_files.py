"""The saved Klass fixtures, and entries for small files a test writes itself."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FUNCTIONS_FILE = FIXTURES / "klass_277_codesAt.json"
ARTS_FILE = FIXTURES / "klass_259_codesAt.json"


def klass_entry(code: str, name: str, valid_from: str = "2017-01-01", valid_to=None) -> dict:
    return {"code": code, "parentCode": None, "level": "1", "name": name,
            "validFrom": valid_from, "validTo": valid_to}
