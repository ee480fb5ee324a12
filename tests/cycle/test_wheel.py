"""The drawn wheel: every activity is on it, labels never collide, it renders to PNG."""

import struct
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.utils import translation

from styringshjul.cycle.models import Activity, DefaultPhase, Phase
from styringshjul.cycle.phase_colours import PALETTE
from styringshjul.cycle.queries import activities_of
from styringshjul.cycle.wheel import wheel_svg
from styringshjul.cycle.wheel_files import to_png
from styringshjul.cycle.wheel_layout import MAX_CHARS, boxes_overlap, layout
from styringshjul.cycle.wheel_rings import phase_spans

NS = {"svg": "http://www.w3.org/2000/svg"}


def sixty_activities() -> list[Activity]:
    colours = list(PALETTE)
    phases = [Phase(key=key, colour=colours[order], order=order)
              for order, key in enumerate(DefaultPhase.values)]
    return [Activity(title=f"Aktivitet {i}: tertialrapport og budsjettrevisjon for sektorene",
                     start=date(2026, 1, 2) + timedelta(days=i * 6), phase=phases[i % 4])
            for i in range(60)]


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_sixty_activities_get_labels_whose_boxes_never_overlap():
    activities = sixty_activities()
    placed = layout([(a.start, f"{a.start:%d.%m} {a.title}") for a in activities], 2026)
    assert len(placed.labels) == 60
    boxes = [label.box for label in placed.labels]
    for i, box in enumerate(boxes):
        assert box[0] >= 0 and box[1] >= 0
        for other in boxes[i + 1:]:
            assert not boxes_overlap(box, other), (box, other)


def test_sixty_activities_crowded_into_one_month_still_do_not_overlap():
    items = [(date(2026, 3, 1) + timedelta(days=i % 28), f"Frist {i}") for i in range(60)]
    boxes = [label.box for label in layout(items, 2026).labels]
    assert not any(boxes_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_long_titles_are_shortened_with_an_ellipsis_and_kept_whole_in_the_tooltip():
    activities = sixty_activities()
    svg = ET.fromstring(wheel_svg(activities, 2026, "Ringebu"))
    labels = [g.find("svg:text", NS).text for g in svg.iterfind("svg:g", NS)
              if g.find("svg:polyline", NS) is not None]
    assert len(labels) == 60
    assert all(len(text) <= MAX_CHARS for text in labels)
    assert any(text.endswith("…") for text in labels)
    tooltips = [t.text for t in svg.iterfind("svg:g/svg:title", NS)]
    assert all(any(a.title in tip for tip in tooltips) for a in activities)


def test_the_wheel_with_sixty_activities_renders_to_png():
    png = to_png(wheel_svg(sixty_activities(), 2026, "Ringebu", date(2026, 11, 23)))
    width, height = png_size(png)
    assert width > 1000 and height > 700


def test_the_wheel_is_an_accessible_image_without_style_attributes():
    with translation.override("nb"):
        text = wheel_svg(sixty_activities(), 2026, "Ringebu", date(2026, 11, 23))
    svg = ET.fromstring(text)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "wheel-title wheel-desc"
    assert svg.find("svg:title", NS).text == "Ringebu: årshjul 2026"
    assert svg.find("svg:desc", NS).text
    assert "style=" not in text
    for name in ("Strategi og styring", "Handlingsprogram og budsjett",
                 "Evaluering og rapportering", "Dialog"):  # named, not only coloured
        assert f">{name}</text>" in text


def test_the_months_the_tertials_and_today_are_drawn():
    with translation.override("nb"):
        text = wheel_svg(sixty_activities(), 2026, "Ringebu", date(2026, 11, 23))
    for name in ("januar", "april", "september", "desember", "T1", "T2", "T3", "I dag"):
        assert name in text.lower() or name in text
    assert "23.11.2026" in text
    assert "I dag" not in wheel_svg([], 2026, "Ringebu", date(2027, 1, 5))


def test_a_phase_covers_its_activities_and_breaks_at_long_gaps():
    spans = phase_spans([(date(2026, 1, 10), date(2026, 1, 10)),
                         (date(2026, 2, 1), date(2026, 2, 20)),
                         (date(2026, 9, 1), date(2026, 9, 1))], 2026)
    assert len(spans) == 2
    assert spans[0][0] < 10 < 50 < spans[0][1] < 60


@pytest.mark.django_db
def test_the_ringebu_wheel_has_every_activity_as_a_title(ringebu_2026):
    activities = list(activities_of(ringebu_2026.municipality, 2026))
    svg = ET.fromstring(wheel_svg(activities, 2026, "Ringebu", date(2026, 11, 23)))
    tooltips = [t.text for t in svg.iterfind("svg:g/svg:title", NS)]
    assert len(tooltips) == len(activities) + 1  # and today
    for activity in activities:
        assert any(activity.title in tip for tip in tooltips), activity.title
