"""A unit's cumulative budget against actuals by period, drawn as plain SVG geometry so the
page needs no script and no style attributes."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from styringshjul.budget.models import BudgetVersion
from styringshjul.budget.queries import cumulative_budget
from styringshjul.followup import actuals
from styringshjul.lib.money import format_kroner
from styringshjul.org.models import Municipality

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 96, 16, 16, 40
TICKS = 4


@dataclass
class ChartPoint:
    period: int
    budget: Decimal
    actual: Decimal | None
    x: float = 0
    budget_y: float = 0
    actual_y: float = 0


def cumulative_points(
    municipality: Municipality, version: BudgetVersion, year: int, period: int,
    account_class: str, scope: Q,
) -> list[ChartPoint]:
    """Budget to date for periods 1..12, and actuals to date up to `period` (the closing
    period 13 counts into 12)."""
    budget = cumulative_budget(version, year, account_class, scope)
    booked = [Decimal(0)] * actuals.CLOSING_PERIOD
    for by_period in actuals.sums_by_period(
            municipality, year, "account_class", account_class, scope).values():
        booked = [a + b for a, b in zip(booked, by_period, strict=True)]
    points, running = [], Decimal(0)
    for p in range(1, 13):
        running += booked[p - 1] + (booked[12] if p == 12 else 0)
        points.append(ChartPoint(p, budget[p - 1], running if p <= period else None))
    return points


def geometry(points: list[ChartPoint]) -> dict:
    values = [p.budget for p in points] + [p.actual for p in points if p.actual is not None]
    top = max([*values, Decimal(0)])
    bottom = min([*values, Decimal(0)])
    span = (top - bottom) or Decimal(1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: Decimal) -> float:
        return round(TOP + float((top - value) / span) * plot_h, 1)

    for p in points:
        p.x = round(LEFT + (p.period - 0.5) * plot_w / 12, 1)
        p.budget_y = y(p.budget)
        p.actual_y = y(p.actual) if p.actual is not None else 0
    ticks = [bottom + span * i / TICKS for i in range(TICKS + 1)]
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
        "top": TOP, "bottom": HEIGHT - BOTTOM, "label_y": HEIGHT - BOTTOM + 20,
        "zero_y": y(Decimal(0)),
        "ticks": [{"y": y(t), "label": format_kroner(t)} for t in ticks],
        "budget_line": " ".join(f"{p.x},{p.budget_y}" for p in points),
        "actual_line": " ".join(f"{p.x},{p.actual_y}" for p in points if p.actual is not None),
        "points": points,
    }
