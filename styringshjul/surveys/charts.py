"""The trend chart of a survey: one line per dimension over the years, drawn on the server
as SVG (Vega-Lite through vl-convert) and inlined with role="img" and a label.

Only shown values reach the chart: the caller passes what `queries.trend` shows, and a
hidden or missing year has no value in the data (the line has a gap). The same
numbers are in a table beside the chart. Lines differ by shape and dash besides colour.
"""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down",
          "triangle-right", "triangle-left", "stroke"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3], [10, 4], [3, 6], [6, 1]]

Series = list[tuple[str, dict[int, Decimal]]]


def _inline(svg: str, label: str) -> SafeString:
    start = svg.find("<svg")
    if start < 0:
        return mark_safe("")
    tagged = f'<svg role="img" aria-label="{escape(label)}" focusable="false"' + svg[start + 4:]
    return mark_safe(tagged)  # noqa: S308  drawn by vl-convert from our own numbers


def trend_spec(series: Series, years: list[int], scale: tuple[int, int]) -> dict | None:
    """The Vega-Lite spec of one line per (dimension, {year: mean}); None without points.
    A year without a shown mean gets an empty point, so the axis keeps the year and the
    line breaks there instead of bridging it. Vega-Lite takes numbers, so each Decimal
    becomes a float only here, for drawing."""
    if not any(values for _name, values in series):
        return None
    names = [name for name, _values in series]
    rows = [{"dimension": name, "year": str(year),
             "mean": float(values[year]) if year in values else None}
            for name, values in series for year in years]
    legend = {"orient": "bottom", "columns": 2, "title": None}
    return {
        "$schema": SCHEMA, "width": 560, "height": 260, "background": "white",
        "data": {"values": rows},
        "mark": {"type": "line", "point": {"size": 60, "filled": True},
                 "invalid": "break-paths-show-domains"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}},
            "y": {"field": "mean", "type": "quantitative", "title": None,
                  "scale": {"domain": list(scale)}},
            "color": {"field": "dimension", "type": "nominal", "legend": legend,
                      "scale": {"domain": names, "scheme": "tableau10"}},
            "shape": {"field": "dimension", "type": "nominal", "legend": legend,
                      "scale": {"domain": names,
                                "range": [SHAPES[n % len(SHAPES)] for n in range(len(names))]}},
            "strokeDash": {"field": "dimension", "type": "nominal", "legend": None,
                           "scale": {"domain": names,
                                     "range": [DASHES[n % len(DASHES)]
                                               for n in range(len(names))]}},
        },
    }


def trend_chart(series: Series, years: list[int], label: str, scale: tuple[int, int]
                ) -> SafeString:
    """The inline SVG of `trend_spec`, or nothing when no year has a shown value."""
    import vl_convert as vlc

    spec = trend_spec(series, years, scale)
    if spec is None:
        return mark_safe("")
    return _inline(vlc.vegalite_to_svg(spec), label)
