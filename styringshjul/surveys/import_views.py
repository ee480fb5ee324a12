"""Importing a year's survey results from a file, for finance and leadership: upload,
check, store — or see every problem and store nothing.

The result page tells what was read (counts, years, problems) and never a result value:
the person importing may not see a group below the threshold either. Issues travel in one
signed field, so "download as CSV" needs neither a stored file nor a session.
"""

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from styringshjul.lib.issues import Issue
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.issue_downloads import sign_issues, signed_issues_response
from styringshjul.org.models import Municipality, OrgUnit
from styringshjul.org.tenancy import municipality_view
from styringshjul.surveys import importers
from styringshjul.surveys.forms import SurveyImportForm
from styringshjul.surveys.survey_files import Target
from styringshjul.surveys.survey_views import CHANGE, surveys_crumb

ISSUES_SALT = "styringshjul.surveys.import.issues"


@municipality_view(CHANGE)
def survey_import(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    if request.method == "POST" and "issues" in request.POST:
        return _issues_download(request.POST["issues"], municipality)
    posted = request.method == "POST"
    initial = {"survey": request.GET.get("undersokelse", "")}
    form = SurveyImportForm(request.POST if posted else None, request.FILES if posted else None,
                            municipality=municipality, initial=initial)
    result = None
    if posted and form.is_valid():
        result = _import(form, municipality, request.user, dry_run="dry_run" in request.POST)
    unknown = result.unknown_names if result else []
    return render(request, "surveys/import.html", {
        "form": form, "result": result,
        "signed_issues": _sign(result.issues, municipality) if result and result.issues else "",
        "aliases_url": reverse("survey_aliases", args=[municipality.number])
        + ("?" + urlencode({"navn": unknown}, doseq=True) if unknown else ""),
        "breadcrumbs": crumbs(municipality, surveys_crumb(municipality)),
        "title": _("Import survey results"),
    })


def _import(form: SurveyImportForm, municipality: Municipality, user, *, dry_run: bool
            ) -> importers.SurveyImport:
    """Import the upload; a survey made for it is kept only when the import stores."""
    data = form.cleaned_data
    upload: UploadedFile = data["file"]
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()[:6]) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        with transaction.atomic():
            survey = form.chosen_survey()
            created = survey is None
            if created:
                survey = importers.create_survey(municipality, data["new_name"],
                                                 data["new_kind"])
            result = importers.import_survey(
                survey, Path(handle.name), year=data.get("year"),
                place=_place(form), filename=upload.name, user=user, dry_run=dry_run)
            if created and (result.rejected or dry_run):
                transaction.set_rollback(True)
    return result


def _place(form: SurveyImportForm) -> Target | None:
    """The chosen place as the importer takes it, as chosen (not by a name that a unit and
    a service area might share)."""
    place = form.chosen_place()
    if place is None:
        return None
    if place == "municipality":
        return Target()
    return Target(unit=place) if isinstance(place, OrgUnit) else Target(service_area=place)


def _sign(issues: list[Issue], municipality: Municipality) -> str:
    return sign_issues(issues, ISSUES_SALT, municipality)


def _issues_download(signed: str, municipality: Municipality) -> HttpResponse:
    return signed_issues_response(signed, ISSUES_SALT, municipality,
                                  _("survey-issues") + f"-{municipality.number}.csv")
