from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from styringshjul.demo.people import DEMO_PASSWORD, PEOPLE, SUPERUSER
from styringshjul.demo.services import build_demo


class Command(BaseCommand):
    help = "Create or refresh the demo municipalities Ringebu (3439) and Gausdal (3441)."

    def handle(self, *args, **options):
        for municipality in build_demo():
            self.stdout.write(
                _("%(number)s %(name)s: %(units)d units, %(codes)d responsibility codes")
                % {
                    "number": municipality.number,
                    "name": municipality.name,
                    "units": municipality.units.count(),
                    "codes": municipality.responsibilities.count(),
                }
            )
        self.stdout.write(
            "\n" + _("Demo users (password «%(password)s»):") % {"password": DEMO_PASSWORD}
        )
        for person in [*PEOPLE, SUPERUSER]:
            where = f", {person.municipality}" if person.municipality else ""
            self.stdout.write(f"  {person.username:<6} {person.title}{where}")
