"""Finance uploads a general-ledger file, follows the progress, and reads the result with
its issues; the import itself runs in the background (here: at once)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from styringshjul.ledger import import_jobs
from styringshjul.ledger.models import Actual, ColumnProfile
from tests.ledger.ledger_lines import with_amount, write_ledger

FIXTURE = Path(__file__).parent.parent / "fixtures" / "hovedbok_visma_cp1252.csv"


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


@pytest.fixture(autouse=True)
def run_at_once(monkeypatch):
    monkeypatch.setattr(import_jobs, "start", lambda municipality, job_id, user:
                        import_jobs.run(municipality, job_id, user, "nb"))


def upload(client, path: Path, **extra):
    data = {"file": SimpleUploadedFile(path.name, path.read_bytes()), "year": "2025",
            "profile": "", **extra}
    return client.post("/3439/regnskap/import/", data)


def test_kari_uploads_a_file_and_sees_the_result(ringebu, as_kari):
    response = upload(as_kari, FIXTURE)
    assert response.status_code == 302
    page = as_kari.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "Importerte 6 linjer for periodene 1, 2, 3" in text
    assert "Windows-1252" in text
    assert "En summelinje; den ble hoppet over." in text
    assert Actual.objects.filter(municipality=ringebu, year=2025).count() == 6
    listing = as_kari.get("/3439/regnskap/import/?year=2025").content.decode()
    assert "hovedbok_visma_cp1252.csv" in listing


def test_a_rejected_file_shows_its_issues_and_offers_them_as_csv(ringebu, as_kari, tmp_path):
    path = write_ledger(tmp_path / "feil.csv", [with_amount("1,00", Ansvar="9999")])
    response = upload(as_kari, path)
    page = as_kari.get(response["Location"]).content.decode()
    assert "Avvist: 1 feil og 0 advarsler." in page
    assert "9999" in page
    csv_file = as_kari.get(response["Location"] + "avvik.csv")
    assert csv_file["Content-Type"].startswith("text/csv")
    assert "Ikke en av kommunens ansvarskoder." in csv_file.content.decode()
    assert not Actual.objects.filter(municipality=ringebu).exists()


def test_the_progress_page_polls_while_the_import_runs(ringebu, as_kari, monkeypatch):
    monkeypatch.setattr(import_jobs, "start", lambda *args: None)
    response = upload(as_kari, FIXTURE)
    page = as_kari.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert f'href="{response["Location"]}"' in page  # refresh without JavaScript
    partial = as_kari.get(response["Location"], headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()


def test_an_unknown_header_leads_to_the_mapping_page_and_the_mapping_is_saved(
        ringebu, as_kari, tmp_path):
    path = write_ledger(tmp_path / "egen.csv", [["2100", "202", "1200", "5", "7,00"]],
                        header=["K1", "K2", "K3", "K4", "K5"])
    response = upload(as_kari, path)
    mapping_page = as_kari.get(response["Location"], follow=True)
    assert mapping_page.redirect_chain[-1][0].endswith("/kolonner/")
    url = mapping_page.redirect_chain[-1][0]
    response = as_kari.post(url, {"name": "Vår eksport", "responsibility": "K1",
                                  "function": "K2", "art": "K3", "period": "K4",
                                  "amount": "K5"})
    result = as_kari.get(response["Location"]).content.decode()
    assert "Importerte 1 linjer" in result
    assert ColumnProfile.objects.get(municipality=ringebu, name="Vår eksport").columns[
        "responsibility"] == "K1"


def test_sofie_of_gausdal_gets_404_on_ringebus_import_pages(ringebu, as_kari, as_sofie):
    response = upload(as_kari, FIXTURE)
    assert as_sofie.get("/3439/regnskap/import/").status_code == 404
    assert as_sofie.get(response["Location"]).status_code == 404
    assert upload(as_sofie, FIXTURE).status_code == 404


def test_sofie_cannot_open_a_ringebu_job_through_gausdals_address(ringebu, as_kari,
                                                                  as_sofie):
    response = upload(as_kari, FIXTURE)
    job_path = response["Location"].replace("/3439/", "/3441/")
    assert as_sofie.get(job_path).status_code == 404


def test_ola_and_per_may_not_import(ringebu, as_ola, as_per):
    for client in (as_ola, as_per):
        assert client.get("/3439/regnskap/import/").status_code == 403
        assert upload(client, FIXTURE).status_code == 403
    assert not Actual.objects.filter(municipality=ringebu).exists()
