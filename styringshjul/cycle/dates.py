"""Moving a date from one year to another so that it stays on the same weekday.

The rule: shift by whole weeks (364 days a year, so the weekday is kept) and choose the
shift that lands nearest the same day and month in the target year (29 February counts
as 28 February). That is at most three days away, so a Tuesday meeting in week 46 stays
a Tuesday in week 46 or 47. A date that would spill into the neighbouring year is moved a
week back into the target year, so a 31 December deadline stays in December.
"""

from datetime import date, timedelta

WEEK = timedelta(days=7)


def same_day_in(day: date, year: int) -> date:
    """The same day and month in `year`; 29 February becomes 28 February."""
    if day.month == 2 and day.day == 29:
        return date(year, 2, 28)
    return day.replace(year=year)


def shift_to_year(day: date, year: int, source_year: int | None = None) -> date:
    """`day` moved to the same weekday nearest the same date in the target year.

    `source_year` is the template's year; a date in it lands in `year`, a date in the
    year before it (a January deadline for last year's accounts) in `year - 1`, and so on.
    """
    target_year = year + (day.year - (source_year or day.year))
    nominal = same_day_in(day, target_year)
    weeks = round((nominal - day).days / 7)
    shifted = day + weeks * WEEK
    if shifted.year > target_year:
        shifted -= WEEK
    elif shifted.year < target_year:
        shifted += WEEK
    return shifted


def nearest(day: date, candidates: list[date], within_days: int = 45) -> date | None:
    """The candidate closest to `day` (the earlier one on a tie), if any is within reach."""
    reachable = [c for c in candidates if abs((c - day).days) <= within_days]
    if not reachable:
        return None
    return min(reachable, key=lambda c: (abs((c - day).days), c))
