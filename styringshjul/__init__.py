"""Styringshjul: plan, budget and governance for municipalities."""
