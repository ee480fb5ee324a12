"""Forms for measures, frames and party groups."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.measures import account_problems, next_number, refresh_measure_lines
from styringshjul.budget.models import (
    BudgetVersion,
    EconomicPlan,
    Frame,
    InvestmentProject,
    Measure,
    MeasureYear,
    PartyGroup,
)
from styringshjul.lib.money import format_kroner
from styringshjul.org.fields import KronerField
from styringshjul.org.locking import STALE_MESSAGE, LockedModelForm, StaleEdit, save_unless_stale
from styringshjul.org.models import Membership, OrgUnit, Role, ServiceArea


def shown_amount(amount: Decimal | None) -> str:
    return "" if amount is None else format_kroner(amount, decimals=2).replace(",00", "")


class FormPart:
    """Some of a form's fields, with the whole form's errors."""

    def __init__(self, form: forms.Form, fields: list):
        self.form, self.fields = form, fields
        self.errors = form.errors

    def __iter__(self):
        return iter(self.fields)

    def non_field_errors(self):
        return self.form.non_field_errors()


class MeasureForm(LockedModelForm):
    """A measure with its operating effect and investment per plan year. A unit leader
    proposes and edits measures only for the units they lead."""

    class Meta:
        model = Measure
        fields = ["title", "kind", "status", "unit", "service_area", "description",
                  "consequences_users", "consequences_staff", "one_off", "responsibility",
                  "function", "art", "project"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in
                   ("description", "consequences_users", "consequences_staff")}
        help_texts = {
            "responsibility": _("The account string the operating effect is booked on."),
            "art": _("Three digits, or four with the municipality's local digit."),
        }

    def __init__(self, *args, plan: EconomicPlan, user, may_decide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.user = plan, user
        municipality = plan.municipality
        self.led_units = None if may_decide else OrgUnit.objects.filter(
            leaders__user=user, leaders__role=Role.UNIT_LEADER,
            leaders__municipality=municipality)
        units = OrgUnit.objects.for_municipality(municipality).filter(is_active=True)
        self.fields["unit"].queryset = self.led_units if self.led_units is not None else units
        self.fields["unit"].required = self.led_units is not None
        self.fields["service_area"].queryset = ServiceArea.objects.for_municipality(municipality)
        self.fields["service_area"].required = False
        self.fields["service_area"].help_text = _("Taken from the unit when a unit is chosen.")
        taken = Measure.objects.filter(project__isnull=False).exclude(pk=self.instance.pk)
        self.fields["project"].queryset = InvestmentProject.objects.filter(plan=plan).exclude(
            measure__in=taken)
        if not may_decide:
            del self.fields["status"]
        self._add_year_fields()
        for name, field in self.fields.items():
            if name != "one_off":
                field.widget.attrs.setdefault("class", "ds-input")

    def _add_year_fields(self) -> None:
        rows = {row.year: row for row in self.instance.measure_years.all()} \
            if self.instance.pk else {}
        for year in self.plan.year_range:
            row = rows.get(year)
            self.fields[f"operating_{year}"] = KronerField(
                label=_t("Operating effect %(year)s") % {"year": year},
                initial=shown_amount(row.operating if row else None),
                help_text=_t("Kroner; a cost positive, a saving negative.") if year ==
                self.plan.first_year else "")
            self.fields[f"investment_{year}"] = KronerField(
                label=_t("Investment %(year)s") % {"year": year},
                initial=shown_amount(row.investment if row else None))

    def year_fields(self) -> list[tuple]:
        return [(year, self[f"operating_{year}"], self[f"investment_{year}"])
                for year in self.plan.year_range]

    def main_part(self) -> "FormPart":
        """The form without its year amounts and hidden fields, for org/_form_fields.html."""
        return FormPart(self, [self[name] for name in self.fields if name != "lock_version"
                               and not name.startswith(("operating_", "investment_"))])

    def clean_unit(self) -> OrgUnit | None:
        unit = self.cleaned_data.get("unit")
        if self.led_units is not None and (unit is None or unit not in self.led_units):
            raise forms.ValidationError(_t("Choose one of the units you lead."))
        return unit

    def clean(self):
        data = super().clean()
        unit, area = data.get("unit"), data.get("service_area")
        if unit is not None and area is not None and unit.service_area_id != area.pk:
            self.add_error("service_area", _t("%(unit)s belongs to %(area)s.") % {
                "unit": unit, "area": unit.service_area})
        elif unit is not None:
            data["service_area"] = unit.service_area
        elif area is None:
            self.add_error("service_area", _t("Choose the unit or the service area."))
        self._clean_account(data)
        return data

    def _clean_account(self, data: dict) -> None:
        codes = [data.get(name, "").strip() for name in ("responsibility", "function", "art")]
        operating = any(data.get(f"operating_{year}") for year in self.plan.year_range)
        if data.get("project") is not None and not all(codes):
            return  # the project's lines are the measure's; its account string is not used
        if not any(codes) and not operating:
            return
        if not all(codes):
            self.add_error(None, _t("An operating effect needs the whole account string: "
                                    "responsibility code, funksjon and art."))
            return
        responsibility, function, art = codes
        problems = account_problems(self.plan.municipality, responsibility, function, art,
                                    self.plan.year_range)
        for name, message in problems.items():
            self.add_error(name, message)
        unit = data.get("unit")
        if unit is not None and "responsibility" not in problems and not unit.responsibilities\
                .filter(code=responsibility).exists():
            self.add_error("responsibility", _t("%(code)s is not one of %(unit)s's "
                                                "responsibility codes.") % {
                "code": responsibility, "unit": unit})

    def save(self, commit: bool = True) -> Measure | None:
        seen = self.cleaned_data.get("lock_version") or 0
        try:
            save_unless_stale(self.instance, seen, self._save_with_years)
        except StaleEdit:
            self.add_error(None, STALE_MESSAGE)
            return None
        return self.instance

    def _save_with_years(self) -> None:
        measure = self.instance
        if measure.pk is None:
            measure.municipality, measure.plan = self.plan.municipality, self.plan
            measure.number = next_number(self.plan)
            measure.created_by = self.user
        forms.ModelForm.save(self)
        for year in self.plan.year_range:
            MeasureYear.objects.update_or_create(measure=measure, year=year, defaults={
                "operating": self.cleaned_data[f"operating_{year}"],
                "investment": self.cleaned_data[f"investment_{year}"]})
        refresh_measure_lines(measure)


class FramesForm(forms.Form):
    """One amount per service area and year, each frame locked on its own: if someone
    saved a frame since the form was shown, nothing is saved and the typed values stay."""

    def __init__(self, *args, version: BudgetVersion, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.version, self.areas = version, list(areas)
        self.frames = {(f.service_area_id, f.year): f for f in version.frames.all()}
        for area in self.areas:
            for year in version.year_range:
                frame = self.frames.get((area.pk, year))
                self.fields[f"frame_{area.pk}_{year}"] = KronerField(
                    label=_t("Frame for %(area)s in %(year)s") % {"area": area, "year": year},
                    initial=shown_amount(frame.amount if frame else None))
                self.fields[f"lock_{area.pk}_{year}"] = forms.IntegerField(
                    widget=forms.HiddenInput, required=False,
                    initial=frame.lock_version if frame else None)

    def rows(self) -> list[tuple]:
        return [(area, [(year, self[f"frame_{area.pk}_{year}"], self[f"lock_{area.pk}_{year}"])
                        for year in self.version.year_range]) for area in self.areas]

    def save(self) -> bool:
        """Save the changed frames; False (and a form error) if any was stale."""
        try:
            with transaction.atomic():
                for area in self.areas:
                    for year in self.version.year_range:
                        self._save_one(area, year)
        except StaleEdit:
            self.add_error(None, STALE_MESSAGE)
            return False
        return True

    def _save_one(self, area: ServiceArea, year: int) -> None:
        amount = self.cleaned_data[f"frame_{area.pk}_{year}"]
        seen = self.cleaned_data[f"lock_{area.pk}_{year}"]
        typed = self.data.get(f"frame_{area.pk}_{year}", "").strip()
        frame = Frame.objects.filter(version=self.version, service_area=area, year=year).first()
        if frame is None:
            if typed:
                Frame.objects.create(version=self.version, service_area=area, year=year,
                                     amount=amount)
            return
        if typed and frame.amount == amount:
            return
        if seen != frame.lock_version:
            raise StaleEdit
        if not typed:
            frame.delete()
            return
        frame.amount = amount
        save_unless_stale(frame, seen)


class PartyGroupForm(forms.ModelForm):
    """A party group and its members, chosen among the municipality's politicians."""

    class Meta:
        model = PartyGroup
        fields = ["name", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        politicians = Membership.objects.for_municipality(municipality).filter(
            role=Role.POLITICIAN).values("user")
        self.fields["members"].queryset = get_user_model().objects.filter(
            pk__in=politicians).order_by("first_name", "last_name", "username")
        self.fields["members"].label_from_instance = lambda user: (
            user.get_full_name() or user.username)
        self.fields["name"].widget.attrs["class"] = "ds-input"

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = PartyGroup.objects.for_municipality(self.municipality).filter(name=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_t("The municipality already has a party group with "
                                           "this name."))
        return name

    def save(self, commit: bool = True) -> PartyGroup:
        self.instance.municipality = self.municipality
        return super().save(commit)
