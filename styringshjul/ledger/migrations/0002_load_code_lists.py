"""Loads the shipped funksjoner and arter (data/SOURCES.md), so every database has them,
each with a first history record that later changes are compared against."""

from django.db import migrations
from django.utils import timezone

from styringshjul.ledger import code_lists

SOURCE = "KOSTRA code lists 2025/2026 (ledger/data/SOURCES.md)"


def load(apps, schema_editor):
    now = timezone.now()
    for name, rows in (
        ("KostraFunction", code_lists.load_functions()),
        ("KostraArt", code_lists.load_arts()),
    ):
        model = apps.get_model("ledger", name)
        history = apps.get_model("ledger", f"Historical{name}")
        model.objects.bulk_create(model(**fields) for fields in rows)
        history.objects.bulk_create(
            history(**values, history_date=now, history_type="+", history_change_reason=SOURCE)
            for values in model.objects.values()
        )


def unload(apps, schema_editor):
    for name in ("KostraFunction", "KostraArt"):
        apps.get_model("ledger", f"Historical{name}").objects.all().delete()
        apps.get_model("ledger", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_kostra_code_lists")]

    operations = [migrations.RunPython(load, unload)]
