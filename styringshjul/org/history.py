"""Changes to domain data, read from django-simple-history, as rows a page can show."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    what: str
    action: str
    fields: list[tuple[str, str, str]]


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def changes_of(*objects: models.Model, limit: int = 50) -> list[Change]:
    """The newest changes to the given objects, each with the fields that changed."""
    changes = []
    for obj in objects:
        records = list(obj.history.select_related("history_user").order_by("-history_date")[:limit])
        for record, previous in zip(records, records[1:] + [None], strict=True):
            changes.append(
                Change(
                    when=record.history_date,
                    who=_who(record.history_user),
                    what=str(obj),
                    action=ACTIONS[record.history_type],
                    fields=_field_changes(record, previous),
                )
            )
    return sorted(changes, key=lambda change: change.when, reverse=True)[:limit]


def _who(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _field_changes(record, previous) -> list[tuple[str, str, str]]:
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    return [
        (
            str(model._meta.get_field(change.field).verbose_name),
            _text(change.old),
            _text(change.new),
        )
        for change in delta.changes
    ]


def _text(value) -> str:
    return "" if value is None else str(value)
