"""Told to apps that keep something computed from survey results (the scorecards), so they
compute it again when what may be shown changes. Sent inside the change's transaction."""

from django.dispatch import Signal

# sent with `survey=`: a round was imported or replaced, or the anonymity threshold changed
results_changed = Signal()
