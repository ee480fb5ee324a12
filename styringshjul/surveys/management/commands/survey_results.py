from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality
from styringshjul.surveys import export, queries
from styringshjul.surveys.models import Survey


class Command(BaseCommand):
    help = ("A survey's results that may be shown, as CSV (columns year, level, place, "
            "ansvar, dimension, respondents, mean, reference, status) or JSON with the same "
            "fields. A hidden result has no respondents and no mean and the status «skjult»; "
            "«reference» is the first reference mean (e.g. Norge) of the dimension, and each "
            "reference also has rows of its own at the level «reference».")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--survey", required=True, metavar="NAME",
                            help="the survey's name (any case) or number")
        parser.add_argument("--year", type=int, help="one year; without it every year")
        parser.add_argument("--format", default="csv", choices=["csv", "json"])
        parser.add_argument("--output", type=Path, help="a file; without it standard output")

    def handle(self, *args, municipality: str, survey: str, year: int | None,
               format: str, output: Path | None, **options) -> None:
        with translation.override("nb"):
            found = find_survey(municipality, survey)
            if year is not None and year not in {r.year for r in queries.rounds(found)}:
                raise CommandError(_("%(survey)s has no results for %(year)s.")
                                   % {"survey": found.name, "year": year}, returncode=2)
            rows = export.survey_rows(found, year)
            text = export.to_csv(rows) if format == "csv" else export.to_json(found, rows)
            if output is None:
                self.stdout.write(text, ending="")
            else:
                output.write_bytes(text.encode("utf-8"))
                self.stderr.write(_("The results written to %(file)s.") % {"file": output})


def find_survey(number: str, text: str) -> Survey:
    municipality = Municipality.objects.filter(number=number).first()
    if municipality is None:
        raise CommandError(_("No municipality has the number %(number)s.")
                           % {"number": number}, returncode=2)
    survey = queries.find_survey(municipality, text)
    if survey is None:
        raise CommandError(_("%(municipality)s has no survey «%(survey)s».")
                           % {"municipality": municipality, "survey": text}, returncode=2)
    return survey
