"""Inquiries (undringer): leadership asks, the unit's leader hears of it by e-mail and in
the app and answers; the one who asked hears of the answer."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from styringshjul.scorecards import inquiries
from styringshjul.scorecards.front_page import open_inquiries
from styringshjul.scorecards.inquiries import AlreadyAnswered, answer, ask
from styringshjul.scorecards.models import Inquiry, Level, Period, Scorecard
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

QUESTION = "Hvorfor avviker regnskapet mer enn 2 % fra budsjettet i første tertial?"


@pytest.fixture
def guro(demo):
    return get_user_model().objects.get(username="guro")


@pytest.fixture
def as_guro(guro):
    return logged_in(guro)


@pytest.fixture
def shared_indicator(favang_scorecard):
    return inquiries.indicators_of(favang_scorecard)[0]


@pytest.fixture
def inquiry(favang_scorecard, shared_indicator, guro) -> Inquiry:
    inquiry = ask(favang_scorecard, QUESTION, user=guro, indicator=shared_indicator,
                  period=Period.FIRST_TERTIAL, base_url="https://styringshjul.example/")
    mail.outbox.clear()
    return inquiry


def ask_url(scorecard: Scorecard) -> str:
    return reverse("inquiry_create", args=[scorecard.municipality.number, scorecard.pk])


def answer_url(inquiry: Inquiry) -> str:
    return reverse("inquiry_answer", args=[inquiry.municipality.number, inquiry.pk])


def test_asking_emails_the_unit_leader_with_a_link(as_guro, guro, ola, favang_scorecard,
                                                   shared_indicator):
    response = as_guro.post(ask_url(favang_scorecard), {
        "indicator": shared_indicator.pk, "period": "T1", "question": QUESTION})
    assert response.status_code == 302
    inquiry = Inquiry.objects.get(scorecard=favang_scorecard)
    assert (inquiry.indicator, inquiry.period, inquiry.asked_by) == (
        shared_indicator, "T1", guro)
    assert inquiry.is_open
    [message] = mail.outbox
    assert message.to == [ola.email]
    assert QUESTION in message.body
    assert "http://testserver" + answer_url(inquiry) in message.body


def test_the_open_inquiry_is_listed_for_the_unit_leader(as_ola, ola, ringebu, inquiry):
    response = as_ola.get(reverse("inquiries", args=[ringebu.number]), {"mine": "1"})
    assert response.status_code == 200
    assert list(response.context["inquiries"]) == [inquiry]
    assert response.context["mine_count"] == 1
    section = open_inquiries(SimpleNamespace(user=ola), ringebu)
    assert section["to_me"] == [inquiry]
    assert section["to_me_count"] == 1


def test_the_front_page_says_nothing_when_nothing_is_open(per, ringebu, inquiry):
    assert open_inquiries(SimpleNamespace(user=per), ringebu) is None


def test_the_asker_sees_the_inquiry_waiting_on_the_front_page(guro, ringebu, inquiry):
    section = open_inquiries(SimpleNamespace(user=guro), ringebu)
    assert section["asked"] == [inquiry]
    assert section["to_me"] == []


def test_the_ask_page_takes_the_indicator_and_period_from_the_address(
        as_guro, favang_scorecard, shared_indicator):
    response = as_guro.get(ask_url(favang_scorecard),
                           {"indicator": shared_indicator.pk, "period": "T2"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["indicator"].value() == str(shared_indicator.pk)
    assert form["period"].value() == "T2"
    url = reverse("inquiry_create_for", args=["3439", favang_scorecard.pk, shared_indicator.pk])
    response = as_guro.get(url)
    assert response.context["form"]["indicator"].value() == shared_indicator.pk
    assert reverse("inquiry_create", args=["3439", favang_scorecard.pk,
                                           shared_indicator.pk]) == url


def test_the_ask_form_keeps_the_question_when_the_indicator_is_not_on_the_scorecard(
        as_guro, favang_scorecard, scorecards_2026):
    from styringshjul.scorecards.models import Indicator, SuccessFactor

    other = Scorecard.objects.get(unit__name="Ringebu skole", year=2026)
    factor = SuccessFactor.objects.create(scorecard=other, perspective=scorecards_2026
                                          .municipality.perspectives.get(name="Brukere"),
                                          name="Trivsel")
    foreign = Indicator.objects.create(success_factor=factor, name="Elevundersøkelsen")
    response = as_guro.post(ask_url(favang_scorecard), {
        "indicator": foreign.pk, "period": "T1", "question": QUESTION})
    assert response.status_code == 200
    assert response.context["form"].errors["indicator"]
    assert QUESTION in response.content.decode()
    assert not Inquiry.objects.exists()
    assert mail.outbox == []


def test_answering_emails_the_asker(as_ola, ola, guro, inquiry):
    response = as_ola.post(answer_url(inquiry), {"answer": "Vikarutgifter etter sykefravær."})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.answer == "Vikarutgifter etter sykefravær."
    assert inquiry.answered_by == ola
    assert inquiry.answered_at is not None
    assert not inquiry.is_open
    [message] = mail.outbox
    assert message.to == [guro.email]
    assert "Vikarutgifter etter sykefravær." in message.body
    assert QUESTION in message.body


def test_an_inquiry_is_answered_once(ola, kari, inquiry):
    answer(inquiry, "Første svar", user=ola)
    with pytest.raises(AlreadyAnswered):
        answer(inquiry, "Andre svar", user=kari)
    inquiry.refresh_from_db()
    assert (inquiry.answer, inquiry.answered_by) == ("Første svar", ola)


def test_answering_an_answered_inquiry_keeps_the_first_answer(as_ola, ola, inquiry):
    answer(inquiry, "Første svar", user=ola)
    response = as_ola.post(answer_url(inquiry), {"answer": "Andre svar"})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.answer == "Første svar"


def test_an_inquiry_on_a_service_area_goes_to_finance(guro, kari, ringebu, scorecards_2026):
    area_card = Scorecard.objects.filter(year=2026, level=Level.SERVICE_AREA).first()
    ask(area_card, QUESTION, user=guro)
    [message] = mail.outbox
    assert message.to == [kari.email]
    section = open_inquiries(SimpleNamespace(user=kari), ringebu)
    assert section["to_me_count"] == 1


def test_ola_and_per_cannot_ask(as_ola, as_per, favang_scorecard):
    for client in (as_ola, as_per):
        assert client.get(ask_url(favang_scorecard)).status_code == 403
        response = client.post(ask_url(favang_scorecard), {"question": QUESTION})
        assert response.status_code == 403
    assert not Inquiry.objects.exists()


def test_per_reads_but_cannot_answer(as_per, inquiry):
    assert as_per.get(answer_url(inquiry)).status_code == 200
    assert as_per.post(answer_url(inquiry), {"answer": "Nei"}).status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.is_open


def test_ola_answers_only_his_own_units_inquiries(as_ola, guro, scorecards_2026):
    other = Scorecard.objects.get(unit__name="Ringebu skole", year=2026)
    inquiry = ask(other, QUESTION, user=guro)
    response = as_ola.post(answer_url(inquiry), {"answer": "Ikke mitt"})
    assert response.status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.is_open
    assert as_ola.get(answer_url(inquiry)).context["form"] is None


def test_sofie_gets_404_everywhere(as_sofie, favang_scorecard, inquiry):
    assert as_sofie.get(reverse("inquiries", args=["3439"])).status_code == 404
    assert as_sofie.get(ask_url(favang_scorecard)).status_code == 404
    assert as_sofie.get(answer_url(inquiry)).status_code == 404
    assert as_sofie.post(answer_url(inquiry), {"answer": "x"}).status_code == 404


def test_the_list_filters_open_answered_area_and_year(as_per, ola, guro, ringebu, inquiry,
                                                      favang_scorecard):
    other = Scorecard.objects.get(unit__name="Ringebu barnehage", year=2026)
    open_one = ask(other, "Hvorfor økte sykefraværet?", user=guro)
    answer(inquiry, "Svar", user=ola)
    url = reverse("inquiries", args=[ringebu.number])

    def shown(**params):
        return list(as_per.get(url, params).context["inquiries"])

    assert shown() == [open_one]
    assert shown(state="answered") == [inquiry]
    assert set(shown(state="all")) == {inquiry, open_one}
    assert shown(state="all", unit=favang_scorecard.unit_id) == [inquiry]
    assert set(shown(state="all", area=favang_scorecard.service_area_id)) == {
        inquiry, open_one}
    assert shown(state="all", year=2025) == []


def test_the_inquiries_partial_lists_a_scorecards_inquiries(favang_scorecard, inquiry):
    from django.template.loader import render_to_string

    html = render_to_string("scorecards/_inquiries.html", {
        "inquiries": inquiries.for_scorecard(favang_scorecard)})
    assert QUESTION in html
    assert answer_url(inquiry) in html


def test_the_front_page_section_links_to_the_answer_page(ola, ringebu, inquiry):
    from django.template.loader import render_to_string

    section = open_inquiries(SimpleNamespace(user=ola), ringebu)
    html = render_to_string("scorecards/_front_inquiries.html",
                            {"section": section, "municipality": ringebu})
    assert answer_url(inquiry) in html
    assert reverse("inquiries", args=[ringebu.number]) in html


def test_the_answer_page_shows_the_answer_to_everyone(as_per, ola, inquiry):
    answer(inquiry, "Vikarutgifter.", user=ola)
    response = as_per.get(answer_url(inquiry))
    assert response.context["form"] is None
    assert "Vikarutgifter." in response.content.decode()
