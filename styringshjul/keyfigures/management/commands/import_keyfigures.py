"""styringshjul import_keyfigures FILE [--table ID]"""

import hashlib
from argparse import ArgumentParser
from pathlib import Path
from typing import NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.keyfigures import jsonstat, statbank_csv
from styringshjul.keyfigures.importer import ImportResult, import_dataset
from styringshjul.lib.tabular import TableError


class Command(BaseCommand):
    help = (
        "Imports key figures from a saved Statistics Norway file: JSON-stat2 (.json) or a "
        "statbank CSV download. Figures not in the catalogue are added; unknown regions "
        "are reported."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--table", default="", help="statbank table id, e.g. 12362")

    def handle(self, *args, file: Path, table: str, **options) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            try:
                content = file.read_bytes()
            except OSError:
                self._fail([_("Cannot read the file %(file)s.") % {"file": file}])
            dataset = self._read(file, content, table)
            result = import_dataset(dataset, source=file.name,
                                    sha256=hashlib.sha256(content).hexdigest(),
                                    table_id=table)
            write_result(self, result)

    def _read(self, file: Path, content: bytes, table: str) -> jsonstat.Dataset:
        try:
            if file.suffix.lower() == ".json" or content.lstrip()[:1] == b"{":
                return jsonstat.loads(content)
            return statbank_csv.read_csv(content, table_id=table)[0]
        except jsonstat.JsonStatError as exc:
            self._fail([_("The file is not a JSON-stat2 dataset (%(reason)s).")
                        % {"reason": exc.code}])
        except TableError as exc:
            self._fail([_("The file is not a statbank CSV file (%(reason)s).")
                        % {"reason": exc.code}])

    def _fail(self, messages: list[str]) -> NoReturn:
        for message in messages:
            self.stderr.write(message)
        raise SystemExit(1)


def write_result(command: BaseCommand, result: ImportResult) -> None:
    """Counts on stdout, issues on stderr; exit 1 when any issue is an error."""
    if result.unchanged:
        command.stdout.write(_("%(source)s: already imported, nothing changed.")
                             % {"source": result.source})
        return
    command.stdout.write(_(
        "%(source)s: %(created)d values added, %(updated)d changed, %(same)d unchanged, "
        "%(skipped)d skipped; %(figures)d figures and %(regions)d regions added."
    ) % {"source": result.source, "created": result.created, "updated": result.updated,
         "same": result.same, "skipped": result.skipped,
         "figures": len(result.figures_added), "regions": len(result.regions_added)})
    for code in result.figures_added:
        command.stdout.write(_("New figure: %(code)s") % {"code": code})
    for issue in result.issues:
        severity = _("Error") if issue.is_error else _("Warning")
        command.stderr.write(f"{severity}: {issue.message} {issue.column} {issue.value}")
    if result.has_errors:
        raise SystemExit(1)
