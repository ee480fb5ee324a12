"""The decision (case number, date, body, justification) and its changed lines, typed in
rows or uploaded as a file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import DecidingBody
from styringshjul.budget.revisions import COLUMNS, RevisionChange
from styringshjul.ledger.models import AccountClass
from styringshjul.lib.issues import Issue
from styringshjul.org.fields import KronerField

EXTRA_ROWS = 5
MAX_ROWS = 500
FIELD_OF_COLUMN = {column: field for field, column in COLUMNS.items()}


class RevisionForm(forms.Form):
    case_number = forms.CharField(label=_("Case number"), max_length=50)
    decided_on = forms.DateField(label=_("Decision date"),
                                 help_text=_("dd.mm.yyyy, e.g. 19.06.2025"))
    decided_by = forms.ChoiceField(label=_("Decided by"), choices=DecidingBody.choices)
    justification = forms.CharField(label=_("Justification"),
                                    widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(
        label=_("Changed lines from a file (optional)"), required=False,
        help_text=_("CSV or XLSX with the columns ansvar;funksjon;art;prosjekt;år;endring "
                    "(optionally kontoklasse, engangs, tekst). When given, the rows below "
                    "are not used."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")


class ChangeRowForm(forms.Form):
    account_class = forms.ChoiceField(label=_("Accounts"), choices=AccountClass.choices,
                                      initial=AccountClass.OPERATING)
    responsibility = forms.CharField(label=_("Responsibility code"), max_length=10)
    function = forms.CharField(label=_("Function"), max_length=3)
    art = forms.CharField(label=_("Art"), max_length=4)
    project = forms.CharField(label=_("Project"), max_length=20, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    change = KronerField(label=_("Change in kroner"), required=True)
    one_off = forms.BooleanField(label=_("One-off"), required=False)
    text = forms.CharField(label=_("Text"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "one_off":
                field.widget.attrs.setdefault("class", "ds-input")
        for name in ("responsibility", "function", "art", "year"):
            self.fields[name].widget.attrs["size"] = 6


ChangeFormSet = forms.formset_factory(ChangeRowForm, extra=EXTRA_ROWS, max_num=MAX_ROWS,
                                      validate_max=True)


def typed_rows(formset) -> list[dict]:
    """What was typed in each row, as initial values for a longer table."""
    return [{name: form[name].value() for name in form.fields} for form in formset.forms
            if form.has_changed()]


def changes_of(formset) -> list[RevisionChange]:
    """The filled-in rows, numbered as shown (first row 1)."""
    return [RevisionChange(
        year=data["year"], responsibility=data["responsibility"].strip(),
        function=data["function"].strip(), art=data["art"].strip(),
        project=data["project"].strip(), change=data["change"],
        account_class=data["account_class"], one_off=data["one_off"],
        text=data["text"].strip(), row=index + 1)
        for index, form in enumerate(formset.forms)
        if form.has_changed() and (data := form.cleaned_data)]


def attach(issues: list[Issue], form: RevisionForm, formset) -> None:
    """Put each issue on the field it is about, so the row shows it next to what was typed."""
    header = {"saksnr": "case_number", "begrunnelse": "justification",
              "vedtatt_av": "decided_by"}
    for issue in issues:
        if issue.row is None:
            name = header.get(issue.column)
            form.add_error(name if name in form.fields else None, issue.message)
        elif 0 < issue.row <= len(formset.forms):
            formset.forms[issue.row - 1].add_error(
                FIELD_OF_COLUMN.get(issue.column), issue.message)
