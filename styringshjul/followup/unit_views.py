"""A unit's follow-up page with its chart and forecast, and the forecasts of all units."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from styringshjul.followup.chart import cumulative_points, geometry
from styringshjul.followup.forms import ForecastForm, ReportChoiceForm
from styringshjul.followup.models import Forecast
from styringshjul.followup.queries import Grouping, scope_filter, variance
from styringshjul.followup.views import followup_crumb, report_params
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.history import recent_changes
from styringshjul.org.models import Municipality, OrgUnit
from styringshjul.org.tenancy import municipality_view

UNIT_GROUPINGS = [Grouping.RESPONSIBILITY, Grouping.FUNCTION, Grouping.ART_GROUP, Grouping.ART,
                  Grouping.PROJECT]


@municipality_view()
def unit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    org_unit = get_object_or_404(
        OrgUnit.objects.for_municipality(municipality).select_related("service_area"), pk=pk)
    form = ReportChoiceForm(request.GET, municipality, groupings=UNIT_GROUPINGS,
                            default_by=Grouping.RESPONSIBILITY)
    context = {"unit": org_unit, "form": form,
               "can_forecast": request.user.has_perm("followup.change_forecast", org_unit),
               "breadcrumbs": crumbs(municipality, followup_crumb(municipality))}
    if form.is_valid():
        data = form.cleaned_data
        version = form.chosen_version()
        scope = scope_filter(municipality, Grouping.UNIT, str(org_unit.pk))
        report = variance(municipality, data["year"], data["period"], Grouping(data["by"]),
                          version, data["account_class"], scope)
        forecast = Forecast.objects.for_municipality(municipality).filter(
            unit=org_unit, year=data["year"]).first()
        context.update({"report": report, "forecast": forecast,
                        "forecast_url": _forecast_url(municipality, org_unit, form)})
        if report is not None:
            lines = reverse("followup_lines", args=[municipality.number])
            for row in report.rows:
                row.link = f"{lines}?" + urlencode(report_params(
                    form, key=row.key, within=f"{Grouping.UNIT}:{org_unit.pk}"))
            context["chart"] = geometry(cumulative_points(
                municipality, report.version, data["year"], data["period"],
                data["account_class"], scope))
        if forecast is not None:
            context["changes"] = recent_changes(forecast.history.all())
    return render(request, "followup/unit.html", context)


def _forecast_url(municipality, org_unit, form) -> str:
    url = reverse("forecast_edit", args=[municipality.number, org_unit.pk])
    return f"{url}?{urlencode(report_params(form))}"


@municipality_view()
def forecast_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    org_unit = get_object_or_404(OrgUnit.objects.for_municipality(municipality), pk=pk)
    if not request.user.has_perm("followup.change_forecast", org_unit):
        raise PermissionDenied
    choice = ReportChoiceForm(request.GET, municipality)
    if not choice.is_valid():
        raise Http404
    year = choice.cleaned_data["year"]
    forecast = Forecast.objects.for_municipality(municipality).filter(
        unit=org_unit, year=year).first() or Forecast(
        municipality=municipality, unit=org_unit, year=year,
        as_of_period=choice.cleaned_data["period"])
    form = ForecastForm(request.POST or None, instance=forecast)
    back = (f"{reverse('followup_unit', args=[municipality.number, org_unit.pk])}?"
            f"{urlencode(report_params(choice, by=Grouping.RESPONSIBILITY))}")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The forecast was saved."))
        return redirect(back)
    return render(request, "followup/forecast_form.html", {
        "form": form, "unit": org_unit, "year": year, "cancel_url": back,
        "title": _("Forecast %(year)d for %(unit)s") % {"year": year, "unit": org_unit},
        "breadcrumbs": crumbs(municipality, followup_crumb(municipality),
                              (str(org_unit), back)),
    })


@municipality_view()
def forecasts(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """Every unit's forecast against its annual budget, and the municipality's total."""
    form = ReportChoiceForm(request.GET, municipality, groupings=[Grouping.UNIT],
                            default_by=Grouping.UNIT)
    del form.fields["by"]
    context = {"form": form, "breadcrumbs": crumbs(municipality, followup_crumb(municipality))}
    if form.is_valid():
        data = form.cleaned_data
        report = variance(municipality, data["year"], data["period"], Grouping.UNIT,
                          form.chosen_version(), data["account_class"])
        by_unit = {
            str(f.unit_id): f for f in Forecast.objects.for_municipality(municipality)
            .filter(year=data["year"]).select_related("unit")
        }
        rows = []
        for row in report.rows if report else []:
            forecast = by_unit.get(row.key)
            deviation = row.annual_budget - forecast.amount if forecast else None
            rows.append({"row": row, "forecast": forecast, "deviation": deviation})
        context.update({"report": report, "rows": rows,
                        "missing": sum(1 for r in rows if r["forecast"] is None),
                        "total_deviation": _total_deviation(report)})
    return render(request, "followup/forecasts.html", context)


def _total_deviation(report):
    if report is None or report.total.forecast is None:
        return None
    return report.total.annual_budget - report.total.forecast
