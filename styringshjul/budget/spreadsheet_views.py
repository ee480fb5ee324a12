"""Excel round-trip: a unit leader downloads the template for their units, fills it in and
uploads it; finance exports any version. The issues of the last upload are kept in the
session so they can be downloaded as CSV."""

from dataclasses import asdict

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.spreadsheet_upload import upload_template
from styringshjul.budget.spreadsheets import (
    XLSX_TYPE,
    export_workbook,
    led_units,
    may_choose_any_unit,
    template_scope,
    template_workbook,
    upload_scope,
)
from styringshjul.budget.version_views import budget_crumb, version_crumb
from styringshjul.lib.issues import Issue, Severity
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.issue_downloads import issues_response
from styringshjul.org.models import Municipality, OrgUnit
from styringshjul.org.tenancy import municipality_view

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UnitChoiceForm(forms.Form):
    unit = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Units"), queryset=OrgUnit.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None chosen: the whole municipality."))

    def __init__(self, municipality: Municipality, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.for_municipality(municipality)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Filled-in template (XLSX)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx",
                                                                  "class": "ds-input"}))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return file


def _version(request: HttpRequest, municipality: Municipality, pk: int, permission: str
             ) -> BudgetVersion:
    version = get_object_or_404(
        BudgetVersion.objects.for_municipality(municipality).select_related("municipality"),
        pk=pk)
    if not request.user.has_perm("budget.view_version", version):
        raise Http404
    if not request.user.has_perm(permission, version):
        raise PermissionDenied
    return version


def may_upload(user, version: BudgetVersion) -> bool:
    """Never into a decided version; finance and leadership where they may edit the
    version (not a party's alternative); a unit leader while the version is prepared."""
    if version.is_frozen:
        return False
    if may_choose_any_unit(user, version.municipality):
        return user.has_perm("budget.change_version", version)
    return user.has_perm("budget.fill_in_units", version)


@municipality_view()
def spreadsheet(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = _version(request, municipality, pk, "budget.fill_in_units")
    allowed = may_upload(request.user, version)
    form, result, status = UploadForm(), None, 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if not allowed:
            status = 403
        elif form.is_valid():
            result = upload_template(version, form.cleaned_data["file"], user=request.user,
                                     scope=upload_scope(request.user, version))
            request.session[_session_key(version)] = [
                {**asdict(issue), "severity": issue.severity.value} for issue in result.issues]
            form = UploadForm()
    choose_units = may_choose_any_unit(request.user, municipality)
    return render(request, "budget/spreadsheet.html", {
        "version": version, "form": form, "result": result, "may_upload": allowed,
        "unit_form": UnitChoiceForm(municipality) if choose_units else None,
        "own_units": [] if choose_units else led_units(request.user, municipality),
        "issues_url": reverse("budget_spreadsheet_issues", args=[municipality.number, pk]),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality), version_crumb(version)),
    }, status=status)


@municipality_view()
def template(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = _version(request, municipality, pk, "budget.fill_in_units")
    unit_ids = [int(u) for u in request.GET.getlist("unit") if u.isdigit()]
    scope = template_scope(request.user, version, unit_ids)
    names = "-".join(unit.name for unit in scope.units[:3]) or municipality.name
    return _xlsx(template_workbook(version, scope),
                 f"{_('budget-template')}-{slugify(version.name)}-{slugify(names)}.xlsx")


@municipality_view()
def issues_download(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = _version(request, municipality, pk, "budget.fill_in_units")
    stored = request.session.get(_session_key(version))
    if stored is None:
        raise Http404
    issues = [Issue(**{**item, "severity": Severity(item["severity"])}) for item in stored]
    return issues_response(
        issues, f"{_('budget-template-issues')}-{municipality.number}-{version.pk}.csv")


@municipality_view()
def export(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = _version(request, municipality, pk, "budget.view_version")
    return _xlsx(export_workbook(version), f"{slugify(version.name) or version.pk}.xlsx")


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _session_key(version: BudgetVersion) -> str:
    return f"budget_sheet_issues_{version.pk}"
