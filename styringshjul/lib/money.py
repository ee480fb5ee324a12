"""Money is Decimal, shown in whole kroner with a no-break space between thousands."""

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\xa0"


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
