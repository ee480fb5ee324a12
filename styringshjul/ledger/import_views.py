"""General-ledger import for finance: upload, progress, result, column mapping.

The import runs in a background thread (`import_jobs`); the progress page polls with htmx
every second and has a plain link to refresh without JavaScript.
"""

import uuid
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.ledger import import_jobs
from styringshjul.ledger.import_forms import ColumnMappingForm, LedgerUploadForm
from styringshjul.ledger.import_summary import STAGES, encoding_label, ledger_summary
from styringshjul.ledger.models import LedgerImport
from styringshjul.ledger.profiles import save_profile
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.issue_downloads import issues_response
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

PERMISSION = "ledger.import_ledger"


def _import_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Import general ledger"), reverse("ledger_import", args=[municipality.number])


@municipality_view(PERMISSION)
def upload(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    posted = request.method == "POST"
    form = LedgerUploadForm(municipality, request.POST if posted else None,
                            request.FILES if posted else None)
    if posted and form.is_valid():
        data = form.cleaned_data
        job_id = import_jobs.create(
            municipality, data["year"], _save_upload(data["file"]), data["file"].name,
            profile=data["profile"], dry_run="dry_run" in request.POST)
        import_jobs.start(municipality, job_id, request.user)
        return redirect("ledger_import_job", municipality.number, job_id)
    year = _year(request, form)
    imports = LedgerImport.objects.for_municipality(municipality).select_related("imported_by")
    return render(request, "ledger/import_upload.html", {
        "form": form, "year": year,
        "years": sorted(set(imports.values_list("year", flat=True)) | {year}, reverse=True),
        "imports": imports.filter(year=year),
        "breadcrumbs": crumbs(municipality),
    })


@municipality_view(PERMISSION)
def job(request: HttpRequest, municipality: Municipality, job_id: uuid.UUID) -> HttpResponse:
    state = _job(municipality, job_id)
    url = reverse("ledger_import_job", args=[municipality.number, job_id])
    if state["state"] == "running":
        context = {"url": url, "percent": int(state["fraction"] * 100),
                   "stage": STAGES.get(state["stage"], ""), "state": state,
                   "breadcrumbs": crumbs(municipality, _import_crumb(municipality))}
        if request.headers.get("HX-Request"):
            return render(request, "ledger/_import_progress.html", context)
        return render(request, "ledger/import_progress.html", context)
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    if state["state"] == "done" and state["result"]["needs_mapping"]:
        return redirect("ledger_import_mapping", municipality.number, job_id)
    result = import_jobs.from_json(state["result"]) if state["state"] == "done" else None
    return render(request, "ledger/import_result.html", {
        "state": state, "result": result, "year": state["year"],
        "summary": ledger_summary(result) if result else [],
        "encoding": encoding_label(result.encoding) if result else "",
        "issues": result.issues if result else [],
        "download_url": reverse("ledger_import_issues", args=[municipality.number, job_id]),
        "breadcrumbs": crumbs(municipality, _import_crumb(municipality)),
    })


@municipality_view(PERMISSION)
def mapping(request: HttpRequest, municipality: Municipality, job_id: uuid.UUID
            ) -> HttpResponse:
    state = _job(municipality, job_id)
    if (state["state"] != "done" or not state["result"]["needs_mapping"]
            or not Path(state["upload"]).exists()):  # mapped already, or expired
        raise Http404
    header = state["result"]["header"]
    form = ColumnMappingForm(header, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        save_profile(municipality, form.cleaned_data["name"], form.mapping())
        new_job = import_jobs.create(
            municipality, state["year"], Path(state["upload"]), state["file_name"],
            profile=form.cleaned_data["name"], mapping=form.mapping(),
            dry_run=state["dry_run"])
        import_jobs.start(municipality, new_job, request.user)
        return redirect("ledger_import_job", municipality.number, new_job)
    return render(request, "ledger/import_mapping.html", {
        "form": form, "header": header, "file_name": state["file_name"],
        "breadcrumbs": crumbs(municipality, _import_crumb(municipality)),
    })


@municipality_view(PERMISSION)
def issues_download(request: HttpRequest, municipality: Municipality, job_id: uuid.UUID
                    ) -> HttpResponse:
    state = _job(municipality, job_id)
    if state["state"] != "done":
        raise Http404
    return issues_response(import_jobs.from_json(state["result"]).issues,
                           _("ledger-issues") + f"-{municipality.number}-{state['year']}.csv")


def _job(municipality: Municipality, job_id: uuid.UUID) -> dict:
    state = import_jobs.load(municipality, str(job_id))
    if state is None:
        raise Http404
    return state


def _year(request: HttpRequest, form: LedgerUploadForm) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return form.fields["year"].initial


def _save_upload(upload: UploadedFile) -> Path:
    folder = import_jobs.uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()[:6]}"
    with target.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return target
