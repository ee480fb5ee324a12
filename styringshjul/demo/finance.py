"""Ringebu's accounts in the demo: the ledger of 2025 (periods 1–12) and of 2026 so far
(periods 1–10), and the adopted budget of both years, loaded the way a finance officer loads
them — as export files through the `import_ledger` and `import_budget` commands.

The files are the same bytes every run, so running the demo again changes nothing.
"""

import tempfile
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from styringshjul.demo.budget_lines import budget_name, write_budget_file
from styringshjul.demo.ledger_lines import write_ledger_export
from styringshjul.demo.organisations import RINGEBU

DEMO_YEARS = {2025: range(1, 13), 2026: range(1, 11)}


@dataclass(frozen=True)
class DemoYear:
    year: int
    periods: range
    ledger_lines: int
    budget_name: str
    budget_lines: int


def build_demo_finance(number: str = RINGEBU.number,
                       years: dict[int, range] = DEMO_YEARS) -> list[DemoYear]:
    """Write each year's ledger export and budget file, and import them."""
    loaded = []
    with tempfile.TemporaryDirectory(prefix="styringshjul-demo-") as folder:
        for year, periods in years.items():
            ledger = Path(folder) / f"hovedbok_{number}_{year}.csv"
            ledger_lines = write_ledger_export(ledger, year, periods=periods)
            _run("import_ledger", ledger, "--municipality", number, "--year", year)
            budget = Path(folder) / f"budsjett_{number}_{year}.csv"
            budget_lines = write_budget_file(budget, year)
            _run("import_budget", budget, "--municipality", number, "--year", year,
                 "--name", budget_name(year))
            loaded.append(DemoYear(year, periods, ledger_lines, budget_name(year),
                                   budget_lines))
    return loaded


def _run(command: str, *args: object) -> None:
    """Run an import quietly; a rejected file is a bug in the demo, so say what went wrong."""
    out = StringIO()
    try:
        call_command(command, *map(str, args), stdout=out, stderr=StringIO())
    except SystemExit as exit_:
        if exit_.code:
            raise CommandError(_("The demo's %(command)s was rejected:\n%(output)s")
                               % {"command": command, "output": out.getvalue()}) from exit_
