from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styringshjul.ledger import profiles


class LedgerUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("The general ledger exported from the accounting system: CSV (; , or tab, "
                    "UTF-8 or Windows-1252) or Excel (XLSX)."),
        widget=forms.ClearableFileInput(attrs={"class": "ds-input",
                                               "accept": ".csv,.txt,.xlsx"}),
    )
    year = forms.IntegerField(
        label=_("Accounting year"), min_value=2000, max_value=2100,
        widget=forms.NumberInput(attrs={"class": "ds-input"}),
    )
    profile = forms.ChoiceField(
        label=_("Column profile"), required=False,
        help_text=_("Which column holds what. «Detect» picks the profile that fits the file."),
        widget=forms.Select(attrs={"class": "ds-input"}),
    )

    def __init__(self, municipality, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        own = [(p.name, p.name) for p in profiles.own_profiles(municipality)]
        self.fields["profile"].choices = [
            ("", _("Detect")), *own,
            *((name, name) for name in profiles.BUILT_IN_NAMES)]


HELP = {
    "amount": _("One signed amount; or leave it out and choose the debit and the credit "
                "column."),
    "debit": _("With the credit column, instead of one amount: the amount is debit minus "
               "credit."),
}


class ColumnMappingForm(forms.Form):
    """One select per field, offering the columns of the uploaded file."""

    name = forms.CharField(
        label=_("Save the mapping as"), max_length=100,
        help_text=_("The name of the column profile, to choose it next time."),
        widget=forms.TextInput(attrs={"class": "ds-input"}),
    )

    def __init__(self, header: list[str], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("(not in the file)")), *((column, column) for column in header)]
        guessed = profiles.generic_mapping(header)
        for name, label in profiles.FIELDS.items():
            self.fields[name] = forms.ChoiceField(
                label=label, choices=choices, initial=guessed.get(name, ""),
                required=name in profiles.LEDGER_REQUIRED, help_text=HELP.get(name, ""),
                widget=forms.Select(attrs={"class": "ds-input"}))

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("period") or data.get("date")):
            raise forms.ValidationError(_("Choose the column with the period or the date."))
        if not (data.get("amount") or all(data.get(n) for n in profiles.DEBIT_CREDIT)):
            raise forms.ValidationError(
                _("Choose the column with the amount, or both the debit and the credit column."))
        return data

    def mapping(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in profiles.FIELDS
                if self.cleaned_data.get(name)}
