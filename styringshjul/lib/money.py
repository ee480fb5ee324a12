"""Money is Decimal, shown in whole kroner with a no-break space between thousands."""

import re
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\xa0"
AMOUNT_PATTERN = re.compile(r"^-?\d{1,13}([.,]\d{1,2})?$")


def format_kroner(amount: Decimal | int | None, *, decimals: int = 0) -> str:
    """`1234567.4` → `1 234 567` (no-break spaces, minus sign for negatives)."""
    if amount is None:
        return ""
    quantum = Decimal(1).scaleb(-decimals)
    value = Decimal(amount).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups) or "0"
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def parse_kroner(text: str) -> Decimal | None:
    """`1 250 000`, `−50 000,50` or `-1250000.5` as Decimal; None when not an amount."""
    plain = re.sub(r"[\s\xa0\u202f]", "", str(text)).replace("\u2212", "-")
    if not AMOUNT_PATTERN.match(plain):
        return None
    return Decimal(plain.replace(",", ".")).quantize(Decimal("0.01"))
