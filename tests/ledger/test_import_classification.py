from datetime import date

from styringshjul.ledger.models import KostraArt, KostraFunction, Rule
from tests.ledger.klass_files import ARTS_FILE, FUNCTIONS_FILE, klass_entry


def test_it_fills_in_official_names_without_touching_rules(import_classification):
    before = KostraFunction.objects.get(code="121")
    status, out, _err = import_classification(FUNCTIONS_FILE)
    after = KostraFunction.objects.get(code="121")
    assert status == 0
    assert after.name == "Forvaltningsutgifter i eiendomsforvaltning"
    assert (after.name_confidence, after.name_source) == ("official", "SSB Klass 277")
    assert after.valid_from == date(2017, 1, 1)
    rules = ("operating_rule", "operating_rule_reference", "capital_rule",
             "capital_rule_reference", "forms", "kind", "sector", "list_source")
    assert [getattr(after, field) for field in rules] == [getattr(before, field) for field in rules]
    assert "12 oppdatert, 0 lagt til, 0 uendret, 0 hoppet over" in out


def test_it_adds_codes_it_did_not_have_with_the_rules_unknown(import_classification):
    KostraFunction.objects.filter(code="202").delete()
    status, out, _err = import_classification(FUNCTIONS_FILE)
    added = KostraFunction.objects.get(code="202")
    assert status == 0
    assert "11 oppdatert, 1 lagt til" in out
    assert added.name == "Grunnskole"
    assert (added.operating_rule, added.capital_rule, added.forms) == ("", "", "")
    assert added.list_source == "SSB Klass 277"


def test_it_never_deletes_codes_missing_from_the_file(import_classification):
    import_classification(FUNCTIONS_FILE)
    assert KostraFunction.objects.count() == 150


def test_it_skips_aggregate_codes_and_says_how_many(import_classification):
    status, out, _err = import_classification(ARTS_FILE, "--classification", "259")
    assert status == 0
    assert "9 oppdatert, 0 lagt til, 0 uendret, 5 hoppet over" in out
    assert not KostraArt.objects.filter(code__startswith="A").exists()


def test_it_recognises_arter_by_their_aggregate_codes(import_classification):
    status, out, _err = import_classification(ARTS_FILE)
    assert status == 0
    assert "Klass 259" in out
    assert KostraArt.objects.get(code="010").name_source == "SSB Klass 259"
    assert KostraFunction.objects.get(code="100").name_confidence == "high"


def test_it_recognises_funksjoner_by_codes_only_funksjoner_have(import_classification):
    status, out, _err = import_classification(FUNCTIONS_FILE)
    assert status == 0
    assert "Klass 277" in out
    assert KostraArt.objects.get(code="100").name_confidence == "medium"


def test_it_asks_for_the_classification_when_the_file_could_be_either(
    import_classification, klass_file
):
    path = klass_file({"codes": [klass_entry("100", "Politisk styring")]})
    status, _out, err = import_classification(path)
    assert status == 1
    assert "--classification 277 eller --classification 259" in err
    assert KostraFunction.objects.get(code="100").name_confidence == "high"


def test_it_refuses_a_classification_the_file_contradicts(import_classification):
    status, _out, err = import_classification(ARTS_FILE, "--classification", "277")
    assert status == 1
    assert "ser ut som Klass 259" in err
    assert not KostraFunction.objects.filter(name_confidence="official").exists()


def test_running_it_twice_changes_nothing(import_classification):
    import_classification(FUNCTIONS_FILE)
    history = KostraFunction.history.count()
    status, out, _err = import_classification(FUNCTIONS_FILE)
    assert status == 0
    assert "0 oppdatert, 0 lagt til, 12 uendret" in out
    assert "Ingenting å endre" in out
    assert KostraFunction.history.count() == history


def test_a_dry_run_saves_nothing(import_classification):
    status, out, _err = import_classification(FUNCTIONS_FILE, "--dry-run")
    assert status == 0
    assert "12 oppdatert" in out and "Prøvekjøring" in out
    assert not KostraFunction.objects.filter(name_confidence="official").exists()


def test_klass_valid_to_is_exclusive_so_the_last_valid_day_is_the_day_before(
    import_classification, klass_file
):
    path = klass_file({"codes": [klass_entry("010", "Fastlønn", valid_to="2026-01-01")]})
    import_classification(path, "--classification", "259")
    assert KostraArt.objects.get(code="010").valid_to == date(2025, 12, 31)


def test_each_change_is_kept_in_the_history_with_its_source(import_classification):
    import_classification(FUNCTIONS_FILE)
    record = KostraFunction.history.filter(code="121").latest("history_date")
    assert record.history_change_reason == "SSB Klass 277"
    assert record.prev_record.name == "Forvaltningsutgifter i eiendomsforvaltningen"


def test_the_rules_of_a_known_code_stay_after_import(import_classification):
    import_classification(FUNCTIONS_FILE)
    function_841 = KostraFunction.objects.get(code="841")
    assert function_841.operating_rule == Rule.NOT_ALLOWED
