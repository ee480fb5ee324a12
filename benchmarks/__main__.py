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


BENCHMARKS = ("organisation", "ledger_import", "variance", "budget_balance", "budget_compare",
              "keyfigures")


def main(names: list[str]) -> int:
    """Run the named benchmarks (all when none are named), in the order above."""
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmarks: {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="styringshjul-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styringshjul.settings")
    import importlib

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"== Benchmarks on {connection.vendor} ({connection.settings_dict['NAME']})")
    for name in BENCHMARKS:
        if not names or name in names:
            importlib.import_module(f"benchmarks.{name}").run(timed, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
