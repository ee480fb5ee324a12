"""Changes to domain data, read from django-simple-history, as rows a page can show."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.db.models import QuerySet
from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    what: str
    action: str
    fields: list[tuple[str, str, str]]


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def recent_changes(*histories: QuerySet, limit: int = 30) -> list[Change]:
    """The newest changes among the given history querysets, each with what changed."""
    records = sorted(
        (record for history in histories
         for record in history.select_related("history_user").order_by("-history_date")[:limit]),
        key=lambda record: record.history_date,
        reverse=True,
    )[:limit]
    return [
        Change(
            when=record.history_date,
            who=_who(record.history_user),
            what=str(record.instance),
            action=ACTIONS[record.history_type],
            fields=_field_changes(record, record.prev_record) if record.history_type == "~" else [],
        )
        for record in records
    ]


def _who(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


BOOKKEEPING_FIELDS = ["lock_version"]
"""Fields that change with every save and say nothing to a reader."""


def _field_changes(record, previous) -> list[tuple[str, str, str]]:
    if previous is None:
        return []
    delta = record.diff_against(previous, excluded_fields=BOOKKEEPING_FIELDS)
    model = record.instance_type
    changes = []
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        changes.append(
            (str(field.verbose_name), _text(field, change.old), _text(field, change.new))
        )
    return changes


def _text(field, value) -> str:
    if value is None:
        return ""
    if field.many_to_many:
        return ", ".join(str(item) for item in _related(field, [row[field.m2m_reverse_field_name()]
                                                               for row in value]))
    if field.is_relation:
        return ", ".join(str(item) for item in _related(field, [value])) or str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return date_format(localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal):
        return number_format(value.normalize())
    return str(value)


def _related(field, keys: list) -> list[models.Model]:
    return list(field.related_model._base_manager.filter(pk__in=keys))
