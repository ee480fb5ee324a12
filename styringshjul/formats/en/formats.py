"""Dates dd.mm.yyyy and amounts as 1 234 567 in every language, as in bokmål."""

from styringshjul.formats.nb.formats import *  # noqa: F403
