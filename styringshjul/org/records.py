"""Write helpers that keep the change history meaningful: nothing is saved unless it changed."""

from django.db import models


def upsert(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, str]:
    """Create or update the row matching `lookup`; returns it with "created", "updated"
    or "unchanged", and saves (and so records history) only when something differs.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return instance, "unchanged"
    for name in changed:
        setattr(instance, name, values[name])
    instance.save(update_fields=changed)
    return instance, "updated"
