import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from styringshjul.ledger.import_summary import STAGES, ledger_summary
from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.raw_lines import index_raw_lines
from styringshjul.org.importers import describe, severity_label
from styringshjul.org.models import Municipality


class Command(BaseCommand):
    help = ("Import a general-ledger export (CSV or XLSX) for one year. The periods in the "
            "file replace those already imported. Exits with status 1 when rejected.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (; , or tab) or XLSX file")
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--year", required=True, type=int, help="the accounting year")
        parser.add_argument("--profile", default="", metavar="NAME",
                            help="column profile (default: the one that fits the header)")
        parser.add_argument("--dry-run", action="store_true",
                            help="check the file, save nothing")

    def handle(self, *args, file: Path, municipality: str, year: int, profile: str,
               dry_run: bool, **options) -> None:
        tenant = municipality_or_error(municipality, file)
        result = import_ledger(tenant, year, file, profile=profile or None, dry_run=dry_run,
                               progress=progress_bar(self.stderr))
        for issue in result.issues:
            self.stdout.write(f"{severity_label(issue)}: {describe(issue)}")
        for line in ledger_summary(result):
            self.stdout.write(line)
        if not result.accepted:
            sys.exit(1)
        self.stdout.flush()
        index_raw_lines(result.ledger_import)  # the import is done: lines quicker to look up


def municipality_or_error(number: str, file: Path) -> Municipality:
    tenant = Municipality.objects.filter(number=number).first()
    if tenant is None:
        raise CommandError(_("No municipality has the number %(number)s.")
                           % {"number": number}, returncode=1)
    if not file.is_file():
        raise CommandError(_("The file %(file)s does not exist.") % {"file": file},
                           returncode=1)
    return tenant


def progress_bar(stream):
    """A bar redrawn in place on a terminal; nothing when the output is not a terminal."""
    if not stream.isatty():
        return None
    width = 30

    def draw(stage: str, fraction: float) -> None:
        filled = int(width * fraction)
        stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {fraction:4.0%}  "
                     f"{STAGES[stage]}", ending="" if fraction < 1 else "\n")
        stream.flush()

    return draw
