from django import forms
from django.utils.translation import gettext_lazy as _


class CodeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Code or name"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"class": "ds-input", "autocomplete": "off"}),
    )
    allowed_in = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("all codes")),
            ("operating", _("codes allowed in the operating accounts (drift)")),
            ("capital", _("codes allowed in the capital accounts (investering)")),
        ],
        widget=forms.Select(attrs={"class": "ds-input"}),
    )

    def search(self) -> dict[str, str]:
        """The search the request asks for; an unknown filter is ignored, not an error."""
        if not self.is_valid():
            return {"query": str(self.data.get("q", ""))[:100], "allowed_in": ""}
        return {"query": self.cleaned_data["q"], "allowed_in": self.cleaned_data["allowed_in"]}
