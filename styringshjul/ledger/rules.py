"""Who may import the general ledger: finance staff of the municipality, or a superuser."""

import rules

from styringshjul.org.rules import is_finance, is_superuser

rules.add_perm("ledger.import_ledger", is_superuser | is_finance)
