"""The trend chart of a survey: one line per dimension over the years, drawn by
`lib.charts` and inlined with role="img" and a label.

Only shown values reach the chart: the caller passes what `queries.trend` shows, and a
hidden or missing year has no value in the data (the line has a gap). The same numbers are
in a table beside the chart.
"""

from django.utils.safestring import SafeString, mark_safe

from styringshjul.lib.charts import Series, draw, labelled, line_spec


def trend_chart(series: Series, years: list[int], label: str, scale: tuple[int, int]
                ) -> SafeString:
    """The inline SVG on the survey's scale, or nothing when no year has a shown value."""
    spec = line_spec(series, years=years, domain=scale)
    if spec is None:
        return mark_safe("")
    return mark_safe(labelled(draw(spec), label))  # noqa: S308  vl-convert, our own numbers
