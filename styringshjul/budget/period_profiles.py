"""How annual budget amounts are spread over the twelve periods.

Two built-in profiles apply until finance stores its own: an even spread, and wages with
holiday pay in June for art series 0 (arter 010–099). Holiday pay (feriepenger) is 10.2 %
of a year's ordinary wages and is paid in June, so June's weight is 1 + 12 × 0.102 = 2.224
against 1 for every other month: June carries 16.82 % of the annual wage budget, each other
month 7.56 %. (The deduction for vacation days, ferietrekk, is not modelled.)

A stored profile with the same prefixes as a built-in one replaces it. For each budget line
the most specific matching profile wins: one with both an art and a responsibility prefix
before one with either, longer prefixes before shorter, an art prefix before a
responsibility prefix of the same length, then by name.
"""

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Case, DecimalField, Q, Value, When
from django.utils.translation import gettext as _

from styringshjul.budget.models import PeriodProfile
from styringshjul.org.models import Municipality

PERIODS = 12
HOLIDAY_PAY_RATE = Decimal("0.102")
HOLIDAY_PAY_MONTH = 6
WAGES_ART_PREFIX = "0"
SHARE_PLACES = Decimal("1e-12")
SHARE_FIELD = DecimalField(max_digits=20, decimal_places=12)

EVEN_WEIGHTS = [Decimal(1)] * PERIODS
HOLIDAY_PAY_WEIGHTS = [
    Decimal(1) + PERIODS * HOLIDAY_PAY_RATE if month == HOLIDAY_PAY_MONTH else Decimal(1)
    for month in range(1, PERIODS + 1)
]


def builtin_profiles(municipality: Municipality) -> list[PeriodProfile]:
    """The two standard profiles, unsaved: even, and wages with holiday pay in June."""
    return [
        PeriodProfile(municipality=municipality, name=_("Even spread"),
                      weights=[int(w) for w in EVEN_WEIGHTS]),
        PeriodProfile(municipality=municipality, name=_("Wages with holiday pay in June"),
                      weights=[float(w) for w in HOLIDAY_PAY_WEIGHTS],
                      art_prefix=WAGES_ART_PREFIX),
    ]


def effective_profiles(municipality: Municipality) -> list[PeriodProfile]:
    """The municipality's stored profiles and the built-in ones they do not replace,
    most specific first."""
    stored = list(PeriodProfile.objects.for_municipality(municipality))
    taken = {(p.art_prefix, p.responsibility_prefix) for p in stored}
    builtin = [
        p for p in builtin_profiles(municipality)
        if (p.art_prefix, p.responsibility_prefix) not in taken
    ]
    return sorted(stored + builtin, key=specificity)


def specificity(profile: PeriodProfile) -> tuple:
    """A sort key that puts the most specific profile first."""
    prefixes = [p for p in (profile.art_prefix, profile.responsibility_prefix) if p]
    return (
        -len(prefixes),
        -len(profile.art_prefix) - len(profile.responsibility_prefix),
        not profile.art_prefix,
        profile.name,
    )


def profile_for(profiles: Sequence[PeriodProfile], art: str, responsibility: str
                ) -> PeriodProfile | None:
    """The profile that spreads a line with this art and responsibility code, from
    `profiles` sorted as `effective_profiles` sorts them."""
    for profile in profiles:
        if art.startswith(profile.art_prefix) and responsibility.startswith(
                profile.responsibility_prefix):
            return profile
    return None


def decimal_weights(profile: PeriodProfile) -> list[Decimal]:
    return [Decimal(str(weight)) for weight in profile.weights]


def cumulative_share(weights: Sequence[Decimal], period: int) -> Decimal:
    """The share of the annual amount budgeted for periods 1..`period` (13 is year end)."""
    if period >= PERIODS:
        return Decimal(1)
    if period <= 0:
        return Decimal(0)
    return (sum(weights[:period], Decimal(0)) / sum(weights, Decimal(0))).quantize(SHARE_PLACES)


def spread(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """The annual `amount` per period, in øre, adding up exactly to `amount`."""
    cents = Decimal("0.01")
    shares = [cumulative_share(weights, period) for period in range(PERIODS + 1)]
    running = [(amount * share).quantize(cents, ROUND_HALF_UP) for share in shares]
    return [running[p] - running[p - 1] for p in range(1, PERIODS + 1)]


def share_expression(profiles: Sequence[PeriodProfile], period: int) -> Case | Value:
    """A database expression for each budget line's share of its annual amount up to
    `period`, so budget to date is summed in the database in one pass."""
    if period >= PERIODS:
        return Value(Decimal(1), output_field=SHARE_FIELD)
    whens = []
    for profile in profiles:
        share = Value(cumulative_share(decimal_weights(profile), period), output_field=SHARE_FIELD)
        if not profile.art_prefix and not profile.responsibility_prefix:
            return Case(*whens, default=share, output_field=SHARE_FIELD) if whens else share
        condition = Q()
        if profile.art_prefix:
            condition &= Q(art__startswith=profile.art_prefix)
        if profile.responsibility_prefix:
            condition &= Q(responsibility__startswith=profile.responsibility_prefix)
        whens.append(When(condition, then=share))
    default = Value(cumulative_share(EVEN_WEIGHTS, period), output_field=SHARE_FIELD)
    return Case(*whens, default=default, output_field=SHARE_FIELD) if whens else default


def clean_weights(values: Iterable) -> list[Decimal]:
    """Twelve non-negative numbers with a positive sum, or a ValidationError saying why."""
    try:
        weights = [Decimal(str(value).strip().replace(",", ".").replace("\xa0", ""))
                   for value in values]
    except InvalidOperation as error:
        raise ValidationError(_("Every share must be a number.")) from error
    if len(weights) != PERIODS:
        raise ValidationError(
            _("Give a share for each of the %(count)d periods.") % {"count": PERIODS})
    if any(not w.is_finite() or w < 0 for w in weights):
        raise ValidationError(_("A share cannot be negative."))
    if sum(weights) <= 0:
        raise ValidationError(_("The shares must add up to more than zero."))
    return weights
