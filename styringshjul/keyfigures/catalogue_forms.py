"""Forms for the catalogue of key figures and for a municipality's comparison groups."""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from styringshjul.keyfigures.models import ComparisonGroup, KeyFigure, Region, RegionKind
from styringshjul.lib.issues import Issue

LEADING_NUMBER = re.compile(r"^(\d{4})\b")


class KeyFigureForm(forms.ModelForm):
    class Meta:
        model = KeyFigure
        fields = ["name", "table_id", "content_code", "selection", "unit", "higher_is_better",
                  "service", "indicator_kind", "description"]
        widgets = {"selection": forms.Textarea(attrs={"rows": 2}),
                   "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "table_id": _("The statbank table the figure is published in, e.g. 12362."),
            "content_code": _("The table's ContentsCode for the figure."),
            "higher_is_better": _("Untick when a lower value ranks first, e.g. unit costs."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "higher_is_better":
                field.widget.attrs.setdefault("class", "ds-input")

    def clean_selection(self):
        selection = self.cleaned_data.get("selection") or {}
        if not isinstance(selection, dict) or not all(
                isinstance(value, str) for value in selection.values()):
            raise forms.ValidationError(
                _("Write the further dimensions as {\"dimension\": \"value\"}."))
        return selection


class MunicipalityRows:
    """Reads one municipality per row, by number ("3441", "3441 Gausdal") or by name
    ("Gausdal"), and reports every row it cannot place."""

    def __init__(self) -> None:
        municipalities = list(Region.objects.filter(kind=RegionKind.MUNICIPALITY))
        self.by_code = {region.code: region for region in municipalities}
        self.by_name: dict[str, list[Region]] = {}
        for region in municipalities:
            self.by_name.setdefault(region.name.casefold(), []).append(region)

    def read(self, text: str) -> tuple[list[Region], list[Issue]]:
        regions: dict[str, Region] = {}
        issues = []
        for row, line in enumerate(text.splitlines(), start=1):
            value = line.strip()
            if not value:
                continue
            region, issue = self._place(row, value)
            if issue:
                issues.append(issue)
            else:
                regions.setdefault(region.code, region)
        return list(regions.values()), issues

    def _place(self, row: int, value: str) -> tuple[Region | None, Issue | None]:
        number = LEADING_NUMBER.match(value)
        if number:
            region = self.by_code.get(number.group(1))
            if region is None:
                return None, Issue("unknown_number", gettext("no municipality has this number"),
                                   row=row, column=gettext("Municipality"), value=value)
            return region, None
        found = self.by_name.get(value.casefold(), [])
        if len(found) == 1:
            return found[0], None
        reason = (gettext("several municipalities have this name; write the number: %(codes)s")
                  % {"codes": ", ".join(region.code for region in found)}) if found else (
            gettext("no municipality has this name"))
        return None, Issue("unknown_name" if not found else "ambiguous_name", reason, row=row,
                           column=gettext("Municipality"), value=value)


class ComparisonGroupForm(forms.ModelForm):
    members_text = forms.CharField(
        label=_("Municipalities"), widget=forms.Textarea(attrs={"rows": 10, "class": "ds-input"}),
        help_text=_("One municipality per row, by number or name, e.g. 3441 or Gausdal."))

    class Meta:
        model = ComparisonGroup
        fields = ["name"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.instance.municipality = municipality
        self.issues: list[Issue] = []
        self.members: list[Region] = []
        self.fields["name"].widget.attrs.setdefault("class", "ds-input")
        if self.instance.pk and not self.is_bound:
            self.initial["members_text"] = "\n".join(
                str(region) for region in self.instance.members.order_by("code"))

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = ComparisonGroup.objects.for_municipality(self.municipality).filter(name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("There is already a comparison group with this name."))
        return name

    def clean_members_text(self) -> str:
        text = self.cleaned_data["members_text"]
        self.members, self.issues = MunicipalityRows().read(text)
        if self.issues:
            raise forms.ValidationError(
                _("%(count)s rows name no municipality; see the table below.")
                % {"count": len(self.issues)})
        if not self.members:
            raise forms.ValidationError(_("Name at least one municipality."))
        return text

    def save(self, commit: bool = True) -> ComparisonGroup:
        group = super().save(commit=True)
        group.members.set(self.members)
        return group
