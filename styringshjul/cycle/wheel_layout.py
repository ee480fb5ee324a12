"""The geometry of the drawn wheel: where a date lies on the circle, and where each
activity's label goes so that no two labels collide.

Labels sit in two columns outside the wheel (right half of the year on the right, left
half on the left), sorted by angle and pushed apart vertically; a leader line joins each
label to its activity's dot. Text width is estimated as characters × font size × 0.55.
"""

import math
from dataclasses import dataclass
from datetime import date

FONT_SIZE = 12
LINE_HEIGHT = 16
CHAR_WIDTH = 0.55
MAX_CHARS = 34
ELLIPSIS = "…"

CX = 590.0
R_OUTER = 300.0  # the month ring's outer edge, where the dots sit
R_COLUMN = 330.0  # distance from the centre to the label columns
TOP = 36.0  # first possible label baseline
MIN_HALF_HEIGHT = 340.0  # labels spread at least this far above and below the centre
WIDTH = 2 * (CX)


def angle_of(day: date, year: int) -> float:
    """Degrees clockwise from the top (1 January) to the middle of `day`."""
    start = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - start).days
    offset = min(max((day - start).days, 0), days - 1)
    return 360.0 * (offset + 0.5) / days


def point(cx: float, cy: float, radius: float, degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    return cx + radius * math.sin(radians), cy - radius * math.cos(radians)


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    return len(text) * font_size * CHAR_WIDTH


@dataclass
class Label:
    index: int  # position of the activity in the list given to `layout`
    angle: float
    side: str  # "right" or "left"
    x: float  # where the text is anchored (start on the right, end on the left)
    y: float  # the text's baseline
    text: str

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the text, from the estimated width."""
        width = text_width(self.text)
        left = self.x if self.side == "right" else self.x - width
        return left, self.y - FONT_SIZE * 0.8, left + width, self.y + FONT_SIZE * 0.25


@dataclass
class Layout:
    cy: float
    height: float  # of the wheel and its labels, without the legend
    labels: list[Label]


def boxes_overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def layout(items: list[tuple[date, str]], year: int) -> Layout:
    """Place a label for each (date, text): the text is shortened to MAX_CHARS."""
    angles = [angle_of(day, year) for day, _ in items]
    right = [i for i, a in enumerate(angles) if a < 180]
    left = [i for i, a in enumerate(angles) if a >= 180]
    needed = max(len(right), len(left), 1) * LINE_HEIGHT / 2
    half = max(MIN_HALF_HEIGHT, needed + LINE_HEIGHT)
    cy = TOP + half
    labels = []
    for side, indexes in (("right", right), ("left", left)):
        indexes.sort(key=lambda i: _ideal_y(cy, angles[i]))
        ys = spread([_ideal_y(cy, angles[i]) for i in indexes], cy - half, cy + half)
        x = CX + R_COLUMN if side == "right" else CX - R_COLUMN
        labels += [Label(i, angles[i], side, x, y, shorten(items[i][1]))
                   for i, y in zip(indexes, ys, strict=True)]
    labels.sort(key=lambda label: label.index)
    return Layout(cy=cy, height=cy + half + LINE_HEIGHT, labels=labels)


def _ideal_y(cy: float, degrees: float) -> float:
    return point(CX, cy, R_OUTER + 20, degrees)[1]


def spread(ideal: list[float], top: float, bottom: float) -> list[float]:
    """Sorted positions at least LINE_HEIGHT apart, as near `ideal` as the room allows."""
    ys: list[float] = []
    for y in ideal:
        ys.append(max(y, top, ys[-1] + LINE_HEIGHT if ys else top))
    for i in range(len(ys) - 1, -1, -1):
        limit = bottom if i == len(ys) - 1 else ys[i + 1] - LINE_HEIGHT
        ys[i] = min(ys[i], limit)
    return ys
