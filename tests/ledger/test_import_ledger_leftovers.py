"""What a web import leaves under VAR_DIR: the upload goes once it has been imported, job
files and forgotten uploads expire, and superseded raw lines are removed, so nothing grows
without bound."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from styringshjul.ledger import import_jobs
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import LedgerImport
from tests.ledger.ledger_lines import LINES, with_amount, write_ledger

DAY = 24 * 3600


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


@pytest.fixture(autouse=True)
def run_at_once(monkeypatch):
    monkeypatch.setattr(import_jobs, "start", lambda municipality, job_id, user:
                        import_jobs.run(municipality, job_id, user, "nb"))


def upload(client, path: Path):
    data = {"file": SimpleUploadedFile(path.name, path.read_bytes()), "year": "2025",
            "profile": ""}
    return client.post("/3439/regnskap/import/", data)


def files(var_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(var_dir)) for p in var_dir.rglob("*") if p.is_file())


def aged(path: Path, seconds: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path, (time.time() - seconds, time.time() - seconds))
    return path


def test_an_imported_upload_leaves_only_the_job_file_and_the_raw_lines(
        ringebu, as_kari, var_dir, tmp_path):
    upload(as_kari, write_ledger(tmp_path / "h.csv", LINES))
    imported = LedgerImport.objects.get(municipality=ringebu)
    job = files(var_dir / "ledger" / "jobs")
    assert files(var_dir) == sorted([f"ledger/jobs/{job[0]}", imported.raw_lines])


def test_a_rejected_upload_leaves_only_the_job_file(ringebu, as_kari, var_dir, tmp_path):
    upload(as_kari, write_ledger(tmp_path / "h.csv", [with_amount("1,00", Ansvar="9999")]))
    assert [Path(p).parent.name for p in files(var_dir)] == ["jobs"]


def test_an_upload_waiting_for_its_mapping_is_kept_until_it_is_mapped(
        ringebu, as_kari, var_dir, tmp_path):
    path = write_ledger(tmp_path / "egen.csv", [["2100", "202", "1200", "5", "7,00"]],
                        header=["K1", "K2", "K3", "K4", "K5"])
    response = upload(as_kari, path)
    assert len(files(var_dir / "ledger" / "uploads")) == 1
    mapping_url = as_kari.get(response["Location"], follow=True).redirect_chain[-1][0]
    as_kari.post(mapping_url, {"name": "Vår eksport", "responsibility": "K1",
                               "function": "K2", "art": "K3", "period": "K4",
                               "amount": "K5"})
    assert files(var_dir / "ledger" / "uploads") == []


def test_old_job_files_and_forgotten_uploads_expire_when_the_next_job_starts(
        ringebu, as_kari, var_dir, tmp_path):
    jobs, uploads = var_dir / "ledger" / "jobs", var_dir / "ledger" / "uploads"
    old_job = aged(jobs / ("0" * 32 + ".json"), import_jobs.JOB_DAYS * DAY + 60)
    recent_job = aged(jobs / ("1" * 32 + ".json"), import_jobs.JOB_DAYS * DAY - 3600)
    forgotten = aged(uploads / "forgotten.csv", DAY + 60)
    waiting = aged(uploads / "waiting.csv", 3600)
    upload(as_kari, write_ledger(tmp_path / "h.csv", LINES))
    assert not old_job.exists() and not forgotten.exists()
    assert recent_job.exists() and waiting.exists()


def test_the_mapping_page_of_an_expired_upload_is_gone(ringebu, as_kari, var_dir, tmp_path):
    path = write_ledger(tmp_path / "egen.csv", [["2100", "202", "1200", "5", "7,00"]],
                        header=["K1", "K2", "K3", "K4", "K5"])
    response = upload(as_kari, path)
    aged(next((var_dir / "ledger" / "uploads").iterdir()), DAY + 60)
    import_jobs.sweep()
    assert as_kari.get(response["Location"] + "kolonner/").status_code == 404


def test_raw_lines_of_an_import_replaced_in_every_period_are_removed(ringebu, var_dir,
                                                                    tmp_path):
    first = import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES)).ledger_import
    second = import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv", [
        *LINES, with_amount("1,00")])).ledger_import
    first.refresh_from_db()
    assert first.raw_lines == ""
    assert [p.name for p in (var_dir / second.raw_lines).parent.iterdir()] == [
        f"{second.pk}.csv"]


def test_raw_lines_still_in_force_for_some_period_are_kept(ringebu, var_dir, tmp_path):
    first = import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", LINES)).ledger_import
    import_ledger(ringebu, 2025, write_ledger(tmp_path / "b.csv", [with_amount("1,00")]))
    first.refresh_from_db()
    assert first.raw_lines and (var_dir / first.raw_lines).exists()


def test_a_mapping_sent_just_as_its_upload_expires_still_imports(ringebu, as_kari, var_dir,
                                                                 tmp_path):
    path = write_ledger(tmp_path / "egen.csv", [["2100", "202", "1200", "5", "7,00"]],
                        header=["K1", "K2", "K3", "K4", "K5"])
    response = upload(as_kari, path)
    aged(next((var_dir / "ledger" / "uploads").iterdir()), DAY + 60)  # not swept yet
    mapping_url = as_kari.get(response["Location"], follow=True).redirect_chain[-1][0]
    as_kari.post(mapping_url, {"name": "Vår eksport", "responsibility": "K1",
                               "function": "K2", "art": "K3", "period": "K4",
                               "amount": "K5"})
    assert LedgerImport.objects.filter(municipality=ringebu).exists()


def test_an_import_whose_lines_cannot_be_indexed_still_stands_and_says_done(
        ringebu, as_kari, var_dir, tmp_path, monkeypatch):
    def broken(ledger_import):
        raise OSError("disk full")

    monkeypatch.setattr(import_jobs, "index_raw_lines", broken)
    with pytest.raises(OSError):
        upload(as_kari, write_ledger(tmp_path / "h.csv", LINES))
    imported = LedgerImport.objects.get(municipality=ringebu)
    assert imported.raw_lines.endswith(".csv") and (var_dir / imported.raw_lines).exists()
    job = next((var_dir / "ledger" / "jobs").glob("*.json"))
    assert '"state": "done"' in job.read_text(encoding="utf-8")
    assert list((var_dir / "ledger" / "uploads").glob("*")) == []
