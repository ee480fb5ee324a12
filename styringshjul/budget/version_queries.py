"""What the version pages read: the versions a person may see, and a version's sums per
service area and year in one query."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetVersion, EconomicPlan
from styringshjul.ledger.models import AccountClass
from styringshjul.org.models import Municipality
from styringshjul.org.org_map import OrgMap

OUTSIDE = "outside"


def visible_versions(user, municipality: Municipality):
    """The municipality's versions `user` may see (a party's unpublished alternative only
    by the party), oldest first."""
    versions = (BudgetVersion.objects.for_municipality(municipality)
                .select_related("plan", "party", "based_on").order_by("created_at", "pk"))
    return [v for v in versions if user.has_perm("budget.view_version", v)]


def plans_with_versions(user, municipality: Municipality) -> tuple[list[dict], list]:
    """Each plan with its visible versions, and the versions outside any plan (budgets
    imported from files)."""
    versions = visible_versions(user, municipality)
    plans = EconomicPlan.objects.for_municipality(municipality)
    by_plan = defaultdict(list)
    for version in versions:
        by_plan[version.plan_id].append(version)
    return ([{"plan": plan, "versions": by_plan[plan.pk]} for plan in plans],
            by_plan[None])


def area_sums(version: BudgetVersion) -> dict:
    """Operating net sums per service area and year: {"years": [...], "rows": [{name,
    amounts}], "total": [...]}; ansvar codes outside the organisation tree get their own row."""
    org = OrgMap(version.municipality)
    years = list(version.year_range)
    sums: dict = defaultdict(lambda: defaultdict(Decimal))
    rows = (version.lines.filter(account_class=AccountClass.OPERATING)
            .values_list("responsibility", "year").annotate(total=Sum("amount")).order_by())
    for code, year, total in rows:
        place = org.get(code)
        sums[place.service_area_id if place else OUTSIDE][year] += total
    ordered = sorted(org.areas.items(), key=lambda item: item[1][1])
    table = [{"name": name, "amounts": [sums[pk][year] for year in years]}
             for pk, (name, _order) in ordered if pk in sums]
    if OUTSIDE in sums:
        table.append({"name": _("Responsibility codes outside the organisation"),
                      "amounts": [sums[OUTSIDE][year] for year in years]})
    totals = [sum((row["amounts"][i] for row in table), Decimal(0)) for i in range(len(years))]
    return {"years": years, "rows": table, "total": totals}
