"""The consequence-adjusted baseline (konsekvensjustert budsjett): what today's activity
costs in each year of the plan, reached from last year's adopted budget and its revisions
in visible steps — one-off items removed, full-year effects of measures added, wage and
price growth, demographic change — each a `BaselineAdjustment` row with its reason.

Income (rammetilskudd, skatt) is not adjusted, so the baseline's total shows the gap the
measures must close. Amounts are `Decimal` kroner in the KOSTRA sign; an adjusted line is
rounded to whole kroner and each row is the exact sum of the changes of its lines.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.db.models import F
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from styringshjul.budget.models import (
    AdjustmentKind,
    BaselineAdjustment,
    BudgetLine,
    BudgetRevision,
    BudgetVersion,
    DemographicDriver,
    EconomicPlan,
    Measure,
    MeasureYear,
    PlanYear,
    VersionState,
)
from styringshjul.budget.versions import default_name, unique_name
from styringshjul.ledger.models import AccountClass
from styringshjul.lib.money import format_kroner
from styringshjul.org.org_map import OrgMap

Key = tuple[str, str, str, str, str]
"""account_class, responsibility, function, art, project"""
Lines = dict[Key, Decimal]

WAGE_ARTS = ("010", "099")
GOODS_AND_SERVICES_ARTS = ("100", "380")
DEMOGRAPHY_ARTS = ("010", "480")
DEMOGRAPHY_FUNCTIONS = ("100", "799")
WHOLE_KRONER = Decimal(1)
HUNDRED = Decimal(100)
BATCH = 5000
INSERTED_COLUMNS = ("version_id", "lock_version", "year", "account_class", "responsibility",
                    "function", "art", "kostra_art", "project", "amount")


class NoStartingBudget(Exception):
    """There is no adopted (or revised) budget for the year before the plan."""


@dataclass
class Step:
    """An adjustment row before it is saved."""

    year: int
    kind: str
    reason: str
    amount: Decimal
    service_area_id: int | None = None


def starting_version(plan: EconomicPlan) -> BudgetVersion | None:
    """Last year's budget as decided: the newest revised version covering the year before
    the plan, else the newest adopted one."""
    year = plan.first_year - 1
    covering = (BudgetVersion.objects.for_municipality(plan.municipality)
                .annotate(after=F("first_year") + F("years"))
                .filter(first_year__lte=year, after__gt=year)
                .order_by("-created_at", "-pk"))
    return (covering.filter(state=VersionState.REVISED).first()
            or covering.filter(state=VersionState.ADOPTED).first())


def compute_baseline(plan: EconomicPlan, *, user, wage_growth: Decimal | None = None,
                     price_growth: Decimal | None = None) -> BudgetVersion:
    """Make (or remake) the plan's baseline. Growth rates given here are stored on the
    plan's first year; the other years use their stored rates (0: fixed prices)."""
    starting = starting_version(plan)
    if starting is None:
        raise NoStartingBudget(
            _("%(municipality)s has no adopted budget for %(year)s to start the "
              "consequence-adjusted budget from.")
            % {"municipality": plan.municipality, "year": plan.first_year - 1})
    with transaction.atomic():
        _store_first_year_rates(plan, wage_growth, price_growth)
        lines_per_year, steps = BaselineBuilder(plan, starting).build()
        version = _baseline_version(plan, starting, user)
        _write(version, lines_per_year, steps)
    return version


def current_baseline(plan: EconomicPlan) -> BudgetVersion | None:
    return (plan.versions.filter(state=VersionState.BASELINE)
            .order_by("-created_at", "-pk").first())


def _store_first_year_rates(plan: EconomicPlan, wage: Decimal | None,
                            price: Decimal | None) -> None:
    first, _created = PlanYear.objects.get_or_create(plan=plan, year=plan.first_year)
    if wage is not None:
        first.wage_growth = wage
    if price is not None:
        first.price_growth = price
    if wage is not None or price is not None:
        first.save()


