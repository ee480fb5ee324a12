from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import BudgetVersion
from styringshjul.cycle.lead_times import DEFAULT_LEAD_DAYS, MAX_LEAD_DAYS
from styringshjul.cycle.models import Activity, AnnualCycle, Body, CalendarFeed, Meeting, Phase
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
        self.fields["phase"].queryset = Phase.objects.for_municipality(municipality)
        self.fields["phase"].required = True
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


class LeadDaysForm(forms.Form):
    """One number per activity kind: how many days before the due date reminders start."""

    def __init__(self, *args, lead_days: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in Activity.Kind.choices:
            self.fields[kind] = forms.IntegerField(
                label=label, min_value=0, max_value=MAX_LEAD_DAYS, initial=lead_days[kind],
                help_text=_("Days before the due date. Default: %(days)s.")
                % {"days": DEFAULT_LEAD_DAYS[kind]},
                widget=forms.NumberInput(attrs={"class": "ds-input", "inputmode": "numeric"}),
            )


MAX_PHASES = 8  # lanes that fit inside the tertial ring of the wheel


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["name", "colour", "order"]
        widgets = {"colour": forms.TextInput(attrs={"list": "phase-palette",
                                                    "autocomplete": "off"})}
        help_texts = {
            "name": "",
            "colour": _("A light colour as #rrggbb, e.g. one of the suggested ones; the name "
                        "is written on it in dark text."),
            "order": _("Phases are drawn from the outside in, and listed, in this order."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["order"].required = False
        if self.instance.pk and not self.instance.name:
            self.initial["name"] = self.instance.label
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        # A default phase whose name is untouched keeps following the language.
        if self.instance.key and self.instance.label == name and not self.instance.name:
            return ""
        return name

    def clean_colour(self) -> str:
        return self.cleaned_data["colour"].lower()

    def clean_order(self) -> int:
        order = self.cleaned_data["order"]
        return MAX_PHASES if order is None else order


class BasePhaseFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, municipality, **kwargs):
        self.municipality = municipality
        super().__init__(*args, queryset=Phase.objects.for_municipality(municipality),
                         **kwargs)

    def clean(self) -> None:
        super().clean()
        kept, names, in_use = 0, set(), []
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self._should_delete_form(form):
                # A form marked for deletion is not validated, so the error is the set's.
                if form.instance.pk and form.instance.activities.exists():
                    in_use.append(forms.ValidationError(
                        _("%(phase)s has activities; move them to another phase before "
                          "deleting it."), params={"phase": form.instance.label}))
                continue
            kept += 1
            name = (form.cleaned_data.get("name") or form.instance.label).casefold()
            if name in names:
                form.add_error("name", _("Another phase has this name."))
            names.add(name)
        if not kept:
            in_use.append(forms.ValidationError(_("The cycle needs at least one phase.")))
        if in_use:
            raise forms.ValidationError(in_use)

    def save_new(self, form, commit=True):
        form.instance.municipality = self.municipality
        return super().save_new(form, commit=commit)


PhaseFormSet = forms.modelformset_factory(
    Phase, form=PhaseForm, formset=BasePhaseFormSet, extra=1, can_delete=True,
    max_num=MAX_PHASES, validate_max=True, absolute_max=MAX_PHASES,
)
