"""The ledger's public read API: the KOSTRA code lists as other apps may use them."""

import re
from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from styringshjul.ledger.code_lists import search_text
from styringshjul.ledger.models import KostraArt, KostraCode, KostraFunction, Rule

ACCOUNTS = {"operating": "operating_rule", "capital": "capital_rule"}


def functions_valid_in(year: int) -> dict[str, KostraFunction]:
    """The funksjoner that may be used in the accounts of `year`, by code."""
    return {function.code: function for function in _valid_in(KostraFunction.objects, year)}


def arts_valid_in(year: int) -> dict[str, KostraArt]:
    """The arter that may be used in the accounts of `year`, by code."""
    return {art.code: art for art in _valid_in(KostraArt.objects, year)}


def kostra_art_code(code: str) -> str:
    """The KOSTRA art of a local art: a municipality's fourth digit is dropped
    (2701 → 270); a three-digit art is its own KOSTRA art."""
    if not re.fullmatch(r"[0-9]{3,4}", code):
        raise ValueError(f"An art has three or four digits, not {code!r}")
    return code[:3]


def display_name(code: KostraCode) -> str:
    """The code's name, or a plain statement that it is missing — never a guess."""
    return code.name or _("name missing")


def function(code: str) -> KostraFunction | None:
    return KostraFunction.objects.filter(code=code).first()


def art(code: str) -> KostraArt | None:
    return KostraArt.objects.filter(code=code).first()


def search_functions(query: str = "", allowed_in: str = "") -> QuerySet[KostraFunction]:
    return _search(KostraFunction.objects.all(), query, allowed_in)


def search_arts(query: str = "", allowed_in: str = "") -> QuerySet[KostraArt]:
    return _search(KostraArt.objects.all(), query, allowed_in)


def _search(codes: QuerySet, query: str, allowed_in: str) -> QuerySet:
    """Codes whose code starts with, or whose name contains, `query` (any case), and
    that are allowed in the operating or capital accounts if `allowed_in` says so."""
    query = query.strip()
    if query:
        codes = codes.filter(
            Q(code__startswith=query) | Q(search_text__icontains=search_text(query))
        )
    if allowed_in:
        codes = codes.filter(**{ACCOUNTS[allowed_in]: Rule.ALLOWED})
    return codes.order_by("code")


def _valid_in(codes, year: int) -> QuerySet:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return codes.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=last),
        Q(valid_to__isnull=True) | Q(valid_to__gte=first),
    ).order_by("code")
