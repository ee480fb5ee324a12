import sys

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation

from styringshjul.cycle.checks import check_cycle
from styringshjul.cycle.legal_rules import ERROR
from styringshjul.cycle.management.commands._common import (
    add_municipality_and_year,
    municipality_named,
)
from styringshjul.cycle.models import AnnualCycle


class Command(BaseCommand):
    help = ("Check a year's annual cycle against the law and logic. Prints one finding a line "
            "(ERROR|WARNING code dd.mm.yyyy message) and exits 1 if any is an ERROR.")

    def add_arguments(self, parser: CommandParser) -> None:
        add_municipality_and_year(parser)

    def handle(self, *args, municipality: str, year: int, **options) -> None:
        tenant = municipality_named(municipality)
        cycle = (AnnualCycle.objects.for_municipality(tenant).filter(year=year).first()
                 or AnnualCycle(municipality=tenant, year=year))
        with translation.override("nb"):
            findings = check_cycle(cycle)
            for finding in findings:
                self.stdout.write(finding.line())
        if any(f.severity == ERROR for f in findings):
            sys.exit(1)
