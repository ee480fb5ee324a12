from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styringshjul.cycle.models import Activity
from styringshjul.cycle.reminders import send_reminders
from styringshjul.org.models import Municipality


class Command(BaseCommand):
    help = ("E-mail each contact person about their bodies' activities due soon and those "
            "that are late. Run daily from cron.")

    def add_arguments(self, parser):
        parser.add_argument("--municipality", metavar="NUMBER",
                            help="Only this municipality (default: all).")
        parser.add_argument("--days", action="append", default=[], metavar="KIND=N",
                            help="Lead days for an activity kind in this run, over the "
                                 "municipality's setting, e.g. deadline=10.")
        parser.add_argument("--today", type=date.fromisoformat, default=None,
                            help="The day to remind as of (YYYY-MM-DD); default today.")
        parser.add_argument("--base-url", default="", help="The site's address, for links.")
        parser.add_argument("--dry-run", action="store_true",
                            help="List who would be reminded, send nothing.")

    def handle(self, *args, **options):
        today = options["today"] or date.today()
        lead_days = _lead_days(options["days"])
        municipalities = Municipality.objects.all()
        if options["municipality"]:
            municipalities = municipalities.filter(number=options["municipality"])
            if not municipalities.exists():
                raise CommandError(_("No municipality has the number %(number)s.")
                                   % {"number": options["municipality"]}, returncode=1)
        total = 0
        for municipality in municipalities:
            for reminder in send_reminders(municipality, today, base_url=options["base_url"],
                                           lead_days=lead_days, dry_run=options["dry_run"]):
                total += 1
                self.stdout.write(_("%(number)s %(email)s: %(soon)d due soon, %(late)d late") % {
                    "number": municipality.number, "email": reminder.user.email,
                    "soon": len(reminder.due_soon), "late": len(reminder.late)})
        self.stdout.write(_("%(count)d reminders.") % {"count": total})


def _lead_days(values: list[str]) -> dict[str, int]:
    kinds = {kind.value for kind in Activity.Kind}
    lead = {}
    for value in values:
        kind, _sep, days = value.partition("=")
        if kind not in kinds or not days.isdigit():
            raise CommandError(_("--days takes KIND=N with KIND one of %(kinds)s, not %(value)s.")
                               % {"kinds": ", ".join(sorted(kinds)), "value": value},
                               returncode=1)
        lead[kind] = int(days)
    return lead
