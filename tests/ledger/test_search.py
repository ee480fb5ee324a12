"""Search matches a code prefix or any part of the name, in any case — and the same on
SQLite (whose LIKE folds only ASCII letters) as on PostgreSQL."""

import pytest

from styringshjul.ledger.queries import search_arts, search_functions


def _codes(codes) -> set[str]:
    return {code.code for code in codes}


def test_it_finds_functions_by_name_prefix_so_bar_finds_barnehage(db):
    found = search_functions("Bar")
    assert {"201", "221"} <= _codes(found)
    assert "100" not in _codes(found)


def test_it_finds_names_in_any_case(db):
    assert _codes(search_functions("barnehage")) == _codes(search_functions("BARNEHAGE"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("før", {"211"}),
        ("FØRSKOLE", {"211"}),
        ("årets", {"170", "899"}),
        ("ÅRETS", {"170", "899"}),
        ("Øyeblikkelig", {"256"}),
        ("støttefunksjoner", {"515", "701"}),
    ],
)
def test_it_finds_names_with_æ_ø_å_in_any_case(db, query, expected):
    assert _codes(search_functions(query)) == expected


def test_it_finds_codes_by_code_prefix(db):
    assert _codes(search_functions("25")) == {"251", "252", "253", "256", "257", "258"}


def test_it_finds_arts_too(db):
    assert _codes(search_arts("lønn")) >= {"010", "020", "030", "070", "075", "089"}


def test_it_filters_codes_allowed_in_the_capital_accounts(db):
    found = _codes(search_functions(allowed_in="capital"))
    assert "841" in found
    assert found.isdisjoint({"800", "840", "850", "860", "100"})


def test_it_filters_codes_allowed_in_the_operating_accounts(db):
    found = _codes(search_functions(allowed_in="operating"))
    assert "841" not in found
    assert len(found) == 149


def test_a_query_and_a_filter_combine(db):
    assert _codes(search_arts("avskrivninger", allowed_in="capital")) == set()
    assert _codes(search_arts("avskrivninger", allowed_in="operating")) == {"590", "990"}


def test_a_query_with_like_wildcards_matches_them_literally(db):
    assert _codes(search_functions("%")) == set()
