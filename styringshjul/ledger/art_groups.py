"""Art groups for follow-up, after the lines of the economic statement (økonomisk oversikt
drift, budget and accounting regulation § 5-6) and the KOSTRA art series.

§ 5-6 counts arter 100–285 and 300–380 (series 1, 2 and 3) as purchases of goods and
services and 400–480 as transfers to others, so series 3 is grouped with purchases here.
Series 5 holds financial expenses with provisions and depreciation, series 9 financial
income with the use of provisions.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ArtGroup:
    first: str
    last: str
    name: Promise

    @property
    def key(self) -> str:
        return f"{self.first}-{self.last}"

    def contains(self, kostra_art: str) -> bool:
        return self.first <= kostra_art <= self.last

    def q(self) -> Q:
        return Q(kostra_art__gte=self.first, kostra_art__lte=self.last)


ART_GROUPS = (
    ArtGroup("010", "099", _("Wages and social costs")),
    ArtGroup("100", "399", _("Purchases of goods and services")),
    ArtGroup("400", "499", _("Transfers and grants to others")),
    ArtGroup("500", "599", _("Financial expenses, provisions and depreciation")),
    ArtGroup("600", "699", _("User charges, sales and rental income")),
    ArtGroup("700", "799", _("Refunds")),
    ArtGroup("800", "899", _("Transfer income, grants and taxes")),
    ArtGroup("900", "999", _("Financial income and use of provisions")),
)
OTHER = ArtGroup("000", "009", _("Other arter"))


def group_of(kostra_art: str) -> ArtGroup:
    return next((group for group in ART_GROUPS if group.contains(kostra_art)), OTHER)


def group_by_key(key: str) -> ArtGroup | None:
    return next((group for group in (*ART_GROUPS, OTHER) if group.key == key), None)
