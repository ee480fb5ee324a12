"""Numbers as people type them in files: `5,2`, `5.25 %`, `−1 250,5`."""

import re
from decimal import ROUND_HALF_UP, Decimal

NUMBER = re.compile(r"^-?\d{1,11}([.,]\d+)?$")
PLACES = Decimal("0.001")


def parse_number(text: str) -> Decimal | None:
    """Decimal comma or point, spaces (also no-break) as thousands separators, a trailing %,
    a typographic minus; three decimals. None when it is not a number."""
    plain = re.sub(r"[\s\xa0\u202f%]", "", text).replace("\u2212", "-")
    if not NUMBER.match(plain):
        return None
    return Decimal(plain.replace(",", ".")).quantize(PLACES, ROUND_HALF_UP)
