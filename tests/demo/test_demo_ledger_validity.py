"""Every line the demo books is one Ringebu's finance office could import: its own ansvar
codes and KOSTRA funksjoner and arter valid in the year, allowed in the operating accounts,
with the control programme's restrictions (art 870 only on funksjon 800, and so on)."""

import re
from functools import cache

import pytest

from styringshjul.demo.budget_lines import budget_rows
from styringshjul.demo.finance import DEMO_YEARS
from styringshjul.demo.ledger_lines import ledger_lines
from styringshjul.ledger.models import Rule
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in, kostra_art_code
from styringshjul.org.queries import responsibility_codes


@cache
def account_strings(year: int) -> frozenset[tuple[str, str, str]]:
    lines = ledger_lines(year, periods=DEMO_YEARS[year])
    booked = {(line.responsibility, line.function, line.art) for line in lines}
    budgeted = {(row.responsibility, row.function, row.art) for row in budget_rows(year)}
    return frozenset(booked | budgeted)


def problems(year: int, codes: set[str]) -> list[str]:
    functions, arts = functions_valid_in(year), arts_valid_in(year)
    found = []
    for responsibility, function_code, art_code in sorted(account_strings(year)):
        where = f"{responsibility} {function_code} {art_code}"
        function, art = functions.get(function_code), arts.get(kostra_art_code(art_code))
        if responsibility not in codes:
            found.append(f"{where}: not one of Ringebu's ansvar")
        if function is None or function.operating_rule != Rule.ALLOWED:
            found.append(f"{where}: funksjon not allowed in drift {year}")
        elif function.sector == function.Sector.COUNTY:
            found.append(f"{where}: a county funksjon")
        if art is None or art.operating_rule != Rule.ALLOWED:
            found.append(f"{where}: art not allowed in drift {year}")
        elif (only := _only_with(art.restriction)) and function_code not in only:
            found.append(f"{where}: art only with funksjon {'/'.join(only)}")
    return found


def _only_with(restriction: str) -> list[str]:
    if restriction.startswith("in investering"):
        return []
    match = re.search(r"only with funksjon ([\d/]+)", restriction)
    return match.group(1).split("/") if match else []


@pytest.mark.parametrize("year", sorted(DEMO_YEARS))
def test_every_line_and_budget_line_is_valid_for_ringebu_in_the_year(ringebu, year):
    assert problems(year, responsibility_codes(ringebu)) == []


def test_the_2025_ledger_uses_art_270_and_2026_its_successors_271_and_272():
    arts_2025 = {art for _r, _f, art in account_strings(2025)}
    arts_2026 = {art for _r, _f, art in account_strings(2026)}
    assert "270" in arts_2025 and not {"271", "272"} & arts_2025
    assert {"271", "272"} <= arts_2026 and "270" not in arts_2026


def test_a_share_of_lines_use_four_digit_local_arter():
    lines = list(ledger_lines(2025))
    local = [line for line in lines if len(line.art) == 4]
    assert 0.1 < len(local) / len(lines) < 0.5
    assert {"0101", "0102", "0103", "1151", "1801", "6001"} <= {line.art for line in local}
