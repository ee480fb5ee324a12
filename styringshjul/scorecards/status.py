"""The traffic light of a result, as data the pages, exports and dashboard share. Colour is
never the only signal: every status has a word and a symbol too (WCAG 1.4.1)."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from styringshjul.scorecards.models import Direction, Indicator


class Status(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    MISSING = "missing"


@dataclass(frozen=True)
class StatusLook:
    label: object
    symbol: str
    color: str  # Designsystemet data-color


LOOKS = {
    Status.GREEN: StatusLook(_("on target"), "●", "success"),
    Status.YELLOW: StatusLook(_("close to target"), "▲", "warning"),
    Status.RED: StatusLook(_("off target"), "■", "danger"),
    Status.MISSING: StatusLook(_("no result"), "○", "neutral"),
}
ORDER = (Status.GREEN, Status.YELLOW, Status.RED, Status.MISSING)


def status_of(indicator: Indicator, value: Decimal | None) -> Status:
    """Green when the result meets the target; red beyond the red limit; yellow between.
    Without a target no colour can be given (missing)."""
    if value is None or indicator.target is None:
        return Status.MISSING
    if indicator.direction == Direction.CLOSER:
        distance = abs(value - indicator.target)
        if distance <= (indicator.green_tolerance or Decimal(0)):
            return Status.GREEN
        if indicator.red_limit is not None and distance > indicator.red_limit:
            return Status.RED
        return Status.YELLOW
    better = value >= indicator.target if indicator.direction == Direction.HIGHER \
        else value <= indicator.target
    if better:
        return Status.GREEN
    if indicator.red_limit is None:
        return Status.YELLOW
    worse = value < indicator.red_limit if indicator.direction == Direction.HIGHER \
        else value > indicator.red_limit
    return Status.RED if worse else Status.YELLOW


def worst(statuses) -> Status:
    """The roll-up of several statuses: the worst that has a result."""
    present = [status for status in statuses if status != Status.MISSING]
    if not present:
        return Status.MISSING
    return max(present, key=ORDER.index)
