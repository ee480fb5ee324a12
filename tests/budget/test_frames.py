from decimal import Decimal

import pytest

from styringshjul.budget.frames import frame_report, frames_from_proposal
from styringshjul.budget.models import BudgetLine, BudgetVersion, Frame, VersionState
from styringshjul.org.models import ServiceArea

pytestmark = pytest.mark.django_db

LINES = [  # responsibility, function, art, amount
    ("2200", "202", "010", "1000000"),  # Fåvang skule, Oppvekst
    ("2200", "202", "590", "50000"),  # depreciation: not in the net appropriation
    ("2100", "202", "010", "3000000"),  # Ringebu skole, Oppvekst
    ("2100", "202", "700", "-200000"),
    ("2100", "880", "800", "-5000000"),  # a financial function: not a service area's
    ("3100", "253", "010", "2000000"),  # Ringebu sjukeheim, Helse og omsorg
    ("9999", "120", "010", "10000"),  # outside the organisation tree
]


@pytest.fixture
def version(plan_2026, kari) -> BudgetVersion:
    version = BudgetVersion.objects.create(
        municipality=plan_2026.municipality, plan=plan_2026, name="Rammetest", first_year=2026,
        years=2, state=VersionState.PROPOSAL, created_by=kari)
    BudgetLine.objects.bulk_create(
        BudgetLine(version=version, year=2026, responsibility=r, function=f, art=a,
                   kostra_art=a, amount=Decimal(amount)) for r, f, a, amount in LINES)
    return version


@pytest.fixture
def areas(ringebu) -> dict[str, ServiceArea]:
    return {area.name: area for area in ServiceArea.objects.for_municipality(ringebu)}


def test_the_report_sets_each_areas_proposal_against_its_frame(version, areas):
    Frame.objects.create(version=version, service_area=areas["Oppvekst"], year=2026,
                         amount=Decimal("3500000"))
    Frame.objects.create(version=version, service_area=areas["Helse og omsorg"], year=2026,
                         amount=Decimal("2500000"))
    report = frame_report(version, 2026)
    by_name = {area.name: area for area in report.areas}
    oppvekst, helse = by_name["Oppvekst"], by_name["Helse og omsorg"]
    assert oppvekst.proposal == Decimal("3800000")
    assert oppvekst.difference == Decimal("300000") and oppvekst.over_frame
    assert helse.proposal == Decimal("2000000")
    assert helse.difference == Decimal("-500000") and not helse.over_frame
    assert by_name["Stab og støtte"].frame is None and by_name["Stab og støtte"].difference is None
    units = {unit.name: unit for unit in oppvekst.units}
    assert units["Fåvang skule"].proposal == Decimal("1000000")
    assert units["Ringebu skole"].proposal == Decimal("2800000")
    assert units["Fåvang skule"].share == Decimal("1000000") / Decimal("3800000") * 100
    assert units["PP-tjenesten"].proposal == 0 and units["PP-tjenesten"].share == 0
    assert report.unplaced == Decimal("10000")
    assert report.total_proposal == Decimal("5810000")
    assert report.total_frame == Decimal("6000000")


def test_frames_can_start_as_the_proposal(version, areas):
    Frame.objects.create(version=version, service_area=areas["Oppvekst"], year=2026,
                         amount=Decimal("1"))
    frames_from_proposal(version)
    frames = {(f.service_area.name, f.year): f for f in version.frames.all()}
    assert frames[("Oppvekst", 2026)].amount == Decimal("3800000")
    assert frames[("Oppvekst", 2026)].lock_version == 1
    assert frames[("Helse og omsorg", 2026)].amount == Decimal("2000000")
    assert frames[("Oppvekst", 2027)].amount == 0
    assert all(not area.over_frame for area in frame_report(version, 2026).areas)


def _url(version, tail=""):
    return f"/3439/budsjett/versjon/{version.pk}/rammer/{tail}"


def test_everyone_reads_the_frames_page_and_sofie_gets_404(version, as_per, as_sofie, areas):
    Frame.objects.create(version=version, service_area=areas["Oppvekst"], year=2026,
                         amount=Decimal("3500000"))
    response = as_per.get(_url(version))
    assert response.status_code == 200
    report = response.context["reports"][0]
    assert next(a for a in report.areas if a.name == "Oppvekst").over_frame
    assert 'data-color="danger"' in response.content.decode()
    assert as_sofie.get(_url(version)).status_code == 404
    assert as_per.get(_url(version, "endre/")).status_code == 403


def _frame_form(version, areas, values: dict, locks: dict) -> dict:
    data = {}
    for area in areas.values():
        for year in version.year_range:
            data[f"frame_{area.pk}_{year}"] = values.get((area.name, year), "")
            lock = locks.get((area.name, year))
            data[f"lock_{area.pk}_{year}"] = "" if lock is None else str(lock)
    return data


def test_finance_sets_frames_and_a_second_editor_keeps_what_they_typed(
        version, areas, as_kari, admin_user):
    from tests.conftest import logged_in

    frame = Frame.objects.create(version=version, service_area=areas["Oppvekst"], year=2026,
                                 amount=Decimal("3500000"))
    locks = {("Oppvekst", 2026): frame.lock_version}
    first = _frame_form(version, areas, {("Oppvekst", 2026): "3 600 000",
                                         ("Helse og omsorg", 2027): "2 100 000,50"}, locks)
    assert as_kari.post(_url(version, "endre/"), first).status_code == 302
    frame.refresh_from_db()
    assert frame.amount == Decimal("3600000") and frame.lock_version == 1
    assert version.frames.get(service_area=areas["Helse og omsorg"],
                              year=2027).amount == Decimal("2100000.50")
    second = _frame_form(version, areas, {("Oppvekst", 2026): "3 700 000"}, locks)
    response = logged_in(admin_user).post(_url(version, "endre/"), second)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'value="3 700 000"' in response.content.decode()
    frame.refresh_from_db()
    assert frame.amount == Decimal("3600000")


def test_finance_copies_the_proposal_into_the_frames(version, as_kari, as_per):
    assert as_per.post(_url(version, "fra-forslaget/")).status_code == 403
    assert as_kari.post(_url(version, "fra-forslaget/")).status_code == 302
    assert version.frames.filter(year=2026).count() == 4
