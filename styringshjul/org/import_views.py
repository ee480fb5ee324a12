"""Import of the organisation tree from a file, for finance.

Stateless: the result page carries its issues in one signed field, so "download as CSV"
needs neither a stored file nor a session.
"""

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from styringshjul.lib.issues import Issue
from styringshjul.org import services
from styringshjul.org.breadcrumbs import crumbs, organisation_crumb
from styringshjul.org.forms import OrganisationImportForm
from styringshjul.org.importers import COLUMNS, REQUIRED
from styringshjul.org.issue_downloads import sign_issues, signed_issues_response
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

ISSUES_SALT = "styringshjul.org.organisation_import.issues"


@municipality_view("org.change_organisation")
def organisation_import(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    if request.method == "POST" and "issues" in request.POST:
        return _issues_download(request.POST["issues"], municipality)
    posted = request.method == "POST"
    form = OrganisationImportForm(request.POST if posted else None,
                                  request.FILES if posted else None)
    result = None
    if posted and form.is_valid():
        result = _import(form.cleaned_data["file"], municipality,
                         dry_run="dry_run" in request.POST)
    return render(request, "org/organisation_import.html", {
        "form": form,
        "result": result,
        "signed_issues": _sign(result.issues, municipality) if result and result.issues else "",
        "columns": [(names[0], key in REQUIRED, names[1:]) for key, names in COLUMNS.items()],
        "breadcrumbs": crumbs(municipality, organisation_crumb(municipality)),
    })


def _import(upload: UploadedFile, municipality: Municipality, *, dry_run: bool
            ) -> services.OrganisationImport:
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        return services.import_organisation(
            municipality, Path(handle.name), filename=upload.name, dry_run=dry_run)


def _sign(issues: list[Issue], municipality: Municipality) -> str:
    return sign_issues(issues, ISSUES_SALT, municipality)


def _issues_download(signed: str, municipality: Municipality) -> HttpResponse:
    return signed_issues_response(signed, ISSUES_SALT, municipality,
                                  _("organisation-issues") + f"-{municipality.number}.csv")
