"""Loads the shipped funksjoner and arter (data/SOURCES.md), so every database has them."""

from django.db import migrations

from styringshjul.ledger import code_lists


def load(apps, schema_editor):
    KostraFunction = apps.get_model("ledger", "KostraFunction")
    KostraArt = apps.get_model("ledger", "KostraArt")
    KostraFunction.objects.bulk_create(
        KostraFunction(**fields) for fields in code_lists.load_functions()
    )
    KostraArt.objects.bulk_create(KostraArt(**fields) for fields in code_lists.load_arts())


def unload(apps, schema_editor):
    apps.get_model("ledger", "KostraFunction").objects.all().delete()
    apps.get_model("ledger", "KostraArt").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_kostra_code_lists")]

    operations = [migrations.RunPython(load, unload)]
