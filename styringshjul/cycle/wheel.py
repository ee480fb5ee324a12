"""The annual cycle drawn as a wheel (SVG): twelve months round, January at the top and
clockwise; the tertials; the phases as labelled coloured arcs; each activity as a dot at
its date with a label outside; today marked; a legend.

Only SVG presentation attributes (fill=, stroke=, font-size=), never style=, so the
drawing may sit inline in a page under the Content-Security-Policy.
"""

import xml.etree.ElementTree as ET
from datetime import date

from django.utils import dateformat
from django.utils.translation import gettext as _

from styringshjul.cycle.phase_colours import INK
from styringshjul.cycle.wheel_layout import (
    CX,
    FONT_SIZE,
    R_OUTER,
    WIDTH,
    Layout,
    angle_of,
    layout,
    point,
)
from styringshjul.cycle.wheel_rings import annulus, phase_spans, ring_text

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
GREY = "#5f6670"
TODAY = "#b42318"
R_MONTH = 262.0
R_TERTIAL = 240.0
LANE = 22.0
TERTIALS = (("T1", 1, 5), ("T2", 5, 9), ("T3", 9, 13))
LEGEND_ROW = 24.0


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): _fmt(v)
                                          for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _fmt(value) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def label_text(activity) -> str:
    return f"{activity.start:%d.%m} {activity.title}"


def phases_of(activities: list) -> list:
    """The phases the activities belong to, in the cycle's order: one lane each."""
    phases: list = []
    for activity in activities:
        if activity.phase is not None and activity.phase not in phases:
            phases.append(activity.phase)
    return sorted(phases, key=lambda p: (p.order, p.pk or 0))


def wheel_element(activities: list, year: int, name: str, today: date | None = None,
                  fluid: bool = False) -> ET.Element:
    """The wheel as an <svg> element; `name` is the municipality's, for the title. A
    `fluid` wheel fills the width of its container (on a page) instead of its own size."""
    placed = layout([(a.start, label_text(a)) for a in activities], year)
    phases = phases_of(activities)
    height = placed.height + LEGEND_ROW * (_legend_rows(phases) + 2)
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "viewBox": f"0 0 {WIDTH:.0f} {height:.0f}",
        "width": "100%" if fluid else f"{WIDTH:.0f}", "role": "img",
        "aria-labelledby": "wheel-title wheel-desc", "font-family": FONT,
        "font-size": str(FONT_SIZE), "fill": INK,
    })
    if not fluid:
        svg.set("height", f"{height:.0f}")
    _el(svg, "title", _("%(name)s: annual cycle %(year)s") % {"name": name, "year": year},
        id="wheel-title")
    _el(svg, "desc", _("A wheel of the twelve months, January at the top and clockwise, "
                       "with the tertials, the phases and %(count)s activities at their "
                       "dates. The list beside it has the same content.")
        % {"count": len(activities)}, id="wheel-desc")
    _el(svg, "rect", x=0, y=0, width=f"{WIDTH:.0f}", height=f"{height:.0f}", fill="#ffffff")
    cy = placed.cy
    _months(svg, year, cy)
    _tertials(svg, year, cy)
    _phases(svg, phases, activities, year, cy)
    _el(svg, "text", str(year), x=CX, y=cy + 10, font_size=32, font_weight="bold",
        text_anchor="middle")
    _activities(svg, activities, placed)
    if today and today.year == year:
        _today(svg, today, cy)
    _legend(svg, phases, placed.height, today if today and today.year == year else None)
    return svg


def wheel_svg(activities: list, year: int, name: str, today: date | None = None,
              fluid: bool = False) -> str:
    return ET.tostring(wheel_element(activities, year, name, today, fluid), encoding="unicode")


def _months(svg: ET.Element, year: int, cy: float) -> None:
    group = _el(svg, "g", stroke=GREY, stroke_width=1)
    for month in range(1, 13):
        first = date(year, month, 1)
        last = date(year + (month == 12), month % 12 + 1, 1)
        a0, a1 = _edge(first, year), _edge(last, year) if month < 12 else 360.0
        _el(group, "path", d=annulus(CX, cy, R_MONTH, R_OUTER, a0, a1),
            fill="#f1f3f5" if month % 2 else "#ffffff")
        ring_text(svg, f"month-{month}", dateformat.format(first, "F"), CX, cy,
                  (R_MONTH + R_OUTER) / 2, a0, a1, size=13)


def _edge(day: date, year: int) -> float:
    return angle_of(day, year) - 180.0 / (date(year + 1, 1, 1) - date(year, 1, 1)).days


