"""Charts drawn on the server as SVG (Vega-Lite through vl-convert) for the pages that show
them inline; every chart's numbers are also in a table next to it.

Series are told apart by shape and dash as well as colour. The same spec draws the same
SVG, so drawings are kept (by the spec's text) for the next request. No framework here:
the caller marks the labelled SVG safe for its template.
"""

import json
from collections import OrderedDict
from decimal import Decimal
from html import escape

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down",
          "triangle-right", "triangle-left", "stroke"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3], [10, 4], [3, 6], [6, 1]]
KEEP = 256
_KEPT: "OrderedDict[str, str]" = OrderedDict()

Series = list[tuple[str, dict[int, Decimal]]]


def draw(spec: dict) -> str:
    """The SVG of a Vega-Lite spec, kept for the next request that asks for the same."""
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


def labelled(svg: str, label: str) -> str:
    """The SVG with role="img" and aria-label, for inlining in a page."""
    start = svg.find("<svg")
    if start < 0:
        return ""
    return f'<svg role="img" aria-label="{escape(label)}" focusable="false"' + svg[start + 4:]


def number_text(value: Decimal | None) -> str | None:
    """A chart's number as the Decimal's own digits: Vega-Lite reads it (`inline_data`),
    and no float ever holds it."""
    return None if value is None else str(value)


def inline_data(rows: list[dict], *numbers: str) -> dict:
    """Rows for a spec's `data`, with the fields in `numbers` (given as `number_text`) read
    as numbers by Vega-Lite."""
    return {"values": rows, "format": {"parse": {field: "number" for field in numbers}}}


def line_spec(series: Series, *, years: list[int] | None = None,
              domain: tuple[int, int] | None = None, unit: str = "") -> dict | None:
    """One line per (name, {year: value}), in the order given; None without a point.

    With `years`, every year gets a point even where a series has no value, so the axis
    keeps the year and the line breaks there instead of bridging it. `domain` fixes the
    value axis (a survey's scale); without it the axis fits the values."""
    names = [name for name, _values in series]
    if years is None:
        rows = [{"serie": name, "year": str(year), "value": number_text(value)}
                for name, values in series for year, value in sorted(values.items())
                if value is not None]
    else:
        rows = [{"serie": name, "year": str(year),
                 "value": number_text(values.get(year))}
                for name, values in series for year in years]
    if not any(row["value"] is not None for row in rows):
        return None
    legend = {"orient": "bottom", "columns": 2, "title": None}
    return {
        "$schema": SCHEMA, "width": 560, "height": 260, "background": "white",
        "data": inline_data(rows, "value"),
        "mark": {"type": "line", "point": {"size": 60, "filled": True},
                 **({"invalid": "break-paths-show-domains"} if years is not None else {})},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": None,
                  "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": unit or None,
                  "scale": {"domain": list(domain)} if domain else {"zero": False}},
            "color": {"field": "serie", "type": "nominal", "legend": legend,
                      "scale": {"domain": names, "scheme": "tableau10"}},
            "shape": {"field": "serie", "type": "nominal", "legend": legend,
                      "scale": {"domain": names,
                                "range": [SHAPES[n % len(SHAPES)] for n in range(len(names))]}},
            "strokeDash": {"field": "serie", "type": "nominal", "legend": None,
                           "scale": {"domain": names,
                                     "range": [DASHES[n % len(DASHES)]
                                               for n in range(len(names))]}},
        },
    }
