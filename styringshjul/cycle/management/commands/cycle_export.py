from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.cycle.exports import to_csv, to_ics
from styringshjul.cycle.management.commands._common import (
    add_municipality_and_year,
    municipality_named,
)
from styringshjul.cycle.queries import activities_of


class Command(BaseCommand):
    help = "Write a year's annual cycle to a CSV file (for Excel) or an iCalendar file."

    def add_arguments(self, parser: CommandParser) -> None:
        add_municipality_and_year(parser)
        parser.add_argument("--format", required=True, choices=["csv", "ics"])
        parser.add_argument("--output", required=True, type=Path)
        parser.add_argument("--base-url", default="http://localhost:8000",
                            help="the site's address, for the links back in calendar events")

    def handle(self, *args, municipality: str, year: int, format: str, output: Path,
               base_url: str, **options) -> None:
        tenant = municipality_named(municipality)
        activities = activities_of(tenant, year)
        with translation.override("nb"):
            if format == "csv":
                output.write_text(to_csv(activities), encoding="utf-8")
            else:
                link = base_url.rstrip("/") + reverse("cycle_year", args=[tenant.number, year])
                name = _("Annual cycle %(year)s") % {"year": year}
                output.write_bytes(to_ics(activities, f"{tenant.name}: {name}", link))
            self.stdout.write(_("%(count)s activities written to %(file)s.")
                              % {"count": len(activities), "file": output})
