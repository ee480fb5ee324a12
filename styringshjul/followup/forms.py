import re
from datetime import date
from decimal import Decimal

from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.queries import followed_up_version, versions_for_year
from styringshjul.followup.models import Forecast
from styringshjul.followup.queries import Grouping
from styringshjul.ledger.models import AccountClass, Actual
from styringshjul.lib.money import format_kroner
from styringshjul.org.models import Municipality

GROUPING_LABELS = {
    Grouping.SERVICE_AREA: _("Service area"),
    Grouping.UNIT: _("Unit"),
    Grouping.RESPONSIBILITY: _("Responsibility code (ansvar)"),
    Grouping.FUNCTION: _("Function (funksjon)"),
    Grouping.ART_GROUP: _("Art group"),
    Grouping.ART: _("Art"),
    Grouping.PROJECT: _("Project (objekt)"),
}


def period_choices() -> list[tuple[int, str]]:
    return [(p, str(p)) for p in range(1, 13)] + [(13, _("13 (closing entries)"))]


class ReportChoiceForm(forms.Form):
    """Which report: year, period, budget version, grouping and operating or capital."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    period = forms.TypedChoiceField(label=_("Through period"), coerce=int, choices=period_choices)
    version = forms.TypedChoiceField(label=_("Budget version"), coerce=int, required=False)
    by = forms.ChoiceField(label=_("Grouped by"), choices=list(GROUPING_LABELS.items()))
    account_class = forms.ChoiceField(label=_("Accounts"), choices=AccountClass.choices)

    def __init__(self, data, municipality: Municipality, groupings=None,
                 default_by: str = Grouping.SERVICE_AREA):
        self.municipality = municipality
        data = data.copy() if data else {}
        year = _int(data.get("year")) or default_year(municipality)
        defaults = {
            "year": year,
            "period": latest_period(municipality, year),
            "by": default_by,
            "account_class": AccountClass.OPERATING,
        }
        for name, value in defaults.items():
            if not data.get(name):
                data[name] = value
        super().__init__(data)
        self.fields["year"].choices = [(y, str(y)) for y in report_years(municipality, year)]
        self.versions = versions_for_year(municipality, year)
        self.fields["version"].choices = [("", _("Adopted budget (newest)"))] + [
            (v.pk, v.name) for v in self.versions
        ]
        if groupings is not None:
            self.fields["by"].choices = [(g, GROUPING_LABELS[g]) for g in groupings]

    def chosen_version(self) -> BudgetVersion | None:
        pk = self.cleaned_data.get("version")
        chosen = next((v for v in self.versions if v.pk == pk), None)
        return chosen or followed_up_version(self.municipality, self.cleaned_data["year"])


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def default_year(municipality: Municipality) -> int:
    years = BudgetVersion.objects.for_municipality(municipality).aggregate(last=Max("first_year"))
    return years["last"] or date.today().year


def report_years(municipality: Municipality, chosen: int) -> list[int]:
    first_years = set(
        BudgetVersion.objects.for_municipality(municipality).values_list("first_year", flat=True)
    )
    return sorted(first_years | {chosen, date.today().year}, reverse=True)


def latest_period(municipality: Municipality, year: int) -> int:
    booked = Actual.objects.for_municipality(municipality).filter(year=year).aggregate(
        last=Max("period"))
    return min(booked["last"] or 12, 13)


AMOUNT = re.compile(r"^(-|−)?\d{1,13}([.,]\d{1,2})?$")


class ForecastForm(forms.ModelForm):
    amount = forms.CharField(
        label=_("Forecast for the year"),
        help_text=_("The unit's expected net result for the whole year, in kroner "
                    "(expenses positive, income negative), e.g. 1 250 000."),
    )
    as_of_period = forms.TypedChoiceField(label=_("As of period"), coerce=int,
                                          choices=period_choices)

    class Meta:
        model = Forecast
        fields = ["amount", "as_of_period", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["amount"] = format_kroner(self.instance.amount, decimals=2).replace(
                ",00", "")
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")
        self.fields["amount"].widget.attrs["inputmode"] = "decimal"

    def clean_amount(self) -> Decimal:
        text = re.sub(r"[\s\xa0]", "", self.cleaned_data["amount"])
        if not AMOUNT.match(text):
            raise forms.ValidationError(
                _("Write the amount in kroner, e.g. 1 250 000 or −50 000,50."))
        return Decimal(text.replace("−", "-").replace(",", ".")).quantize(Decimal("0.01"))