def _baseline_version(plan: EconomicPlan, starting: BudgetVersion, user) -> BudgetVersion:
    """The plan's baseline that nothing was derived from yet, emptied; else a new one."""
    version = (plan.versions.filter(state=VersionState.BASELINE, successors=None)
               .order_by("-created_at", "-pk").first())
    if version is None:
        name = unique_name(plan.municipality, default_name(plan, VersionState.BASELINE))
        return BudgetVersion.objects.create(
            municipality=plan.municipality, plan=plan, based_on=starting, name=name,
            first_year=plan.first_year, years=plan.years, state=VersionState.BASELINE,
            created_by=user)
    version.lines.all().delete()
    version.adjustments.all().delete()
    version.based_on = starting
    version.first_year, version.years = plan.first_year, plan.years
    version.lock_version += 1
    version.save(update_fields=["based_on", "first_year", "years", "lock_version"])
    return version


def _write(version: BudgetVersion, lines_per_year: dict[int, Lines], steps: list[Step]) -> None:
    adapt, pk = connection.ops.adapt_decimalfield_value, version.pk
    _insert_lines([
        (pk, 0, year, *key[:4], key[3][:3], key[4], adapt(amount, 16, 2))
        for year, lines in lines_per_year.items() for key, amount in lines.items() if amount])
    BaselineAdjustment.objects.bulk_create(
        BaselineAdjustment(version=version, year=step.year, kind=step.kind,
                           service_area_id=step.service_area_id, reason=step.reason,
                           amount=step.amount, sort_order=order)
        for order, step in enumerate(steps))


