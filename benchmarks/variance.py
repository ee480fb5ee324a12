"""The variance report on a municipality with 1 M actuals (13 periods × ~77 k account
strings) and ~20 k budget lines, loaded with bulk inserts (COPY on PostgreSQL) into a
throw-away municipality that is removed afterwards, with the rollups the import keeps.

Each grouping is timed on the first call after an import (a period's rollups refreshed, so
the database's own caches are cold for that period) and on warm calls."""

import io
import itertools
import random
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ACTUAL_ROWS = 1_000_000
BUDGET_LINES = 20_000
UNITS, CODES_PER_UNIT, AREAS = 80, 5, 8
YEAR, NUMBER = 2025, "9997"
ACTUAL_COLUMNS = ("municipality_id", "year", "period", "account_class", "responsibility",
                  "function", "art", "kostra_art", "project", "amount", "source_id")
BUDGET_COLUMNS = ("version_id", "year", "account_class", "responsibility", "function", "art",
                  "kostra_art", "project", "amount", "lock_version")


def _organisation(municipality) -> list[str]:
    from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea

    areas = [ServiceArea.objects.create(municipality=municipality, name=f"Område {a}",
                                        sort_order=a) for a in range(AREAS)]
    codes = []
    for u in range(UNITS):
        unit = OrgUnit.objects.create(municipality=municipality, service_area=areas[u % AREAS],
                                      name=f"Enhet {u:03d}")
        for c in range(CODES_PER_UNIT):
            code = f"{10000 + u * 10 + c}"
            Responsibility.objects.create(municipality=municipality, unit=unit, code=code)
            codes.append(code)
    return codes + ["99999"]  # one code outside the tree


def _account_strings(codes: list[str], count: int, rng: random.Random) -> list[tuple]:
    functions = [f"{f:03d}" for f in range(100, 400, 5)]
    arts = [f"{a:03d}{d}" for a in range(10, 999, 9) for d in (0, 1)]
    strings: set[tuple] = set()
    while len(strings) < count:
        strings.add((rng.choice(codes), rng.choice(functions), rng.choice(arts),
                     rng.choice(["", "", "", "P1", "P2"])))
    return sorted(strings)


def _insert(table: str, columns: tuple, rows) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.StringIO()
            for row in rows:
                buffer.write("\t".join(map(str, row)) + "\n")
            buffer.seek(0)
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                while data := buffer.read(1 << 20):
                    copy.write(data)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                               list(rows))


def _load(municipality) -> None:
    from styringshjul.budget.models import BudgetVersion
    from styringshjul.ledger.models import LedgerImport

    rng = random.Random(2025)
    codes = _organisation(municipality)
    strings = _account_strings(codes, ACTUAL_ROWS // 13 + 1, rng)
    source = LedgerImport.objects.create(municipality=municipality, year=YEAR,
                                         file_name="bench.csv", file_sha256="0" * 64,
                                         line_count=ACTUAL_ROWS)
    actuals = (
        (municipality.pk, YEAR, period, "operating", r, f, a, a[:3], o,
         f"{rng.randint(-5_000_000, 20_000_000) / 100:.2f}", source.pk)
        for period in range(1, 14) for r, f, a, o in strings
    )
    _insert("ledger_actual", ACTUAL_COLUMNS, itertools.islice(actuals, ACTUAL_ROWS))
    version = BudgetVersion.objects.create(municipality=municipality, name="Vedtatt",
                                           state="adopted", first_year=YEAR)
    budget = rng.sample(strings, BUDGET_LINES)
    _insert("budget_budgetline", BUDGET_COLUMNS, (
        (version.pk, YEAR, "operating", r, f, a, a[:3], o,
         f"{rng.randint(-1_000_000, 50_000_000) / 100:.2f}", 0) for r, f, a, o in budget))


GROUPINGS = ("ansvar", "funksjon", "art", "art_group", "objekt", "unit", "service_area")


def _percentiles(label: str, action: Callable[[], object], repeat: int = 20,
                 before: Callable[[], object] | None = None) -> None:
    durations = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        durations.append((time.perf_counter() - start) * 1000)
    durations.sort()
    p95 = durations[min(repeat - 1, round(0.95 * repeat) - 1)]
    print(f"{label:<58} p50 {durations[repeat // 2]:8.1f} ms   p95 {p95:8.1f} ms   (n={repeat})")


def run(timed: Callable, workdir: Path) -> None:
    from django.db import connection, transaction

    from styringshjul.followup.queries import variance
    from styringshjul.ledger.rollups import refresh_rollups
    from styringshjul.org.models import Municipality

    leftover = Municipality.objects.filter(number=NUMBER).first()
    if leftover is not None:  # from a run that was stopped half-way
        _remove(leftover)
    municipality = Municipality.objects.create(number=NUMBER, name="Variansby")
    try:
        start = time.perf_counter()
        with transaction.atomic():
            _load(municipality)
        loaded = time.perf_counter()
        with transaction.atomic():
            refresh_rollups(municipality, YEAR, range(1, 14))
        print(f"variance: loaded {ACTUAL_ROWS:,} actuals and {BUDGET_LINES:,} budget lines "
              f"({connection.vendor}) in {loaded - start:.1f} s, "
              f"rollups of 13 periods in {time.perf_counter() - loaded:.2f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # what autovacuum does after a bulk load
                cursor.execute("ANALYZE")

        def after_an_import() -> None:
            with transaction.atomic():
                refresh_rollups(municipality, YEAR, [8])

        _percentiles("rollups of one period refreshed (~77 k actuals)", after_an_import,
                     repeat=5)
        for grouping in GROUPINGS:
            report = variance(municipality, YEAR, 8, grouping)
            assert report is not None and report.total.actual_ytd != Decimal(0)

            def report_(grouping=grouping):
                return variance(municipality, YEAR, 8, grouping)

            _percentiles(f"variance by {grouping}, period 8 (first after an import)",
                         report_, repeat=20, before=after_an_import)
            _percentiles(f"variance by {grouping}, period 8 (warm)", report_)
    finally:
        _remove(municipality)


def _remove(municipality) -> None:
    from django.db import connection

    from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea

    with connection.cursor() as cursor:
        for table in ("ledger_actualrollup", "ledger_actual"):
            cursor.execute(f"DELETE FROM {table} WHERE municipality_id = %s",
                           [municipality.pk])
    municipality.budget_versions.all().delete()
    municipality.ledger_imports.all().delete()
    for model in (Responsibility, OrgUnit, ServiceArea):
        model.objects.for_municipality(municipality).delete()
    municipality.delete()
