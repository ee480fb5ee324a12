"""Norwegian public holidays; Easter moves, so the dates are computed per year."""

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """The Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_fix = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_fix) // 433
    month, day = divmod(h + weekday_fix - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> dict[date, str]:
    easter = easter_sunday(year)
    moving = {-3: "Skjærtorsdag", -2: "Langfredag", 0: "1. påskedag", 1: "2. påskedag",
              39: "Kristi himmelfartsdag", 49: "1. pinsedag", 50: "2. pinsedag"}
    fixed = {(1, 1): "1. nyttårsdag", (5, 1): "Arbeidernes dag", (5, 17): "Grunnlovsdagen",
             (12, 25): "1. juledag", (12, 26): "2. juledag"}
    days = {easter + timedelta(days=offset): name for offset, name in moving.items()}
    days.update({date(year, month, day): name for (month, day), name in fixed.items()})
    return days


def holiday_name(day: date) -> str | None:
    return public_holidays(day.year).get(day)


def working_day_on_or_before(day: date) -> date:
    """`day`, or the nearest earlier day that is neither a public holiday nor a weekend,
    when `day` is a public holiday: a deadline moves earlier, never later."""
    if holiday_name(day) is None:
        return day
    day -= timedelta(days=1)
    while holiday_name(day) or day.weekday() >= 5:
        day -= timedelta(days=1)
    return day
