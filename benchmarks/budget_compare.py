"""Five budget versions side by side: 50 000 lines each over four years (some written by
300 measures), loaded with bulk inserts into a throw-away municipality that is removed
afterwards; `compare_versions` timed for each grouping (target: under 500 ms)."""

import random
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.variance import _insert, _organisation, _percentiles

FIRST_YEAR, YEARS, NUMBER = 2030, 4, "9995"
VERSIONS, LINES_PER_VERSION, MEASURES = 5, 50_000, 300
MEASURE_SHARE = 0.05
LINE_COLUMNS = ("version_id", "lock_version", "year", "account_class", "responsibility",
                "function", "art", "kostra_art", "project", "amount", "measure_id")
GROUPINGS = ("service_area", "art_group", "measure")


def _strings(codes: list[str], count: int, rng: random.Random) -> list[tuple]:
    functions = [f"{f:03d}" for f in range(100, 400, 5)]
    arts = [f"{a:03d}{d}" for a in range(10, 999, 9) for d in (0, 1)]
    found: set[tuple] = set()
    while len(found) < count:
        found.add((rng.choice(codes), rng.choice(functions), rng.choice(arts),
                   rng.choice(["", "", "", "P1"])))
    return sorted(found)


def _nulls(rows):
    """COPY's text format writes NULL as \\N; executemany takes None."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return rows
    return (tuple(r"\N" if value is None else value for value in row) for row in rows)


def _load(municipality) -> list:
    from styringshjul.budget.models import BudgetVersion, EconomicPlan, Measure
    from styringshjul.org.models import ServiceArea

    rng = random.Random(2030)
    codes = _organisation(municipality)
    plan = EconomicPlan.objects.create(municipality=municipality, first_year=FIRST_YEAR)
    area = ServiceArea.objects.for_municipality(municipality).first()
    measures = [Measure.objects.create(municipality=municipality, plan=plan, number=n,
                                       title=f"Tiltak {n}", kind="saving", service_area=area)
                for n in range(1, MEASURES + 1)]
    strings = _strings(codes, LINES_PER_VERSION // YEARS, rng)
    versions = []
    for index in range(VERSIONS):
        version = BudgetVersion.objects.create(
            municipality=municipality, plan=plan, name=f"Versjon {index + 1}",
            first_year=FIRST_YEAR, years=YEARS, state="proposal")
        versions.append(version)
        _insert("budget_budgetline", LINE_COLUMNS, _nulls(
            (version.pk, 0, FIRST_YEAR + year, "operating", r, f, a, a[:3], o,
             f"{rng.randint(-1_000_000, 50_000_000) / 100:.2f}",
             rng.choice(measures).pk if rng.random() < MEASURE_SHARE else None)
            for year in range(YEARS) for r, f, a, o in strings))
    return versions


def run(timed: Callable, workdir: Path) -> None:
    from django.db import connection, transaction

    from benchmarks.budget_balance import analyse_budget_lines
    from styringshjul.budget.comparison import compare_versions
    from styringshjul.budget.models import Measure
    from styringshjul.budget.spreadsheets import export_workbook
    from styringshjul.org.models import Municipality, OrgUnit, Responsibility, ServiceArea

    municipality = Municipality.objects.create(number=NUMBER, name="Sammenlignby")
    try:
        start = time.perf_counter()
        with transaction.atomic():
            versions = _load(municipality)
        analyse_budget_lines()
        print(f"budget compare: loaded {VERSIONS} versions × {LINES_PER_VERSION:,} lines "
              f"({connection.vendor}) in {time.perf_counter() - start:.1f} s")
        for by in GROUPINGS:
            comparison = compare_versions(versions, FIRST_YEAR + 1, by)
            assert comparison.rows and len(comparison.balance.amounts) == VERSIONS

            def compare(by=by):
                return compare_versions(versions, FIRST_YEAR + 1, by)

            _percentiles(f"compare 5 versions × 50 k lines by {by}", compare, repeat=20)
        _percentiles("export one version (50 k lines) to XLSX",
                     lambda: export_workbook(versions[0]), repeat=3)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM budget_budgetline WHERE version_id IN "
                "(SELECT id FROM budget_budgetversion WHERE municipality_id = %s)",
                [municipality.pk])
        Measure.objects.for_municipality(municipality).delete()
        municipality.budget_versions.all().delete()
        municipality.economic_plans.all().delete()
        for model in (Responsibility, OrgUnit, ServiceArea):
            model.objects.for_municipality(municipality).delete()
        municipality.delete()
