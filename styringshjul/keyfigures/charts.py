"""Charts drawn on the server as SVG (Vega-Lite through vl-convert), inlined in the page with
role="img" and a label; every chart's numbers are also in a table next to it.

The drawing itself, its cache and the line chart's spec are `lib.charts`, shared with
the survey trends.
"""

from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from styringshjul.lib.charts import (
    SCHEMA,
    Series,
    draw,
    inline_data,
    labelled,
    line_spec,
    number_text,
)


def inline(svg: str, label: str) -> SafeString:
    """The SVG with role="img" and aria-label, ready for the template."""
    return mark_safe(labelled(svg, label))  # noqa: S308  drawn by vl-convert from our numbers


def line_chart(series: Series, label: str, unit: str = "") -> SafeString:
    """One line per (name, {year: value}), in the order given (the municipality first)."""
    spec = line_spec(series, unit=unit)
    return inline(draw(spec), label) if spec else mark_safe("")


def distribution_chart(values: list[Decimal], ours: Decimal | None, our_name: str,
                       label: str, unit: str = "") -> SafeString:
    """Every municipality's value as a thin tick; ours as a large triangle with its name."""
    if not values:
        return mark_safe("")
    layers: list[dict] = [{
        "data": inline_data([{"value": number_text(value)} for value in values], "value"),
        "mark": {"type": "tick", "color": "#8a8f98", "thickness": 1, "size": 30},
        "encoding": {"x": {"field": "value", "type": "quantitative",
                           "title": unit or None, "scale": {"zero": False}}},
    }]
    if ours is not None:
        point = {"data": inline_data([{"value": number_text(ours), "name": our_name}],
                                     "value")}
        layers.append({**point, "mark": {"type": "point", "shape": "triangle-down",
                                         "size": 220, "filled": True, "color": "#c0392b",
                                         "yOffset": -22},
                       "encoding": {"x": {"field": "value", "type": "quantitative"}}})
        layers.append({**point, "mark": {"type": "text", "dy": -40, "fontWeight": "bold"},
                       "encoding": {"x": {"field": "value", "type": "quantitative"},
                                    "text": {"field": "name"}}})
    spec = {"$schema": SCHEMA, "width": 560, "height": 90, "background": "white",
            "layer": layers}
    return inline(draw(spec), label)


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
    rows = [{**p, "x": number_text(p["x"]), "y": number_text(p["y"])} for p in points]
    spec = {
        "$schema": SCHEMA, "width": 560, "height": 380, "background": "white",
        "data": inline_data(rows, "x", "y"),
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
    return inline(draw(spec), label)
