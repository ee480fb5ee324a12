from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import PeriodProfile
from styringshjul.budget.period_profiles import PERIODS, clean_weights

MONTHS = [_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
          _("August"), _("September"), _("October"), _("November"), _("December")]


class PeriodProfileForm(forms.ModelForm):
    """Name, prefixes and one share per period; the shares are scaled to sum to 1."""

    class Meta:
        model = PeriodProfile
        fields = ["name", "art_prefix", "responsibility_prefix"]
        help_texts = {
            "art_prefix": _("E.g. 0 for all wage arter (010–099). Empty: every art."),
            "responsibility_prefix": _("E.g. 31 for ansvar 3100–3199. Empty: every code."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        weights = list(self.instance.weights or [1] * PERIODS)
        for index, month in enumerate(MONTHS):
            self.fields[f"period_{index + 1}"] = forms.CharField(
                label=month, initial=str(weights[index]).replace(".", ","),
                widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
            )
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def clean_art_prefix(self) -> str:
        return _digits(self.cleaned_data["art_prefix"])

    def clean_responsibility_prefix(self) -> str:
        return _digits(self.cleaned_data["responsibility_prefix"])

    def clean(self):
        data = super().clean()
        values = [data.get(f"period_{p}") for p in range(1, PERIODS + 1)]
        if all(value is not None for value in values):
            try:
                self.weights = clean_weights(values)
            except forms.ValidationError as error:
                self.add_error(None, error)
        name = data.get("name")
        clash = PeriodProfile.objects.for_municipality(self.municipality).filter(name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if name and clash.exists():
            self.add_error("name", _("The municipality already has a profile with this name."))
        return data

    def save(self, commit: bool = True) -> PeriodProfile:
        profile = super().save(commit=False)
        profile.municipality = self.municipality
        profile.weights = [int(w) if w == w.to_integral_value() else float(w)
                           for w in self.weights]
        if commit:
            profile.save()
        return profile


def _digits(value: str) -> str:
    value = value.strip()
    if value and not value.isdigit():
        raise forms.ValidationError(_("Use digits only."))
    return value
