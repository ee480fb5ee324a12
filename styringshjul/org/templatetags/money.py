from decimal import Decimal

from django import template
from django.utils.formats import number_format

from styringshjul.lib.money import format_kroner

register = template.Library()


@register.filter
def kroner(amount: Decimal | None) -> str:
    return format_kroner(amount)


@register.filter
def percent(value: Decimal | None) -> str:
    return "" if value is None else f"{number_format(value, 1)} %"
