"""The scorecards of a year with their roll-up, one scorecard's sheet, and editing it:
purpose and goals, success factors, indicators and results."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.history import recent_changes
from styringshjul.org.locking import STALE_MESSAGE
from styringshjul.org.models import Municipality, ServiceArea
from styringshjul.org.tenancy import municipality_view
from styringshjul.scorecards import inquiries
from styringshjul.scorecards.dashboard import trend_context
from styringshjul.scorecards.forms import (
    IndicatorForm,
    ResultForm,
    ScorecardForm,
    SetUpYearForm,
    SuccessFactorForm,
)
from styringshjul.scorecards.models import (
    Indicator,
    Level,
    Period,
    Perspective,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.queries import (
    PERIODS,
    municipality_scorecard,
    shared_factors,
    sheet,
    year_scorecards,
)
from styringshjul.scorecards.services import describe_owner, ensure_year
from styringshjul.scorecards.status import Status, status_of, worst


def scorecards_crumb(municipality: Municipality, year: int | None = None) -> tuple[str, str]:
    url = reverse("scorecards", args=[municipality.number])
    return _("Scorecards"), f"{url}?year={year}" if year else url


def scorecard_url(scorecard: Scorecard) -> str:
    return reverse("scorecard", args=[scorecard.municipality.number, scorecard.pk])


def above(scorecard: Scorecard) -> Scorecard | None:
    """The scorecard one level up: a unit's service area's, then the municipality's."""
    if scorecard.level == Level.MUNICIPALITY:
        return None
    if scorecard.level == Level.UNIT:
        area_id = scorecard.service_area_id or scorecard.unit.service_area_id
        area = Scorecard.objects.filter(municipality_id=scorecard.municipality_id,
                                        year=scorecard.year, level=Level.SERVICE_AREA,
                                        service_area_id=area_id).first()
        if area is not None:
            return area
    return municipality_scorecard(scorecard.municipality, scorecard.year)


# The overview ---------------------------------------------------------------------------


@dataclass
class CardStatus:
    scorecard: Scorecard
    period: str | None
    statuses: list[Status]

    @property
    def period_label(self) -> str:
        return Period(self.period).label if self.period else ""


def rollups(municipality: Municipality, cards: list[Scorecard],
            perspectives: list[Perspective]) -> dict[int, CardStatus]:
    """Per scorecard, the worst status in each perspective for the latest period in which
    it has results; shared indicators count in every area's and unit's scorecard."""
    factors = {factor.pk: factor for factor in
               SuccessFactor.objects.filter(scorecard__in=cards).select_related("scorecard")}
    indicators = list(Indicator.objects.filter(success_factor__in=list(factors)))
    shared = [indicator for indicator in indicators
              if factors[indicator.success_factor_id].is_shared
              and factors[indicator.success_factor_id].scorecard.level == Level.MUNICIPALITY]
    own: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        own.setdefault(factors[indicator.success_factor_id].scorecard_id, []).append(indicator)
    values = {(result.scorecard_id, result.indicator_id, result.period): result.value
              for result in Result.objects.filter(scorecard__in=cards, value__isnull=False)}
    found = {}
    for card in cards:
        mine = own.get(card.pk, []) + (shared if card.level != Level.MUNICIPALITY else [])
        period = next((period for period in reversed(PERIODS) for indicator in mine
                       if (card.pk, indicator.pk, period) in values), None)
        statuses = [worst(status_of(indicator, values.get((card.pk, indicator.pk, period)))
                          for indicator in mine
                          if factors[indicator.success_factor_id].perspective_id == perspective.pk)
                    for perspective in perspectives]
        found[card.pk] = CardStatus(card, period, statuses)
    return found


def _chosen_year(text: str | None, years: list[int]) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        pass
    this_year = date.today().year
    if this_year in years or not years:
        return this_year
    return max(years)


