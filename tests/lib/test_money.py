from decimal import Decimal

from styringshjul.lib.money import format_kroner


def test_kroner_are_grouped_with_no_break_spaces_and_rounded_half_up():
    assert format_kroner(Decimal("1234567.5")) == "1\xa0234\xa0568"
    assert format_kroner(Decimal("-1234.50"), decimals=2) == "−1\xa0234,50"
    assert format_kroner(0) == "0"
    assert format_kroner(None) == ""
