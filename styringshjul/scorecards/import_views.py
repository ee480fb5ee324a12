"""Results for an indicator from a file (e.g. sick leave per unit from payroll), for
leadership and finance: upload, check, store — or see every problem and store nothing."""

import tempfile
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view
from styringshjul.scorecards.imported_source import (
    COLUMNS,
    IndicatorImport,
    import_indicator_results,
    importable_indicators,
)
from styringshjul.scorecards.models import Period
from styringshjul.scorecards.services import describe_owner

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ResultImportForm(forms.Form):
    indicator = forms.TypedChoiceField(label=gettext_lazy("Indicator"), coerce=int)
    period = forms.ChoiceField(label=gettext_lazy("Period"), choices=Period.choices)
    file = forms.FileField(
        label=gettext_lazy("File (CSV or Excel)"),
        help_text=gettext_lazy("One row per unit: the column ansvar (or enhet) and the "
                               "column verdi, e.g. 5,2."),
        widget=forms.ClearableFileInput(attrs={"class": "ds-input",
                                               "accept": ".csv,.txt,.xlsx"}),
    )

    def __init__(self, indicators, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = {indicator.pk: indicator for indicator in indicators}
        self.fields["indicator"].choices = [
            (indicator.pk, f"{indicator} – {describe_owner(indicator.success_factor.scorecard)}")
            for indicator in indicators]

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


@municipality_view("scorecards.set_up_year")
def result_import(request: HttpRequest, municipality: Municipality, year: int
                  ) -> HttpResponse:
    posted = request.method == "POST"
    form = ResultImportForm(importable_indicators(municipality, year),
                            request.POST if posted else None, request.FILES if posted else None)
    result = None
    if posted and form.is_valid():
        data = form.cleaned_data
        result = _import(municipality, year, form.indicators[data["indicator"]],
                         data["period"], data["file"], dry_run="dry_run" in request.POST,
                         user=request.user)
    return render(request, "scorecards/import_results.html", {
        "form": form, "result": result, "year": year,
        "columns": [(names[0], names[1:]) for names in COLUMNS.values()],
        "breadcrumbs": crumbs(municipality, (_("Scorecards"),
                                             reverse("scorecards", args=[municipality.number]))),
    })


def _import(municipality: Municipality, year: int, indicator, period: str,
            upload: UploadedFile, *, dry_run: bool, user) -> IndicatorImport:
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()[:6]) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        return import_indicator_results(municipality, year, indicator, period,
                                        Path(handle.name), filename=upload.name,
                                        dry_run=dry_run, user=user)
