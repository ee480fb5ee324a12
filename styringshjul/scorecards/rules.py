"""Who may do what with scorecards: everyone in the municipality reads them (politicians
too); leadership and finance keep the municipality's and the service areas' scorecards and
may help any unit; a unit leader keeps only their own units' scorecards. Leadership asks
inquiries; the unit's leader answers them (leadership or finance for the municipality's
and the areas' scorecards)."""

import rules

from styringshjul.org.rules import is_finance, is_leadership, is_superuser, leads_unit
from styringshjul.scorecards.models import Inquiry, Scorecard


@rules.predicate
def leads_scorecard_unit(user, scorecard: Scorecard) -> bool:
    return scorecard.unit_id is not None and leads_unit(user, scorecard.unit)


@rules.predicate
def leads_inquiry_unit(user, inquiry: Inquiry) -> bool:
    return leads_scorecard_unit(user, inquiry.scorecard)


runs_scorecards = is_superuser | is_leadership | is_finance

rules.add_perm("scorecards.change_scorecard", runs_scorecards | leads_scorecard_unit)
rules.add_perm("scorecards.set_up_year", runs_scorecards)
rules.add_perm("scorecards.ask_inquiry", is_superuser | is_leadership)
rules.add_perm("scorecards.answer_inquiry", runs_scorecards | leads_inquiry_unit)
