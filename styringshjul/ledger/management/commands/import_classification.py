"""styringshjul import_classification FILE [--classification 277|259] [--dry-run]"""

from argparse import ArgumentParser
from pathlib import Path
from typing import NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.ledger import services
from styringshjul.ledger.importers import read_klass_codes


class Command(BaseCommand):
    help = (
        "Fills in official names and validity dates of the KOSTRA funksjoner (Klass 277) or "
        "arter (Klass 259) from a saved Klass codesAt JSON file. Never deletes."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--classification", type=int, choices=sorted(services.CLASSIFICATIONS)
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, file: Path, classification: int | None, dry_run: bool,
               **options) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            self._import(file, classification, dry_run)

    def _import(self, file: Path, classification: int | None, dry_run: bool) -> None:
        try:
            content = file.read_bytes()
        except OSError:
            self._fail([_("Cannot read the file %(file)s.") % {"file": file}])
        codes, issues = read_klass_codes(content)
        if issues:
            self._fail([issue.message for issue in issues]
                       + [_("Nothing was changed.")])
        detected = services.detect_classification(codes)
        if classification is None and detected is None:
            self._fail([_(
                "Cannot tell whether the file holds funksjoner (Klass 277) or arter "
                "(Klass 259). Give --classification 277 or --classification 259."
            )])
        if classification is not None and detected not in (None, classification):
            self._fail([_(
                "The file looks like Klass %(detected)d, not %(given)d. Nothing was changed."
            ) % {"detected": detected, "given": classification}])
        summary = services.import_classification(codes, classification or detected, dry_run)
        self.stdout.write(self._summary(summary, dry_run))

    def _summary(self, summary: services.ImportSummary, dry_run: bool) -> str:
        counts = _(
            "Klass %(classification)d: %(updated)d updated, %(added)d added, "
            "%(unchanged)d unchanged, %(skipped)d skipped (not three-digit codes)."
        ) % vars(summary)
        if dry_run:
            return counts + " " + _("Dry run: nothing was saved.")
        if not summary.changed:
            return counts + " " + _("Nothing to change: the codes were already up to date.")
        return counts

    def _fail(self, messages: list[str]) -> NoReturn:
        for message in messages:
            self.stderr.write(message)
        raise SystemExit(1)
