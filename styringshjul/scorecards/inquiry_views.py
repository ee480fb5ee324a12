"""Inquiries (undringer): asking on a scorecard, answering, and the list per unit and for
the municipality."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality, OrgUnit, ServiceArea
from styringshjul.org.tenancy import municipality_view
from styringshjul.scorecards import inquiries
from styringshjul.scorecards.inquiry_forms import AnswerForm, InquiryForm
from styringshjul.scorecards.models import Period, Scorecard
from styringshjul.scorecards.services import describe_owner


def scorecard_url(scorecard: Scorecard) -> str:
    """The scorecard's own page; the scorecards overview while that page is not wired."""
    number = scorecard.municipality.number
    try:
        return reverse("scorecard", args=[number, scorecard.pk])
    except NoReverseMatch:
        return reverse("inquiries", args=[number])


def scorecards_crumb(municipality: Municipality) -> tuple[str, str]:
    try:
        return _("Scorecards"), reverse("scorecards", args=[municipality.number])
    except NoReverseMatch:
        return _("Inquiries"), reverse("inquiries", args=[municipality.number])


def inquiries_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Inquiries"), reverse("inquiries", args=[municipality.number])


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@municipality_view("scorecards.ask_inquiry")
def inquiry_create(request: HttpRequest, municipality: Municipality, pk: int,
                   indicator_pk: int | None = None) -> HttpResponse:
    scorecard = get_object_or_404(
        Scorecard.objects.for_municipality(municipality).select_related("unit", "service_area"),
        pk=pk)
    indicators = inquiries.indicators_of(scorecard)
    initial = {"indicator": indicator_pk or request.GET.get("indicator") or None,
               "period": request.GET.get("period", "")}
    if initial["period"] not in Period.values:
        initial["period"] = ""
    form = InquiryForm(request.POST or None, indicators=indicators, initial=initial)
    if request.method == "POST" and form.is_valid():
        inquiries.ask(scorecard, form.cleaned_data["question"], user=request.user,
                      indicator=form.cleaned_data["indicator"],
                      period=form.cleaned_data["period"], base_url=_base_url(request))
        messages.success(request, _("The inquiry is sent to %(owner)s.") % {
            "owner": describe_owner(scorecard)})
        return redirect(scorecard_url(scorecard))
    title = _("Ask about the scorecard of %(owner)s %(year)s") % {
        "owner": describe_owner(scorecard), "year": scorecard.year}
    return render(request, "scorecards/inquiry_form.html", {
        "form": form, "title": title, "scorecard": scorecard,
        "recipients": inquiries.recipients(scorecard),
        "cancel_url": scorecard_url(scorecard),
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality),
                              (describe_owner(scorecard), scorecard_url(scorecard))),
    })


@municipality_view()
def inquiry_answer(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    inquiry = get_object_or_404(inquiries.base_queryset(municipality), pk=pk)
    can_answer = request.user.has_perm("scorecards.answer_inquiry", inquiry)
    if request.method == "POST" and not can_answer:
        raise PermissionDenied
    form = AnswerForm(request.POST or None) if can_answer and inquiry.is_open else None
    if request.method == "POST" and form is None:
        messages.info(request, _("This inquiry is already answered."))
        return redirect("inquiry_answer", municipality.number, inquiry.pk)
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            inquiries.answer(inquiry, form.cleaned_data["answer"], user=request.user,
                             base_url=_base_url(request))
        except inquiries.AlreadyAnswered:
            form.add_error(None, _("Someone answered this inquiry while you were writing. "
                                   "Your text is kept below; the answer given is shown "
                                   "above."))
            inquiry.refresh_from_db()
        else:
            messages.success(request, _("The answer is saved and the one who asked is "
                                        "told."))
            return redirect(scorecard_url(inquiry.scorecard))
    return render(request, "scorecards/inquiry_answer.html", {
        "inquiry": inquiry, "form": form, "can_answer": can_answer,
        "owner": describe_owner(inquiry.scorecard),
        "scorecard_url": scorecard_url(inquiry.scorecard),
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality),
                              inquiries_crumb(municipality)),
    })


def _int_or_none(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _filters(request: HttpRequest) -> inquiries.Filters:
    state = request.GET.get("state", "open")
    return inquiries.Filters(
        state=state if state in inquiries.STATES else "open",
        area=_int_or_none(request.GET.get("area", "")),
        unit=_int_or_none(request.GET.get("unit", "")),
        year=_int_or_none(request.GET.get("year", "")),
        mine=request.GET.get("mine") == "1",
    )


@municipality_view()
def inquiry_list(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    filters = _filters(request)
    rows = list(inquiries.filtered(municipality, filters, request.user))
    for inquiry in rows:
        inquiry.scorecard_link = scorecard_url(inquiry.scorecard)
    years = sorted(set(Scorecard.objects.for_municipality(municipality)
                       .values_list("year", flat=True)), reverse=True)
    return render(request, "scorecards/inquiry_list.html", {
        "inquiries": rows, "filters": filters,
        "states": [("open", _("Open")), ("answered", _("Answered")), ("all", _("All"))],
        "areas": ServiceArea.objects.for_municipality(municipality),
        "units": OrgUnit.objects.for_municipality(municipality).filter(is_active=True)
        .order_by("name"),
        "years": years,
        "mine_count": inquiries.open_only(
            inquiries.addressed_to(request.user, municipality)).count(),
        "breadcrumbs": crumbs(municipality, scorecards_crumb(municipality)),
    })
