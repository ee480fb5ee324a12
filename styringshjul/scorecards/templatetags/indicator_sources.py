"""`{{ indicator|source_label }}`: the name of an indicator's source as people read it
(«KOSTRA key figure …»), from the registry of source kinds."""

from django import template

from styringshjul.scorecards.models import Indicator
from styringshjul.scorecards.sources import kind_of

register = template.Library()


@register.filter
def source_label(indicator: Indicator) -> str:
    return str(kind_of(indicator).label)
