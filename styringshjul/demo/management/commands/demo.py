from django.core.management.base import BaseCommand

from styringshjul.demo.people import DEMO_PASSWORD, PEOPLE, SUPERUSER
from styringshjul.demo.services import build_demo


class Command(BaseCommand):
    help = "Create or refresh the demo municipalities Ringebu (3439) and Gausdal (3441)."

    def handle(self, *args, **options):
        municipalities = build_demo()
        for municipality in municipalities:
            self.stdout.write(
                f"{municipality.number} {municipality.name}: "
                f"{municipality.units.count()} enheter, "
                f"{municipality.responsibilities.count()} ansvar"
            )
        self.stdout.write(f"\nDemo-brukere (passord «{DEMO_PASSWORD}»):")
        for person in [*PEOPLE, SUPERUSER]:
            where = f", {person.municipality}" if person.municipality else ""
            self.stdout.write(f"  {person.username:<6} {person.title}{where}")
