"""Property: the same valid lines, written in any supported dialect (delimiter, encoding,
thousands separator, negative style, date style, a totals line), import to the same sums."""

from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import Actual
from tests.ledger.ledger_lines import sums

ACCOUNTS = [("2100", "202", "1200"), ("2200", "202", "0101"), ("4100", "332", "1100"),
            ("1200", "120", "1209"), ("3100", "253", "1700")]
line = st.tuples(st.sampled_from(ACCOUNTS), st.integers(1, 12),
                 st.integers(-10**10, 10**10).map(lambda cents: Decimal(cents) / 100))
dialect = st.fixed_dictionaries({
    "delimiter": st.sampled_from([";", ",", "\t"]),
    "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    "thousands": st.sampled_from(["", " ", "\u00a0", "."]),
    "negative": st.sampled_from(["-{}", "{}-", "({})"]),
    "iso_dates": st.booleans(),
    "totals_line": st.booleans(),
})


def amount_text(amount: Decimal, thousands: str, negative: str) -> str:
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", thousands)
    text = f"{groups},{cents}"
    return negative.format(text) if amount < 0 else text


def render(lines, style) -> bytes:
    rows = [["Bilagsnr", "Bilagsdato", "Art", "Ansvar", "Funksjon", "Beløp", "Tekst"]]
    for number, ((ansvar, funksjon, art), period, amount) in enumerate(lines, start=1):
        date = (f"2025-{period:02d}-15" if style["iso_dates"] else f"15.{period:02d}.2025")
        rows.append([str(number), date, art, ansvar, funksjon,
                     amount_text(amount, style["thousands"], style["negative"]), "Kjøp ÆØÅ"])
    if style["totals_line"]:
        rows.append(["", "", "", "", "", "0,00", "Totalt"])
    separator = style["delimiter"]

    def cell(value: str) -> str:
        return f'"{value}"' if separator in value else value

    text = "\r\n".join(separator.join(cell(v) for v in row) for row in rows) + "\r\n"
    return text.encode(style["encoding"])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(line, min_size=1, max_size=15), style=dialect)
def test_the_same_lines_import_to_the_same_sums_in_any_dialect(ringebu, tmp_path, settings,
                                                               lines, style):
    settings.VAR_DIR = tmp_path / "var"
    Actual.objects.filter(municipality=ringebu).delete()
    path = tmp_path / "hovedbok.csv"
    path.write_bytes(render(lines, style))
    result = import_ledger(ringebu, 2025, path)
    assert result.accepted, result.issues
    expected = defaultdict(Decimal)
    for (ansvar, funksjon, art), period, amount in lines:
        expected[(period, "operating", ansvar, funksjon, art, "")] += amount
    assert sums(ringebu) == dict(expected)

