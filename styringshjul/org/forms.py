from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea


class DesignsystemetForm(forms.ModelForm):
    """Adds Designsystemet classes so every field renders as the design system expects."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")


class ServiceAreaForm(DesignsystemetForm):
    class Meta:
        model = ServiceArea
        fields = ["name", "leader_name", "sort_order"]


class UnitForm(DesignsystemetForm):
    class Meta:
        model = OrgUnit
        fields = ["name", "service_area", "leader_name", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["service_area"].queryset = ServiceArea.objects.for_municipality(municipality)

    def clean_name(self):
        name = self.cleaned_data["name"]
        clash = OrgUnit.objects.for_municipality(self.municipality).filter(name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("The municipality already has a unit with this name."))
        return name


class UnitDescriptionForm(DesignsystemetForm):
    """What a unit leader may change about their own unit."""

    class Meta:
        model = OrgUnit
        fields = ["leader_name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class ResponsibilityForm(DesignsystemetForm):
    class Meta:
        model = Responsibility
        fields = ["code", "name"]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_code(self):
        code = self.cleaned_data["code"]
        clash = Responsibility.objects.for_municipality(self.unit.municipality).filter(code=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        existing = clash.select_related("unit").first()
        if existing:
            raise forms.ValidationError(
                _("Responsibility code %(code)s is already used by %(unit)s."),
                params={"code": code, "unit": existing.unit},
            )
        return code


MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class OrganisationImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or Excel)"),
        widget=forms.ClearableFileInput(attrs={"class": "ds-input", "accept": ".csv,.txt,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
