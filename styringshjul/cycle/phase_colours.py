"""Colours for the phases on the wheel. A phase's colour fills its arc and carries dark
text (INK), so it must be light enough for 4.5:1; the dots and edges take a darker shade
of it that stands out 4.5:1 against white."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INK = "#1a1a1a"
WHITE = "#ffffff"
MIN_CONTRAST = 4.5
HEX = re.compile(r"^#[0-9a-f]{6}$")

# Fill and its shade for edges and dots; the first four are Gausdal's phases.
PALETTE: dict[str, str] = {
    "#d6e6f5": "#1f5f99",
    "#fbe3c2": "#8a5200",
    "#d9eed6": "#2e6b30",
    "#eadcf4": "#6b3d8f",
    "#f8d7da": "#9b1c2c",
    "#d5f0ef": "#1d6a66",
    "#f5f0c8": "#6b5d00",
    "#e4e7eb": "#4b5563",
}


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shade_of(colour: str) -> str:
    """The palette's shade, or the colour darkened until it stands out against white."""
    colour = colour.lower()
    if colour in PALETTE:
        return PALETTE[colour]
    r, g, b = _rgb(colour)
    shade = colour
    while contrast(shade, WHITE) < MIN_CONTRAST:
        r, g, b = int(r * 0.9), int(g * 0.9), int(b * 0.9)
        shade = f"#{r:02x}{g:02x}{b:02x}"
    return shade


def validate_phase_colour(value: str) -> None:
    if not HEX.match(value.lower()):
        raise ValidationError(_("Give the colour as # and six hexadecimal digits, "
                                "e.g. #d6e6f5."), code="format")
    if contrast(value.lower(), INK) < MIN_CONTRAST:
        raise ValidationError(
            _("The colour is too dark for the wheel's labels: the contrast with the text "
              "is %(ratio).1f:1, and at least 4.5:1 is needed. Choose a lighter colour."),
            code="contrast", params={"ratio": contrast(value.lower(), INK)})
