"""The deviation between budget and accounts in %, for a scorecard's part of the
organisation, year to date at the end of a result period (T1: period 4, T2: period 8,
year: period 12 with the closing entries).

Value = (actual − budget) / |budget| × 100 on the operating accounts of the service
functions 100–799 (net operating expenditure of the services, expenses positive as in
KOSTRA), rounded to one decimal. General income, financing and provisions (functions
800–899) are left out: with them a balanced municipality's net budget is close to zero and
the percentage means nothing. 12.5 means 12.5 % more spent (or less
earned) than budgeted so far. `source_options = {"absolute": true}` gives |deviation|, for
"agreement between budget and accounts" measured as distance either way.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from styringshjul.followup.queries import Grouping, scope_filter, variance
from styringshjul.ledger.models import AccountClass, Actual
from styringshjul.lib.periods import last_period_of
from styringshjul.scorecards.models import Indicator, Level, Period, Scorecard
from styringshjul.scorecards.sources import Computed, SourceKind, stored_note

KEY = "ledger_deviation"
TENTHS = Decimal("0.1")
TERTIAL_OF_PERIOD = {Period.FIRST_TERTIAL: 1, Period.SECOND_TERTIAL: 2, Period.YEAR: 3}


def accounting_period(period: str) -> int:
    """The accounting period a result period runs to: 4, 8 or 12."""
    return last_period_of(TERTIAL_OF_PERIOD[Period(period)])


SERVICE_FUNCTIONS = Q(function__gte="100", function__lte="799")


def scope_of(scorecard: Scorecard) -> Q:
    """The service functions' account strings of the scorecard's unit or service area, or of
    the whole municipality."""
    if scorecard.level == Level.UNIT and scorecard.unit_id:
        return SERVICE_FUNCTIONS & scope_filter(scorecard.municipality, Grouping.UNIT,
                                                str(scorecard.unit_id))
    if scorecard.level == Level.SERVICE_AREA and scorecard.service_area_id:
        return SERVICE_FUNCTIONS & scope_filter(scorecard.municipality, Grouping.SERVICE_AREA,
                                                str(scorecard.service_area_id))
    return SERVICE_FUNCTIONS


def booked_through(scorecard: Scorecard, period: int) -> bool:
    """Whether the municipality's accounts reach the end of `period` for the year."""
    last = Actual.objects.for_municipality(scorecard.municipality).filter(
        year=scorecard.year, account_class=AccountClass.OPERATING).aggregate(
        last=Max("period"))["last"]
    return last is not None and last >= period


def deviation(actual: Decimal, budget: Decimal) -> Decimal:
    return ((actual - budget) / abs(budget) * 100).quantize(TENTHS, ROUND_HALF_UP)


def compute(indicator: Indicator, scorecard: Scorecard, period: str) -> Computed | None:
    """None (nothing to store) until the accounts reach the end of the period."""
    through = accounting_period(period)
    if not booked_through(scorecard, through):
        return None
    report = variance(scorecard.municipality, scorecard.year, through,
                      Grouping.RESPONSIBILITY, scope=scope_of(scorecard))
    if report is None:
        return Computed(None, stored_note(_("No adopted budget for %(year)s to compare the "
                                            "accounts with"), year=scorecard.year))
    budget, actual = report.total.budget_ytd, report.total.actual_ytd
    if not budget:
        return Computed(None, stored_note(
            _("No budget to date through period %(period)s %(year)s (%(version)s)"),
            period=through, year=scorecard.year, version=report.version.name))
    value = deviation(actual, budget)
    if (indicator.source_options or {}).get("absolute"):
        value = abs(value)
    return Computed(value, stored_note(
        _("Computed from the accounts and budget through period %(period)s %(year)s "
          "(%(version)s)"), period=through, year=scorecard.year, version=report.version.name))


KIND = SourceKind(KEY, _("deviation between budget and accounts (%)"), automatic=True,
                  compute=compute)
