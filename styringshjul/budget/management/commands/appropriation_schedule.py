"""`styringshjul appropriation_schedule`: a legally required schedule as CSV.

`line` is the schedule's line number; for 5-4-2 it is the service area's id (its name is in
`text`), `0` for the ansvar codes outside the organisation tree and `sum` for the total,
which equals line 6 of 5-4-1. Amounts are kroner with two decimals (budget lines and actuals
may hold øre), KOSTRA sign, no thousands separators.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from styringshjul.budget import schedules
from styringshjul.budget.models import BudgetVersion
from styringshjul.org.models import Municipality

CENT = Decimal("0.01")


def plain(amount: Decimal) -> str:
    """Kroner with two decimals, no thousands separator: `-1234567.50`."""
    return f"{amount.quantize(CENT):f}"


def find_version(municipality: Municipality, wanted: str) -> BudgetVersion:
    versions = BudgetVersion.objects.for_municipality(municipality)
    version = versions.filter(name=wanted).first()
    if version is None and wanted.isdigit():
        version = versions.filter(pk=int(wanted)).first()
    if version is None:
        raise CommandError(_("%(municipality)s has no budget version with the id or name "
                             "«%(version)s».") % {"municipality": municipality,
                                                 "version": wanted}, returncode=1)
    return version


class Command(BaseCommand):
    help = ("Write a legally required schedule (bevilgningsoversikt § 5-4 first or second "
            "paragraph, § 5-5, økonomisk oversikt § 5-6) of a budget version's year or of the "
            "accounts of a year as CSV: line,text,amount (kroner, KOSTRA sign).")

    def create_parser(self, prog_name: str, subcommand: str, **kwargs) -> CommandParser:
        # `--version` names the budget version here, not the program's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve",
                                     **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--version", metavar="ID_OR_NAME",
                            help="the budget version's id or exact name")
        source.add_argument("--accounts", action="store_true",
                            help="the accounts (actuals) of the year instead of a version")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--schedule", required=True, choices=schedules.SCHEDULES, dest="code")
        parser.add_argument("--format", default="csv", choices=["csv"])
        parser.add_argument("--output", type=Path, help="file to write (default: stdout)")

    def handle(self, *args, municipality: str, version: str | None, accounts: bool, year: int,
               code: str, output: Path | None, **options) -> None:
        tenant = Municipality.objects.filter(number=municipality).first()
        if tenant is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": municipality}, returncode=1)
        chosen = None if accounts else find_version(tenant, version)
        if chosen is not None and year not in chosen.year_range:
            raise CommandError(_("«%(version)s» has no year %(year)s.")
                               % {"version": chosen.name, "year": year}, returncode=1)
        result = schedules.schedule(chosen, tenant, year, code)
        rows = [(line.number or "sum", line.text, plain(line.amount)) for line in result.lines]
        if output is not None:
            with output.open("w", encoding="utf-8", newline="") as handle:
                self._write(handle, rows)
        else:
            self._write(self.stdout, rows)

    @staticmethod
    def _write(handle, rows) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["line", "text", "amount"])
        writer.writerows(rows)

