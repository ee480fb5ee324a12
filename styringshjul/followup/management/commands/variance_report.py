"""`styringshjul variance_report --municipality 3439 --year 2025 --period 8 --by ansvar`"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.budget.queries import version_by_name
from styringshjul.followup.export import to_csv, to_xlsx
from styringshjul.followup.queries import Grouping, variance
from styringshjul.ledger.models import AccountClass
from styringshjul.org.models import Municipality


class Command(BaseCommand):
    help = "Writes budget against actuals to date as CSV or XLSX."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version names a budget version here, not the program's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve",
                                     **kwargs)

    def add_arguments(self, parser) -> None:
        parser.add_argument("--municipality", required=True, help="kommunenummer, e.g. 3439")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", type=int, required=True, choices=range(1, 14))
        parser.add_argument("--by", required=True, choices=[g.value for g in Grouping])
        parser.add_argument("--version", default="", help="budget version name")
        parser.add_argument("--format", default="csv", choices=["csv", "xlsx"])
        parser.add_argument("--output", default="", help="file (required for xlsx)")
        parser.add_argument("--account-class", default=AccountClass.OPERATING,
                            choices=[c.value for c in AccountClass])

    def handle(self, *args, **options) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        municipality = Municipality.objects.filter(number=options["municipality"]).first()
        if municipality is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": options["municipality"]}, returncode=1)
        version = None
        if options["version"]:
            version = version_by_name(municipality, options["version"])
            if version is None:
                raise CommandError(_("%(municipality)s has no budget version named “%(name)s”.")
                                   % {"municipality": municipality, "name": options["version"]},
                                   returncode=1)
        if options["format"] == "xlsx" and not options["output"]:
            raise CommandError(_("XLSX needs --output FILE."), returncode=1)
        report = variance(municipality, options["year"], options["period"],
                          Grouping(options["by"]), version, options["account_class"])
        if report is None:
            raise CommandError(_("%(municipality)s has no adopted budget for %(year)d.")
                               % {"municipality": municipality, "year": options["year"]},
                               returncode=1)
        if options["format"] == "xlsx":
            to_xlsx(report, options["output"])
        elif options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as handle:
                handle.write(to_csv(report))
        else:
            self.stdout.write(to_csv(report), ending="")
