from django.utils import translation

from styringshjul.ledger.models import KostraArt, KostraFunction
from styringshjul.ledger.queries import display_name


def test_it_gives_the_name(db):
    assert display_name(KostraFunction.objects.get(code="201")) == "Barnehage"


def test_a_missing_name_reads_navn_mangler_in_norwegian(db):
    with translation.override("nb"):
        assert display_name(KostraArt.objects.get(code="270")) == "navn mangler"


def test_a_missing_name_reads_name_missing_in_english(db):
    with translation.override("en"):
        assert display_name(KostraArt.objects.get(code="270")) == "name missing"
