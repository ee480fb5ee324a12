"""The registry of source kinds: another app adds a kind without any change here, and
`refresh` computes only the automatic ones."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

from styringshjul.scorecards import sources
from styringshjul.scorecards.models import Indicator, Period, Result
from styringshjul.scorecards.queries import year_scorecards
from styringshjul.scorecards.sources import Computed, SourceKind

pytestmark = pytest.mark.django_db


def survey_score(indicator, scorecard, period):
    if period != Period.FIRST_TERTIAL:
        return None
    return Computed(Decimal("4.2"), f"Medarbeiderundersøkelsen, {scorecard.unit}")


@pytest.fixture
def survey_kind():
    kind = sources.register(SourceKind("survey_dimension", "survey", automatic=True,
                                       compute=survey_score))
    yield kind
    sources.unregister(kind.key)


@pytest.fixture
def survey_indicator(favang_scorecard, survey_kind):
    factor = favang_scorecard.success_factors.create(
        perspective=favang_scorecard.municipality.perspectives.get(name="Medarbeidere"),
        name="Godt arbeidsmiljø")
    return Indicator.objects.create(success_factor=factor, name="Trivsel",
                                    source="survey_dimension")


def test_the_built_in_kinds_are_manual_ledger_and_imported():
    keys = [key for key, _label in sources.choices()]
    assert keys[:3] == ["manual", "ledger_deviation", "imported"]
    automatic = {kind.key: kind.automatic for kind in sources.kinds()}
    assert automatic["manual"] is False and automatic["imported"] is False
    assert automatic["ledger_deviation"] is True


def test_a_kind_registered_by_another_app_is_offered_and_computed(
        favang_scorecard, survey_indicator):
    assert ("survey_dimension", "survey") in sources.choices()
    assert sources.kind_of(survey_indicator).key == "survey_dimension"
    assert sources.refresh(favang_scorecard) == 1  # T2 and year: nothing to say yet
    result = Result.objects.get(indicator=survey_indicator)
    assert (result.period, result.value) == (Period.FIRST_TERTIAL, Decimal("4.2"))
    assert result.source_note == "Medarbeiderundersøkelsen, Fåvang skule"


def test_an_unknown_kind_counts_as_manual_and_is_never_computed(favang_scorecard,
                                                                 scorecards_2026):
    indicator = Indicator.objects.get(name="Samsvar mellom budsjett og regnskap")
    indicator.source = "gone_away"
    indicator.save()
    assert sources.kind_of(indicator).key == "manual"
    assert sources.refresh(favang_scorecard) == 0
    assert not Result.objects.exists()


def test_the_refresh_command_says_how_many_it_stored(favang_scorecard, survey_indicator,
                                                     capsys):
    call_command("scorecard_refresh", "--municipality", "3439", "--year", "2026",
                 "--period", "T1")
    cards = year_scorecards(favang_scorecard.municipality, 2026).count()
    with translation.override(settings.LANGUAGE_CODE):
        expected = gettext("Automatic results computed and stored: %(count)s (from "
                           "%(scorecards)s scorecards).") % {"count": 1, "scorecards": cards}
    assert capsys.readouterr().out.strip() == expected
    assert Result.objects.filter(indicator=survey_indicator).count() == 1


def test_the_refresh_command_fails_for_a_year_without_scorecards(ringebu):
    with pytest.raises(CommandError) as raised:
        call_command("scorecard_refresh", "--municipality", "3439", "--year", "1999")
    assert raised.value.returncode == 1
