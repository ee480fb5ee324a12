from datetime import date

from styringshjul.ledger.models import KostraFunction
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in


def test_functions_valid_in_a_year_come_by_code(db):
    functions = functions_valid_in(2025)
    assert len(functions) == 150
    assert functions["201"].name == "Barnehage"


def test_art_270_is_valid_in_2025_but_not_in_2026(db):
    assert "270" in arts_valid_in(2025)
    assert "270" not in arts_valid_in(2026)


def test_arts_271_and_272_are_valid_from_2026(db):
    assert {"271", "272"} & set(arts_valid_in(2025)) == set()
    assert {"271", "272"} <= set(arts_valid_in(2026))
    assert len(arts_valid_in(2025)) == len(arts_valid_in(2026)) - 1 == 118


def test_functions_257_and_258_are_valid_from_2024(db):
    assert {"257", "258"} <= set(functions_valid_in(2024))
    assert {"257", "258"} & set(functions_valid_in(2023)) == set()


def test_a_code_is_valid_in_the_year_it_ends(db):
    KostraFunction.objects.filter(code="100").update(valid_to=date(2025, 6, 30))
    assert "100" in functions_valid_in(2025)
    assert "100" not in functions_valid_in(2026)
