"""Form fields for what people type in Norwegian: amounts in kroner."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.lib.money import format_kroner, parse_kroner


class KronerField(forms.CharField):
    """An amount in kroner as people write it: 1 250 000, −50 000,50; empty is zero."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "ds-input", "size": 12})

    def to_python(self, value) -> Decimal:
        if isinstance(value, Decimal):
            return value
        text = super().to_python(value)
        if not text:
            return Decimal(0)
        amount = parse_kroner(text)
        if amount is None:
            raise forms.ValidationError(
                _("Write the amount in kroner, e.g. 1 250 000 or −50 000,50."))
        return amount

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != self.to_python(initial)
        except forms.ValidationError:
            return True

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_kroner(value, decimals=2).replace(",00", "") if value else ""
        return value
