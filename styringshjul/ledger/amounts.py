"""Amounts, periods and dates as Norwegian ledger exports write them, parsed as Polars
expressions so a file of millions of lines never meets a Python loop.

Amounts: decimal comma (or point), thousands separated by space, no-break space or `.`,
negative as `-1 234,50`, `1 234,50-` or `(1 234,50)`. Periods: `1`–`13`, `2025-03` or
`202503`. Dates: `dd.mm.yyyy` or ISO (`yyyy-mm-dd`, with or without a time).
"""

import polars as pl

AMOUNT = pl.Decimal(18, 2)
_SPACES = r"[\s\u00a0\u202f']"
_THOUSANDS_DOTS = r"^\d{1,3}(\.\d{3})+$"


def amount(column: str) -> pl.Expr:
    """The amount as Decimal(18, 2), null where the text is not an amount."""
    text = pl.col(column).str.replace_all(_SPACES, "").str.replace_all("\u2212", "-")
    negative = (
        text.str.starts_with("-") | text.str.ends_with("-")
        | (text.str.starts_with("(") & text.str.ends_with(")"))
    )
    digits = text.str.strip_chars("-+()")
    plain = (
        pl.when(digits.str.contains(","))
        .then(digits.str.replace_all(r"\.", "").str.replace(",", ".", literal=True))
        .when(digits.str.contains(_THOUSANDS_DOTS))
        .then(digits.str.replace_all(r"\.", ""))
        .otherwise(digits)
    )
    well_formed = plain.str.contains(r"^\d+(\.\d{1,2})?$") & ~(
        text.str.starts_with("-") & text.str.ends_with("-") & (text.str.len_chars() > 1)
    )
    value = pl.when(well_formed).then(plain).str.to_decimal(scale=2).cast(AMOUNT)
    return pl.when(negative).then(-value).otherwise(value)


def date(column: str) -> pl.Expr:
    """The date, null where the text is not dd.mm.yyyy or ISO."""
    text = pl.col(column).str.strip_chars().str.slice(0, 10)
    return pl.coalesce(
        text.str.strptime(pl.Date, "%d.%m.%Y", strict=False),
        text.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
    )


def period(column: str, year: int) -> pl.Expr:
    """The accounting period 1–13 as written in a period column; null where the text is
    not a period, 0 where it names another year (so it is reported as outside the year)."""
    text = pl.col(column).str.strip_chars()
    parts = text.str.extract_groups(r"^(\d{4})[-/.]?(\d{1,2})$")
    with_year = parts.struct.field("2").cast(pl.Int16, strict=False)
    in_year = parts.struct.field("1").cast(pl.Int16, strict=False) == year
    return (
        pl.when(text.str.contains(r"^\d{1,2}$")).then(text.cast(pl.Int16, strict=False))
        .when(with_year.is_not_null()).then(pl.when(in_year).then(with_year).otherwise(0))
        .otherwise(None)
    )
