"""Which column holds what: Visma Enterprise and Unit4 (Agresso) exports are recognised by
their headers, anything else by Norwegian column names, and a municipality's own mapping
is tried first."""

import pytest

from styringshjul.ledger.ledger_import import import_ledger
from styringshjul.ledger.models import ColumnProfile
from styringshjul.ledger.profiles import save_profile
from tests.ledger.ledger_lines import total, write_ledger

AGRESSO = ["Konto", "Ansvar", "Tjeneste", "Prosjekt", "Periode", "Beløp", "Bilagsnr", "Tekst"]


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_it_recognises_a_visma_enterprise_export(ringebu):
    from pathlib import Path
    fixture = Path(__file__).parent.parent / "fixtures" / "hovedbok_visma_cp1252.csv"
    result = import_ledger(ringebu, 2025, fixture)
    assert (result.accepted, result.profile, result.encoding) == (
        True, "visma-enterprise", "cp1252")


def test_it_recognises_an_agresso_export_with_tjeneste_as_funksjon(ringebu, tmp_path):
    rows = [["1200", "2100", "202", "", "202503", "100,00", "55", "Bøker"]]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "a.csv", rows,
                                                       header=AGRESSO))
    assert (result.accepted, result.profile, result.periods) == (True, "unit4-agresso", [3])


def test_it_falls_back_to_norwegian_column_names(ringebu, tmp_path):
    header = ["Ansvarsnr", "Funksjon", "Artskonto", "Objekt", "Regnskapsperiode", "Beløp NOK"]
    rows = [["2100", "202", "1200", "", "5", "7,00"]]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "g.csv", rows,
                                                       header=header))
    assert (result.accepted, result.profile) == (True, "generisk")


def test_it_asks_for_a_mapping_when_no_profile_fits(ringebu, tmp_path):
    header = ["K1", "K2", "K3", "K4", "K5"]
    rows = [["2100", "202", "1200", "5", "7,00"]]
    result = import_ledger(ringebu, 2025, write_ledger(tmp_path / "x.csv", rows,
                                                       header=header))
    assert result.needs_mapping and not result.accepted
    assert result.header == header


def test_a_saved_mapping_is_found_by_name_before_the_built_in_ones(ringebu, tmp_path):
    header = ["K1", "K2", "K3", "K4", "K5"]
    save_profile(ringebu, "Vår eksport", {"responsibility": "K1", "function": "K2",
                                          "art": "K3", "period": "K4", "amount": "K5"})
    rows = [["2100", "202", "1200", "5", "7,00"]]
    path = write_ledger(tmp_path / "x.csv", rows, header=header)
    result = import_ledger(ringebu, 2025, path, profile="vår eksport")
    assert (result.accepted, result.profile) == (True, "Vår eksport")
    assert total(ringebu) == 7


def test_another_municipalitys_mapping_is_never_used(ringebu, gausdal, tmp_path):
    ColumnProfile.objects.create(municipality=gausdal, name="Gausdal", columns={
        "responsibility": "K1", "function": "K2", "art": "K3", "period": "K4",
        "amount": "K5"})
    path = write_ledger(tmp_path / "x.csv", [["2100", "202", "1200", "5", "7,00"]],
                        header=["K1", "K2", "K3", "K4", "K5"])
    assert import_ledger(ringebu, 2025, path).needs_mapping
    assert import_ledger(ringebu, 2025, path, profile="Gausdal").issues[0].code == \
        "ledger.unknown_profile"
