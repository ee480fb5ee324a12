from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from styringshjul.org.forms import DesignsystemetForm
from styringshjul.org.models import Membership, Municipality, OrgUnit, Role


class MembershipForm(DesignsystemetForm):
    """A person's role in this municipality. A new user name creates the user without a
    password: they log in once an administrator or single sign-on gives them one.
    """

    username = forms.SlugField(label=_("User name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    class Meta:
        model = Membership
        fields = ["role", "title", "units"]
        widgets = {"units": forms.CheckboxSelectMultiple}
        help_texts = {"units": _("Only for unit leaders: the units they may edit.")}

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["units"].queryset = OrgUnit.objects.for_municipality(municipality)
        self.fields["units"].widget.attrs.pop("class", None)
        self.order_fields(["username", "first_name", "last_name", "role", "title", "units"])
        if self.instance.pk:
            user = self.instance.user
            self.fields["username"].disabled = True
            self.initial.update(username=user.username, first_name=user.first_name,
                                last_name=user.last_name)

    def clean(self):
        cleaned = super().clean()
        role, units = cleaned.get("role"), cleaned.get("units")
        if role == Role.UNIT_LEADER and not units:
            self.add_error("units", _("A unit leader must lead at least one unit."))
        if role and role != Role.UNIT_LEADER and units:
            self.add_error("units", _("Only unit leaders are limited to units."))
        username = cleaned.get("username")
        clash = Membership.objects.for_municipality(self.municipality).filter(
            user__username=username, role=role
        ).exclude(pk=self.instance.pk)
        if username and role and clash.exists():
            self.add_error("role", _("This user already has this role here."))
        return cleaned

    def save(self, commit: bool = True) -> Membership:
        data = self.cleaned_data
        user, _created = get_user_model().objects.get_or_create(username=data["username"])
        names = {"first_name": data["first_name"], "last_name": data["last_name"]}
        if any(getattr(user, key) != value for key, value in names.items()):
            get_user_model().objects.filter(pk=user.pk).update(**names)
        membership = super().save(commit=False)
        membership.user = user
        membership.municipality = self.municipality
        membership.save()
        self.save_m2m()
        return membership