def _insert_lines(rows: list[tuple]) -> None:
    """Many lines in few statements: the ORM's bulk_create spends most of its time
    building model instances."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in INSERTED_COLUMNS)
    sql = (f"INSERT INTO {quote(BudgetLine._meta.db_table)} ({columns}) "
           f"VALUES ({', '.join(['%s'] * len(INSERTED_COLUMNS))})")
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start:start + BATCH])


def percent_text(value: Decimal) -> str:
    """4.20 → «4,2» and -2.5 → «−2,5» in Norwegian."""
    text = f"{Decimal(value).normalize():f}".replace(".", get_format("DECIMAL_SEPARATOR"))
    return text.replace("-", "−")


def _in(code: str, bounds: tuple[str, str]) -> bool:
    return bounds[0] <= code <= bounds[1]


def _is_operating_expense(key: Key, arts: tuple[str, str]) -> bool:
    return key[0] == AccountClass.OPERATING and _in(key[3][:3], arts)


class BaselineBuilder:
    """Works out the baseline's lines and adjustment rows year by year, in memory."""

    def __init__(self, plan: EconomicPlan, starting: BudgetVersion):
        self.plan = plan
        self.starting = starting
        self.org = OrgMap(plan.municipality)
        self.steps: list[Step] = []
        self.rates = {row.year: row for row in plan.plan_years.all()}
        self.drivers = list(DemographicDriver.objects.filter(
            plan=plan, service_area__municipality=plan.municipality))

    def build(self) -> tuple[dict[int, Lines], list[Step]]:
        previous_year = self.plan.first_year - 1
        lines = self._starting_lines(previous_year)
        per_year: dict[int, Lines] = {}
        full_year = FullYearEffects(self.starting)
        for year in self.plan.year_range:
            if year == self.plan.first_year:
                self._start_from_last_year(lines, year)
            else:
                self._step(year, AdjustmentKind.STARTING_POINT, sum(lines.values()),
                           _("The consequence-adjusted budget for %(previous)s is where "
                             "%(year)s starts.") % {"previous": year - 1, "year": year})
            for step in full_year.apply(lines, year):
                self.steps.append(step)
            self._growth(lines, year)
            self._demography(lines, year)
            per_year[year] = dict(lines)
        return per_year, self.steps

    def _starting_lines(self, year: int) -> Lines:
        lines: Lines = defaultdict(Decimal)
        for *key, amount in self.starting.lines.filter(year=year).values_list(
                "account_class", "responsibility", "function", "art", "project", "amount"):
            lines[tuple(key)] += amount
        return lines

    def _start_from_last_year(self, lines: Lines, year: int) -> None:
        self._step(year, AdjustmentKind.STARTING_POINT, sum(lines.values()),
                   _("«%(version)s»: the budget for %(previous)s as decided, measures and "
                     "revisions included, is the starting point.")
                   % {"version": self.starting, "previous": year - 1})
        self._one_off_measures(lines, year)
        self._one_off_revisions(lines, year)

    def _one_off_measures(self, lines: Lines, year: int) -> None:
        per_measure: dict[int, list[tuple[Key, Decimal]]] = defaultdict(list)
        for measure_id, *key, amount in self.starting.lines.filter(
                year=year - 1, measure__one_off=True).values_list(
                "measure_id", "account_class", "responsibility", "function", "art", "project",
                "amount"):
            per_measure[measure_id].append((tuple(key), amount))
        for measure in Measure.objects.filter(pk__in=per_measure).order_by("number"):
            removed = Decimal(0)
            for key, amount in per_measure[measure.pk]:
                lines[key] -= amount
                removed -= amount
            self._step(year, AdjustmentKind.ONE_OFF, removed,
                       _("Measure %(measure)s was a one-off in %(previous)s and is removed.")
                       % {"measure": measure, "previous": year - 1}, measure.service_area_id)

    def _one_off_revisions(self, lines: Lines, year: int) -> None:
        for revision in revisions_leading_to(self.starting):
            per_area: dict[int | None, Decimal] = defaultdict(Decimal)
            for *key, change in revision.changes.filter(year=year - 1, one_off=True).values_list(
                    "account_class", "responsibility", "function", "art", "project", "change"):
                lines[tuple(key)] -= change
                per_area[self._area(tuple(key))] -= change
            for area, amount in per_area.items():
                self._step(year, AdjustmentKind.ONE_OFF, amount,
                           _("One-off changes of budget revision %(case)s of %(date)s are "
                             "removed.") % {"case": revision.case_number,
                                            "date": revision.decided_on.strftime("%d.%m.%Y")},
                           area)

    def _growth(self, lines: Lines, year: int) -> None:
        rates = self.rates.get(year)
        if rates is None:
            return
        if rates.wage_growth:
            self._scale(lines, year, AdjustmentKind.WAGE_GROWTH, rates.wage_growth,
                        lambda key: _is_operating_expense(key, WAGE_ARTS),
                        lambda base: _("Wage growth of %(pct)s %% on wage arter 010–099 "
                                       "(pension and employer's tax included) of %(base)s "
                                       "kroner.") % base)
        if rates.price_growth:
            self._scale(lines, year, AdjustmentKind.PRICE_GROWTH, rates.price_growth,
                        lambda key: _is_operating_expense(key, GOODS_AND_SERVICES_ARTS),
                        lambda base: _("Price growth of %(pct)s %% on goods and services "
                                       "(arter 100–380) of %(base)s kroner.") % base)

    def _demography(self, lines: Lines, year: int) -> None:
        for driver in (d for d in self.drivers if d.year == year and d.change_pct):
            area_id = driver.service_area_id

            def in_area(key: Key, area_id: int = area_id) -> bool:
                return (_is_operating_expense(key, DEMOGRAPHY_ARTS)
                        and _in(key[2], DEMOGRAPHY_FUNCTIONS) and self._area(key) == area_id)

            self._scale(lines, year, AdjustmentKind.DEMOGRAPHY, driver.change_pct, in_area,
                        lambda base, driver=driver: _(
                            "%(driver)s changes by %(pct)s %%: the area's expenses (arter "
                            "010–480, functions 100–799) of %(base)s kroner change as much.")
                        % {**base, "driver": driver.driver})

    def _scale(self, lines: Lines, year: int, kind: str, pct: Decimal,
               selects: Callable[[Key], bool], reason: Callable[[dict], str]) -> None:
        """Grow the selected lines by `pct` per cent, one row per service area."""
        factor = 1 + Decimal(pct) / HUNDRED
        deltas: dict[int | None, Decimal] = defaultdict(Decimal)
        bases: dict[int | None, Decimal] = defaultdict(Decimal)
        for key in [key for key, amount in lines.items() if amount and selects(key)]:
            old = lines[key]
            new = (old * factor).quantize(WHOLE_KRONER, rounding=ROUND_HALF_UP)
            lines[key] = new
            area = self._area(key)
            deltas[area] += new - old
            bases[area] += old
        for area in sorted(deltas, key=self._area_order):
            self._step(year, kind, deltas[area],
                       reason({"pct": percent_text(pct), "base": format_kroner(bases[area])}),
                       area)

    def _area(self, key: Key) -> int | None:
        place = self.org.get(key[1])
        return place.service_area_id if place else None

    def _area_order(self, area_id: int | None) -> int:
        return self.org.areas.get(area_id, ("", len(self.org.areas)))[1]

    def _step(self, year: int, kind: str, amount: Decimal, reason: str,
              area: int | None = None) -> None:
        self.steps.append(Step(year=year, kind=kind, reason=reason, amount=amount,
                               service_area_id=area))


