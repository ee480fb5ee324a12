"""Charts drawn on the server as SVG (Vega-Lite through vl-convert), inlined in the page with
role="img" and a label; every chart's numbers are also in a table next to it.

Series are told apart by shape and dash as well as colour. The same spec draws the same
SVG, so drawings are kept (by the spec's text) for the next request.
"""

import json
from collections import OrderedDict
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down",
          "triangle-right", "triangle-left", "stroke"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3], [10, 4], [3, 6], [6, 1]]
_KEPT: "OrderedDict[str, str]" = OrderedDict()
KEEP = 256


def _svg(spec: dict) -> str:
    import vl_convert as vlc

    text = json.dumps(spec, sort_keys=True, default=str)
    if text in _KEPT:
        _KEPT.move_to_end(text)
        return _KEPT[text]
    svg = vlc.vegalite_to_svg(spec)
    _KEPT[text] = svg
    if len(_KEPT) > KEEP:
        _KEPT.popitem(last=False)
    return svg


def inline(svg: str, label: str) -> SafeString:
    """The SVG with role="img" and aria-label, ready for the template."""
    start = svg.find("<svg")
    if start < 0:
        return mark_safe("")
    tagged = (f'<svg role="img" aria-label="{escape(label)}" focusable="false"'
              + svg[start + 4:])
    return mark_safe(tagged)  # noqa: S308  drawn by vl-convert from our own numbers


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def line_chart(series: list[tuple[str, dict[int, Decimal]]], label: str, unit: str = ""
               ) -> SafeString:
    """One line per (name, {year: value}), in the order given (the municipality first)."""
    names = [name for name, _ in series]
    rows = [{"serie": name, "year": str(year), "value": _number(value)}
            for name, values in series for year, value in sorted(values.items())]
    if not rows:
        return mark_safe("")
    legend = {"orient": "bottom", "columns": 2, "title": None}
    shapes = [SHAPES[n % len(SHAPES)] for n in range(len(names))]
    spec = {
        "$schema": SCHEMA, "width": 560, "height": 260, "background": "white",
        "data": {"values": rows},
        "mark": {"type": "line", "point": {"size": 60, "filled": True}},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": None,
                  "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": unit or None,
                  "scale": {"zero": False}},
            "color": {"field": "serie", "type": "nominal", "legend": legend,
                      "scale": {"domain": names, "scheme": "tableau10"}},
            "shape": {"field": "serie", "type": "nominal", "legend": legend,
                      "scale": {"domain": names, "range": shapes}},
            "strokeDash": {"field": "serie", "type": "nominal", "legend": None,
                           "scale": {"domain": names,
                                     "range": [DASHES[n % len(DASHES)]
                                               for n in range(len(names))]}},
        },
    }
    return inline(_svg(spec), label)


def distribution_chart(values: list[Decimal], ours: Decimal | None, our_name: str,
                       label: str, unit: str = "") -> SafeString:
    """Every municipality's value as a thin tick; ours as a large triangle with its name."""
    if not values:
        return mark_safe("")
    layers: list[dict] = [{
        "data": {"values": [{"value": _number(value)} for value in values]},
        "mark": {"type": "tick", "color": "#8a8f98", "thickness": 1, "size": 30},
        "encoding": {"x": {"field": "value", "type": "quantitative",
                           "title": unit or None, "scale": {"zero": False}}},
    }]
    if ours is not None:
        point = {"data": {"values": [{"value": _number(ours), "name": our_name}]}}
        layers.append({**point, "mark": {"type": "point", "shape": "triangle-down",
                                         "size": 220, "filled": True, "color": "#c0392b",
                                         "yOffset": -22},
                       "encoding": {"x": {"field": "value", "type": "quantitative"}}})
        layers.append({**point, "mark": {"type": "text", "dy": -40, "fontWeight": "bold"},
                       "encoding": {"x": {"field": "value", "type": "quantitative"},
                                    "text": {"field": "name"}}})
    spec = {"$schema": SCHEMA, "width": 560, "height": 90, "background": "white",
            "layer": layers}
    return inline(_svg(spec), label)


def scatter_chart(points: list[dict], categories: list[str], label: str,
                  x_title: str, y_title: str) -> SafeString:
    """Points {x, y, name, category}; categories (e.g. others, the group, ours) get their
    own shape, size and colour, with a legend."""
    if not points:
        return mark_safe("")
    shapes = ["circle", "square", "triangle-up", "diamond"][:len(categories)]
    sizes = [25, 70, 200, 120][:len(categories)]
    colours = ["#9aa1ab", "#1f6fb2", "#c0392b", "#e67e22"][:len(categories)]
    legend = {"orient": "bottom", "title": None}
    rows = [{**p, "x": _number(p["x"]), "y": _number(p["y"])} for p in points]
    spec = {
        "$schema": SCHEMA, "width": 560, "height": 380, "background": "white",
        "data": {"values": rows},
        "mark": {"type": "point", "filled": True, "opacity": 0.85},
        "encoding": {
            "x": {"field": "x", "type": "quantitative", "title": x_title,
                  "scale": {"zero": False}},
            "y": {"field": "y", "type": "quantitative", "title": y_title,
                  "scale": {"zero": False}},
            "shape": {"field": "category", "type": "nominal", "legend": legend,
                      "scale": {"domain": categories, "range": shapes}},
            "color": {"field": "category", "type": "nominal", "legend": legend,
                      "scale": {"domain": categories, "range": colours}},
            "size": {"field": "category", "type": "nominal", "legend": None,
                     "scale": {"domain": categories, "range": sizes}},
            "order": {"field": "layer", "type": "quantitative"},
            "tooltip": [{"field": "name"}, {"field": "x"}, {"field": "y"}],
        },
    }
    return inline(_svg(spec), label)
