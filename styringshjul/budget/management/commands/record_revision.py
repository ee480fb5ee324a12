import sys
from datetime import date, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetVersion, DecidingBody
from styringshjul.budget.queries import version_by_name
from styringshjul.budget.revisions import RevisionRejected, read_changes, record_revision
from styringshjul.ledger.management.commands.import_ledger import municipality_or_error
from styringshjul.org.importers import describe, severity_label


class Command(BaseCommand):
    help = ("Record a budget revision (budsjettregulering) of an adopted or revised version "
            "from a file of changed lines (ansvar;funksjon;art;prosjekt;år;endring); makes a "
            "new revised version. One bad row rejects all; exits with status 1 then.")

    def create_parser(self, prog_name: str, subcommand: str, **kwargs) -> CommandParser:
        # `--version` names the budget version here, not the program's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve",
                                     **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (; , or tab) or XLSX file")
        parser.add_argument("--municipality", required=True, metavar="NUMBER",
                            help="the municipality's four-digit number, e.g. 3439")
        parser.add_argument("--version", required=True, metavar="ID_OR_NAME",
                            help="the version revised: its id or exact name")
        parser.add_argument("--case-number", required=True, help="the case number (saksnr)")
        parser.add_argument("--decided-on", required=True, metavar="DD.MM.YYYY")
        parser.add_argument("--decided-by", required=True, choices=DecidingBody.values)
        parser.add_argument("--justification", required=True)

    def handle(self, *args, file: Path, municipality: str, version: str, case_number: str,
               decided_on: str, decided_by: str, justification: str, **options) -> None:
        tenant = municipality_or_error(municipality, Path(file))
        decision_date = _date(decided_on)
        revised = _version(tenant, version)
        changes, issues = read_changes(Path(file))
        revision = None
        if not issues:
            try:
                revision = record_revision(
                    revised, case_number=case_number, decided_on=decision_date,
                    decided_by=decided_by, justification=justification, changes=changes,
                    user=None)
            except RevisionRejected as rejected:
                issues = rejected.issues
        for issue in issues:
            self.stdout.write(f"{severity_label(issue)}: {describe(issue)}")
        if revision is None:
            self.stdout.write(_("The revision was not recorded: nothing was changed."))
            sys.exit(1)
        total = sum((change.change for change in changes), 0)
        self.stdout.write(_("Revision %(case)s: %(count)s changed lines, net %(total)s, in "
                            "«%(version)s» (id %(id)s).") % {
            "case": revision.case_number, "count": len(changes), "total": f"{total:f}",
            "version": revision.result.name, "id": revision.result.pk})


def _date(text: str) -> date:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CommandError(_("Give the decision date as dd.mm.yyyy, not «%(date)s».")
                       % {"date": text}, returncode=1)


def _version(municipality, text: str) -> BudgetVersion:
    version = version_by_name(municipality, text)
    if version is None and text.isdigit():
        version = BudgetVersion.objects.for_municipality(municipality).filter(pk=text).first()
    if version is None:
        raise CommandError(_("The municipality has no budget version «%(version)s».")
                           % {"version": text}, returncode=1)
    return version
