"""A legal rule is marked verified only with the wording and the address it was read at;
an unverified one says so and says where we looked."""

import pytest

from styringshjul.cycle.legal_rules import RULES

UNVERIFIED = ("budget_by_year_end", "budget_reports", "audit_statement_deadline",
              "control_committee_order", "accounts_adopted_deadline", "kostra_deadline")


def test_a_verified_rule_citing_a_paragraph_carries_the_quoted_wording_and_its_address():
    for rule in RULES.values():
        if rule.verified and "§" in rule.legal_basis:
            assert rule.quote, rule.code
            assert rule.source.startswith("https://"), rule.code


@pytest.mark.parametrize("code, phrase, address", [
    ("recommendation_public", "allment ettersyn i minst 14 dagar",
     "https://okonomiplan.giske.kommune.no/2024/administrasjon"),
    ("accounts_deadline", "årsregnskapet er 22. februar jf. kommuneloven § 14-6",
     "https://irev.no/kommuner"),
    ("annual_report_deadline", "avgis innen 31. mars jf. kommuneloven § 14-7",
     "https://irev.no/kommuner"),
])
def test_the_quoted_wording_is_kept_with_the_rule(code, phrase, address):
    rule = RULES[code]
    assert phrase in rule.quote
    assert rule.source.startswith(address)


@pytest.mark.parametrize("code", UNVERIFIED)
def test_a_rule_whose_law_text_could_not_be_read_stays_unverified_and_says_where_we_looked(
    code,
):
    rule = RULES[code]
    assert not rule.verified
    assert "ikke verifisert" in rule.legal_basis.lower()
    assert "Lovdata" in rule.searched
    assert not rule.quote


def test_the_budget_reports_rule_no_longer_guesses_the_wrong_paragraph():
    assert "antakelig budsjett- og regnskapsforskriften § 5-9" not in RULES[
        "budget_reports"].legal_basis


def test_the_kostra_rule_names_the_kostra_regulation():
    assert "FOR-2019-10-18-1412" in RULES["kostra_deadline"].legal_basis
