from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("cycle", "0005_configurable_phases"),
    ]

    operations = [
        migrations.RemoveField(model_name="activity", name="phase"),
        migrations.RemoveField(model_name="historicalactivity", name="phase"),
        migrations.RenameField(model_name="activity", old_name="phase_new", new_name="phase"),
        migrations.RenameField(model_name="historicalactivity", old_name="phase_new",
                               new_name="phase"),
    ]
