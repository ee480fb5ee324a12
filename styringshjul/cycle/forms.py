from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import BudgetVersion
from styringshjul.cycle.models import Activity, AnnualCycle, Body, CalendarFeed, Meeting
from styringshjul.cycle.templates_data import all_templates

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "ds-input"})


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["title", "description", "start", "end", "date_uncertain", "responsible",
                  "phase", "kind", "status", "meeting", "budget_version", "depends_on", "key",
                  "notes"]
        widgets = {"start": DATE, "end": DATE,
                   "depends_on": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Body.objects.for_municipality(municipality)
        self.fields["meeting"].queryset = Meeting.objects.for_municipality(
            municipality).filter(date__year=self.instance.cycle.year).select_related("body")
        self.fields["budget_version"].queryset = BudgetVersion.objects.for_municipality(
            municipality)
        self.fields["depends_on"].queryset = Activity.objects.for_municipality(
            municipality).filter(cycle=self.instance.cycle).exclude(pk=self.instance.pk)
        for name, field in self.fields.items():
            if name not in ("date_uncertain", "depends_on"):
                field.widget.attrs.setdefault("class", "ds-input")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date is before the date."))
        return data


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "note"]
        widgets = {"date": DATE}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.for_municipality(municipality).filter(
            kind=Body.Kind.POLITICAL)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")


class TemplateForm(forms.Form):
    template = forms.ChoiceField(
        label=_("Template"), widget=forms.Select(attrs={"class": "ds-input"}),
        choices=lambda: [(slug, t.name) for slug, t in all_templates().items()],
    )


class FeedForm(forms.ModelForm):
    class Meta:
        model = CalendarFeed
        fields = ["body"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.for_municipality(municipality)
        self.fields["body"].widget.attrs["class"] = "ds-input"


class CycleForm(forms.ModelForm):
    class Meta:
        model = AnnualCycle
        fields = ["published", "evaluation"]
        widgets = {"evaluation": forms.Textarea(attrs={"class": "ds-input", "rows": 8})}
