"""`styringshjul import_survey FILE --municipality 3439 --survey NAME [--kind user|employee|
citizen] [--year 2025] [--unit NAME_OR_ANSVAR] [--threshold N] [--map "NAME=ANSVAR_OR_UNIT"]...
[--dry-run]`"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from styringshjul.lib.issues import Issue
from styringshjul.org.models import Municipality
from styringshjul.surveys.importers import create_survey, import_survey, save_alias
from styringshjul.surveys.models import Survey, SurveyKind
from styringshjul.surveys.queries import find_survey
from styringshjul.surveys.survey_files import PlaceFinder


class Command(BaseCommand):
    help = ("Import a survey's results (bedrekommune.no, 10-FAKTOR: long, or wide with a "
            "column per place or per year) from a CSV or XLSX file. Exits with status 1 when "
            "the file is rejected; nothing is stored then.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (; , or tab) or XLSX file")
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--survey", required=True, metavar="NAME",
                            help="the survey's name; created when it does not exist")
        parser.add_argument("--kind", choices=SurveyKind.values,
                            help="the kind of a survey that is created (required then)")
        parser.add_argument("--year", type=int, help="the year, for files that give none")
        parser.add_argument("--unit", metavar="NAME_OR_ANSVAR",
                            help="the place, for files with a column per year")
        parser.add_argument("--threshold", type=int, metavar="N",
                            help="fewest respondents shown, for a survey that is created")
        parser.add_argument("--map", action="append", default=[], dest="mappings",
                            metavar="NAME=ANSVAR_OR_UNIT",
                            help="save how the file names a unit, service area or the "
                                 "municipality before importing; may be repeated")
        parser.add_argument("--dry-run", action="store_true",
                            help="check the file and show what it would import, save nothing")

    def handle(self, *args, file: Path, municipality: str, survey: str, kind: str | None,
               year: int | None, unit: str | None, threshold: int | None, mappings: list[str],
               dry_run: bool, **options) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        tenant = Municipality.objects.filter(number=municipality).first()
        if tenant is None:
            raise CommandError(_("No municipality has the number %(number)s.")
                               % {"number": municipality}, returncode=1)
        if not file.is_file():
            raise CommandError(_("The file %(file)s does not exist.") % {"file": file},
                               returncode=1)
        # The survey and aliases the command creates are kept only when the file imports.
        with transaction.atomic():
            found = _survey(tenant, survey, kind, threshold)
            for mapping in mappings:
                _save_mapping(tenant, mapping)
            result = import_survey(found, file, year=year, place=unit, dry_run=dry_run)
            if result.rejected or dry_run:
                transaction.set_rollback(True)
        for issue in result.issues:
            self.stdout.write(_issue_line(issue))
        if result.rejected:
            raise CommandError(result.status_message(), returncode=1)
        self.stdout.write(result.status_message())


def _survey(municipality: Municipality, name: str, kind: str | None,
            threshold: int | None) -> Survey:
    found = find_survey(municipality, " ".join(name.split()))
    if found is not None:
        if threshold is not None and threshold != found.anonymity_threshold:
            raise CommandError(_("--threshold applies only to a survey that is created; "
                                 "change the threshold of “%(name)s” on its page.")
                               % {"name": found.name}, returncode=1)
        return found
    if kind is None:
        raise CommandError(_("%(municipality)s has no survey named “%(name)s”; give --kind "
                             "to create it.") % {"municipality": municipality.name,
                                                 "name": name}, returncode=1)
    fields = {} if threshold is None else {"anonymity_threshold": threshold}
    try:
        return create_survey(municipality, name, kind, **fields)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages), returncode=1) from error


def _save_mapping(municipality: Municipality, mapping: str) -> None:
    name, separator, target_text = mapping.rpartition("=")
    target = PlaceFinder(municipality).find(target_text) if separator and name.strip() else None
    if target is None:
        raise CommandError(_("--map “%(mapping)s”: write NAME=ANSVAR_OR_UNIT, naming a unit, "
                             "ansvar code or service area of %(municipality)s.")
                           % {"mapping": mapping, "municipality": municipality.name},
                           returncode=1)
    save_alias(municipality, name, target.unit or target.service_area)


def _issue_line(issue: Issue) -> str:
    where = _("row %(row)s") % {"row": issue.row} if issue.row else _("whole file")
    column = f" {issue.column}" if issue.column else ""
    value = f" «{issue.value}»" if issue.value else ""
    warning = "" if issue.is_error else _("Warning") + ": "
    return f"{where}{column}{value}: {warning}{issue.message}"
