"""Ledger imports started from the web run in a background thread; their progress and
outcome are small JSON files under VAR_DIR, so any server process can show them.

The upload is removed once its import has run (kept only while it waits for a column
mapping); job files and forgotten uploads expire, swept whenever a new job starts.
"""

import contextlib
import json
import os
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import translation

from styringshjul.ledger.ledger_import import ImportResult, import_ledger
from styringshjul.ledger.ledger_validation import Findings
from styringshjul.ledger.raw_lines import index_raw_lines
from styringshjul.lib.issues import Issue, Severity

JOB_DAYS = 7  # how long the result page and its list of issues can be opened again
UPLOAD_HOURS = 24  # how long an upload waits for its column mapping


def jobs_dir() -> Path:
    return Path(settings.VAR_DIR) / "ledger" / "jobs"


def uploads_dir() -> Path:
    return Path(settings.VAR_DIR) / "ledger" / "uploads"


def sweep() -> None:
    """Remove expired job files, half-written ones, and uploads nobody came back to map."""
    now = time.time()
    for folder, pattern, hours in ((jobs_dir(), "*.json", JOB_DAYS * 24),
                                   (jobs_dir(), "*.tmp", UPLOAD_HOURS),
                                   (uploads_dir(), "*", UPLOAD_HOURS)):
        for path in folder.glob(pattern):
            try:
                if path.is_file() and path.stat().st_mtime < now - hours * 3600:
                    path.unlink(missing_ok=True)
            except OSError:  # gone already: another process swept it
                continue


def _path(job_id: str) -> Path:
    return jobs_dir() / f"{uuid.UUID(job_id).hex}.json"


def _write(job_id: str, state: dict) -> None:
    target = _path(job_id)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(state), encoding="utf-8")
    os.replace(temporary, target)


def load(municipality, job_id: str) -> dict | None:
    """The job's state, if it exists and belongs to `municipality`."""
    try:
        state = json.loads(_path(job_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if state.get("municipality") == municipality.number else None


def create(municipality, year: int, upload: Path, file_name: str, *, profile: str = "",
           mapping: dict | None = None, dry_run: bool = False) -> str:
    job_id = str(uuid.uuid4())
    jobs_dir().mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.utime(upload)  # in use from now: the sweep must not take it, however old
    sweep()
    _write(job_id, {"municipality": municipality.number, "year": year, "upload": str(upload),
                    "file_name": file_name, "profile": profile, "mapping": mapping,
                    "dry_run": dry_run, "state": "running", "stage": "read",
                    "fraction": 0.0})
    return job_id


def start(municipality, job_id: str, user) -> None:
    """Run the job in a thread (replaced by a direct call in tests)."""
    language = translation.get_language()
    threading.Thread(target=run, args=(municipality, job_id, user, language),
                     daemon=True).start()


def run(municipality, job_id: str, user, language: str | None = None) -> None:
    state = load(municipality, job_id)
    if state is None:
        return

    def progress(stage: str, fraction: float) -> None:
        _write(job_id, {**state, "stage": stage, "fraction": round(fraction, 3)})

    needs_mapping = False
    try:
        try:
            with translation.override(language):
                result = import_ledger(
                    municipality, state["year"], Path(state["upload"]),
                    filename=state["file_name"],
                    profile=state["mapping"] or state["profile"], dry_run=state["dry_run"],
                    user=user, progress=progress)
            needs_mapping = result.needs_mapping
            _write(job_id, {**state, "state": "done", "fraction": 1.0,
                            "result": to_json(result)})
        except Exception as error:  # the page must say the import failed, whatever the cause
            _write(job_id, {**state, "state": "failed", "error": error.__class__.__name__})
            raise
        # the import is done and shown; its lines are then made quicker to look up (should
        # that fail, the import stands, and drill-down reads the text it kept)
        index_raw_lines(result.ledger_import)
    finally:
        if not needs_mapping:  # the mapping page imports the same upload again
            Path(state["upload"]).unlink(missing_ok=True)
        if threading.current_thread() is not threading.main_thread():
            connection.close()


def to_json(result: ImportResult) -> dict:
    findings = result.findings
    return {
        "accepted": result.accepted, "unchanged": result.unchanged,
        "dry_run": result.dry_run, "needs_mapping": result.needs_mapping,
        "file_name": result.file_name, "encoding": result.encoding, "profile": result.profile,
        "header": result.header, "line_count": result.line_count, "periods": result.periods,
        "replaced_periods": result.replaced_periods, "total": str(result.total),
        "ledger_import": result.ledger_import.pk if result.ledger_import else None,
        "counts": findings.counts, "error_count": findings.error_count,
        "warning_count": findings.warning_count, "skipped_totals": findings.skipped_totals,
        "file_issues": [_issue(i) for i in result.file_issues],
        "issues": [_issue(i) for i in findings.issues],
    }


def from_json(data: dict) -> ImportResult:
    findings = Findings(
        issues=[Issue(*row[:5], Severity(row[5])) for row in data["issues"]],
        counts=data["counts"], error_count=data["error_count"],
        warning_count=data["warning_count"], skipped_totals=data["skipped_totals"])
    return ImportResult(
        accepted=data["accepted"], unchanged=data["unchanged"], dry_run=data["dry_run"],
        needs_mapping=data["needs_mapping"], findings=findings,
        file_issues=[Issue(*row[:5], Severity(row[5])) for row in data["file_issues"]],
        file_name=data["file_name"], encoding=data["encoding"], profile=data["profile"],
        header=data["header"], line_count=data["line_count"], periods=data["periods"],
        replaced_periods=data["replaced_periods"], total=Decimal(data["total"]))


def _issue(issue: Issue) -> list:
    return [issue.code, issue.message, issue.row, issue.column, issue.value,
            issue.severity.value]
