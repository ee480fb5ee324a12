"""A general-ledger export of Ringebu's year, deterministically, for the demo and the
benchmarks: the budget plan moved by how each unit really fared, booked as vouchers (the
monthly payroll, invoices, payments, credit notes) and written as a Visma-like export —
Windows-1252, `;`, decimal comma, dd.mm.yyyy, CRLF.

The same seed gives the same bytes. Lines are streamed, so a benchmark can ask for 10 M
lines without holding them in memory. Framework-free.
"""

import calendar
import random
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from styringshjul.demo import ledger_texts as texts
from styringshjul.demo.ringebu_economy import PATTERNS, Planned, deviation, plan

HEADER = ("Bilagsnr", "Bilagsdato", "Periode", "Ansvar", "Funksjon", "Art", "Prosjekt", "Beløp",
          "Tekst")
SEED = 3439
ENCODING = "cp1252"
YEAR_PERIODS = range(1, 13)
PAY_DAY = 12
MAX_LINES = 120  # per account string and period, at the natural volume
# Typical kroner per line, by KOSTRA art: a salary per employee, an invoice per purchase.
LINE_SIZES = {
    "010": 45_000, "020": 16_000, "030": 12_000, "040": 6_000, "050": 8_000, "075": 35_000,
    "080": 12_000, "100": 2_500, "105": 5_000, "110": 4_000, "114": 6_000, "115": 4_500,
    "120": 3_600, "130": 3_000, "140": 4_000, "150": 5_000, "160": 1_500, "170": 3_500,
    "180": 15_000, "185": 30_000, "190": 25_000, "195": 10_000, "200": 8_000, "230": 15_000,
    "250": 5_000, "260": 6_000, "270": 30_000, "271": 30_000, "272": 30_000, "300": 150_000,
    "330": 120_000, "350": 150_000, "370": 50_000, "470": 7_000, "600": 3_500, "620": 6_000,
    "630": 7_000, "650": 40_000, "700": 80_000,
}


class LedgerLine(NamedTuple):
    voucher: int
    date: str
    period: int
    responsibility: str
    function: str
    art: str
    project: str
    ore: int
    text: str

    @property
    def amount(self) -> Decimal:
        return Decimal(self.ore).scaleb(-2)


def write_ledger_export(path: Path | str, year: int, *, lines: int | None = None,
                        seed: int = SEED, periods: Iterable[int] = YEAR_PERIODS) -> int:
    """Write the export and return its number of lines (without the header). `lines`
    asks for a volume (1 M, 10 M …): the year's amounts are spread over more vouchers."""
    count = 0
    with open(path, "w", encoding=ENCODING, newline="") as handle:
        handle.write(";".join(HEADER) + "\r\n")
        buffer = []
        for voucher, date, account, ore, text in _rows(year, lines, seed, periods):
            whole, cents = divmod(abs(ore), 100)
            sign = "-" if ore < 0 else ""
            buffer.append(f"{voucher};{date};{account[0]}{sign}{whole},{cents:02d};{text}\r\n")
            if len(buffer) == 10_000:
                handle.write("".join(buffer))
                count += len(buffer)
                buffer.clear()
        handle.write("".join(buffer))
        count += len(buffer)
    return count


def ledger_lines(year: int, *, lines: int | None = None, seed: int = SEED,
                 periods: Iterable[int] = YEAR_PERIODS) -> Iterator[LedgerLine]:
    """The year's lines for `periods`, period by period: the same as the export holds."""
    for voucher, date, account, ore, text in _rows(year, lines, seed, periods):
        yield LedgerLine(voucher, date, *account[1], ore, text)


def _rows(year: int, lines: int | None, seed: int, periods: Iterable[int]) -> Iterator[tuple]:
    periods = list(periods)
    rng = random.Random(seed * 10_000 + year)
    planned = plan(year)
    amounts = [_period_amounts(item, year, rng) for item in planned]
    counts = [{period: _natural_count(item.art, amount[period]) for period in periods}
              for item, amount in zip(planned, amounts, strict=True)]
    if lines is not None:
        counts = _scaled(counts, amounts, lines)
    for period in periods:
        yield from _period_rows(year, period, planned, amounts, counts, rng)


def _period_amounts(item: Planned, year: int, rng: random.Random) -> dict[int, int]:
    """Øre per period 1–12: the planned amount, moved by the unit's deviation, a little
    noise per account string and more per period for invoices."""
    steady = texts.is_monthly(item.art)
    annual = item.amount * deviation(year, item.responsibility, item.art[:3])
    annual *= 1 + rng.gauss(0, 0.01 if steady else 0.04)
    weights = PATTERNS[item.pattern]
    total = sum(weights)
    return {
        period: round(annual * weight / total * (1 + rng.gauss(0, 0.01 if steady else 0.06))
                      * 100)
        for period, weight in enumerate(weights, start=1)
    }


