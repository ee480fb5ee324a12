"""Forms for the scorecard pages: the scorecard's purpose and goals, success factors,
indicators, results, the community plan and the perspectives."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.org.locking import LockedModelForm
from styringshjul.org.models import Municipality
from styringshjul.scorecards import sources
from styringshjul.scorecards.models import (
    CommunityGoal,
    CommunityPlan,
    FocusArea,
    Indicator,
    Level,
    Perspective,
    Result,
    Scorecard,
    SuccessFactor,
)


def _tidy(value: Decimal) -> Decimal:
    """3.100 as 3,1 and 2.000 as 2 in the form, not with every stored decimal."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def _style(form: forms.BaseForm) -> None:
    instance = getattr(form, "instance", None)
    for name, field in form.fields.items():
        value = getattr(instance, name, None)
        if not form.is_bound and isinstance(value, Decimal):
            form.initial[name] = _tidy(value)
        if name != "lock_version":
            field.widget.attrs.setdefault("class", "ds-input")
        if isinstance(field, forms.DecimalField):
            field.localize = True
            field.widget.is_localized = True
            field.widget.input_type = "text"
            field.widget.attrs["inputmode"] = "decimal"


def municipality_goals(municipality: Municipality, year: int | None = None):
    """The community goals a scorecard or success factor can refer to: those of the plans
    covering `year` (every plan of the municipality when none covers it)."""
    goals = CommunityGoal.objects.filter(focus_area__plan__municipality=municipality) \
        .select_related("focus_area", "focus_area__plan") \
        .order_by("focus_area__plan__first_year", "focus_area__sort_order", "sort_order", "pk")
    if year is not None:
        covering = goals.filter(focus_area__plan__first_year__lte=year,
                                focus_area__plan__last_year__gte=year)
        if covering.exists():
            return covering
    return goals


def source_choices() -> list[tuple[str, str]]:
    """The kinds of source an indicator's results can come from (kinds other apps register
    later appear without a change here)."""
    return list(sources.choices())


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, goal: CommunityGoal) -> str:
        return f"{goal.focus_area.name}: {goal.text}"


class ScorecardForm(LockedModelForm):
    class Meta:
        model = Scorecard
        fields = ["purpose", "main_goal", "goals"]
        field_classes = {"goals": GoalChoiceField}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3}),
                   "main_goal": forms.Textarea(attrs={"rows": 3}),
                   "goals": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = municipality_goals(self.instance.municipality,
                                                          self.instance.year)
        _style(self)


class SuccessFactorForm(forms.ModelForm):
    """A success factor of `scorecard`; it may contribute to a factor of the scorecard
    above (cascading). Only the municipality's scorecard has shared factors."""

    class Meta:
        model = SuccessFactor
        fields = ["perspective", "name", "goal", "parent", "is_shared", "sort_order"]

    def __init__(self, *args, scorecard: Scorecard, above: Scorecard | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.scorecard = scorecard
        self.fields["perspective"].queryset = Perspective.objects.for_municipality(
            scorecard.municipality)
        self.fields["goal"].queryset = municipality_goals(scorecard.municipality, scorecard.year)
        if above is None:
            del self.fields["parent"]
        else:
            self.fields["parent"].queryset = above.success_factors.select_related("perspective")
            self.fields["parent"].label_from_instance = \
                lambda factor: f"{factor.perspective}: {factor.name}"
        if scorecard.level != Level.MUNICIPALITY:
            del self.fields["is_shared"]
        _style(self)
        if "is_shared" in self.fields:
            self.fields["is_shared"].widget.attrs["class"] = "ds-checkbox"


class IndicatorForm(LockedModelForm):
    source = forms.ChoiceField(label=_("source"))

    class Meta:
        model = Indicator
        fields = ["name", "definition", "unit_of_measure", "direction", "target", "target_text",
                  "green_tolerance", "red_limit", "source", "source_options", "sort_order"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3}),
                   "source_options": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "target": _("The ambition as a number; the result is green when it reaches it."),
            "target_text": _("The target as the scorecard says it, e.g. 0–2 %."),
            "green_tolerance": _("Only for «closer to the target is better»: how far from "
                                 "the target is still green."),
            "red_limit": _("Red when the result is beyond this (for «closer», this far "
                           "from the target)."),
            "source_options": _(
                "Only for automatic sources, as JSON. Key figure: {\"figure\": "
                "\"12362:KOSandel120000\", \"year_offset\": -1}. Survey: {\"survey\": "
                "\"Medarbeiderundersøkelsen 10-FAKTOR\", \"dimension\": \"Mestringsklima\", "
                "\"year_offset\": -1} (no dimension: the mean of all). Accounts: "
                "{\"absolute\": true} for the deviation without sign."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = source_choices()
        current = self.instance.source
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["source"].choices = choices
        _style(self)

    def clean_source_options(self) -> dict:
        options = self.cleaned_data.get("source_options") or {}
        if not isinstance(options, dict):
            raise forms.ValidationError(_("Write the settings as a JSON object in braces, "
                                          "e.g. {\"year_offset\": -1}."))
        return options


class ResultForm(LockedModelForm):
    class Meta:
        model = Result
        fields = ["value", "comment", "follow_up"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3}),
                   "follow_up": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class SetUpYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class CommunityPlanForm(forms.ModelForm):
    class Meta:
        model = CommunityPlan
        fields = ["name", "vision", "first_year", "last_year"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        _style(self)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year cannot come before the first."))
        return data


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["name", "sort_order"]

    def __init__(self, *args, plan: CommunityPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        _style(self)


class CommunityGoalForm(forms.ModelForm):
    class Meta:
        model = CommunityGoal
        fields = ["focus_area", "text", "sort_order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan: CommunityPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = plan.focus_areas.all()
        _style(self)


class PerspectiveForm(forms.ModelForm):
    class Meta:
        model = Perspective
        fields = ["name", "sort_order"]

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        _style(self)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Perspective.objects.for_municipality(self.instance.municipality).exclude(
            pk=self.instance.pk).values_list("name", flat=True)
        if name.casefold() in {other.casefold() for other in others}:
            raise forms.ValidationError(_("There is already a perspective with this name."))
        return name
