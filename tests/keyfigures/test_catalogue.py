"""The catalogue of key figures: loaded once, each with a direction, and named by code."""

import pytest

from styringshjul.keyfigures.catalogue import (
    AmbiguousFigure,
    UnknownFigure,
    catalogue_rows,
    figure_by_code,
    load_catalogue,
)
from styringshjul.keyfigures.models import IndicatorKind, KeyFigure

pytestmark = pytest.mark.django_db


def test_the_catalogue_has_about_forty_figures_each_with_a_direction_and_kind():
    rows = catalogue_rows()
    assert 38 <= len(rows) <= 50
    assert all(isinstance(row["higher_is_better"], bool) for row in rows)
    assert all(row["unit"] and row["service"] for row in rows)
    kinds = {row["indicator_kind"] for row in rows}
    assert {IndicatorKind.PRIORITISATION, IndicatorKind.COVERAGE, IndicatorKind.PRODUCTIVITY,
            IndicatorKind.FINANCE} <= kinds
    services = {row["service"] for row in rows}
    assert {"barnehage", "grunnskole", "pleie og omsorg", "barnevern", "sosialtjenesten",
            "kultur", "tekniske tjenester", "kommuneøkonomi"} <= services


def test_every_row_says_how_far_its_codes_are_verified():
    assert all(row["description"].startswith("Source confidence: ") for row in catalogue_rows())


def test_the_migration_loaded_the_catalogue_and_loading_again_changes_nothing(demo):
    assert KeyFigure.objects.count() >= len(catalogue_rows())
    assert load_catalogue() == 0


def test_loading_again_restores_a_figure_changed_in_the_file_direction(demo):
    figure = KeyFigure.objects.get(content_code="KOSnettolaanegjeldProsent")
    assert figure.higher_is_better is False
    figure.higher_is_better = True
    figure.save()
    assert load_catalogue() == 1
    figure.refresh_from_db()
    assert figure.higher_is_better is False
    assert figure.history.count() >= 2


def test_a_figure_is_found_by_its_content_code(demo):
    assert figure_by_code("KOSandelbarnbhg0000").table_id == "12163"
    assert figure_by_code("12163:KOSandelbarnbhg0000").content_code == "KOSandelbarnbhg0000"


def test_a_content_code_in_two_tables_must_be_qualified(demo):
    KeyFigure.objects.create(table_id="99999", content_code="KOSandelbarnbhg0000",
                             name="Same code elsewhere")
    with pytest.raises(AmbiguousFigure) as raised:
        figure_by_code("KOSandelbarnbhg0000")
    assert raised.value.candidates == ["12163:KOSandelbarnbhg0000",
                                       "99999:KOSandelbarnbhg0000"]
    assert "12163:KOSandelbarnbhg0000" in str(raised.value)
    assert figure_by_code("99999:KOSandelbarnbhg0000").name == "Same code elsewhere"


def test_an_unknown_code_is_reported():
    with pytest.raises(UnknownFigure):
        figure_by_code("NOSUCHCODE")
