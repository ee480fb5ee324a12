"""Every download of a year's cycle, the same for the web page and for `cycle_export`."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from styringshjul.cycle.exports import to_csv, to_ics
from styringshjul.cycle.queries import activities_of
from styringshjul.cycle.table_documents import to_docx, to_xlsx
from styringshjul.cycle.wheel import wheel_svg
from styringshjul.cycle.wheel_files import SIZES, background_svg, to_png, wall_pdf
from styringshjul.org.models import Municipality

CONTENT_TYPES = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
    "ics": "text/calendar",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)
DEFAULT_SIZE = "1920x1080"


@dataclass
class Export:
    content: bytes
    content_type: str
    filename: str
    count: int


def export(municipality: Municipality, year: int, fmt: str, link: str,
           today: date | None = None, size: str = DEFAULT_SIZE) -> Export:
    """The cycle in `fmt` (one of FORMATS); `link` leads back to the cycle's page."""
    today = today or date.today()
    activities = list(activities_of(municipality, year))
    title = f"{municipality.name}: " + _("Annual cycle %(year)s") % {"year": year}
    content = _render(fmt, activities, municipality.name, year, title, link, today, size)
    suffix = f"-{size}" if fmt == "png" else ""
    return Export(content, CONTENT_TYPES[fmt],
                  f"arshjul-{municipality.number}-{year}{suffix}.{fmt}", len(activities))


def _render(fmt: str, activities: list, name: str, year: int, title: str, link: str,
            today: date, size: str) -> bytes:
    if size not in SIZES:
        raise ValueError(size)
    renderers = {
        "svg": lambda: wheel_svg(activities, year, name, today).encode(),
        "png": lambda: to_png(background_svg(activities, year, name, today, size)),
        "pdf": lambda: wall_pdf(activities, year, name, today),
        "ics": lambda: to_ics(activities, title, link),
        "csv": lambda: to_csv(activities).encode("utf-8"),
        "docx": lambda: to_docx(activities, title),
        "xlsx": lambda: to_xlsx(activities, title),
    }
    return renderers[fmt]()
