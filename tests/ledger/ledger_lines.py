"""Small ledger files in real export shapes, written on the fly for the import tests."""

from decimal import Decimal
from pathlib import Path

from styringshjul.ledger.models import Actual

VISMA_HEADER = ["Bilagsnr", "Bilagsdato", "Periode", "Art", "Ansvar", "Funksjon", "Prosjekt",
                "Beløp", "Tekst"]
# Valid for Ringebu in 2025: ansvar from the demo, KOSTRA funksjon and art.
LINES = [
    ["10001", "15.01.2025", "1", "0101", "2100", "202", "", "45250,00", "Lønn lærere"],
    ["10002", "20.01.2025", "1", "1200", "2100", "202", "", "1234,50", "Læremidler"],
    ["10003", "03.02.2025", "2", "1200", "2200", "202", "", "-234,50", "Kreditnota"],
    ["10004", "12.03.2025", "3", "1100", "4100", "332", "41001", "12000,00", "Grus"],
]
LINES_TOTAL = Decimal("58250.00")


def write_ledger(path: Path, rows: list[list[str]], *, header: list[str] = VISMA_HEADER,
                 delimiter: str = ";", encoding: str = "utf-8", before: str = "") -> Path:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value else value

    text = before + "\r\n".join(delimiter.join(cell(v) for v in row)
                                for row in [header, *rows]) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def with_amount(amount: str, **changes: str) -> list[str]:
    row = ["20001", "15.01.2025", "1", "1200", "2100", "202", "", amount, "Innkjøp"]
    for name, value in changes.items():
        row[VISMA_HEADER.index(name)] = value
    return row


def sums(municipality, year: int = 2025) -> dict[tuple, Decimal]:
    return {
        (a.period, a.account_class, a.responsibility, a.function, a.art, a.project): a.amount
        for a in Actual.objects.for_municipality(municipality).filter(year=year)
    }


def total(municipality, year: int = 2025) -> Decimal:
    return sum(sums(municipality, year).values(), Decimal(0))
