"""Versions side by side: up to five versions chosen with checkboxes, one year, one grouping.
A GET form, so a comparison is a link that can be shared and bookmarked."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styringshjul.budget.comparison import (
    ART_GROUP,
    MAX_VERSIONS,
    MEASURE,
    SERVICE_AREA,
    compare_versions,
)
from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.version_views import budget_crumb
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

GROUPING_CHOICES = [
    (SERVICE_AREA, gettext_lazy("Service area")),
    (ART_GROUP, gettext_lazy("Art group")),
    (MEASURE, gettext_lazy("Measure")),
]


class CompareForm(forms.Form):
    v = forms.MultipleChoiceField(
        label=gettext_lazy("Versions"), widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Two to five; differences are against the first chosen in "
                               "the list."))
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int)
    by = forms.ChoiceField(label=gettext_lazy("Grouped by"), choices=GROUPING_CHOICES,
                           initial=SERVICE_AREA, widget=forms.RadioSelect)

    def __init__(self, data, versions: list[BudgetVersion], initial=None):
        super().__init__(data, initial=initial)
        self.versions = {str(v.pk): v for v in versions}
        self.fields["v"].choices = [(str(v.pk), f"{v.name} ({v.get_state_display()})")
                                    for v in versions]
        years = sorted({year for v in versions for year in v.year_range}, reverse=True)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].widget.attrs["class"] = "ds-input"

    def clean_v(self) -> list[BudgetVersion]:
        chosen = self.cleaned_data["v"]
        if not 2 <= len(chosen) <= MAX_VERSIONS:
            raise forms.ValidationError(
                _("Choose from two to %(max)s versions.") % {"max": MAX_VERSIONS})
        order = self.data.getlist("v")
        return [self.versions[pk] for pk in sorted(chosen, key=order.index)]


@municipality_view()
def compare(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    versions = [v for v in BudgetVersion.objects.for_municipality(municipality)
                .select_related("municipality", "party")
                if request.user.has_perm("budget.view_version", v)]
    # A link with only ?v=… (from a version's page) preselects it; the form sends the year.
    chosen = request.GET.getlist("v")
    initial = {"v": chosen, "year": next(
        (v.first_year for v in versions if str(v.pk) in chosen), None)}
    form = CompareForm(request.GET if "year" in request.GET else None, versions, initial)
    context = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        comparison = compare_versions(data["v"], data["year"], data["by"])
        context = {"comparison": comparison, "columns": 2 * len(comparison.versions),
                   "grouping": dict(GROUPING_CHOICES)[data["by"]],
                   "versions_covered": zip(comparison.versions, comparison.covered,
                                           strict=True)}
    return render(request, "budget/compare.html", {
        "form": form, **context,
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality)),
    })
