import csv

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from styringshjul.budget.comparison import GROUPINGS, Comparison, compare_versions
from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.queries import version_by_name
from styringshjul.lib.money import format_kroner
from styringshjul.org.models import Municipality


class Command(BaseCommand):
    help = ("Compare budget versions side by side: one year's operating budget per service "
            "area, art group or measure, each version's amount and its difference from the "
            "first, and the operating total (the effect on balance; 0 is balanced).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--versions", required=True, metavar="ID_OR_NAME[,ID_OR_NAME…]",
                            help="versions by id or exact name, separated by commas; "
                                 "differences are against the first")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--by", required=True, choices=GROUPINGS)
        parser.add_argument("--format", default="text", choices=("text", "csv"))

    def handle(self, *args, municipality: str, versions: str, year: int, by: str,
               format: str, **options) -> None:
        tenant = Municipality.objects.filter(number=municipality).first()
        if tenant is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": municipality}, returncode=1)
        chosen = [_version(tenant, name.strip()) for name in versions.split(",") if name.strip()]
        comparison = compare_versions(chosen, year, by)
        if format == "csv":
            self._csv(comparison)
        else:
            self._text(comparison)

    def _csv(self, comparison: Comparison) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        names = [version.name for version in comparison.versions]
        writer.writerow(["key", "name", *names,
                         *(f"difference {name}" for name in names[1:])])
        for row in [*comparison.rows, comparison.balance]:
            writer.writerow([row.key, row.name, *(f"{a:.2f}" for a in row.amounts),
                             *(f"{d:.2f}" for d in row.differences[1:])])

    def _text(self, comparison: Comparison) -> None:
        width = max(18, *(len(v.name) for v in comparison.versions))
        self.stdout.write(f"{'':40} " + " ".join(f"{v.name:>{width}}"
                                                 for v in comparison.versions))
        for row in [*comparison.rows, comparison.balance]:
            cells = " ".join(f"{format_kroner(a):>{width}}" for a in row.amounts)
            self.stdout.write(f"{row.name[:40]:40} {cells}")


def _version(municipality: Municipality, id_or_name: str) -> BudgetVersion:
    version = None
    if id_or_name.isdigit():
        version = BudgetVersion.objects.for_municipality(municipality).filter(
            pk=int(id_or_name)).first()
    version = version or version_by_name(municipality, id_or_name)
    if version is None:
        raise CommandError(_("No budget version %(version)s in %(municipality)s.")
                           % {"version": id_or_name, "municipality": municipality},
                           returncode=1)
    return version
