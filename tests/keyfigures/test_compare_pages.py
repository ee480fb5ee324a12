"""The comparison pages: overview, one figure, the scatter and the Hole model per service;
everyone in Ringebu reads them, Sofie (Gausdal) gets 404, finance and leadership write the
note "hvorfor ser det slik ut" (kept with history)."""

import pytest
from django.urls import reverse

from styringshjul.keyfigures.compare_views import KIND_ORDER
from styringshjul.keyfigures.models import ComparisonGroup, FigureNote, KeyFigure, Region
from tests.keyfigures.test_queries import national  # noqa: F401  fixture

pytestmark = pytest.mark.django_db


def pages(figures) -> list[str]:
    a, b = figures["a"], figures["b"]
    return [reverse("keyfigures", args=["3439"]),
            reverse("keyfigure", args=["3439", a.pk]),
            reverse("keyfigure", args=["3439", b.pk]) + "?year=2024",
            reverse("keyfigure_scatter", args=["3439"]) + f"?x={a.pk}&y={b.pk}&year=2024",
            reverse("keyfigure_service", args=["3439", "testtjeneste"])]


@pytest.mark.parametrize("who", ["as_kari", "as_per", "as_ola"])
def test_everyone_in_the_municipality_reads(national, who, request):  # noqa: F811
    client = request.getfixturevalue(who)
    for url in pages(national):
        assert client.get(url).status_code == 200, url


def test_sofie_gets_404(national, as_sofie):  # noqa: F811
    for url in pages(national):
        assert as_sofie.get(url).status_code == 404, url


def test_overview_has_rank_and_value(national, as_kari):  # noqa: F811
    response = as_kari.get(reverse("keyfigures", args=["3439"]))
    rows = {row.figure.content_code: row for group in response.context["groups"]
            for row in group.rows}
    assert (rows["KOSTRATEST1"].year, rows["KOSTRATEST1"].standing.rank,
            rows["KOSTRATEST1"].standing.count) == (2024, 3, 5)
    assert rows["KOSTRATEST2"].standing.rank == 2


def test_figure_page_chart_table_and_rank(national, as_kari, ringebu):  # noqa: F811
    group = ComparisonGroup.objects.create(municipality=ringebu, name="Nabokommuner")
    group.members.add(Region.objects.get(code="3405"))
    response = as_kari.get(reverse("keyfigure", args=["3439", national["a"].pk]))
    html = response.content.decode()
    assert html.count('role="img"') == 2
    assert response.context["years"] == [2023, 2024]
    table = dict(response.context["table"])
    assert [str(v) for v in table["Ringebu"]] == ["45.0000", "50.0000"]
    assert "Kostragruppe 2 (EKG02)" in table
    assert "Landet uten Oslo (EAKUO)" in table
    assert "Lillehammer (Nabokommuner)" in table
    assert (response.context["ours"].rank, response.context["count"]) == (3, 5)


def test_scatter_marks_ours_and_group(national, as_per):  # noqa: F811
    a, b = national["a"], national["b"]
    response = as_per.get(reverse("keyfigure_scatter", args=["3439"])
                          + f"?x={a.pk}&y={b.pk}&year=2024")
    assert response.context["scatter"].correlation == pytest.approx(0.973329, abs=1e-6)
    assert [(p.region_code, ours) for p, ours in response.context["table"]] == [
        ("3439", True), ("3441", False)]
    assert 'role="img"' in response.content.decode()


def test_service_page_in_hole_order(national, as_kari):  # noqa: F811
    response = as_kari.get(reverse("keyfigure_service", args=["3439", "testtjeneste"]))
    kinds = response.context["kinds"]
    assert [rows[0].figure.content_code for _, rows in kinds] == ["KOSTRATEST1",
                                                                  "KOSTRATEST2"]
    row = kinds[0][1][0]
    assert [str(v) for v in row.others] == ["60.0000", "55.0000", "58.5000", "57.0000"]
    assert as_kari.get(reverse("keyfigure_service", args=["3439", "nothing"])
                       ).status_code == 404


def note_url(figures) -> str:
    return reverse("keyfigure", args=["3439", figures["a"].pk])


