from django import forms
from django.utils.translation import gettext_lazy as _

from styringshjul.scorecards.models import Indicator, Period


class InquiryForm(forms.Form):
    """A question on a scorecard, optionally about one indicator and period."""

    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False,
        empty_label=_("The scorecard as a whole"))
    period = forms.ChoiceField(label=_("Result period"), required=False,
                               choices=[("", _("No particular period")), *Period.choices])
    question = forms.CharField(
        label=_("Question"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "class": "ds-input"}),
        help_text=_("Ask about connections you wonder about; the unit's leader answers."))

    def __init__(self, *args, indicators: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["indicator"]
        field.queryset = Indicator.objects.filter(pk__in=[i.pk for i in indicators])
        field.widget.attrs["class"] = "ds-input"
        self.fields["period"].widget.attrs["class"] = "ds-input"


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"), max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8, "class": "ds-input"}))