class FullYearEffects:
    """Measures in last year's budget whose operating effect differs from one year to the
    next: the plan they were adopted in already stated the change. A year after a
    measure's last stated year keeps that year's amount; a year before its first is 0."""

    def __init__(self, starting: BudgetVersion):
        self.measures = list(
            Measure.objects.filter(in_versions__version=starting, in_versions__included=True,
                                   one_off=False)
            .exclude(art="").select_related("service_area").order_by("number"))
        self.amounts: dict[int, dict[int, Decimal]] = defaultdict(dict)
        for row in MeasureYear.objects.filter(measure__in=self.measures):
            self.amounts[row.measure_id][row.year] = row.operating

    def operating(self, measure: Measure, year: int) -> Decimal:
        amounts = self.amounts[measure.pk]
        if year in amounts:
            return amounts[year]
        earlier = [y for y in amounts if y < year]
        return amounts[max(earlier)] if earlier else Decimal(0)

    def apply(self, lines: Lines, year: int) -> Iterable[Step]:
        for measure in self.measures:
            before, after = self.operating(measure, year - 1), self.operating(measure, year)
            if before == after:
                continue
            key = (AccountClass.OPERATING, measure.responsibility, measure.function,
                   measure.art, "")
            lines[key] = lines.get(key, Decimal(0)) + after - before
            yield Step(year=year, kind=AdjustmentKind.FULL_YEAR, amount=after - before,
                       service_area_id=measure.service_area_id,
                       reason=_("Measure %(measure)s goes from %(before)s kroner in "
                                "%(previous)s to %(after)s kroner in %(year)s, as the plan "
                                "it was adopted in states.")
                       % {"measure": measure, "before": format_kroner(before),
                          "after": format_kroner(after), "previous": year - 1, "year": year})


def revisions_leading_to(version: BudgetVersion) -> list[BudgetRevision]:
    """The revisions that made `version`, oldest first (none for an adopted version)."""
    chain: list[BudgetRevision] = []
    current, seen = version, set()
    while current.pk not in seen:
        seen.add(current.pk)
        revision = BudgetRevision.objects.filter(result=current).select_related(
            "based_on").first()
        if revision is None:
            break
        chain.append(revision)
        current = revision.based_on
    return chain[::-1]


@dataclass
class BaselineYear:
    """One year of the baseline as the page shows it: its rows and the resulting total."""

    year: int
    rows: list[BaselineAdjustment]
    total: Decimal


def baseline_years(version: BudgetVersion) -> list[BaselineYear]:
    """The version's adjustment rows per year. The starting point of a later year is the
    year before's baseline, and says so in its label."""
    years: dict[int, list[BaselineAdjustment]] = defaultdict(list)
    for row in version.adjustments.select_related("service_area"):
        row.label = (_("the baseline of the year before")
                     if row.kind == AdjustmentKind.STARTING_POINT
                     and row.year != version.first_year else row.get_kind_display())
        years[row.year].append(row)
    return [BaselineYear(year, rows, sum((row.amount for row in rows), Decimal(0)))
            for year, rows in sorted(years.items())]
