import csv
import io
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.keyfigures import queries
from styringshjul.keyfigures.models import KeyFigure, Region, RegionKind

HEADER = ["region_code", "region_name", "value", "rank"]


class Command(BaseCommand):
    help = ("Compare a key figure across all municipalities in a year: one row per "
            "municipality with a value (region_code, region_name, value, rank; rank 1 is the "
            "best by the figure's direction, ties share a rank), then the municipality's "
            "KOSTRA group, county and the country without a rank.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--figure", required=True, metavar="CODE",
                            help="the content code, or TABLE:CONTENTCODE where ambiguous")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", default="csv", choices=["csv"])
        parser.add_argument("--output", type=Path, help="a file; without it standard output")

    def handle(self, *args, municipality: str, figure: str, year: int, output: Path | None,
               **options) -> None:
        with translation.override("nb"):
            text = compare_csv(municipality, figure, year)
            if output is None:
                self.stdout.write(text, ending="")
            else:
                output.write_text(text, encoding="utf-8")
                self.stderr.write(_("The comparison written to %(file)s.") % {"file": output})


def plain(value: Decimal | None) -> str:
    """A decimal with a point and no trailing zeros: 1234.5, 100."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def find_municipality(number: str) -> Region:
    region = Region.objects.filter(code=number, kind=RegionKind.MUNICIPALITY).first()
    if region is None:
        raise CommandError(_("No municipality has the number %(number)s.")
                           % {"number": number}, returncode=2)
    return region


def find_figure(code: str) -> KeyFigure:
    try:
        return queries.find_figure(code)
    except queries.FigureNotFound as error:
        raise CommandError(str(error), returncode=2) from error


def compare_rows(number: str, code: str, year: int) -> list[list[str]]:
    region = find_municipality(number)
    figure = find_figure(code)
    ranked = queries.ranking(figure, year)
    if not ranked:
        raise CommandError(_("%(figure)s (%(code)s) has no values for %(year)s.")
                           % {"figure": figure.name, "code": figure.qualified_code,
                              "year": year}, returncode=2)
    rows = [[row.region_code, row.region_name, plain(row.value), str(row.rank)]
            for row in ranked]
    extra = [queries.kostra_group_of(region, year), queries.county_of(region),
             Region.objects.filter(code=queries.COUNTRY).first()]
    extra = [r for r in extra if r is not None]
    values = queries.series(figure, extra, [year])
    rows += [[r.code, r.name, plain(values[r.code].get(year)), ""] for r in extra]
    return rows


def compare_csv(number: str, code: str, year: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(compare_rows(number, code, year))
    return out.getvalue()
