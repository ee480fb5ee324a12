"""Who may do what with surveys: everyone in the municipality reads the results that may be
shown (politicians too; nobody, not even an administrator, sees a group below the
anonymity threshold in the app); finance and leadership set up surveys, import results
and map the names files use for units."""

import rules

from styringshjul.org.rules import is_finance, is_leadership, is_superuser

rules.add_perm("surveys.change_survey", is_superuser | is_finance | is_leadership)
