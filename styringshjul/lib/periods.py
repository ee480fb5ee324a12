"""Accounting periods and tertials: T1 is January–April, T2 May–August, T3 September–December."""

from datetime import date


def tertial_of(day: date) -> int:
    return (day.month - 1) // 4 + 1


TERTIALS = (1, 2, 3)


def last_period_of(tertial: int) -> int:
    """The accounting period a tertial report runs to: 4, 8 or 12."""
    if tertial not in TERTIALS:
        raise ValueError(f"A tertial is 1, 2 or 3, not {tertial}")
    return tertial * 4
