"""Every user-facing string is translated to bokmål and Danish."""

import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "styringshjul"
CATALOGS = sorted(
    path for language in ("nb", "da")
    for path in PACKAGE.glob(f"**/locale/{language}/LC_MESSAGES/django.po")
)


def test_there_are_catalogs_for_the_project_and_its_apps():
    folders = {path.relative_to(PACKAGE).parts[0] for path in CATALOGS}
    assert {"locale", "org", "ledger"} <= folders


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_catalog_has_no_untranslated_or_fuzzy_strings(catalog):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalog)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_the_front_page_speaks_bokmal_by_default(as_kari, ringebu):
    page = as_kari.get(f"/{ringebu.number}/").content.decode()
    assert 'lang="nb"' in page
    assert "Organisasjon" in page


def test_the_language_switch_changes_to_danish(as_kari, ringebu):
    as_kari.post("/i18n/setlang/", {"language": "da", "next": "/"})
    page = as_kari.get(f"/{ringebu.number}/organisasjon/").content.decode()
    assert 'lang="da"' in page
    assert "Organisationen i Ringebu kommune" in page
