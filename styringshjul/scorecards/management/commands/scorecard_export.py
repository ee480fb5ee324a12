import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality, Responsibility
from styringshjul.scorecards import export
from styringshjul.scorecards.models import Level, Scorecard


class Command(BaseCommand):
    help = ("Write a year's scorecard to a file: the municipality's, or with --unit that of "
            "the unit an ansvar code belongs to; as JSON, a portrait A4 PDF or a Word table. "
            "In JSON, numbers are strings holding the exact decimal.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--unit", metavar="ANSVAR",
                            help="any ansvar code of the unit; without it the municipality's")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", required=True, choices=export.FORMATS)
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args, municipality: str, unit: str | None, year: int, format: str,
               output: Path, **options) -> None:
        with translation.override("nb"):
            scorecard = find_scorecard(municipality, unit, year)
            output.write_bytes(render(scorecard, format))
            self.stdout.write(_("The scorecard of %(owner)s %(year)s written to %(file)s.")
                              % {"owner": export.owner_name(scorecard), "year": year,
                                 "file": output})


def render(scorecard: Scorecard, fmt: str) -> bytes:
    if fmt == "pdf":
        return export.to_pdf(scorecard)
    if fmt == "docx":
        return export.to_docx(scorecard)
    return json.dumps(export.to_data(scorecard), ensure_ascii=False, indent=2).encode()


def find_scorecard(number: str, code: str | None, year: int) -> Scorecard:
    tenant = Municipality.objects.filter(number=number).first()
    if tenant is None:
        raise CommandError(_("No municipality has the number %(number)s.")
                           % {"number": number}, returncode=2)
    scorecards = Scorecard.objects.for_municipality(tenant).filter(year=year)
    if code is None:
        scorecard = scorecards.filter(level=Level.MUNICIPALITY).first()
        owner = str(tenant)
    else:
        responsibility = Responsibility.objects.for_municipality(tenant).filter(
            code=code).select_related("unit").first()
        if responsibility is None:
            raise CommandError(_("%(municipality)s has no ansvar code %(code)s.")
                               % {"municipality": tenant, "code": code}, returncode=2)
        scorecard = scorecards.filter(level=Level.UNIT, unit=responsibility.unit).first()
        owner = str(responsibility.unit)
    if scorecard is None:
        raise CommandError(_("%(owner)s has no scorecard for %(year)s.")
                           % {"owner": owner, "year": year}, returncode=2)
    return scorecard
