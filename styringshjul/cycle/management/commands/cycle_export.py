from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.cycle.export_formats import DEFAULT_SIZE, FORMATS, export
from styringshjul.cycle.management.commands._common import (
    add_municipality_and_year,
    municipality_named,
)
from styringshjul.cycle.wheel_files import SIZES


class Command(BaseCommand):
    help = ("Write a year's annual cycle to a file: the wheel (SVG, PNG desktop background, "
            "A3 PDF), the table (Word, Excel, CSV) or an iCalendar file.")

    def add_arguments(self, parser: CommandParser) -> None:
        add_municipality_and_year(parser)
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, type=Path)
        parser.add_argument("--size", default=DEFAULT_SIZE, choices=sorted(SIZES),
                            help="the PNG desktop background's size in pixels")
        parser.add_argument("--base-url", default="http://localhost:8000",
                            help="the site's address, for the links back in calendar events")

    def handle(self, *args, municipality: str, year: int, format: str, output: Path,
               base_url: str, size: str = DEFAULT_SIZE, **options) -> None:
        tenant = municipality_named(municipality)
        link = base_url.rstrip("/") + reverse("cycle_year", args=[tenant.number, year])
        with translation.override("nb"):
            result = export(tenant, year, format, link, size=size)
            output.write_bytes(result.content)
            self.stdout.write(_("%(count)s activities written to %(file)s.")
                              % {"count": result.count, "file": output})
