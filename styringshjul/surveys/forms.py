"""Forms for setting up surveys, importing a year's results and naming units as the files do.

Places are chosen by the same keys the trend page uses: `municipality`, `service_area-3`,
`unit-12`.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from styringshjul.org.forms import DesignsystemetForm
from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.surveys.models import DEFAULT_SCALE, DEFAULT_THRESHOLD, Survey, SurveyKind
from styringshjul.surveys.queries import survey_named
from styringshjul.surveys.signals import results_changed

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
NEW_SURVEY = "new"
STALE_MESSAGE = _("Someone else saved a change to this survey while you were editing. "
                  "Nothing you typed is lost: it is still in the form below. Compare it "
                  "with the current values (reload the page in another tab to see them) "
                  "and save again.")


def place_value(place: OrgUnit | ServiceArea | None) -> str:
    if isinstance(place, OrgUnit):
        return f"unit-{place.pk}"
    if isinstance(place, ServiceArea):
        return f"service_area-{place.pk}"
    return "municipality"


def place_choices(municipality: Municipality) -> list:
    """The whole municipality, then one group (optgroup) per service area: the area
    itself and its units."""
    units = list(OrgUnit.objects.for_municipality(municipality).filter(is_active=True))
    choices: list = [("", _("Choose …")), ("municipality", _("The whole municipality"))]
    for area in ServiceArea.objects.for_municipality(municipality):
        whole = (place_value(area), _("%(area)s, the whole service area") % {"area": area.name})
        choices.append((area.name, [whole, *((place_value(unit), unit.name) for unit in units
                                             if unit.service_area_id == area.pk)]))
    return choices


def chosen_place(municipality: Municipality, value: str) -> OrgUnit | ServiceArea | None:
    """The unit or service area a place value names in this municipality, else None."""
    kind, _dash, pk = value.partition("-")
    model = {"unit": OrgUnit, "service_area": ServiceArea}.get(kind)
    if model is None or not pk.isdigit():
        return None
    return model.objects.for_municipality(municipality).filter(pk=int(pk)).first()


class SurveyForm(DesignsystemetForm):
    """A survey's settings. Empty scale or threshold take the kind's defaults (10-FAKTOR
    1–5 and at least 3 answers; user and citizen surveys 1–6 and 5). The hidden `seen`
    carries the survey's last change, so a save over someone else's change is refused
    and the typed values stay."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Survey
        fields = ["name", "kind", "scale_min", "scale_max", "anonymity_threshold", "service",
                  "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.instance.municipality = municipality
        self.fields["seen"].initial = self._last_change()
        if not self.instance.pk:
            for name in ("scale_min", "scale_max", "anonymity_threshold"):
                self.fields[name].required = False
                self.initial[name] = None  # not the model's defaults: the kind's
            self.fields["anonymity_threshold"].help_text = _(
                "Empty: 3 for the employee survey (10-FAKTOR), 5 for user and citizen "
                "surveys. Results of groups with fewer respondents are never shown.")
            self.fields["scale_max"].help_text = _(
                "Empty scale: 1–5 for the employee survey, 1–6 for the others.")

    def _last_change(self) -> str:
        if not self.instance.pk:
            return ""
        last = self.instance.history.order_by("-history_id").values_list(
            "history_id", flat=True).first()
        return str(last or "")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = survey_named(self.municipality, name)
        if clash is not None and clash.pk != self.instance.pk:
            raise forms.ValidationError(_("There is already a survey with this name."))
        return name

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if kind and not self.instance.pk:
            low, high = DEFAULT_SCALE[SurveyKind(kind)]
            data["scale_min"] = low if data.get("scale_min") is None else data["scale_min"]
            data["scale_max"] = high if data.get("scale_max") is None else data["scale_max"]
            if data.get("anonymity_threshold") is None:
                data["anonymity_threshold"] = DEFAULT_THRESHOLD[SurveyKind(kind)]
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and low >= high:
            self.add_error("scale_max", _("The highest score must be above the lowest."))
        return data

    def save(self, commit: bool = True) -> Survey | None:
        """The saved survey, or None (with a form error) when someone saved in between."""
        with transaction.atomic():
            if self.instance.pk:
                Survey.objects.select_for_update().filter(pk=self.instance.pk).first()
                if self._last_change() != (self.cleaned_data.get("seen") or ""):
                    self.add_error(None, STALE_MESSAGE)
                    self.data = self.data.copy()
                    self.data["seen"] = self._last_change()
                    return None
            survey = super().save(commit=commit)
            if "anonymity_threshold" in self.changed_data and survey.pk:
                results_changed.send(Survey, survey=survey)
            return survey


class SurveyImportForm(forms.Form):
    survey = forms.ChoiceField(label=_("Survey"))
    new_name = forms.CharField(label=_("Name of the new survey"), required=False,
                               max_length=200)
    new_kind = forms.ChoiceField(label=_("Kind of the new survey"), required=False,
                                 choices=[("", _("Choose …")), *((kind, capfirst(label))
                                                                 for kind, label
                                                                 in SurveyKind.choices)])
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=2000, max_value=2100,
        help_text=_("Empty when the file has a column with the year."))
    place = forms.ChoiceField(
        label=_("Whose results"), required=False,
        help_text=_("Only for a file with one column per year and no column naming the "
                    "place: whose results the file holds."))
    file = forms.FileField(
        label=_("File (CSV or Excel)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}))

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.surveys = {str(s.pk): s for s in Survey.objects.for_municipality(municipality)}
        self.fields["survey"].choices = [
            *((pk, survey.name) for pk, survey in self.surveys.items()),
            (NEW_SURVEY, _("A new survey (name and kind below)"))]
        self.fields["place"].choices = [("", _("The file names the places")),
                                        *place_choices(municipality)[1:]]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if data.get("survey") != NEW_SURVEY:
            return data
        name = (data.get("new_name") or "").strip()
        if not name:
            self.add_error("new_name", _("Name the new survey."))
        elif survey_named(self.municipality, name) is not None:
            self.add_error("new_name", _("There is already a survey with this name; "
                                         "choose it above."))
        if not data.get("new_kind"):
            self.add_error("new_kind", _("Choose the kind of the new survey."))
        data["new_name"] = name
        return data

    def chosen_survey(self) -> Survey | None:
        """The existing survey chosen, or None when a new one is to be made."""
        return self.surveys.get(self.cleaned_data["survey"])

    def chosen_place(self) -> OrgUnit | ServiceArea | str | None:
        value = self.cleaned_data.get("place") or ""
        if value == "municipality":
            return value
        return chosen_place(self.municipality, value) if value else None


class AliasForm(forms.Form):
    """One name as a file writes it and the unit or service area it means."""

    name = forms.CharField(label=_("Name in the file"), max_length=200, required=False)
    target = forms.ChoiceField(label=_("Unit, service area or municipality"), required=False)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["target"].choices = place_choices(municipality)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def clean(self) -> dict:
        data = super().clean()
        name, target = (data.get("name") or "").strip(), data.get("target") or ""
        data["name"] = name
        if target and not name:
            self.add_error("name", _("Write the name as the file has it."))
        if name and not target:
            self.add_error("target", _("Choose the unit or service area the name means."))
        # None stands for the whole municipality, as `importers.save_alias` takes it.
        data["place"] = chosen_place(self.municipality, target) if target else None
        if target not in ("", "municipality") and data["place"] is None:
            self.add_error("target", _("Choose the unit or service area the name means."))
        return data


class BaseAliasFormSet(forms.BaseFormSet):
    def __init__(self, *args, municipality: Municipality, **kwargs):
        self.municipality = municipality
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "municipality": self.municipality}

    @property
    def empty_form(self):
        form = self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"),
                         empty_permitted=True, use_required_attribute=False,
                         municipality=self.municipality)
        self.add_fields(form, None)
        return form

    def filled(self) -> list[tuple[str, OrgUnit | ServiceArea | None]]:
        """(name, unit or service area, None for the whole municipality) of filled rows."""
        return [(form.cleaned_data["name"], form.cleaned_data["place"]) for form in self.forms
                if form.cleaned_data.get("name") and form.cleaned_data.get("target")]


AliasFormSet = forms.formset_factory(AliasForm, formset=BaseAliasFormSet, extra=0)
