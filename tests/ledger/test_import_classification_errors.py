"""A file the command cannot trust changes nothing, and the message says where it is wrong."""

from styringshjul.ledger.models import KostraFunction
from tests.ledger.klass_files import klass_entry


def _nothing_official() -> bool:
    return not KostraFunction.objects.filter(name_confidence="official").exists()


def test_it_changes_nothing_when_a_code_has_no_name(import_classification, klass_file):
    entries = [klass_entry("100", "Politisk styring"), klass_entry("201", "Barnehage"),
               klass_entry("202", "Grunnskole"), {"code": "211", "level": "1"}]
    status, out, err = import_classification(klass_file({"codes": entries}))
    assert status == 1
    assert out == ""
    assert 'Oppføring 4 (codes[3]): feltet «name» mangler eller er tomt.' in err
    assert "Ingenting ble endret." in err
    assert _nothing_official()


def test_it_changes_nothing_when_the_file_is_not_json(import_classification, klass_file):
    status, _out, err = import_classification(klass_file(b'{"codes": [\n  {"code": "100",'))
    assert status == 1
    assert "ikke gyldig JSON: linje 2" in err
    assert _nothing_official()


def test_it_changes_nothing_when_there_is_no_codes_list(import_classification, klass_file):
    status, _out, err = import_classification(klass_file({"classificationItems": []}))
    assert status == 1
    assert "«codes»" in err
    assert _nothing_official()


def test_it_names_an_entry_that_is_not_an_object(import_classification, klass_file):
    status, _out, err = import_classification(klass_file({"codes": ["100"]}))
    assert status == 1
    assert "Oppføring 1 (codes[0]) er ikke et objekt." in err


def test_it_names_a_field_that_is_not_text(import_classification, klass_file):
    status, _out, err = import_classification(klass_file({"codes": [{"code": 100, "name": "x"}]}))
    assert status == 1
    assert "feltet «code» er ikke tekst: 100" in err


def test_it_names_a_date_it_cannot_read(import_classification, klass_file):
    entry = klass_entry("201", "Barnehage", valid_from="01.01.2017")
    status, _out, err = import_classification(klass_file({"codes": [entry]}), "--classification",
                                              "277")
    assert status == 1
    assert "feltet «validFrom» er ikke en dato (ÅÅÅÅ-MM-DD): 01.01.2017" in err
    assert _nothing_official()


def test_it_names_a_code_that_occurs_twice(import_classification, klass_file):
    entries = [klass_entry("201", "Barnehage"), klass_entry("201", "Barnehage")]
    status, _out, err = import_classification(klass_file({"codes": entries}))
    assert status == 1
    assert "Oppføring 2 (codes[1]): koden 201 står mer enn én gang." in err


def test_it_says_so_when_it_cannot_read_the_file(import_classification, tmp_path):
    status, _out, err = import_classification(tmp_path / "missing.json")
    assert status == 1
    assert "Kan ikke lese fila" in err


def test_it_says_so_when_the_file_is_not_utf8(import_classification, klass_file):
    status, _out, err = import_classification(klass_file('{"codes": ["Bø"]}'.encode("cp1252")))
    assert status == 1
    assert "ikke UTF-8" in err
