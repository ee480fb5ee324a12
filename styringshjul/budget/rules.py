"""Who may do what in the budget process.

Everyone in the municipality reads versions — except a party's alternative, which only the
party sees until it publishes it. Finance and leadership run the process and edit the
versions being prepared; a party group edits only its own alternative; adopted and revised
versions are council decisions and are never edited. Unit leaders propose measures for
their units and fill in their units' lines of a version being prepared.
"""

import rules

from styringshjul.budget.models import BudgetVersion, Measure, VersionState
from styringshjul.org.models import Role
from styringshjul.org.rules import is_finance, is_leadership, is_member, is_superuser, roles_in

PREPARED_BY_ADMINISTRATION = (VersionState.BASELINE, VersionState.PROPOSAL,
                              VersionState.RECOMMENDATION)


def is_party_member(user, version: BudgetVersion) -> bool:
    return (version.party_id is not None and user.is_authenticated
            and version.party.members.filter(pk=user.pk).exists())


@rules.predicate
def may_see_version(user, version: BudgetVersion) -> bool:
    if version.state != VersionState.ALTERNATIVE or version.published:
        return is_member(user, version)
    return is_party_member(user, version)


@rules.predicate
def may_edit_version(user, version: BudgetVersion) -> bool:
    if version.is_frozen:
        return False
    if user.is_superuser:
        return True
    if version.state == VersionState.ALTERNATIVE:
        return is_party_member(user, version)
    return version.state in PREPARED_BY_ADMINISTRATION and (
        is_finance(user, version) or is_leadership(user, version))


@rules.predicate
def is_unit_leader(user, obj) -> bool:
    municipality = obj if not hasattr(obj, "municipality") else obj.municipality
    return Role.UNIT_LEADER in roles_in(user, municipality)


@rules.predicate
def may_edit_measure(user, measure: Measure) -> bool:
    if is_finance(user, measure) or is_leadership(user, measure):
        return True
    return measure.unit_id is not None and measure.unit.leaders.filter(
        user=user, role=Role.UNIT_LEADER).exists()


@rules.predicate
def may_fill_in_units(user, version: BudgetVersion) -> bool:
    return version.state in (VersionState.BASELINE, VersionState.PROPOSAL) and (
        is_unit_leader(user, version))


runs_process = is_superuser | is_finance | is_leadership

rules.add_perm("budget.view_version", is_superuser | may_see_version)
rules.add_perm("budget.change_version", may_edit_version)
rules.add_perm("budget.run_process", runs_process)
rules.add_perm("budget.propose_measure", runs_process | is_unit_leader)
rules.add_perm("budget.change_measure", is_superuser | may_edit_measure)
rules.add_perm("budget.fill_in_units", runs_process | may_fill_in_units)
rules.add_perm("budget.record_revision", is_superuser | is_finance)
