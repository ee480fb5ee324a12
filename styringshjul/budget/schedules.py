"""The legally required schedules (bevilgningsoversikter) of the budget and accounting
regulation: § 5-4 first paragraph (drift, 5-4-1), § 5-4 second paragraph (drift per service
area, 5-4-2), § 5-5 (investering) and § 5-6 (økonomisk oversikt etter art, drift).

Which functions and arts feed each line is data (`data/schedule_lines.csv`, with its
confidence and source per row), read once. A schedule is computed from the sums of a budget
version's lines, or of a year's actuals, grouped in the database by account class, function
and KOSTRA art (and ansvar for 5-4-2); everything else is done in Python. Amounts keep the
KOSTRA sign as Sandnes and Stavanger publish them: expenses positive, income negative.
"""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.db.models import Case, CharField, F, Q, Sum, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styringshjul.budget.models import BudgetLine, BudgetVersion
from styringshjul.ledger.models import Actual
from styringshjul.org.models import Municipality
from styringshjul.org.org_map import OrgMap

DATA = Path(__file__).parent / "data" / "schedule_lines.csv"
ZERO = Decimal(0)
CENT = Decimal("0.01")


def cents(total) -> Decimal:
    """A sum from the database in kroner and øre: SQLite adds decimals as floating point,
    so its sums carry noise far below an øre."""
    return Decimal(total or 0).quantize(CENT)

SCHEDULES = ("5-4-1", "5-4-2", "5-5", "5-6")
TITLES = {
    "5-4-1": gettext_lazy("Appropriations, operating (§ 5-4 first paragraph)"),
    "5-4-2": gettext_lazy("Appropriations, operating, per service area "
                          "(§ 5-4 second paragraph)"),
    "5-5": gettext_lazy("Appropriations, capital (§ 5-5)"),
    "5-6": gettext_lazy("Operating statement by art (§ 5-6)"),
}
AREAS_LINE = ("5-4-1", "6")
"""5-4-2 splits this line of 5-4-1 by service area."""
UNMAPPED = "unmapped"
OUTSIDE = "area-0"


class CodeSet:
    """KOSTRA codes given as data: `100-799`, `840`, `* !590 !900-999`; empty is any code."""

    def __init__(self, spec: str):
        self.spec = spec.strip()
        tokens = self.spec.split()
        self.include = [self._range(t) for t in tokens if t not in ("*",) and t[0] != "!"]
        self.exclude = [self._range(t[1:]) for t in tokens if t[0] == "!"]
        self.any = not self.include

    @staticmethod
    def _range(token: str) -> tuple[int, int]:
        low, _sep, high = token.partition("-")
        return int(low), int(high or low)

    def __contains__(self, code: str) -> bool:
        if not code.isdigit():
            return self.any and not self.exclude
        number = int(code)
        if any(low <= number <= high for low, high in self.exclude):
            return False
        return self.any or any(low <= number <= high for low, high in self.include)


@dataclass(frozen=True)
class LineRule:
    """One row of the data file: a line of a schedule and what feeds it (or its formula)."""

    schedule: str
    number: str
    text: str
    account_class: str
    functions: CodeSet = field(compare=False)
    arts: CodeSet = field(compare=False)
    formula: str
    confidence: str
    basis: str

    @property
    def is_sum(self) -> bool:
        return bool(self.formula)

    def matches(self, account_class: str, function: str, art: str) -> bool:
        return (not self.is_sum and account_class == self.account_class
                and function in self.functions and art in self.arts)

    def describe(self) -> str:
        """The filter in words for the drill-down page, e.g. «funksjon 100-799, art * !590»."""
        parts = [self.account_class]
        if self.functions.spec:
            parts.append(_("function %(codes)s") % {"codes": self.functions.spec})
        parts.append(_("art %(codes)s") % {"codes": self.arts.spec or "*"})
        return ", ".join(parts)


@cache
def all_rules() -> dict[str, list[LineRule]]:
    rules: dict[str, list[LineRule]] = defaultdict(list)
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rules[row["schedule"]].append(LineRule(
                row["schedule"], row["line"], row["text"], row["account_class"],
                CodeSet(row["functions"]), CodeSet(row["arts"]), row["formula"].lstrip("="),
                row["confidence"], row["basis"]))
    return dict(rules)


def rules_of(code: str) -> list[LineRule]:
    return all_rules()["5-4-1" if code == "5-4-2" else code]


def area_rule() -> LineRule:
    return all_rules()["5-4-2"][0]


