import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from styringshjul.budget.budget_import import import_budget
from styringshjul.budget.models import VersionState
from styringshjul.ledger.import_summary import budget_summary
from styringshjul.ledger.management.commands.import_ledger import municipality_or_error
from styringshjul.org.importers import describe, severity_label


class Command(BaseCommand):
    help = ("Load yearly budget amounts per account string (ansvar, funksjon, art, objekt, "
            "amount) from a CSV or XLSX file into a budget version; the version's lines for "
            "that year are replaced. Exits with status 1 when rejected.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (; , or tab) or XLSX file")
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--year", required=True, type=int, help="the budget year")
        parser.add_argument("--name", required=True,
                            help="the budget version, e.g. «Vedtatt budsjett 2025»")
        parser.add_argument("--state", default=VersionState.ADOPTED,
                            choices=VersionState.values, help="state of a new version")
        parser.add_argument("--profile", default="", metavar="NAME",
                            help="column profile (default: the one that fits the header)")

    def handle(self, *args, file: Path, municipality: str, year: int, name: str, state: str,
               profile: str, **options) -> None:
        tenant = municipality_or_error(municipality, file)
        result = import_budget(tenant, year, file, name=name, state=state,
                               profile=profile or None)
        for issue in result.issues:
            self.stdout.write(f"{severity_label(issue)}: {describe(issue)}")
        for line in budget_summary(result, name, year):
            self.stdout.write(line)
        if not result.accepted:
            sys.exit(1)
