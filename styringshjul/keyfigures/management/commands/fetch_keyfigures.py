"""styringshjul fetch_keyfigures --year 2025 [--table ID ...] [--regions all|municipalities]
[--kostra-groups]"""

from argparse import ArgumentParser
from collections import defaultdict
from typing import NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.keyfigures import jsonstat
from styringshjul.keyfigures.importer import import_dataset, region_kind
from styringshjul.keyfigures.kostra_groups import import_klass_answer
from styringshjul.keyfigures.management.commands.import_keyfigures import write_result
from styringshjul.keyfigures.models import KeyFigure, RegionKind
from styringshjul.keyfigures.ssb_client import Query, SsbClient, SsbError, default_client
from styringshjul.org.importers import describe, severity_label


class Command(BaseCommand):
    help = (
        "Fetches every catalogue figure for one year from Statistics Norway's statbank (one "
        "request per table, split when large) and imports the answers."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--table", action="append", default=[], dest="tables")
        parser.add_argument("--regions", choices=["all", "municipalities"], default="all")
        parser.add_argument("--kostra-groups", action="store_true",
                            help="also fetch each municipality's KOSTRA group for the year "
                                 "from Statistics Norway's Klass")

    def handle(self, *args, year: int, tables: list[str], regions: str, kostra_groups: bool,
               **options) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            figures = KeyFigure.objects.all()
            if tables:
                figures = figures.filter(table_id__in=tables)
            by_table: dict[str, list[KeyFigure]] = defaultdict(list)
            for figure in figures:
                by_table[figure.table_id].append(figure)
            if not by_table:
                self._fail(_("No catalogue figures to fetch."))
            client = default_client(settings)
            failed = kostra_groups and self._fetch_groups(client, year)
            for table_id, table_figures in sorted(by_table.items()):
                failed |= self._fetch_table(client, table_id, table_figures, year, regions)
            if failed:
                raise SystemExit(1)

    def _fetch_table(self, client: SsbClient, table_id: str, figures: list[KeyFigure],
                     year: int, regions: str) -> bool:
        """Fetch and import one table; True when it failed."""
        try:
            query = build_query(client.metadata(table_id), table_id, figures, year, regions)
            dataset = client.fetch(query) if query else None
        except SsbError as exc:
            self._fail(self._network_message(exc, table_id))
        if dataset is None:
            self.stderr.write(_("Table %(table)s has no year %(year)d or none of the "
                                "figures; skipped.") % {"table": table_id, "year": year})
            return True
        result = import_dataset(dataset, source=f"statbank {table_id} {year}",
                                table_id=table_id)
        try:
            write_result(self, result)
        except SystemExit:
            return True
        return False

    def _fetch_groups(self, client: SsbClient, year: int) -> bool:
        """Fetch and record the year's KOSTRA groups; True when it failed (the figures are
        fetched all the same)."""
        try:
            result = import_klass_answer(client.kostra_groups(year), year)
        except SsbError as exc:
            self.stderr.write(self._network_message(exc, "Klass 131→112"))
            return True
        for issue in result.issues:
            self.stderr.write(f"{severity_label(issue)}: {describe(issue)}")
        (self.stderr if result.rejected else self.stdout).write(result.status_message())
        return result.rejected

    def _network_message(self, exc: SsbError, table_id: str) -> str:
        if exc.code in {"unavailable", "timeout"}:
            return _("Cannot reach Statistics Norway (data.ssb.no): %(reason)s. Check the "
                     "network, or import saved files with import_keyfigures."
                     ) % {"reason": exc.detail}
        return _("Statistics Norway answered %(status)s for table %(table)s: %(detail)s") % {
            "status": exc.status or "-", "table": table_id, "detail": exc.detail}

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(message)
        raise SystemExit(1)


def build_query(dimensions: list[jsonstat.Dimension], table_id: str,
                figures: list[KeyFigure], year: int, regions: str) -> Query | None:
    """The selection for the figures of one table in one year, from the table's metadata:
    every region it has (or only municipalities), the figures' content codes, the year, and
    the values the figures select on further dimensions (others are left to elimination)."""
    dataset = jsonstat.Dataset("", dimensions, [], [])
    geo, metric, time = (dataset.role(role) for role in ("geo", "metric", "time"))
    if geo is None or metric is None or time is None or str(year) not in time.codes:
        return None
    # A figure added from a table with more dimensions has a code like KOSbelop0000.FG2.
    wanted = (f.content_code if f.content_code in metric.codes else f.content_code.split(".")[0]
              for f in figures)
    contents = [code for code in dict.fromkeys(wanted) if code in metric.codes]
    if not contents:
        return None
    region_codes = [code for code in geo.codes
                    if regions == "all" or region_kind(code) == RegionKind.MUNICIPALITY]
    selection = {geo.id: region_codes, metric.id: contents, time.id: [str(year)]}
    for figure in figures:
        for dimension, code in (figure.selection or {}).items():
            selection.setdefault(dimension, [])
            if code not in selection[dimension]:
                selection[dimension].append(code)
    return Query(table_id, selection, region_dimension=geo.id)
