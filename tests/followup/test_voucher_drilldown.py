"""From an account string down to the voucher lines of an imported general ledger."""

from pathlib import Path

import pytest

from styringshjul.ledger.ledger_import import import_ledger
from tests.followup.conftest import add_budget, clear_year

pytestmark = [pytest.mark.django_db]
FIXTURE = Path(__file__).parent.parent / "fixtures" / "hovedbok_visma_cp1252.csv"


@pytest.fixture
def imported(ringebu, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    clear_year(ringebu)
    result = import_ledger(ringebu, 2025, FIXTURE)
    assert result.accepted, result.issues
    add_budget(ringebu, "Vedtatt budsjett 2025", [("2100", "202", "0101", "", "600000")])
    return result


def test_an_account_string_leads_to_its_voucher_lines(as_kari, imported):
    lines = as_kari.get("/3439/oppfolging/linjer/?year=2025&period=12&by=ansvar&key=2100")
    assert "/3439/oppfolging/bilag/" in lines.content.decode()
    page = as_kari.get("/3439/oppfolging/bilag/?year=2025&period=12&responsibility=2100"
                       "&function=202&art=0101&project=").content.decode()
    assert "Lønn lærere januar" in page and "Læremidler" not in page


def test_sofie_of_gausdal_cannot_read_ringebus_voucher_lines(as_sofie, imported):
    response = as_sofie.get("/3439/oppfolging/bilag/?year=2025&period=12&responsibility=2100"
                            "&function=202&art=0101&project=")
    assert response.status_code == 404
