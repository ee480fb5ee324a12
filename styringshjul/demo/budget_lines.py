"""The demo's adopted budget ("Vedtatt budsjett 2025"): the year's plan by account string in
whole thousands of kroner, as a finance office adopts it. Strings under 10 000 kroner are
left out (their actuals show up as unbudgeted), and the budget balances as the law asks:
the planned surplus is set aside to the disposisjonsfond on 1290 880 540.

Written as a budget file — Windows-1252, `;`, CRLF: Ansvar;Funksjon;Art;Prosjekt;Beløp,
expenses positive, income negative. Framework-free.
"""

from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from styringshjul.demo.ringebu_economy import plan

HEADER = ("Ansvar", "Funksjon", "Art", "Prosjekt", "Beløp")
ENCODING = "cp1252"
ROUNDING = 1000
SMALLEST = 10_000
RESERVE = ("1290", "880", "540", "")  # avsetning til disposisjonsfond


class BudgetRow(NamedTuple):
    responsibility: str
    function: str
    art: str
    project: str
    amount: Decimal


def budget_name(year: int) -> str:
    return f"Vedtatt budsjett {year}"


def budget_rows(year: int) -> list[BudgetRow]:
    """The adopted budget of `year`, summing to zero."""
    rows = []
    for item in plan(year):
        amount = round(item.amount / ROUNDING) * ROUNDING
        if abs(amount) >= SMALLEST:
            rows.append(BudgetRow(item.responsibility, item.function, item.art, item.project,
                                  Decimal(amount)))
    surplus = -sum(row.amount for row in rows)
    rows.append(BudgetRow(*RESERVE, surplus))
    return rows


def write_budget_file(path: Path | str, year: int) -> int:
    """Write the budget file and return its number of lines (without the header)."""
    rows = budget_rows(year)
    with open(path, "w", encoding=ENCODING, newline="") as handle:
        handle.write(";".join(HEADER) + "\r\n")
        for row in rows:
            handle.write(f"{row.responsibility};{row.function};{row.art};{row.project};"
                         f"{row.amount:f}\r\n")
    return len(rows)