_classified: dict[tuple, str | None] = {}


def classify(code: str, account_class: str, function: str, art: str) -> str | None:
    """The number of the line of schedule `code` that an account string feeds, if any."""
    key = (code, account_class, function, art)
    if key not in _classified:
        _classified[key] = next(
            (rule.number for rule in rules_of(code) if rule.matches(account_class, function, art)),
            None)
    return _classified[key]


_TERM = re.compile(r"([+-]?)(\d+)(?:\.\.(\d+))?")


def formula_terms(formula: str) -> list[tuple[int, str]]:
    """`10..14` → [(1, '10'), …, (1, '14')]; `9+15+16` → [(1, '9'), (1, '15'), (1, '16')]."""
    terms = []
    for sign, first, last in _TERM.findall(formula):
        factor = -1 if sign == "-" else 1
        terms += [(factor, str(n)) for n in range(int(first), int(last or first) + 1)]
    return terms


def data_lines_of(code: str, number: str) -> set[str]:
    """The lines with data that a line sums (itself when it is one)."""
    rules = {rule.number: rule for rule in rules_of(code)}
    rule = rules[number]
    if not rule.is_sum:
        return {number}
    return set().union(*(data_lines_of(code, term) for _f, term in formula_terms(rule.formula)))


# --- sums --------------------------------------------------------------------------------

Sums = dict[tuple[str, str, str], Decimal]
"""(account class, function group, KOSTRA art) → amount."""


@cache
def function_groups() -> list[tuple[int, int]]:
    """The function codes split into ranges that every line of every schedule treats alike
    (from the data: e.g. 100-799, 801-839, 841-850), so sums per range and art are enough."""
    points = {0, 1000}
    for rules in all_rules().values():
        for rule in rules:
            for low, high in (*rule.functions.include, *rule.functions.exclude):
                points |= {low, high + 1}
    bounds = sorted(points)
    return [(low, high - 1) for low, high in zip(bounds, bounds[1:], strict=False)]


@cache
def _function_group() -> Case:
    """The first code of the function's group; a lone code stays itself."""
    return Case(*(When(Q(function__gte=f"{low:03d}", function__lte=f"{high:03d}"),
                       then=Value(f"{low:03d}"))
                  for low, high in function_groups() if high > low),
                default=F("function"), output_field=CharField())


def _code_q(field_name: str, codes: CodeSet) -> Q:
    """The database's version of `code in codes` for zero-padded three-digit codes."""
    def between(low: int, high: int) -> Q:
        if low == high:
            return Q(**{field_name: f"{low:03d}"})
        return Q(**{f"{field_name}__gte": f"{low:03d}", f"{field_name}__lte": f"{high:03d}"})

    def any_of(ranges: list[tuple[int, int]]) -> Q:
        single = [f"{low:03d}" for low, high in ranges if low == high]
        found = Q(**{f"{field_name}__in": single}) if single else Q()
        for low, high in ranges:
            if low != high:
                found = found | between(low, high) if found else between(low, high)
        return found

    wanted = any_of(codes.include) if codes.include else Q()
    if codes.exclude:
        wanted &= ~any_of(codes.exclude)
    return wanted


def rule_q(rule: LineRule) -> Q:
    return (Q(account_class=rule.account_class) & _code_q("function", rule.functions)
            & _code_q("kostra_art", rule.arts))


class Source:
    """The amounts a schedule is made from: a budget version's lines or a year's actuals,
    summed by the database per year, account class, function group and KOSTRA art (one
    query for all schedules and years asked for; one more, per ansvar, for 5-4-2)."""

    def __init__(self, municipality: Municipality, version: BudgetVersion | None = None,
                 years: list[int] | range | None = None):
        self.municipality = municipality
        self.version = version
        self.years = list(years) if years is not None else None
        self._sums: dict[int, Sums] | None = None
        self._by_responsibility: dict[int, dict[str, Decimal]] | None = None
        self._org_map: OrgMap | None = None

    def rows(self):
        if self.version is not None:
            rows = BudgetLine.objects.filter(version=self.version)
        else:
            rows = Actual.objects.for_municipality(self.municipality)
        return rows.filter(year__in=self.years) if self.years is not None else rows

    def sums(self, year: int) -> Sums:
        if self._sums is None:
            self._sums = defaultdict(dict)
            rows = (self.rows().annotate(group=_function_group())
                    .values("year", "account_class", "group", "kostra_art")
                    .annotate(total=Sum("amount")).order_by()
                    .values_list("year", "account_class", "group", "kostra_art", "total"))
            for year_, account_class, group, art, total in rows:
                self._sums[year_][(account_class, group, art)] = cents(total)
        return self._sums.get(year, {})

    def by_responsibility(self, year: int) -> dict[str, Decimal]:
        """Ansvar → amount of the lines of 5-4-1 line 6 (what 5-4-2 splits by area)."""
        if self._by_responsibility is None:
            self._by_responsibility = defaultdict(dict)
            for year_, responsibility, total in (
                    self.rows().filter(rule_q(area_rule())).values("year", "responsibility")
                    .annotate(total=Sum("amount")).order_by()
                    .values_list("year", "responsibility", "total")):
                self._by_responsibility[year_][responsibility] = cents(total)
        return self._by_responsibility.get(year, {})

    def total(self, year: int, account_class: str) -> Decimal:
        return sum((amount for (c, _f, _a), amount in self.sums(year).items()
                    if c == account_class), ZERO)

    @property
    def org_map(self) -> OrgMap:
        if self._org_map is None:
            self._org_map = OrgMap(self.municipality)
        return self._org_map


