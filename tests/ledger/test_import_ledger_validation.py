"""Every line is checked against Ringebu's ansvar codes and the KOSTRA lists of the year;
every problem has a row, a column, a value and a reason, and errors reject the file."""

import pytest

from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.ledger_validation import ISSUE_LIMIT
from styringshjul.ledger.models import Actual, LedgerImport
from tests.ledger.ledger_lines import VISMA_HEADER, with_amount, write_ledger


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def problems(ringebu, tmp_path, *rows):
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", list(rows)))
    return result, [(i.code, i.row, i.column, i.value, i.is_error) for i in result.issues]


def test_it_rejects_a_ledger_row_with_an_unknown_ansvar(ringebu, tmp_path):
    result, found = problems(ringebu, tmp_path, with_amount("1,00"),
                             with_amount("1,00", Ansvar="9999"))
    assert found == [("ledger.unknown_responsibility", 3, "Ansvar", "9999", True)]
    assert not result.accepted
    assert not Actual.objects.filter(municipality=ringebu).exists()
    assert not LedgerImport.objects.filter(municipality=ringebu).exists()


def test_it_rejects_an_ansvar_of_another_municipality(ringebu, gausdal, tmp_path):
    from styringshjul.org.models import OrgUnit, Responsibility
    unit = OrgUnit.objects.filter(municipality=gausdal).first()
    Responsibility.objects.create(municipality=gausdal, unit=unit, code="7777", name="Gausdal")
    _, found = problems(ringebu, tmp_path, with_amount("1,00", Ansvar="7777"))
    assert found[0][0] == "ledger.unknown_responsibility"


def test_it_rejects_a_funksjon_not_valid_in_the_year(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, with_amount("1,00", Funksjon="999"))
    assert found == [("ledger.unknown_function", 2, "Funksjon", "999", True)]


def test_it_rejects_an_art_with_five_digits(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, with_amount("1,00", Art="12000"))
    assert found == [("ledger.unknown_art", 2, "Art", "12000", True)]


def test_it_rejects_a_four_digit_art_whose_kostra_art_does_not_exist(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, with_amount("1,00", Art="9991"))
    assert found == [("ledger.unknown_art", 2, "Art", "9991", True)]


def test_it_rejects_an_art_not_allowed_in_capital_accounts(ringebu, tmp_path):
    header = [*VISMA_HEADER, "Kontoklasse"]
    rows = [with_amount("1,00", Art="0700") + ["0"]]  # 070 is not allowed in capital
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows,
                                                       header=header))
    assert [(i.code, i.value) for i in result.issues] == [("ledger.art_not_allowed", "0700")]


def test_it_accepts_an_illogical_funksjon_in_capital_accounts_with_a_warning(
        ringebu, tmp_path):
    from styringshjul.ledger.models import KostraFunction
    illogical = KostraFunction.objects.filter(capital_rule="illogical").first().code
    header = [*VISMA_HEADER, "Kontoklasse"]
    rows = [with_amount("1,00", Funksjon=illogical, Art="0200") + ["I"]]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "h.csv", rows,
                                                       header=header))
    assert result.accepted
    assert [(i.code, i.is_error) for i in result.issues] == [("ledger.function_illogical",
                                                              False)]
    assert Actual.objects.get(municipality=ringebu).account_class == "capital"


def test_it_rejects_an_amount_that_is_not_a_number(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, with_amount("12,3,4"))
    assert found == [("ledger.invalid_amount", 2, "Beløp", "12,3,4", True)]


def test_it_rejects_a_period_outside_1_to_13(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, with_amount("1,00", Periode="14"))
    assert found == [("ledger.invalid_period", 2, "Periode", "14", True)]


def test_it_rejects_a_date_outside_the_year(ringebu, tmp_path):
    _, found = problems(ringebu, tmp_path, with_amount("1,00", Bilagsdato="31.12.2024"))
    assert found == [("ledger.date_outside_year", 2, "Bilagsdato", "31.12.2024", True)]


def test_it_gives_the_reason_in_norwegian(ringebu, tmp_path):
    from django.utils import translation
    with translation.override("nb"):
        result, _ = problems(ringebu, tmp_path, with_amount("1,00", Ansvar="9999"))
    assert result.issues[0].message == "Ikke en av kommunens ansvarskoder."


def test_it_lists_at_most_a_thousand_issues_but_counts_them_all(ringebu, tmp_path):
    rows = [with_amount("1,00", Ansvar="9999")] * (ISSUE_LIMIT + 500)
    result, _ = problems(ringebu, tmp_path, *rows)
    assert len(result.issues) == ISSUE_LIMIT
    assert result.findings.counts == {"ledger.unknown_responsibility": ISSUE_LIMIT + 500}
    assert result.findings.error_count == ISSUE_LIMIT + 500
