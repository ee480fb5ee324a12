from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from styringshjul.org.importers import describe, severity_label
from styringshjul.org.models import Municipality
from styringshjul.org.services import import_organisation


class Command(BaseCommand):
    help = ("Import service areas, units and ansvar codes from a CSV or XLSX file with one row "
            "per ansvar code. Exits with status 1 when the file is rejected.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (; , or tab) or XLSX file")
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--dry-run", action="store_true",
                            help="check the file and show what would change, save nothing")

    def handle(self, *args, file: Path, municipality: str, dry_run: bool, **options) -> None:
        tenant = Municipality.objects.filter(number=municipality).first()
        if tenant is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": municipality}, returncode=1)
        if not file.is_file():
            raise CommandError(_("The file %(file)s does not exist.") % {"file": file},
                               returncode=1)
        result = import_organisation(tenant, file, dry_run=dry_run)
        for issue in result.issues:
            self.stdout.write(f"{severity_label(issue)}: {describe(issue)}")
        for line in result.summary():
            self.stdout.write(line)
        if result.rejected:
            raise CommandError(result.status_message(), returncode=1)
        self.stdout.write(result.status_message())
