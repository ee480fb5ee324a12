"""Who may do what with key figures: everyone in the municipality reads them; finance and
leadership keep the municipality's comparison groups and its notes on the figures; finance
keeps the catalogue."""

import rules

from styringshjul.org.rules import is_finance, is_leadership, is_superuser

rules.add_perm("keyfigures.change_comparisongroup", is_superuser | is_finance | is_leadership)
rules.add_perm("keyfigures.change_note", is_superuser | is_finance | is_leadership)
rules.add_perm("keyfigures.change_catalogue", is_superuser | is_finance)
