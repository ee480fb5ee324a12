"""`styringshjul import_kostra_groups FILE --year 2025 [--dry-run]`"""

from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.keyfigures.kostra_groups import import_groups
from styringshjul.org.importers import describe, severity_label


class Command(BaseCommand):
    help = ("Records which KOSTRA group each municipality belongs to in a year, from "
            "Statistics Norway's Klass (correspondence 131 → 112 or a code list, JSON) or a "
            "table with a municipality and a group column. Exits 1 when the file is "
            "rejected; nothing is changed then.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--dry-run", action="store_true",
                            help="check the file and show what would change, save nothing")

    def handle(self, *args, file: Path, year: int, dry_run: bool, **options) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            if not file.is_file():
                self.stderr.write(_("The file %(file)s does not exist.") % {"file": file})
                raise SystemExit(1)
            result = import_groups(file, year, dry_run=dry_run)
            for issue in result.issues:
                self.stderr.write(f"{severity_label(issue)}: {describe(issue)}")
            if result.rejected:
                self.stderr.write(result.status_message())
                raise SystemExit(1)
            self.stdout.write(result.status_message())
