"""A result's history reads as people write: decimals with a comma, times as dd.mm.yyyy."""

from decimal import Decimal

import pytest

from styringshjul.org.history import recent_changes
from styringshjul.scorecards.models import Period, Result
from styringshjul.scorecards.queries import sheet
from styringshjul.scorecards.services import record_value

pytestmark = pytest.mark.django_db


def test_a_changed_result_is_shown_in_norwegian_formats(favang_scorecard, settings):
    settings.LANGUAGE_CODE = "nb"
    indicator = sheet(favang_scorecard).indicator_rows()[0].indicator
    result = record_value(favang_scorecard, indicator, Period.FIRST_TERTIAL, Decimal("3.100"),
                          source_note="Beregnet")
    record_value(favang_scorecard, indicator, Period.FIRST_TERTIAL, Decimal("2.5"),
                 source_note="Beregnet")
    change = recent_changes(Result.history.filter(id=result.pk))[0]
    values = {label: (old, new) for label, old, new in change.fields}
    assert values["resultat"] == ("3,1", "2,5")
    computed_old, _computed_new = values["beregnet"]
    assert computed_old[2] == "." and computed_old[5] == "." and ":" in computed_old
    assert "lock" not in " ".join(values)
