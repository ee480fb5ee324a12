"""`styringshjul scorecard_refresh --municipality 3439 --year 2026 [--period T1|T2|year]`"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality
from styringshjul.scorecards.queries import PERIODS, year_scorecards
from styringshjul.scorecards.sources import refresh


class Command(BaseCommand):
    help = ("Recompute the automatic results (e.g. deviation from budget) of every scorecard "
            "of a year, for one period or all, and say how many were stored.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", choices=[str(p) for p in PERIODS], default=None,
                            help="T1, T2 or year; every period when left out")

    def handle(self, *args, municipality: str, year: int, period: str | None,
               **options) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        tenant = Municipality.objects.filter(number=municipality).first()
        if tenant is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": municipality}, returncode=1)
        scorecards = list(year_scorecards(tenant, year))
        if not scorecards:
            raise CommandError(_("%(municipality)s has no scorecards for %(year)s.")
                               % {"municipality": tenant, "year": year}, returncode=1)
        count = refresh(scorecards, period)
        self.stdout.write(_("Automatic results computed and stored: %(count)s (from "
                            "%(scorecards)s scorecards).")
                          % {"count": count, "scorecards": len(scorecards)})
