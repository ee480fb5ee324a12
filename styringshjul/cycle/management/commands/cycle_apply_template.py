from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from styringshjul.cycle.management.commands._common import (
    add_municipality_and_year,
    municipality_named,
)
from styringshjul.cycle.services import apply_template
from styringshjul.cycle.templates_data import all_templates


class Command(BaseCommand):
    help = ("Fill a year's annual cycle from a template, dates moved to the same weekday and "
            "to the bodies' meetings in that year. Applying it again updates, never doubles.")

    def add_arguments(self, parser: CommandParser) -> None:
        add_municipality_and_year(parser)
        parser.add_argument("--template", required=True, choices=sorted(all_templates()))

    def handle(self, *args, municipality: str, year: int, template: str, **options) -> None:
        result = apply_template(municipality_named(municipality), year, template)
        self.stdout.write(_("%(created)s activities created, %(updated)s updated.")
                          % {"created": result.created, "updated": result.updated})