@municipality_view()
def overview(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    years = sorted(set(Scorecard.objects.for_municipality(municipality)
                       .values_list("year", flat=True)), reverse=True)
    year = _chosen_year(request.GET.get("year"), years)
    cards = list(year_scorecards(municipality, year).select_related("municipality"))
    perspectives = list(Perspective.objects.for_municipality(municipality))
    found = rollups(municipality, cards, perspectives)
    top = next((card for card in cards if card.level == Level.MUNICIPALITY), None)
    areas = []
    for area in ServiceArea.objects.for_municipality(municipality):
        area_card = next((found[card.pk] for card in cards if card.level == Level.SERVICE_AREA
                          and card.service_area_id == area.pk), None)
        units = sorted((found[card.pk] for card in cards if card.level == Level.UNIT
                        and card.unit.service_area_id == area.pk),
                       key=lambda row: row.scorecard.unit.name)
        if area_card or units:
            areas.append({"area": area, "card": area_card, "units": units})
    can_set_up = request.user.has_perm("scorecards.set_up_year", municipality)
    return render(request, "scorecards/overview.html", {
        "year": year, "years": sorted(set(years) | {year}, reverse=True),
        "perspectives": perspectives, "top": found[top.pk] if top else None, "areas": areas,
        "can_set_up": can_set_up,
        "set_up_form": SetUpYearForm(initial={"year": year}) if can_set_up else None,
        "breadcrumbs": crumbs(municipality),
    })


@require_POST
@municipality_view("scorecards.set_up_year")
def set_up_year(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = SetUpYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a year between 2000 and 2100."))
        return redirect("scorecards", municipality.number)
    year = form.cleaned_data["year"]
    ensure_year(municipality, year)
    messages.success(request, _("The scorecards for %(year)d are ready.") % {"year": year})
    url = reverse("scorecards", args=[municipality.number])
    return redirect(f"{url}?{urlencode({'year': year})}")


# One scorecard ----------------------------------------------------------------------------


def _scorecard(municipality: Municipality, pk: int) -> Scorecard:
    return get_object_or_404(
        Scorecard.objects.for_municipality(municipality)
        .select_related("municipality", "unit", "service_area"), pk=pk)


def _editable(request: HttpRequest, municipality: Municipality, pk: int) -> Scorecard:
    scorecard = _scorecard(municipality, pk)
    if not request.user.has_perm("scorecards.change_scorecard", scorecard):
        raise PermissionDenied
    return scorecard


def _crumbs(scorecard: Scorecard, *extra) -> list[dict]:
    municipality = scorecard.municipality
    return crumbs(municipality, scorecards_crumb(municipality, scorecard.year), *extra)


def _changes(scorecard: Scorecard) -> list:
    factors = list(SuccessFactor.history.filter(scorecard_id=scorecard.pk)
                   .values_list("id", flat=True).distinct())
    return recent_changes(
        scorecard.history.all(),
        SuccessFactor.history.filter(scorecard_id=scorecard.pk),
        Indicator.history.filter(success_factor_id__in=factors),
        Result.history.filter(scorecard_id=scorecard.pk), limit=20)


@municipality_view()
def scorecard(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    card = _scorecard(municipality, pk)
    card_sheet = sheet(card)
    return render(request, "scorecards/scorecard.html", {
        "scorecard": card, "owner": describe_owner(card), "above": above(card),
        "goals": card.goals.select_related("focus_area"), "sheet": card_sheet,
        "trends": [trend_context(card, row.indicator) for row in card_sheet.indicator_rows()],
        "editable": request.user.has_perm("scorecards.change_scorecard", card),
        "can_ask": request.user.has_perm("scorecards.ask_inquiry", municipality),
        "changes": _changes(card), "breadcrumbs": _crumbs(card),
        "inquiries": inquiries.for_scorecard(card),
    })


def _form_page(request, scorecard: Scorecard, form, title: str, template="org/form.html",
               **extra) -> HttpResponse:
    return render(request, template, {
        "form": form, "title": title, "scorecard": scorecard,
        "cancel_url": scorecard_url(scorecard),
        "breadcrumbs": _crumbs(scorecard, (str(scorecard), scorecard_url(scorecard))), **extra})


@municipality_view()
def scorecard_edit(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    form = ScorecardForm(request.POST or None, instance=card)
    if request.method == "POST" and form.is_valid() and _save_locked(form):
        messages.success(request, _("The scorecard was saved."))
        return redirect(scorecard_url(card))
    return _form_page(request, card, form, _("Purpose and goals: %(scorecard)s")
                      % {"scorecard": card})


# Success factors and indicators -----------------------------------------------------------


def _own_factor(scorecard: Scorecard, factor_pk: int) -> SuccessFactor:
    """Only the scorecard's own factors: shared ones are changed on the municipality's."""
    return get_object_or_404(SuccessFactor, pk=factor_pk, scorecard=scorecard)


def _factor_page(request, card: Scorecard, factor: SuccessFactor) -> HttpResponse:
    initial = {"perspective": request.GET.get("perspective")} if factor.pk is None else None
    form = SuccessFactorForm(request.POST or None, instance=factor, initial=initial,
                             scorecard=card, above=above(card))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The success factor was saved."))
        return redirect(scorecard_url(card))
    title = _("Edit success factor") if factor.pk else _("New success factor")
    return _form_page(request, card, form, title, "scorecards/factor_form.html",
                      factor=factor)


@municipality_view()
def factor_create(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    return _factor_page(request, card, SuccessFactor(scorecard=card))


@municipality_view()
def factor_edit(request: HttpRequest, municipality: Municipality, pk: int,
                factor_pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    return _factor_page(request, card, _own_factor(card, factor_pk))


@require_POST
@municipality_view()
def factor_delete(request: HttpRequest, municipality: Municipality, pk: int,
                  factor_pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    factor = _own_factor(card, factor_pk)
    factor.delete()
    messages.success(request, _("The success factor «%(name)s» was removed.")
                     % {"name": factor.name})
    return redirect(scorecard_url(card))


def _indicator_page(request, card: Scorecard, indicator: Indicator) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid() and _save_locked(form):
        messages.success(request, _("The indicator was saved."))
        return redirect(scorecard_url(card))
    title = _("Edit indicator") if indicator.pk else _("New indicator")
    return _form_page(request, card, form, title, "scorecards/indicator_form.html",
                      indicator=indicator, factor=indicator.success_factor)


@municipality_view()
def indicator_create(request: HttpRequest, municipality: Municipality, pk: int,
                     factor_pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    return _indicator_page(request, card, Indicator(success_factor=_own_factor(card, factor_pk)))


def _own_indicator(card: Scorecard, indicator_pk: int) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("success_factor"),
                             pk=indicator_pk, success_factor__scorecard=card)


@municipality_view()
def indicator_edit(request: HttpRequest, municipality: Municipality, pk: int,
                   indicator_pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    return _indicator_page(request, card, _own_indicator(card, indicator_pk))


@require_POST
@municipality_view()
def indicator_delete(request: HttpRequest, municipality: Municipality, pk: int,
                     indicator_pk: int) -> HttpResponse:
    card = _editable(request, municipality, pk)
    indicator = _own_indicator(card, indicator_pk)
    indicator.delete()
    messages.success(request, _("The indicator «%(name)s» was removed.") % {"name": indicator})
    return redirect(scorecard_url(card))


# Results ----------------------------------------------------------------------------------


def _sheet_indicator(card: Scorecard, indicator_pk: int) -> Indicator:
    """An indicator shown in the scorecard: its own or a shared one from the municipality's."""
    factors = [factor.pk for factor in shared_factors(card)] + list(
        card.success_factors.values_list("pk", flat=True))
    return get_object_or_404(Indicator.objects.select_related("success_factor__perspective"),
                             pk=indicator_pk, success_factor__in=factors)


def _save_result(request: HttpRequest, form: ResultForm) -> bool:
    result = form.instance
    result.updated_by = request.user
    if result.pk is None:
        # Whoever else saw the result missing (version 0) must not overwrite this one.
        result.lock_version = 1
    if "value" in form.changed_data:
        # A value typed by a person no longer comes from the automatic source.
        result.source_note, result.computed_at = "", None
    try:
        saved = form.save() is not None
    except IntegrityError:  # someone else made the result first
        form.add_error(None, STALE_MESSAGE)
        saved = False
    if not saved:
        _catch_up(form, Result.objects.filter(scorecard_id=result.scorecard_id,
                                              indicator_id=result.indicator_id,
                                              period=result.period))
    return saved


def _catch_up(form, stored) -> None:
    """After a stale save the form carries the stored version, so that saving again after
    comparing wins; what the person typed stays in the form."""
    version = stored.values_list("lock_version", flat=True).first()
    form.data = form.data.copy()
    form.data["lock_version"] = version or 0


def _save_locked(form) -> bool:
    if form.save() is not None:
        return True
    _catch_up(form, type(form.instance).objects.filter(pk=form.instance.pk))
    return False


@municipality_view()
def result_edit(request: HttpRequest, municipality: Municipality, pk: int, indicator_pk: int,
                period: str) -> HttpResponse:
    card = _editable(request, municipality, pk)
    if period not in Period.values:
        raise Http404
    indicator = _sheet_indicator(card, indicator_pk)
    result = Result.objects.filter(scorecard=card, indicator=indicator, period=period).first() \
        or Result(scorecard=card, indicator=indicator, period=period)
    form = ResultForm(request.POST or None, instance=result)
    if request.method == "POST" and form.is_valid() and _save_result(request, form):
        messages.success(request, _("The result was saved."))
        return redirect(f"{scorecard_url(card)}#indicator-{indicator.pk}")
    title = _("%(indicator)s – %(period)s") % {"indicator": indicator,
                                                "period": Period(period).label}
    return _form_page(request, card, form, title, "scorecards/result_form.html",
                      indicator=indicator, result=result)
