"""`styringshjul import_indicator_results FILE --municipality 3439 --year 2026
--indicator ID_OR_NAME --period T1|T2|year [--dry-run]`"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality
from styringshjul.scorecards.imported_source import find_indicator, import_indicator_results
from styringshjul.scorecards.queries import PERIODS


class Command(BaseCommand):
    help = ("Import an indicator's results per unit (columns ansvar or enhet, and verdi) from "
            "a CSV or XLSX file. Exits with status 1 when the file is rejected.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (; , or tab) or XLSX file")
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--indicator", required=True, metavar="ID_OR_NAME")
        parser.add_argument("--period", required=True, choices=[str(p) for p in PERIODS])
        parser.add_argument("--dry-run", action="store_true",
                            help="check the file and show what would change, save nothing")

    def handle(self, *args, file: Path, municipality: str, year: int, indicator: str,
               period: str, dry_run: bool, **options) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        tenant = Municipality.objects.filter(number=municipality).first()
        if tenant is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": municipality}, returncode=1)
        if not file.is_file():
            raise CommandError(_("The file %(file)s does not exist.") % {"file": file},
                               returncode=1)
        found, problem = find_indicator(tenant, year, indicator)
        if found is None:
            raise CommandError(problem, returncode=1)
        result = import_indicator_results(tenant, year, found, period, file, dry_run=dry_run)
        for issue in result.issues:
            where = _("row %(row)s") % {"row": issue.row} if issue.row else _("whole file")
            column = f" {issue.column}" if issue.column else ""
            value = f" «{issue.value}»" if issue.value else ""
            self.stdout.write(f"{where}{column}{value}: {issue.message}")
        if result.rejected:
            raise CommandError(result.status_message(), returncode=1)
        self.stdout.write(result.status_message())
