"""Loads the regions (every municipality of 2026, counties, KOSTRA groups, the country with
and without Oslo, county aggregates) and the starting catalogue of key figures, each figure
with a first history record that later changes are compared against."""

from django.db import migrations
from django.utils import timezone

from styringshjul.keyfigures.catalogue import load_catalogue
from styringshjul.keyfigures.regions import load_regions

SOURCE = "KOSTRA regions 2026 and starting catalogue (keyfigures/data)"


def load(apps, schema_editor):
    load_regions(apps.get_model("keyfigures", "Region"))
    figures = apps.get_model("keyfigures", "KeyFigure")
    history = apps.get_model("keyfigures", "HistoricalKeyFigure")
    load_catalogue(figures)
    now = timezone.now()
    history.objects.bulk_create(
        history(**values, history_date=now, history_type="+", history_change_reason=SOURCE)
        for values in figures.objects.exclude(
            id__in=history.objects.values("id")).values()
    )


def unload(apps, schema_editor):
    for name in ("HistoricalKeyFigure", "KeyFigure", "GroupMembership", "Region"):
        apps.get_model("keyfigures", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("keyfigures", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
