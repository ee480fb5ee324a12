"""Who may change the annual cycle: finance (and superusers); every member reads it."""

import rules

from styringshjul.org.rules import is_finance, is_superuser

rules.add_perm("cycle.change_cycle", is_superuser | is_finance)