def _natural_count(art: str, ore: int) -> int:
    if not ore:
        return 0
    size = LINE_SIZES.get(art[:3])
    if size is None:
        return 1
    return max(1, min(MAX_LINES, round(abs(ore) / 100 / size)))


def _scaled(counts: list[dict[int, int]], amounts: list[dict[int, int]],
            lines: int) -> list[dict[int, int]]:
    """Counts scaled to exactly `lines` in all, largest remainders first."""
    cells = [(index, period) for index, by_period in enumerate(counts) for period in by_period
             if by_period[period]]
    natural = sum(counts[index][period] for index, period in cells)
    shares = {cell: counts[cell[0]][cell[1]] * lines / natural for cell in cells}
    scaled = {cell: int(share) for cell, share in shares.items()}
    missing = lines - sum(scaled.values())
    by_remainder = sorted(cells, key=lambda cell: (scaled[cell] - shares[cell], cell))
    for cell in by_remainder[:missing]:
        scaled[cell] += 1
    _at_least_a_krone_a_line(scaled, {cell: abs(amounts[cell[0]][cell[1]]) for cell in cells})
    return [{period: scaled.get((index, period), 0) for period in by_period}
            for index, by_period in enumerate(counts)]


def _at_least_a_krone_a_line(scaled: dict[tuple, int], ore: dict[tuple, int]) -> None:
    """What a small amount cannot hold at one krone a line moves to the largest amounts."""
    room = {cell: max(1, amount // 100) for cell, amount in ore.items()}
    overflow = 0
    for cell, count in scaled.items():
        if count > room[cell]:
            overflow += count - room[cell]
            scaled[cell] = room[cell]
    for cell in sorted(ore, key=lambda cell: (-ore[cell], cell)):
        if not overflow:
            return
        extra = min(overflow, room[cell] - scaled[cell])
        scaled[cell] += extra
        overflow -= extra


def _period_rows(year: int, period: int, planned: list[Planned], amounts: list[dict],
                 counts: list[dict], rng: random.Random) -> Iterator[tuple]:
    """(voucher, date, account, øre, text), where account holds the export's columns from
    period to project both as text and as a tuple."""
    days = [f"{day:02d}.{period:02d}.{year}"
            for day in range(1, calendar.monthrange(year, period)[1] + 1)]
    base = ((year % 100) * 100 + period) * 10_000_000
    voucher = base + 1000
    random_ = rng.random
    for item, amount, count in zip(planned, amounts, counts, strict=True):
        k = count[period]
        if not k:
            continue
        total = amount[period]
        fields = (period, item.responsibility, item.function, item.art, item.project)
        account = (";".join(str(field) for field in fields) + ";", fields)
        if texts.is_monthly(item.art):
            yield from _monthly_rows(year, period, item, days, base, account,
                                     _split(total, k, rng, spread=3.0))
            continue
        choices = texts.texts_for(item.function, item.art)
        credited = {text: f"Kreditnota {text}" for text in choices}
        for part in _split(total, k, rng, spread=0.05, credit_notes=True):
            voucher += 1
            text = choices[int(random_() * len(choices))]
            if (part < 0) != (total < 0):
                text = credited[text]
            yield voucher, days[int(random_() * len(days))], account, part, text


def _monthly_rows(year: int, period: int, item: Planned, days: list[str], base: int,
                  account: tuple, parts: list[int]) -> Iterator[tuple]:
    """The payroll (one voucher a month, paid on the 12th) and the month-end postings."""
    payroll = item.art[:3] in texts.PAYROLL
    date = days[PAY_DAY - 1] if payroll else days[-1]
    voucher = base + (1 if payroll else 2 + int(item.art[:3]))
    text = texts.monthly_text(item.art, period, year)
    holiday_pay = period == 6 and item.art[:3] in ("010", "075")
    for index, part in enumerate(parts):
        if holiday_pay and index % 3 == 2:
            yield voucher, date, account, part, texts.holiday_pay_text(year)
        else:
            yield voucher, date, account, part, text


def _split(total: int, k: int, rng: random.Random, *, spread: float,
           credit_notes: bool = False) -> list[int]:
    """`total` øre in `k` parts that sum to it exactly; a few invoices are credited."""
    k = max(1, min(k, abs(total) // 100))
    if k == 1:
        return [total]
    sign = -1 if total < 0 else 1
    random_ = rng.random
    weights = [random_() ** 3 * 4 + spread for _ in range(k)]  # many small, a few large
    scale = abs(total) / sum(weights)
    parts = [int(weight * scale) for weight in weights]
    parts[-1] += abs(total) - sum(parts)
    index = rng.randrange(k - 1)
    if credit_notes and k >= 4 and rng.random() < 0.15 and parts[index] >= 400:
        credited = -(parts[index] // 4)
        parts[index + 1] += parts[index] - credited
        parts[index] = credited
    return [sign * part for part in parts]