# --- the schedule ------------------------------------------------------------------------

@dataclass
class ScheduleLine:
    number: str
    text: str
    amount: Decimal
    is_sum: bool = False
    confidence: str = ""
    key: str = ""
    """What the drill-down page is asked for: the line number, `area-<id>` or `unmapped`."""


@dataclass
class Check:
    label: str
    amount: Decimal
    ok: bool


@dataclass
class Schedule:
    code: str
    title: str
    year: int
    lines: list[ScheduleLine]
    checks: list[Check]
    unmapped: Decimal = ZERO
    """Amounts on account strings of the schedule's class that feed no line."""

    def line(self, number: str) -> ScheduleLine:
        return next(line for line in self.lines if line.number == number)

    def amounts(self) -> dict[str, Decimal]:
        return {line.number: line.amount for line in self.lines}


def _line_amounts(code: str, sums: Sums) -> tuple[dict[str, Decimal], Decimal]:
    """Each data line's amount, and what fed none (of the schedule's account class)."""
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    unmapped = ZERO
    schedule_class = rules_of(code)[0].account_class
    for (account_class, function, art), amount in sums.items():
        number = classify(code, account_class, function, art)
        if number is not None:
            amounts[number] += amount
        elif account_class == schedule_class:
            unmapped += amount
    return amounts, unmapped


def _with_sums(code: str, amounts: dict[str, Decimal]) -> list[ScheduleLine]:
    lines = []
    for rule in rules_of(code):
        if rule.is_sum:
            amounts[rule.number] = sum(
                (factor * amounts[term] for factor, term in formula_terms(rule.formula)), ZERO)
        lines.append(ScheduleLine(rule.number, rule.text, amounts[rule.number], rule.is_sum,
                                  rule.confidence, rule.number))
    return lines


BALANCE_LINES = {"5-4-1": ("17", "22", "23"), "5-5": ("6", "14", "19", "24", "25"),
                 "5-6": ("24", "31", "32")}
"""The lines that together are the whole budget of the schedule's class: 0 when balanced."""


def _checks(code: str, amounts: dict[str, Decimal], unmapped: Decimal) -> list[Check]:
    result = sum((amounts[number] for number in BALANCE_LINES[code]), ZERO)
    label = (_("Balance: lines %(lines)s added up (0 when balanced)")
             % {"lines": " + ".join(BALANCE_LINES[code])})
    return [Check(label, result, result == 0),
            Check(_("Amounts on account strings that feed no line"), unmapped, unmapped == 0)]


def compute(code: str, year: int, source: Source) -> Schedule:
    """Schedule `code` for `year` from `source` (shared between schedules and years)."""
    if code == "5-4-2":
        return _per_area(year, source)
    amounts, unmapped = _line_amounts(code, source.sums(year))
    lines = _with_sums(code, amounts)
    return Schedule(code, str(TITLES[code]), year, lines, _checks(code, amounts, unmapped),
                    unmapped)


def area_of(org_map: OrgMap, responsibility: str) -> int:
    """The service area's id of an ansvar code; 0 outside the organisation tree."""
    place = org_map.get(responsibility)
    return (place.service_area_id or 0) if place is not None else 0


