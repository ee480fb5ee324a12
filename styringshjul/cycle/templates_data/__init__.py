"""Templates for the annual cycle, kept as plain Python data.

Each template is a `CycleTemplate`: the year its dates belong to and its rows. A row's
`responsible` is exactly what the source names (None where the source leaves the cell
empty); `suggested` is our reading of who does it, used when the template is applied.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    start: str  # dd.mm.yyyy, as in the source
    title: str
    end: str = ""
    description: str = ""
    responsible: str | None = None
    suggested: str | None = None
    phase: str = "budget"
    kind: str = "deadline"
    key: str = ""
    uncertain: bool = False
    at_meeting: bool = False  # treated in the responsible body's meeting
    ref: str = ""  # a name other rows' depends_on can use
    depends_on: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CycleTemplate:
    slug: str
    name: str
    year: int
    source: str
    rows: tuple[Row, ...]


def all_templates() -> dict[str, CycleTemplate]:
    from styringshjul.cycle.templates_data import gausdal, ringebu_2013, standard

    return {t.slug: t for t in (ringebu_2013.TEMPLATE, gausdal.TEMPLATE, standard.TEMPLATE)}
