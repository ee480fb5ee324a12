"""The plan's settings: the balances it starts from, the growth rates per year and the
demographic drivers the baseline works from."""

import re

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import DemographicDriver, EconomicPlan, PlanYear
from styringshjul.org.locking import LockedModelForm
from styringshjul.org.models import ServiceArea


class TypedDecimalField(forms.DecimalField):
    """A number as people type it: 812 000 000, 4,2 or −2,25."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s\xa0]", "", value).replace("−", "-")
        return super().to_python(value)


def _style(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.DecimalField):
            field.widget.attrs.update({"inputmode": "decimal", "class": "ds-input amount"})
        else:
            field.widget.attrs.setdefault("class", "ds-input")


class PlanForm(LockedModelForm):
    """The loan debt and the unrestricted reserve at the start of the plan's first year."""

    class Meta:
        model = EconomicPlan
        fields = ["opening_loan_debt", "opening_reserve"]
        localized_fields = fields
        field_classes = dict.fromkeys(fields, TypedDecimalField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class PlanYearForm(forms.ModelForm):
    class Meta:
        model = PlanYear
        fields = ["wage_growth", "price_growth"]
        localized_fields = fields
        field_classes = dict.fromkeys(fields, TypedDecimalField)
        help_texts = {
            "wage_growth": _("On wage arter 010–099, pension and employer's tax included."),
            "price_growth": _("On goods and services, arter 100–380. 0: fixed prices."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


PlanYearFormSet = modelformset_factory(PlanYear, form=PlanYearForm, extra=0)


class DriverForm(forms.ModelForm):
    """A change in demand for one service area in one year of the plan."""

    class Meta:
        model = DemographicDriver
        fields = ["service_area", "year", "driver", "change_pct"]
        localized_fields = ["change_pct"]
        field_classes = {"change_pct": TypedDecimalField}
        help_texts = {
            "driver": _("What changes, e.g. «inhabitants aged 80 and over»."),
            "change_pct": _("The area's expenses (arter 010–480, functions 100–799) change "
                            "by this share in the baseline; negative for a decline."),
        }

    def __init__(self, *args, plan: EconomicPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.for_municipality(
            plan.municipality)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("year"), coerce=int, choices=[(y, y) for y in plan.year_range],
            initial=plan.first_year)
        self.instance.plan = plan
        _style(self)