def _tertials(svg: ET.Element, year: int, cy: float) -> None:
    for label, first, after in TERTIALS:
        a0 = _edge(date(year, first, 1), year)
        a1 = 360.0 if after == 13 else _edge(date(year, after, 1), year)
        _el(svg, "path", d=annulus(CX, cy, R_TERTIAL, R_MONTH, a0, a1), fill="#374151",
            stroke="#ffffff", stroke_width=2)
        x, y = point(CX, cy, (R_TERTIAL + R_MONTH) / 2, (a0 + a1) / 2)
        _el(svg, "text", label, x=x, y=y + 5, fill="#ffffff", font_size=13,
            font_weight="bold", text_anchor="middle")
        x0, y0 = point(CX, cy, 60, a0)
        x1, y1 = point(CX, cy, R_OUTER, a0)
        _el(svg, "line", x1=x0, y1=y0, x2=x1, y2=y1, stroke="#374151", stroke_width=2)


def _phases(svg: ET.Element, phases: list, activities: list, year: int, cy: float) -> None:
    for lane, phase in enumerate(phases):
        fill, stroke = phase.colour, phase.shade
        inner = R_TERTIAL - (lane + 1) * LANE
        spans = phase_spans([(a.start, a.due) for a in activities if a.phase == phase], year)
        for a0, a1 in spans:
            _el(svg, "path", d=annulus(CX, cy, inner + 1, inner + LANE - 1, a0, a1),
                fill=fill, stroke=stroke, stroke_width=1)
        if spans:
            a0, a1 = max(spans, key=lambda s: s[1] - s[0])
            ring_text(svg, f"phase-{lane}", phase.label, CX, cy, inner + LANE / 2,
                      a0, a1)


def _activities(svg: ET.Element, activities: list, placed: Layout) -> None:
    for label in placed.labels:
        activity = activities[label.index]
        stroke = activity.phase.shade if activity.phase is not None else GREY
        group = _el(svg, "g")
        responsible = f" – {activity.responsible}" if activity.responsible else ""
        _el(group, "title", f"{activity.start:%d.%m.%Y} {activity.title}{responsible}")
        dot = point(CX, placed.cy, R_OUTER, label.angle)
        elbow = point(CX, placed.cy, R_OUTER + 14, label.angle)
        end = label.x - 4 if label.side == "right" else label.x + 4
        _el(group, "polyline", points=f"{dot[0]:.1f},{dot[1]:.1f} {elbow[0]:.1f},"
            f"{elbow[1]:.1f} {end:.1f},{label.y - 4:.1f}", fill="none", stroke=GREY,
            stroke_width=0.8)
        _el(group, "circle", cx=dot[0], cy=dot[1], r=4.5, fill=stroke, stroke="#ffffff",
            stroke_width=1.5)
        _el(group, "text", label.text, x=label.x, y=label.y,
            text_anchor="start" if label.side == "right" else "end")


def _today(svg: ET.Element, today: date, cy: float) -> None:
    degrees = angle_of(today, today.year)
    x0, y0 = point(CX, cy, 40, degrees)
    x1, y1 = point(CX, cy, R_OUTER + 8, degrees)
    group = _el(svg, "g")
    _el(group, "title", _("Today") + f" {today:%d.%m.%Y}")
    _el(group, "line", x1=x0, y1=y0, x2=x1, y2=y1, stroke=TODAY, stroke_width=3,
        stroke_dasharray="8 4")
    _el(group, "circle", cx=x1, cy=y1, r=6, fill=TODAY)
    _el(group, "text", _("Today"), x=CX, y=cy + 32, fill=TODAY, font_weight="bold",
        text_anchor="middle")


def _legend_rows(phases: list) -> int:
    """Rows of the phase legend: two phases a row, at least two rows."""
    return max(2, (len(phases) + 1) // 2)


def _legend(svg: ET.Element, phases: list, top: float, today: date | None) -> None:
    group = _el(svg, "g", font_size=13)
    y = top + LEGEND_ROW
    for i, phase in enumerate(phases):
        x = 40 + (i % 2) * 560
        row = y + (i // 2) * LEGEND_ROW
        _el(group, "rect", x=x, y=row - 12, width=28, height=14, fill=phase.colour,
            stroke=phase.shade)
        _el(group, "text", phase.label, x=x + 36, y=row)
    row = y + _legend_rows(phases) * LEGEND_ROW
    _el(group, "text", _("T1–T3: the tertials (January–April, May–August, "
                         "September–December)"), x=40, y=row)
    if today:
        _el(group, "line", x1=600, y1=row - 5, x2=628, y2=row - 5, stroke=TODAY,
            stroke_width=3, stroke_dasharray="8 4")
        _el(group, "text", _("Today") + f" {today:%d.%m.%Y}", x=636, y=row)
