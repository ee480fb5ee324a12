import csv

import pytest

from styringshjul.ledger import code_lists
from styringshjul.ledger.models import KostraArt, KostraFunction, Rule


def _names(filename: str) -> dict[str, str]:
    with open(code_lists.DATA_DIR / filename, encoding="utf-8", newline="") as file:
        return {row["code"]: row["name_nb"] for row in csv.DictReader(file)}


def test_every_function_of_the_2025_list_is_loaded(db):
    expected = _names("funksjoner_2025_2026.csv")
    loaded = dict(KostraFunction.objects.values_list("code", "name"))
    assert len(expected) == 150
    assert loaded == expected


def test_every_art_of_the_2025_and_2026_lists_is_loaded(db):
    expected = _names("arter_2025_2026.csv") | {"270": ""}
    loaded = dict(KostraArt.objects.values_list("code", "name"))
    assert len(expected) == 120
    assert loaded == expected


def test_codes_without_a_found_name_keep_a_blank_name(db):
    for model in (KostraFunction, KostraArt):
        unnamed = model.objects.filter(name_confidence="none")
        assert unnamed.exists()
        assert set(unnamed.values_list("name", flat=True)) == {""}
        assert not model.objects.filter(name="").exclude(name_confidence="none").exists()


def test_quoted_fields_with_commas_are_read_whole(db):
    assert KostraFunction.objects.get(code="232").name == (
        "Forebygging, helsestasjons- og skolehelsetjeneste"
    )
    assert KostraArt.objects.get(code="089").name == (
        "Trekkpliktig/opplysningspliktig, ikke arbeidsgiveravgiftspliktig lønn"
    )


def test_the_rules_keep_the_control_that_sets_them(db):
    function_841 = KostraFunction.objects.get(code="841")
    assert (function_841.operating_rule, function_841.operating_rule_reference) == (
        Rule.NOT_ALLOWED, "ERROR k.020",
    )
    assert function_841.capital_rule == Rule.ALLOWED
    function_100 = KostraFunction.objects.get(code="100")
    assert (function_100.capital_rule, function_100.capital_rule_reference) == (
        Rule.ILLOGICAL, "INFO k.045",
    )
    art_729 = KostraArt.objects.get(code="729")
    assert art_729.restriction == "in investering only with funksjon 841 (k.060)"
    assert (art_729.income_or_expense, art_729.series) == ("income", "7")


def test_functions_know_their_kind_sector_and_forms(db):
    function_870 = KostraFunction.objects.get(code="870")
    assert (function_870.kind, function_870.sector) == ("financial", "both")
    assert KostraFunction.objects.get(code="201").forms == "0A;0I;0M"


def test_art_270_is_added_for_2025_with_its_source_and_no_name(db):
    art_270 = KostraArt.objects.get(code="270")
    assert art_270.name == ""
    assert art_270.name_confidence == "none"
    assert "01fd5a5e" in art_270.list_source
    assert (art_270.operating_rule, art_270.capital_rule) == (Rule.ALLOWED, Rule.ALLOWED)


def test_loading_stops_at_a_rule_it_cannot_read():
    with pytest.raises(ValueError, match="maybe"):
        code_lists._rule("maybe (INFO k.999)", "100")


def test_every_loaded_code_has_a_first_history_record(db):
    assert KostraFunction.history.filter(history_type="+").count() == 150
    assert KostraArt.history.filter(history_type="+").count() == 120
