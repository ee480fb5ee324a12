"""A municipality's cycle has its own phases — names, accessible colours, order — that
start as Gausdal's four and are drawn on the wheel and written in the exports."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import translation

from styringshjul.cycle.exports import to_csv
from styringshjul.cycle.models import Activity, Phase
from styringshjul.cycle.phase_colours import (
    INK,
    PALETTE,
    WHITE,
    contrast,
    shade_of,
    validate_phase_colour,
)
from styringshjul.cycle.queries import activities_of
from styringshjul.cycle.services import ensure_phases
from styringshjul.cycle.wheel import wheel_svg
from styringshjul.org.models import Municipality

pytestmark = pytest.mark.django_db


def test_every_palette_colour_carries_dark_labels_and_its_shade_stands_out_on_white():
    for fill, shade in PALETTE.items():
        validate_phase_colour(fill)
        assert contrast(fill, INK) >= 4.5
        assert contrast(shade, WHITE) >= 4.5


@pytest.mark.parametrize("colour, code", [("#1f5f99", "contrast"), ("#777777", "contrast"),
                                          ("blue", "format"), ("#fff", "format")])
def test_a_colour_too_dark_for_the_labels_or_not_a_hex_is_refused(colour, code):
    with pytest.raises(ValidationError) as refused:
        validate_phase_colour(colour)
    assert refused.value.code == code


def test_a_custom_light_colour_gets_a_dark_shade_for_the_dots():
    assert contrast(shade_of("#ffd8a8"), WHITE) >= 4.5


def test_the_four_default_phases_are_made_once_on_first_use(demo):
    fresh = Municipality.objects.create(number="3999", name="Nyby")
    assert not Phase.objects.filter(municipality=fresh).exists()
    first = ensure_phases(fresh)
    assert list(first) == ["strategy", "budget", "evaluation", "dialogue"]
    assert [p.colour for p in first.values()] == list(PALETTE)[:4]
    assert ensure_phases(fresh) == first
    assert Phase.objects.filter(municipality=fresh).count() == 4


def test_a_default_phase_is_named_in_the_users_language_until_renamed(ringebu):
    phase = ensure_phases(ringebu)["dialogue"]
    with translation.override("nb"):
        assert str(phase) == "Dialog"
    with translation.override("en"):
        assert str(phase) == "Dialogue"
    phase.name = "Dialog med tillitsvalgte"
    assert str(phase) == "Dialog med tillitsvalgte"


def test_every_activity_refers_to_a_phase_of_its_own_municipality(ringebu_2026, gausdal):
    activities = Activity.objects.filter(municipality__in=[ringebu_2026.municipality, gausdal])
    assert activities.filter(phase__isnull=True).count() == 0
    assert not activities.exclude(phase__municipality=F("municipality")).exists()


def test_the_wheel_draws_a_renamed_and_recoloured_phase(ringebu_2026):
    phase = Phase.objects.get(municipality=ringebu_2026.municipality, key="dialogue")
    phase.name, phase.colour = "Dialog med tillitsvalgte", "#f8d7da"
    phase.save()
    activities = list(activities_of(ringebu_2026.municipality, 2026))
    text = wheel_svg(activities, 2026, "Ringebu", date(2026, 11, 23))
    svg = ET.fromstring(text)
    assert ">Dialog med tillitsvalgte</text>" in text  # the legend
    fills = {el.get("fill") for el in svg.iter()}
    assert "#f8d7da" in fills and "#9b1c2c" in fills


def test_the_wheel_has_one_lane_per_phase_in_their_order(ringebu_2026):
    municipality = ringebu_2026.municipality
    Phase.objects.filter(municipality=municipality, key="strategy").update(order=9)
    activities = list(activities_of(municipality, 2026))
    with translation.override("nb"):
        text = wheel_svg(activities, 2026, "Ringebu")
    legend = ("Handlingsprogram og budsjett", "Evaluering og rapportering", "Dialog",
              "Strategi og styring")
    positions = [text.index(f">{name}</text>") for name in legend]
    assert positions == sorted(positions)


def test_the_csv_export_writes_the_phase_name(ringebu_2026):
    phase = Phase.objects.get(municipality=ringebu_2026.municipality, key="budget")
    phase.name = "Budsjett og handlingsplan"
    phase.save()
    text = to_csv(activities_of(ringebu_2026.municipality, 2026))
    assert ";Budsjett og handlingsplan;" in text


def test_a_template_still_gives_every_activity_a_phase_after_a_default_phase_is_deleted(
        ringebu):
    from styringshjul.cycle.models import Phase
    from styringshjul.cycle.services import ensure_phases

    phases = ensure_phases(ringebu)
    Phase.objects.filter(pk=phases["evaluation"].pk).delete()

    again = ensure_phases(ringebu)

    first = Phase.objects.for_municipality(ringebu).order_by("order", "pk").first()
    assert again["evaluation"] == first
    assert again["budget"].key == "budget"
