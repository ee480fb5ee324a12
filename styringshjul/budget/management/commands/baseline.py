"""`styringshjul baseline --municipality 3439 --plan 2026-2029 --wage-growth 4.2
--price-growth 3.1`"""

import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.budget.baseline import NoStartingBudget, baseline_years, compute_baseline
from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.versions import plan_for
from styringshjul.lib.money import format_kroner
from styringshjul.org.models import Municipality

PLAN_SPAN = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


def plan_span(value: str) -> tuple[int, int]:
    """«2026-2029» → (2026, 4)."""
    match = PLAN_SPAN.match(value.strip())
    if not match:
        raise CommandError(_("Give the plan as first and last year, e.g. 2026-2029."),
                           returncode=1)
    first, last = int(match[1]), int(match[2])
    if not 1 <= last - first + 1 <= 4:
        raise CommandError(_("An economic plan spans one to four years."), returncode=1)
    return first, last - first + 1


def percentage(value: str) -> Decimal:
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise CommandError(_("«%(value)s» is not a percentage.") % {"value": value},
                           returncode=1) from None


class Command(BaseCommand):
    help = ("Compute the consequence-adjusted budget (baseline) of an economic plan from the "
            "adopted budget of the year before and its revisions, and print its adjustments. "
            "The growth rates given are stored on the plan's first year; later years keep "
            "the rates stored for them on the plan's settings page (by default 0: fixed "
            "prices). Makes the plan if it does not exist. Exits with status 1 when there is "
            "no adopted budget for the year before the plan.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--plan", required=True, metavar="FIRST-LAST",
                            help="the economic plan's years, e.g. 2026-2029")
        parser.add_argument("--wage-growth", metavar="PCT",
                            help="wage growth in the plan's first year, per cent (e.g. 4.2)")
        parser.add_argument("--price-growth", metavar="PCT",
                            help="price growth in the plan's first year, per cent (e.g. 3.1)")

    def handle(self, *args, **options) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        municipality = Municipality.objects.filter(number=options["municipality"]).first()
        if municipality is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": options["municipality"]}, returncode=1)
        first_year, years = plan_span(options["plan"])
        wage, price = (percentage(options[name]) if options[name] is not None else None
                       for name in ("wage_growth", "price_growth"))
        plan = plan_for(municipality, first_year, years)
        try:
            version = compute_baseline(plan, user=None, wage_growth=wage, price_growth=price)
        except NoStartingBudget as error:
            raise CommandError(str(error), returncode=1) from None
        self._print(version)

    def _print(self, version: BudgetVersion) -> None:
        self.stdout.write(_("%(version)s, from «%(start)s»:")
                          % {"version": version, "start": version.based_on})
        years = baseline_years(version)
        for year in years:
            for row in year.rows:
                area = row.service_area.name if row.service_area else "–"
                self.stdout.write(f"{row.year}  {row.label}  {area}  "
                                  f"{format_kroner(row.amount)}  {row.reason}")
        for year in years:
            self.stdout.write(_("%(year)s  Consequence-adjusted budget in total  %(total)s")
                              % {"year": year.year, "total": format_kroner(year.total)})
