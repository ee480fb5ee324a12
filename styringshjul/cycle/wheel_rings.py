"""Ring pieces of the wheel: annular sectors, the spans a phase covers, text along an arc."""

import math
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from styringshjul.cycle.wheel_layout import CHAR_WIDTH, angle_of, point, shorten

GAP_DAYS = 30  # activities of a phase further apart than this start a new arc
PAD_DAYS = 3
RING_FONT_SIZE = 11


def annulus(cx: float, cy: float, inner: float, outer: float, a0: float, a1: float) -> str:
    """The path of the ring sector between the radii, from a0 to a1 degrees clockwise."""
    large = 1 if a1 - a0 > 180 else 0
    o0, o1 = point(cx, cy, outer, a0), point(cx, cy, outer, a1)
    i0, i1 = point(cx, cy, inner, a0), point(cx, cy, inner, a1)
    return (f"M{o0[0]:.1f},{o0[1]:.1f} A{outer:.1f},{outer:.1f} 0 {large} 1 "
            f"{o1[0]:.1f},{o1[1]:.1f} L{i1[0]:.1f},{i1[1]:.1f} "
            f"A{inner:.1f},{inner:.1f} 0 {large} 0 {i0[0]:.1f},{i0[1]:.1f} Z")


def phase_spans(ranges: list[tuple[date, date]], year: int) -> list[tuple[float, float]]:
    """The arcs (degrees) a phase covers: its activities' dates, padded a few days, with
    those less than GAP_DAYS apart joined into one arc."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    spans: list[list[date]] = []
    for start, end in sorted(ranges):
        start = max(start - timedelta(days=PAD_DAYS), first)
        end = min(max(end, start) + timedelta(days=PAD_DAYS), last)
        if spans and (start - spans[-1][1]).days <= GAP_DAYS:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    half_day = 180.0 / (date(year + 1, 1, 1) - first).days
    return [(angle_of(s, year) - half_day, angle_of(e, year) + half_day) for s, e in spans]


def ring_text(svg: ET.Element, key: str, text: str, cx: float, cy: float, radius: float,
              a0: float, a1: float, size: int = RING_FONT_SIZE) -> None:
    """`text` along the arc, readable the right way up, shortened to fit; nothing if
    the arc is too short for a few letters."""
    length = radius * math.radians(a1 - a0)
    fits = int(length / (size * CHAR_WIDTH)) - 2
    if fits < 4:
        return
    middle = (a0 + a1) / 2 % 360
    clockwise = middle < 90 or middle > 270  # the top half reads clockwise
    baseline = radius - size * 0.35 if clockwise else radius + size * 0.35
    start, end = (a0, a1) if clockwise else (a1, a0)
    p0, p1 = point(cx, cy, baseline, start), point(cx, cy, baseline, end)
    large = 1 if a1 - a0 > 180 else 0
    path_id = f"wheel-{key}"
    defs = ET.SubElement(svg, "defs")
    ET.SubElement(defs, "path", {
        "id": path_id, "fill": "none",
        "d": f"M{p0[0]:.1f},{p0[1]:.1f} A{baseline:.1f},{baseline:.1f} 0 {large} "
             f"{1 if clockwise else 0} {p1[0]:.1f},{p1[1]:.1f}",
    })
    label = ET.SubElement(svg, "text", {"font-size": str(size),
                                        "text-anchor": "middle"})
    along = ET.SubElement(label, "textPath", {"href": f"#{path_id}", "startOffset": "50%"})
    along.text = shorten(text, fits)
