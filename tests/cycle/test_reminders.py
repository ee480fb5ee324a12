"""Contact persons are e-mailed about their bodies' activities due soon and those late."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse


def remind(*args: str) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_kari_is_reminded_of_what_is_due_and_what_is_late(one_due_and_one_late, kari):
    today, due, late = one_due_and_one_late
    output = remind("--municipality", "3439", "--today", today.isoformat())
    assert "kari@3439.kommune.example: 1" in output
    [message] = mail.outbox
    assert message.to == [kari.email]
    assert due.title in message.body and late.title in message.body
    assert "Forsinket:" in message.body


def test_a_second_run_the_same_day_sends_nothing(one_due_and_one_late):
    today = one_due_and_one_late[0].isoformat()
    remind("--today", today)
    remind("--today", today)
    assert len(mail.outbox) == 1


def test_the_lead_time_is_set_per_kind(one_due_and_one_late):
    today, due, late = one_due_and_one_late
    remind("--municipality", "3439", "--today", today.isoformat(), "--days", "deadline=3")
    [message] = mail.outbox
    assert due.title not in message.body
    assert late.title in message.body


def test_a_dry_run_sends_nothing(one_due_and_one_late):
    remind("--today", one_due_and_one_late[0].isoformat(), "--dry-run")
    assert mail.outbox == []


def test_a_bad_lead_time_is_refused(ringebu_2026):
    with pytest.raises(CommandError) as refused:
        call_command("send_reminders", "--days", "frist=3")
    assert refused.value.returncode == 1


def test_kari_chooses_who_is_reminded_and_ola_cannot(as_kari, as_ola, finance_body, per):
    url = reverse("cycle_body_edit", args=["3439", finance_body.pk])
    assert as_ola.get(url).status_code == 403
    response = as_kari.post(url, {"name": finance_body.name, "kind": finance_body.kind,
                                  "contacts": [per.pk]})
    assert response.status_code == 302
    assert list(finance_body.contacts.all()) == [per]


def test_sofie_cannot_see_ringebus_bodies(as_sofie, finance_body):
    assert as_sofie.get(reverse("cycle_bodies", args=["3439"])).status_code == 404
    url = reverse("cycle_body_edit", args=["3439", finance_body.pk])
    assert as_sofie.post(url, {"name": "x", "kind": "external"}).status_code == 404
