"""`make bench`: timed runs on realistic volumes, printed as figures for the issue notes.

Runs against a throw-away SQLite database (or DATABASE_URL when set).
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def timed(label: str, action: Callable[[], object], repeat: int = 5) -> None:
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        durations.append(time.perf_counter() - start)
    durations.sort()
    print(f"{label:<58} median {durations[len(durations) // 2] * 1000:8.1f} ms"
          f"   best {durations[0] * 1000:8.1f} ms   (n={repeat})")


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="styringshjul-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styringshjul.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from benchmarks import ledger_import, organisation

    organisation.run(timed, workdir)
    ledger_import.run(timed, workdir)
    from benchmarks import variance

    variance.run(timed, workdir)
    from benchmarks import budget_balance, budget_compare

    budget_balance.run(timed, workdir)
    budget_compare.run(timed, workdir)
    from benchmarks import keyfigures

    keyfigures.run(timed, workdir)


if __name__ == "__main__":
    sys.exit(main())
