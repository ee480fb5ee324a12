from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "styringshjul.demo"
    label = "demo"
    verbose_name = "Demo"
