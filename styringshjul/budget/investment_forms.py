"""An investment project with its terms and, per year of the plan, the investment and how
it is financed."""

from decimal import Decimal

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from styringshjul.budget.models import EconomicPlan, InvestmentProject, InvestmentYear
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
from styringshjul.org.fields import KronerField
from styringshjul.org.locking import LockedModelForm
from styringshjul.org.queries import responsibility_codes

YEAR_FIELDS = ("amount", "loan", "grants", "vat_compensation", "sales", "own_funds")
DEFAULT_ART = "230"  # vedlikehold, byggetjenester og nybygg


class InvestmentProjectForm(LockedModelForm):
    class Meta:
        model = InvestmentProject
        fields = ["code", "name", "responsibility", "function", "art", "loan_kind",
                  "loan_years", "interest_rate"]
        help_texts = {
            "code": _("The project number the lines are booked on (objekt/prosjekt)."),
            "art": _("The art of the investment expense in the capital accounts, e.g. 230."),
            "loan_years": _("Loans are assumed drawn at the end of each year and repaid from "
                            "the year after."),
        }

    def __init__(self, *args, plan: EconomicPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("art", DEFAULT_ART)
        rows = {row.year: row for row in self.instance.project_years.all()} if (
            self.instance.pk) else {}
        labels = dict((name, InvestmentYear._meta.get_field(name).verbose_name)
                      for name in YEAR_FIELDS)
        for year in plan.year_range:
            for name in YEAR_FIELDS:
                row = rows.get(year)
                self.fields[year_field(year, name)] = KronerField(
                    label=f"{labels[name]} {year}",
                    initial=getattr(row, name) if row else Decimal(0))
        for name in self._meta.fields:
            self.fields[name].widget.attrs.setdefault("class", "ds-input")

    def project_fields(self):
        return [self[name] for name in self._meta.fields]

    def year_rows(self) -> list[tuple[int, list]]:
        return [(year, [self[year_field(year, name)] for name in YEAR_FIELDS])
                for year in self.plan.year_range]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        clash = InvestmentProject.objects.filter(plan=self.plan, code=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("The plan already has a project with this code."))
        return code

    def clean_responsibility(self) -> str:
        code = self.cleaned_data["responsibility"].strip()
        if code not in responsibility_codes(self.plan.municipality):
            raise forms.ValidationError(
                _("Not one of the municipality's responsibility codes."))
        return code

    def clean_function(self) -> str:
        return _capital_code(self.cleaned_data["function"],
                             functions_valid_in(self.plan.first_year))

    def clean_art(self) -> str:
        art = self.cleaned_data["art"].strip()
        return _capital_code(art, arts_valid_in(self.plan.first_year), key=art[:3])

    def year_values(self) -> dict[int, dict[str, Decimal]]:
        return {year: {name: self.cleaned_data[year_field(year, name)] for name in YEAR_FIELDS}
                for year in self.plan.year_range}

    def save(self, commit: bool = True):
        self.instance.municipality = self.plan.municipality
        self.instance.plan = self.plan
        with transaction.atomic():
            project = super().save(commit)
            if project is None or not commit:
                return project
            for year, values in self.year_values().items():
                if any(values.values()):
                    InvestmentYear.objects.update_or_create(project=project, year=year,
                                                            defaults=values)
                else:
                    project.project_years.filter(year=year).delete()
        return project


def year_field(year: int, name: str) -> str:
    return f"y{year}_{name}"


def _capital_code(code: str, valid: dict, key: str | None = None) -> str:
    code = code.strip()
    found = valid.get(key or code)
    if found is None or (key is not None and not (code.isdigit() and len(code) in (3, 4))):
        raise forms.ValidationError(_("Not a valid KOSTRA code in the plan's first year."))
    if found.capital_rule == "not_allowed":
        raise forms.ValidationError(_("Not allowed in the capital accounts."))
    return code
