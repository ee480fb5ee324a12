"""Measures (tiltak) and their place in versions.

A measure has an effect per year: on operations, booked on its own account string (KOSTRA
sign: a cost positive, a saving negative), and, for an investment measure, the lines of its
project. Including a measure in a version writes those lines into the version, marked with
the measure, so the version's total moves by exactly the measure's amounts. Frozen versions
(adopted, revised) keep what was decided: nothing here changes them.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from styringshjul.budget.lines import LineDraft, replace_measure_lines
from styringshjul.budget.models import (
    BudgetVersion,
    EconomicPlan,
    Measure,
    MeasureKind,
    MeasureYear,
    VersionMeasure,
)
from styringshjul.budget.versions import ProcessError
from styringshjul.ledger.models import Rule
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
from styringshjul.org.models import Municipality, Responsibility

STRUCTURAL_KINDS = (MeasureKind.STRUCTURAL, MeasureKind.EFFICIENCY, MeasureKind.INVESTMENT)
SHORT_TERM_KINDS = (MeasureKind.CRISIS, MeasureKind.SAVING)


HORIZONS = ("structural", "short_term", "new")


def horizon(kind: str) -> str:
    """«structural» for measures that change how services are run, «short-term» for cuts
    and crisis measures, «new» for new initiatives: the distinction politicians weigh."""
    if kind in STRUCTURAL_KINDS:
        return "structural"
    if kind in SHORT_TERM_KINDS:
        return "short_term"
    return "new"


def next_number(plan: EconomicPlan) -> int:
    """The number the plan's next measure gets (T1, T2, …)."""
    highest = Measure.objects.filter(plan=plan).aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def account_problems(municipality: Municipality, responsibility: str, function: str, art: str,
                     years: Iterable[int]) -> dict[str, str]:
    """What is wrong with an operating account string, by field: the responsibility code
    must be the municipality's, the funksjon and art valid KOSTRA codes allowed in the
    operating accounts in every year of the plan."""
    problems = {}
    if not Responsibility.objects.for_municipality(municipality).filter(
            code=responsibility).exists():
        problems["responsibility"] = _("%(code)s is not one of the municipality's "
                                       "responsibility codes.") % {"code": responsibility}
    for year in years:
        function_code = functions_valid_in(year).get(function)
        if function_code is None or function_code.operating_rule != Rule.ALLOWED:
            problems.setdefault("function", _(
                "%(code)s is not a KOSTRA funksjon allowed in the operating accounts in "
                "%(year)s.") % {"code": function, "year": year})
        art_code = arts_valid_in(year).get(art[:3])
        if len(art) not in (3, 4) or not art.isdigit() or art_code is None or (
                art_code.operating_rule != Rule.ALLOWED):
            problems.setdefault("art", _(
                "%(code)s is not a KOSTRA art allowed in the operating accounts in "
                "%(year)s.") % {"code": art, "year": year})
    return problems


def amounts_by_year(measure: Measure) -> dict[int, MeasureYear]:
    return {row.year: row for row in measure.measure_years.all()}


def operating_drafts(measure: Measure, years: Iterable[int]) -> list[LineDraft]:
    if not (measure.responsibility and measure.function and measure.art):
        return []
    rows = amounts_by_year(measure)
    return [
        LineDraft(year=year, responsibility=measure.responsibility, function=measure.function,
                  art=measure.art, amount=rows[year].operating)
        for year in years if year in rows and rows[year].operating
    ]


def measure_drafts(measure: Measure, years: Iterable[int]) -> list[LineDraft]:
    """The lines the measure writes in the given years: an operating measure its amount on
    its account string; an investment measure its project's lines (the investment, its
    financing and its interest and repayment in operations), nothing else."""
    years = list(years)
    if measure.project_id is None:
        return operating_drafts(measure, years)
    from styringshjul.budget.investments import project_lines

    return [draft for draft in project_lines(measure.project) if draft.year in years]


def effect(measure: Measure, years: Iterable[int]) -> dict[int, Decimal]:
    """What including the measure adds to a version's total, per year."""
    totals = {year: Decimal(0) for year in years}
    for draft in measure_drafts(measure, totals):
        totals[draft.year] += draft.amount
    return totals


def _check_not_frozen(version: BudgetVersion) -> None:
    if version.is_frozen:
        raise ProcessError([_("«%(version)s» is a decision of the council and is never "
                              "changed.") % {"version": version}])


def _check_changeable(version: BudgetVersion, measure: Measure) -> None:
    _check_not_frozen(version)
    if measure.municipality_id != version.municipality_id or (
            version.plan_id is not None and measure.plan_id != version.plan_id):
        raise ProcessError([_("T%(number)s belongs to another economic plan than "
                              "«%(version)s».") % {"number": measure.number,
                                                  "version": version}])


def set_included(version: BudgetVersion, measure: Measure, included: bool, *,
                 user=None) -> VersionMeasure:
    """Include the measure in the version (its lines are written) or leave it out (its lines
    are removed). `user` is who asked; the views check their permission."""
    _check_changeable(version, measure)
    with transaction.atomic():
        choice, _created = VersionMeasure.objects.get_or_create(
            version=version, measure=measure, defaults={"included": included})
        if choice.included != included:
            choice.included = included
            choice._history_user = user
            choice.save(update_fields=["included"])
        drafts = measure_drafts(measure, version.year_range) if included else []
        replace_measure_lines(version, measure, drafts)
    return choice


def refresh_measure_lines(measure: Measure) -> int:
    """Rewrite the measure's lines in every version being prepared that includes it, after
    its amounts or account string changed. Frozen versions keep what was decided. Returns
    how many versions were rewritten."""
    choices = (VersionMeasure.objects.filter(measure=measure, included=True)
               .select_related("version"))
    count = 0
    with transaction.atomic():
        for choice in choices:
            if choice.version.is_frozen:
                continue
            replace_measure_lines(choice.version, measure,
                                  measure_drafts(measure, choice.version.year_range))
            count += 1
    return count


def set_ranks(version: BudgetVersion, ordered_measure_ids: Sequence[int], user=None) -> None:
    """Rank the measures in this order (1, 2, 3 …); measures not named lose their rank.
    A ranked measure not yet chosen is added to the version as left out."""
    _check_not_frozen(version)
    measures = {m.pk: m for m in Measure.objects.filter(pk__in=ordered_measure_ids)}
    for measure in measures.values():
        _check_changeable(version, measure)
    with transaction.atomic():
        ranks = {pk: index for index, pk in enumerate(ordered_measure_ids, start=1)
                 if pk in measures}
        for choice in version.version_measures.all():
            rank = ranks.pop(choice.measure_id, None)
            if choice.rank != rank:
                choice.rank = rank
                choice._history_user = user
                choice.save(update_fields=["rank"])
        for pk, rank in ranks.items():
            choice = VersionMeasure(version=version, measure_id=pk, included=False, rank=rank)
            choice._history_user = user
            choice.save()
