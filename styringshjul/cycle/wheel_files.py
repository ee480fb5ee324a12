"""The wheel as files: a PNG desktop background (16:9, the wheel on the left and the
coming deadlines on the right) and an A3 landscape PDF for the wall."""

import base64
import xml.etree.ElementTree as ET
from datetime import date

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from styringshjul.cycle.wheel import FONT, GREY, INK, SVG_NS, wheel_element, wheel_svg
from styringshjul.cycle.wheel_layout import shorten

SIZES = {"1920x1080": (1920, 1080), "2560x1440": (2560, 1440)}
CANVAS = (1920, 1080)
UPCOMING = 14


def _text(parent: ET.Element, text: str, x: float, y: float, size: int, **attrs) -> None:
    element = ET.SubElement(parent, "text", {"x": str(x), "y": str(y),
                                             "font-size": str(size), **attrs})
    element.text = text


def upcoming(activities: list, today: date) -> list:
    """The next deadlines from today on (the first of the year if the year is past)."""
    coming = [a for a in activities if a.due >= today]
    return (coming or list(activities))[:UPCOMING]


def background_svg(activities: list, year: int, name: str, today: date,
                   size: str = "1920x1080") -> str:
    """A 16:9 picture, drawn on a 1920×1080 canvas and scaled to `size` exactly."""
    width, height = SIZES[size]
    canvas = ET.Element("svg", {
        "xmlns": SVG_NS, "width": str(width), "height": str(height),
        "viewBox": f"0 0 {CANVAS[0]} {CANVAS[1]}", "font-family": FONT, "fill": INK,
    })
    ET.SubElement(canvas, "rect", {"width": str(CANVAS[0]), "height": str(CANVAS[1]),
                                   "fill": "#ffffff"})
    wheel = wheel_element(activities, year, name, today)
    wheel.attrib.update({"x": "20", "y": "20", "width": "1300", "height": "1040"})
    canvas.append(wheel)
    column = ET.SubElement(canvas, "g")
    _text(column, name, 1360, 90, 40, **{"font-weight": "bold"})
    _text(column, _("Annual cycle %(year)s") % {"year": year}, 1360, 140, 30)
    _text(column, _("Coming deadlines"), 1360, 220, 26, **{"font-weight": "bold"})
    y = 270
    for activity in upcoming(activities, today):
        _text(column, f"{activity.due:%d.%m}", 1360, y, 20, **{"font-weight": "bold"})
        _text(column, shorten(activity.title, 36), 1440, y, 20)
        if activity.responsible:
            _text(column, str(activity.responsible), 1440, y + 24, 16, fill=GREY)
        y += 54
    return ET.tostring(canvas, encoding="unicode")


def to_png(svg: str) -> bytes:
    import vl_convert

    return vl_convert.svg_to_png(svg, scale=1.0)


def wall_pdf(activities: list, year: int, name: str, today: date) -> bytes:
    """A3 landscape: the wheel and the table "budget process with reporting"."""
    from weasyprint import HTML

    svg = wheel_svg(activities, year, name, today)
    html = render_to_string("cycle/wheel_print.html", {
        "name": name, "year": year, "activities": activities,
        "wheel": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
    })
    return HTML(string=html).write_pdf()
