"""The regions: every municipality with its county, KOSTRA groups per year, and what a
municipality is compared with."""

import pytest

from styringshjul.keyfigures.models import (
    ComparisonGroup,
    GroupMembership,
    KeyFigure,
    KeyFigureValue,
    Region,
    RegionKind,
)
from styringshjul.keyfigures.regions import (
    comparison_regions,
    group_of,
    load_regions,
    set_membership,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(demo) -> None:
    load_regions()


def test_all_357_municipalities_are_loaded_each_with_its_county(regions):
    municipalities = Region.objects.filter(kind=RegionKind.MUNICIPALITY)
    assert municipalities.count() == 357
    assert not municipalities.filter(county__isnull=True).exists()
    ringebu = Region.objects.get(code="3439")
    assert ringebu.name == "Ringebu"
    assert (ringebu.county.code, ringebu.county.name, ringebu.county.kind) == (
        "3400", "Innlandet", RegionKind.COUNTY)
    assert Region.objects.get(code="0301").county.code == "0300"


def test_the_groups_the_country_and_the_county_aggregates_are_there(regions):
    assert Region.objects.filter(kind=RegionKind.KOSTRA_GROUP).count() == 17
    assert Region.objects.get(code="EKG01").name == (
        "KOSTRA-gruppe 1: Små kommuner med lave bundne kostnader og lave frie disponible "
        "inntekter")
    assert Region.objects.get(code="EAK").kind == RegionKind.COUNTRY
    assert Region.objects.get(code="EAKUO").kind == RegionKind.COUNTRY_WITHOUT_OSLO
    aggregate = Region.objects.get(code="EKA34")
    assert aggregate.name == "Innlandet (fylkesaggregat)"
    assert aggregate.county.code == "3400"
    assert Region.objects.filter(kind=RegionKind.COUNTY).count() == 15


def test_loading_again_changes_nothing(regions):
    count = Region.objects.count()
    assert load_regions() == 0
    assert Region.objects.count() == count


def test_loading_again_repairs_a_changed_name(regions):
    Region.objects.filter(code="3439").update(name="Ringebu kommune")
    assert load_regions() == 1
    assert Region.objects.get(code="3439").name == "Ringebu"


def test_group_of_respects_the_year_as_groups_change(regions):
    ringebu = Region.objects.get(code="3439")
    set_membership("3439", "EKG01", 2020)
    set_membership("3439", "EKG04", 2024)
    assert group_of(ringebu, 2019) is None
    assert group_of(ringebu, 2020).code == "EKG01"
    assert group_of(ringebu, 2023).code == "EKG01"
    assert group_of(ringebu, 2024).code == "EKG04"
    assert group_of(ringebu, 2030).code == "EKG04"


def test_setting_a_membership_twice_for_a_year_replaces_it(regions):
    set_membership("3439", "EKG01", 2024)
    set_membership("3439", "EKG02", 2024)
    assert GroupMembership.objects.filter(member__code="3439", year=2024).count() == 1
    assert group_of(Region.objects.get(code="3439"), 2024).code == "EKG02"


def test_a_municipality_is_compared_with_group_county_country_and_its_own_group(
        regions, ringebu):
    set_membership("3439", "EKG01", 2020)
    neighbours = ComparisonGroup.objects.create(municipality=ringebu, name="Nabokommuner")
    neighbours.members.set(Region.objects.filter(code__in=["3441", "3436", "3439"]))
    codes = [region.code for region in comparison_regions(
        Region.objects.get(code="3439"), 2024, groups=[neighbours])]
    assert codes == ["3439", "EKG01", "3400", "EAK", "EAKUO", "3436", "3441"]


def test_the_county_aggregate_replaces_the_county_when_it_has_values(regions):
    figure = KeyFigure.objects.create(table_id="T1", content_code="C1", name="Test")
    KeyFigureValue.objects.create(figure=figure, region=Region.objects.get(code="EKA34"),
                                  year=2024, value=1)
    codes = [region.code for region in comparison_regions(Region.objects.get(code="3439"),
                                                          2024)]
    assert codes == ["3439", "EKA34", "EAK", "EAKUO"]
