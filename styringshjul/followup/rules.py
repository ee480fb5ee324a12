"""Who may do what in follow-up: anyone in the municipality reads it; finance and the unit's
leader enter the unit's forecast."""

import rules

from styringshjul.org.rules import is_finance, is_superuser, leads_unit

rules.add_perm("followup.change_forecast", is_superuser | is_finance | leads_unit)