def test_finance_writes_the_note_with_history(national, as_kari, kari):  # noqa: F811
    url = note_url(national)
    assert as_kari.post(url, {"text": "Mange små skoler.", "seen": ""}).status_code == 302
    note = FigureNote.objects.get(figure=national["a"])
    assert (note.text, note.updated_by) == ("Mange små skoler.", kari)
    seen = as_kari.get(url).context["form"]["seen"].value()
    assert as_kari.post(url, {"text": "Spredt bosetting.", "seen": seen}).status_code == 302
    note.refresh_from_db()
    assert note.text == "Spredt bosetting."
    assert note.history.count() == 2
    service = as_kari.get(reverse("keyfigure_service", args=["3439", "testtjeneste"]))
    assert service.context["kinds"][0][1][0].note == note


def test_a_stale_note_is_not_overwritten(national, as_kari, ringebu):  # noqa: F811
    FigureNote.objects.create(municipality=ringebu, figure=national["a"], text="Først")
    response = as_kari.post(note_url(national), {"text": "Min tekst", "seen": "gammel"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Min tekst" in response.content.decode()
    assert FigureNote.objects.get(figure=national["a"]).text == "Først"


def test_politician_and_unit_leader_cannot_write(national, as_per, as_ola):  # noqa: F811
    for client in (as_per, as_ola):
        assert client.get(note_url(national)).context["form"] is None
        assert client.post(note_url(national), {"text": "x", "seen": ""}).status_code == 403
    assert not FigureNote.objects.filter(figure=national["a"]).exists()


def test_sofie_cannot_see_or_write_ringebus_note(national, as_sofie):  # noqa: F811
    assert as_sofie.post(note_url(national), {"text": "x", "seen": ""}).status_code == 404
    assert not FigureNote.objects.exists() or not FigureNote.objects.filter(
        text="x").exists()


@pytest.fixture
def nationwide(national):  # noqa: F811
    """357 municipalities with ten years of both figures."""
    from decimal import Decimal

    from styringshjul.keyfigures.models import KeyFigureValue, RegionKind

    codes = [f"{9000 + n:04d}" for n in range(357 - len(MUNICIPALITY_CODES))]
    Region.objects.bulk_create([Region(code=code, name=f"Kommune {code}",
                                       kind=RegionKind.MUNICIPALITY) for code in codes],
                               ignore_conflicts=True)
    regions = list(Region.objects.filter(code__in=codes + MUNICIPALITY_CODES))
    KeyFigureValue.objects.bulk_create([
        KeyFigureValue(figure=figure, region=region, year=year,
                       value=Decimal((int(region.code) * (7 + n) + year) % 997))
        for n, figure in enumerate((national["a"], national["b"])) for region in regions
        for year in range(2015, 2025)], ignore_conflicts=True)
    more = [KeyFigure(table_id="T9950", content_code=f"KOSTRABENCH{n}", name=f"Bench {n}",
                      service="benchtjeneste", higher_is_better=bool(n % 2),
                      indicator_kind=KIND_ORDER[n % 4]) for n in range(38)]
    KeyFigure.objects.bulk_create(more)
    more = list(KeyFigure.objects.filter(table_id="T9950"))
    KeyFigureValue.objects.bulk_create([
        KeyFigureValue(figure=figure, region=region, year=year,
                       value=Decimal((int(region.code) * (3 + figure.pk) + year) % 991))
        for figure in more for region in regions for year in (2023, 2024)])
    return national


MUNICIPALITY_CODES = ["3439", "3441", "3401", "3405", "3403"]


def test_nationwide_pages_take_few_queries(nationwide, as_kari, django_assert_max_num_queries):
    a, b = nationwide["a"], nationwide["b"]
    urls = {"figure": (reverse("keyfigure", args=["3439", a.pk]), 100),
            "overview": (reverse("keyfigures", args=["3439"]), 100),
            "service": (reverse("keyfigure_service", args=["3439", "benchtjeneste"]), 100),
            "scatter": (reverse("keyfigure_scatter", args=["3439"]) + f"?x={a.pk}&y={b.pk}",
                        200)}
    for url, _limit in urls.values():
        with django_assert_max_num_queries(25):
            assert as_kari.get(url).status_code == 200
    assert len(as_kari.get(urls["scatter"][0]).context["scatter"].points) == 356  # Hamar: ".."



def test_pages_render_without_any_key_figures_for_the_municipality(national, as_kari):  # noqa: F811
    Region.objects.filter(code="3439").delete()
    for url in pages(national)[:2] + pages(national)[3:]:
        assert as_kari.get(url).status_code in (200, 404), url
    assert as_kari.get(reverse("keyfigures", args=["3439"])).status_code == 200
    assert as_kari.get(reverse("keyfigure_scatter", args=["3439"])).status_code == 200
    assert as_kari.get(reverse("keyfigure_service", args=["3439", "testtjeneste"])
                       ).status_code == 200
