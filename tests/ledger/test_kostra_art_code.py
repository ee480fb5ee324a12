import pytest
from hypothesis import given
from hypothesis import strategies as st

from styringshjul.ledger.queries import kostra_art_code


def test_a_local_four_digit_art_maps_to_its_kostra_art():
    assert kostra_art_code("2701") == "270"


def test_a_three_digit_art_is_its_own_kostra_art():
    assert kostra_art_code("010") == "010"


@given(st.from_regex(r"[0-9]{4}", fullmatch=True))
def test_every_four_digit_art_keeps_its_first_three_digits(art):
    assert kostra_art_code(art) == art[:3]


@pytest.mark.parametrize("text", ["", "27", "27011", "27a1", " 270", "２７０"])
def test_it_rejects_what_is_not_an_art(text):
    with pytest.raises(ValueError):
        kostra_art_code(text)
