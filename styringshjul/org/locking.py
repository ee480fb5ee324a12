"""Optimistic locking: two people editing the same record never silently overwrite each
other. A form carries the `lock_version` it was shown with; saving succeeds only if the
record still has it, and bumps it. The loser gets a clear message and keeps what they typed.
"""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Someone else saved a change to this while you were editing. Nothing you typed is lost: "
    "it is still in the form below. Compare it with the current values (reload the page in "
    "another tab to see them) and save again."
)


class StaleEdit(Exception):
    """The record changed since the editor loaded it."""


def claim(instance: models.Model, seen: int) -> None:
    """Bump the stored `lock_version` from `seen`, or raise StaleEdit if it has moved on.
    Call inside the transaction that saves the instance."""
    model = type(instance)
    updated = model._default_manager.filter(pk=instance.pk, lock_version=seen).update(
        lock_version=F("lock_version") + 1)
    if not updated:
        raise StaleEdit
    instance.lock_version = seen + 1


def save_unless_stale(instance: models.Model, seen: int, save=None) -> None:
    """Save `instance` (or run `save()`) only if nobody else saved it since `seen`."""
    with transaction.atomic():
        if instance.pk is not None:
            claim(instance, seen)
        (save or instance.save)()


class LockedModelForm(forms.ModelForm):
    """A ModelForm whose model has `lock_version`: a stale save becomes a form error and
    the typed values stay in the form."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lock_version"].initial = self.instance.lock_version

    def save(self, commit: bool = True):
        if not commit:
            return super().save(commit=False)
        seen = self.cleaned_data.get("lock_version")
        try:
            save_unless_stale(self.instance, seen if seen is not None else 0,
                              lambda: super(LockedModelForm, self).save())
        except StaleEdit:
            self.add_error(None, STALE_MESSAGE)
            self._catch_up()
            return None
        return self.instance

    def _catch_up(self) -> None:
        """Carry the stored lock_version in the re-shown form, so that saving again after
        comparing goes through (the typed values stay)."""
        current = type(self.instance)._default_manager.filter(pk=self.instance.pk).values_list(
            "lock_version", flat=True).first()
        if current is not None:
            self.data = self.data.copy()
            self.data[self.add_prefix("lock_version")] = current
