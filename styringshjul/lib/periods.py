"""Accounting periods and tertials: T1 is January–April, T2 May–August, T3 September–December."""

from datetime import date


def tertial_of(day: date) -> int:
    return (day.month - 1) // 4 + 1


def tertial_months(tertial: int) -> range:
    if tertial not in (1, 2, 3):
        raise ValueError(f"A tertial is 1, 2 or 3, not {tertial}")
    first = (tertial - 1) * 4 + 1
    return range(first, first + 4)