def _per_area(year: int, source: Source) -> Schedule:
    rule = area_rule()
    org_map = source.org_map
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for responsibility, amount in source.by_responsibility(year).items():
        totals[area_of(org_map, responsibility)] += amount
    areas = sorted(org_map.areas.items(), key=lambda item: item[1][1])
    lines = [ScheduleLine(str(pk), name, totals[pk], confidence=rule.confidence,
                          key=f"area-{pk}") for pk, (name, _order) in areas]
    lines.append(ScheduleLine("0", _("Outside the organisation tree"), totals[0],
                              confidence=rule.confidence, key=OUTSIDE))
    total = sum(totals.values(), ZERO)
    line_6 = compute("5-4-1", year, source).line(AREAS_LINE[1]).amount
    lines.append(ScheduleLine("", rules_of("5-4-1")[5].text, total, True, "n/a", "6"))
    checks = [Check(_("Sum of the service areas equals line 6 of § 5-4 first paragraph"),
                    total - line_6, total == line_6)]
    return Schedule("5-4-2", str(TITLES["5-4-2"]), year, lines, checks)


def schedule(version: BudgetVersion | None, municipality: Municipality, year: int,
             code: str) -> Schedule:
    """Schedule `code` of a budget version's year, or of the accounts of `year` when
    `version` is None."""
    return compute(code, year, Source(municipality, version, [year]))


# --- drill-down --------------------------------------------------------------------------

@dataclass
class Member:
    """One budget line or account string a schedule line sums."""

    account_class: str
    responsibility: str
    function: str
    kostra_art: str
    art: str
    project: str
    amount: Decimal
    measure: str = ""


@dataclass
class Drilldown:
    label: str
    filter: list[str]
    members: list[Member]

    @property
    def total(self) -> Decimal:
        return sum((m.amount for m in self.members), ZERO)


def _selector(code: str, key: str, org_map: OrgMap | None):
    """A test on (account class, ansvar, function, art) for the line `key` of `code`."""
    if key.startswith("area-"):
        rule, area = area_rule(), int(key[5:])
        return lambda c, r, f, a: rule.matches(c, f, a) and area_of(org_map, r) == area
    if key == UNMAPPED:
        schedule_class = rules_of(code)[0].account_class
        return lambda c, r, f, a: c == schedule_class and classify(code, c, f, a) is None
    numbers = data_lines_of("5-4-1" if code == "5-4-2" else code, key)
    return lambda c, r, f, a: classify(code, c, f, a) in numbers


def drilldown(version: BudgetVersion | None, municipality: Municipality, year: int,
              code: str, key: str) -> Drilldown | None:
    """The budget lines (or account strings with their year's actuals) that line `key` of
    schedule `code` sums; None for a key the schedule does not have."""
    label_and_filter = _describe(code, key, municipality)
    if label_and_filter is None:
        return None
    org_map = OrgMap(municipality) if key.startswith("area-") else None
    selected = _selector(code, key, org_map)
    members = [m for m in _members(version, municipality, year)
               if selected(m.account_class, m.responsibility, m.function, m.kostra_art)]
    members.sort(key=lambda m: (m.responsibility, m.function, m.art, m.project, m.measure))
    return Drilldown(*label_and_filter, members)


def _describe(code: str, key: str, municipality: Municipality) -> tuple[str, list[str]] | None:
    if code == "5-4-2" and key.startswith("area-"):
        org_map = OrgMap(municipality)
        area = int(key[5:]) if key[5:].isdigit() else -1
        if area and area not in org_map.areas:
            return None
        name = org_map.areas[area][0] if area else _("Outside the organisation tree")
        return name, [area_rule().describe()]
    if key == UNMAPPED:
        return _("Amounts on account strings that feed no line"), []
    rules = {rule.number: rule for rule in rules_of(code)}
    if key not in rules:
        return None
    numbers = sorted(data_lines_of(code, key), key=int)
    return (f"{key} {rules[key].text}",
            [f"{n} {rules[n].text}: {rules[n].describe()}" for n in numbers])


def _members(version: BudgetVersion | None, municipality: Municipality,
             year: int) -> list[Member]:
    fields = ("account_class", "responsibility", "function", "kostra_art", "art", "project")
    if version is not None:
        rows = BudgetLine.objects.filter(version=version, year=year).values_list(
            *fields, "amount", "measure__number")
        return [Member(c, r, f, k, a, p, amount, f"T{measure}" if measure else "")
                for c, r, f, k, a, p, amount, measure in rows]
    rows = (Actual.objects.for_municipality(municipality).filter(year=year)
            .values_list(*fields).annotate(total=Sum("amount")).order_by())
    return [Member(c, r, f, k, a, p, cents(total)) for c, r, f, k, a, p, total in rows]
