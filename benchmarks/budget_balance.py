"""The balance panel and all four schedules of a 4-year economic plan with 50 000 budget
lines (300 of the account strings carried by measures), loaded with bulk inserts into a
throw-away municipality that is removed afterwards. Target: balance and all schedules for
all four years recomputed in under 300 ms."""

import csv
import random
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.variance import _insert, _percentiles

LINES, MEASURES, YEARS = 50_000, 300, 4
FIRST_YEAR, NUMBER = 2030, "9996"
UNITS, CODES_PER_UNIT, AREAS = 60, 4, 8
COLUMNS = ("version_id", "year", "account_class", "responsibility", "function", "art",
           "kostra_art", "project", "amount", "measure_id", "lock_version")
CODE_LISTS = Path(__file__).parents[1] / "styringshjul" / "ledger" / "data"


def _codes(name: str) -> list[str]:
    with (CODE_LISTS / name).open(encoding="utf-8") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def _organisation(municipality) -> list[str]:
    from styringshjul.org.models import OrgUnit, Responsibility, ServiceArea

    areas = [ServiceArea.objects.create(municipality=municipality, name=f"Område {a}",
                                        sort_order=a) for a in range(AREAS)]
    codes = []
    for u in range(UNITS):
        unit = OrgUnit.objects.create(municipality=municipality, service_area=areas[u % AREAS],
                                      name=f"Enhet {u:03d}")
        for c in range(CODES_PER_UNIT):
            code = f"{20000 + u * 10 + c}"
            Responsibility.objects.create(municipality=municipality, unit=unit, code=code)
            codes.append(code)
    return codes + ["99999"]


def _strings(codes: list[str], rng: random.Random) -> list[tuple]:
    """Distinct account strings per year: mostly service lines, some finance and capital."""
    functions = [f for f in _codes("funksjoner_2025_2026.csv") if f < "800"]
    finance = [f for f in _codes("funksjoner_2025_2026.csv") if f >= "800"]
    arts = _codes("arter_2025_2026.csv")
    strings: set[tuple] = set()
    per_year = LINES // YEARS
    while len(strings) < per_year:
        roll = rng.random()
        account_class = "capital" if roll < 0.05 else "operating"
        function = rng.choice(finance if roll > 0.97 else functions)
        art = rng.choice(arts)
        strings.add((account_class, rng.choice(codes), function, art + rng.choice(["", "1"]),
                     rng.choice(["", "", "", "P1"])))
    return sorted(strings)


def _load(municipality):
    from styringshjul.budget.models import BudgetVersion, EconomicPlan, Measure
    from styringshjul.org.models import ServiceArea

    rng = random.Random(2030)
    codes = _organisation(municipality)
    plan = EconomicPlan.objects.create(municipality=municipality, first_year=FIRST_YEAR,
                                       years=YEARS, opening_reserve=50_000_000,
                                       opening_loan_debt=900_000_000)
    area = ServiceArea.objects.for_municipality(municipality).first()
    measures = Measure.objects.bulk_create(
        Measure(municipality=municipality, plan=plan, number=n + 1, title=f"Tiltak {n + 1}",
                kind="saving", service_area=area) for n in range(MEASURES))
    version = BudgetVersion.objects.create(municipality=municipality, plan=plan,
                                           name="Økonomiplan", state="proposal",
                                           first_year=FIRST_YEAR, years=YEARS)
    strings = _strings(codes, rng)
    measure_of = {index: measures[index % MEASURES].pk
                  for index in rng.sample(range(len(strings)), MEASURES)}
    rows = []
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        for index, (cls, resp, function, art, project) in enumerate(strings):
            measure = measure_of.get(index)
            rows.append((version.pk, year, cls, resp, function, art, art[:3], project,
                         f"{rng.randint(-5_000_000, 20_000_000) / 100:.2f}",
                         measure if measure is not None else None, 0))
    _insert("budget_budgetline", COLUMNS, _nulls(rows))
    return version


def analyse_budget_lines() -> None:
    """Refresh the planner's statistics after the bulk load, as autovacuum does within a
    minute in production: a freshly loaded table looks empty to PostgreSQL, which then
    sorts 50 000 rows on disk instead of hashing them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE budget_budgetline")


def _nulls(rows):
    """COPY writes `\\N` for NULL; executemany takes None."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return rows
    return [tuple("\\N" if value is None else value for value in row) for row in rows]


def run(timed: Callable, workdir: Path) -> None:
    from django.db import connection, transaction

    from styringshjul.budget.balance import balance_panel
    from styringshjul.budget.models import BudgetLine
    from styringshjul.budget.schedules import SCHEDULES, Source, compute, schedule
    from styringshjul.org.models import Municipality, OrgUnit, Responsibility, ServiceArea

    municipality = Municipality.objects.create(number=NUMBER, name="Balanseby")
    start = time.perf_counter()
    with transaction.atomic():
        version = _load(municipality)
    analyse_budget_lines()
    count = BudgetLine.objects.filter(version=version).count()
    with_measure = BudgetLine.objects.filter(version=version, measure__isnull=False).count()
    print(f"budget balance: loaded {count:,} budget lines ({with_measure} from "
          f"{MEASURES} measures, {connection.vendor}) in {time.perf_counter() - start:.1f} s")
    version.refresh_from_db()

    def everything():
        source = Source(municipality, version, version.year_range)
        panel = balance_panel(version, source)
        schedules = [compute(code, year, source) for year in version.year_range
                     for code in SCHEDULES]
        return panel, schedules

    def balance_alone():
        return balance_panel(version)

    def one_schedule_each():
        return [schedule(version, municipality, year, code) for year in version.year_range
                for code in SCHEDULES]

    try:
        panel, schedules = everything()
        assert len(panel) == YEARS and len(schedules) == YEARS * len(SCHEDULES)
        for year in version.year_range:
            areas = next(s for s in schedules if s.code == "5-4-2" and s.year == year)
            line_6 = next(s for s in schedules if s.code == "5-4-1" and s.year == year)
            assert areas.lines[-1].amount == line_6.line("6").amount
        _percentiles("balance + 4 schedules x 4 years, shared sums (target < 300 ms)",
                     everything)
        _percentiles("balance panel alone, 4 years (1 query)", balance_alone)
        _percentiles("16 schedules one by one (page by page)", one_schedule_each, repeat=5)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM budget_budgetline WHERE version_id = %s", [version.pk])
        version.delete()
        version.plan.delete()
        for model in (Responsibility, OrgUnit, ServiceArea):
            model.objects.for_municipality(municipality).delete()
        municipality.delete()
