"""`styringshjul keyfigure_compare`: every municipality with a value, ranked, then the
municipality's KOSTRA group, county and the country without a rank (data in test_queries)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from styringshjul.keyfigures.models import KeyFigure
from tests.keyfigures.test_queries import add_values, national  # noqa: F401  fixture

pytestmark = pytest.mark.django_db


def compare(**options) -> str:
    out = StringIO()
    call_command("keyfigure_compare", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_csv_rows_and_comparison_rows(national):  # noqa: F811
    text = compare(municipality="3439", figure="KOSTRATEST1", year=2024, format="csv")
    assert text.splitlines() == [
        "region_code,region_name,value,rank",
        "3403,Hamar,70,1",
        "3441,Gausdal,70,1",
        "3401,Kongsvinger,50,3",
        "3439,Ringebu,50,3",
        "3405,Lillehammer,30,5",
        "EKG02,Kostragruppe 2,60,",
        "EKA34,Innlandet (EKA34),55,",
        "EAK,Landet,58.5,",
    ]


def test_lower_is_better_by_table_and_code_to_a_file(national, tmp_path):  # noqa: F811
    target = tmp_path / "b.csv"
    compare(municipality="3439", figure="T9902:KOSTRATEST2", year=2024, output=target)
    assert target.read_text(encoding="utf-8").splitlines() == [
        "region_code,region_name,value,rank",
        "3405,Lillehammer,5,1",
        "3401,Kongsvinger,10,2",
        "3439,Ringebu,10,2",
        "3441,Gausdal,20,4",
        "EKG02,Kostragruppe 2,,",
        "EKA34,Innlandet (EKA34),,",
        "EAK,Landet,,",
    ]


def test_ambiguous_content_code_needs_the_table(national):  # noqa: F811
    twin = KeyFigure.objects.create(table_id="T9903", content_code="KOSTRATEST1",
                                    name="Samme kode i en annen tabell")
    add_values(twin, {"3439": "1"})
    with pytest.raises(CommandError, match="T9901:KOSTRATEST1"):
        compare(municipality="3439", figure="KOSTRATEST1", year=2024)
    text = compare(municipality="3439", figure="T9903:KOSTRATEST1", year=2024)
    assert text.splitlines()[1] == "3439,Ringebu,1,1"


@pytest.mark.parametrize("options", [
    {"municipality": "9999", "figure": "KOSTRATEST1", "year": 2024},
    {"municipality": "3439", "figure": "NOSUCHCODE", "year": 2024},
    {"municipality": "3439", "figure": "T9999:KOSTRATEST1", "year": 2024},
    {"municipality": "3439", "figure": "KOSTRATEST1", "year": 2001},
])
def test_clear_errors(national, options):  # noqa: F811
    with pytest.raises(CommandError) as error:
        compare(**options)
    assert error.value.returncode == 2
    assert str(error.value)
