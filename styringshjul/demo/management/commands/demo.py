from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from styringshjul.cycle.demo import build_demo_cycle
from styringshjul.demo.budget_process import build_demo_budget_process
from styringshjul.demo.finance import build_demo_finance
from styringshjul.demo.keyfigures import build_demo_keyfigures
from styringshjul.demo.people import DEMO_PASSWORD, PEOPLE, SUPERUSER
from styringshjul.demo.scorecards import build_demo_scorecards
from styringshjul.demo.services import build_demo
from styringshjul.demo.surveys import build_demo_surveys
from styringshjul.lib.money import format_kroner


class Command(BaseCommand):
    help = ("Create or refresh the demo municipalities Ringebu (3439) and Gausdal (3441): "
            "Ringebu's ledger and adopted budgets for 2025 and 2026, its budget process for "
            "the economic plan 2026–2029, its scorecards for 2026, its user and employee "
            "surveys for 2024 and 2025, and a synthetic national set of key figures.")

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
        figures = build_demo_keyfigures()
        self.stdout.write(
            _("Key figures (synthetic, in Statistics Norway's JSON-stat2 shape): %(values)s "
              "values of %(figures)d figures for every municipality")
            % {"values": format_kroner(figures.values), "figures": figures.figures})
        for cycle in build_demo_cycle():
            self.stdout.write(
                _("%(municipality)s: annual cycle %(year)s with %(activities)d activities")
                % {"municipality": cycle.municipality.name, "year": cycle.year,
                   "activities": cycle.activities.count()}
            )
        for loaded in build_demo_finance():
            self.stdout.write(
                _("Ringebu %(year)s: %(lines)s ledger lines in periods %(first)d–%(last)d, "
                  "budget «%(budget)s» with %(budget_lines)s lines")
                % {"year": loaded.year, "lines": format_kroner(loaded.ledger_lines),
                   "first": loaded.periods[0], "last": loaded.periods[-1],
                   "budget": loaded.budget_name,
                   "budget_lines": format_kroner(loaded.budget_lines)}
            )
        revised = build_demo_budget_process()
        if revised is not None:
            self.stdout.write(
                _("Ringebu: the budget process for %(plan)s, up to «%(version)s»")
                % {"plan": revised.plan, "version": revised.name})
        built = build_demo_scorecards()
        self.stdout.write(
            _("Ringebu %(year)s: %(scorecards)d scorecards, %(results)d results, "
              "%(inquiries)d inquiries")
            % {"year": built.top.year, "scorecards": built.scorecards,
               "results": built.results, "inquiries": built.inquiries})
        surveys = build_demo_surveys()
        self.stdout.write(
            _("Ringebu: %(surveys)d surveys with %(rounds)d rounds (%(imported)d files "
              "imported, %(unchanged)d unchanged), %(hidden)d results hidden to protect "
              "anonymity")
            % {"surveys": surveys.surveys, "rounds": surveys.rounds,
               "imported": surveys.imported, "unchanged": surveys.unchanged,
               "hidden": surveys.hidden})
        self.stdout.write(
            "\n" + _("Demo users (password «%(password)s»):") % {"password": DEMO_PASSWORD}
        )
        for person in [*PEOPLE, SUPERUSER]:
            where = f", {person.municipality}" if person.municipality else ""
            self.stdout.write(f"  {person.username:<6} {person.title}{where}")
