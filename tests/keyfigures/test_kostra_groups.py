"""KOSTRA group membership read from Statistics Norway's Klass or a table, per year."""

from pathlib import Path

import pytest
from django.core.management import call_command

from styringshjul.keyfigures.kostra_groups import import_groups
from styringshjul.keyfigures.models import GroupMembership, Region
from styringshjul.keyfigures.regions import group_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "keyfigures"
pytestmark = pytest.mark.django_db


def memberships(year: int) -> dict[str, str]:
    return dict(GroupMembership.objects.filter(year=year)
                .values_list("member__code", "group__code"))


def test_klass_correspondence_sets_each_municipalitys_group_for_the_year(demo):
    result = import_groups(FIXTURES / "klass_131_112_correspondence.json", 2031)

    assert not result.rejected and result.created == 3
    assert memberships(2031) == {"3439": "EKG02", "3441": "EKG02", "0301": "EKG16"}
    assert group_of(Region.objects.get(code="3439"), 2032).code == "EKG02"


def test_klass_json_saved_with_a_byte_order_mark_reads_the_same(demo, tmp_path):
    saved = tmp_path / "klass.json"
    saved.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "klass_131_112_correspondence.json")
                      .read_bytes())
    result = import_groups(saved, 2031)

    assert not result.rejected
    assert memberships(2031) == {"3439": "EKG02", "3441": "EKG02", "0301": "EKG16"}


def test_a_windows_1252_table_with_group_names_in_any_spelling_imports_the_same(demo):
    result = import_groups(FIXTURES / "kostra_groups_2025.csv", 2031)

    assert not result.rejected
    assert memberships(2031) == {"3439": "EKG02", "3441": "EKG02", "0301": "EKG16"}


def test_the_same_file_twice_changes_nothing(demo):
    import_groups(FIXTURES / "kostra_groups_2025.csv", 2031)
    again = import_groups(FIXTURES / "kostra_groups_2025.csv", 2031)

    assert (again.created, again.changed) == (0, 0)
    assert "nothing changed" in again.status_message() or "ingenting" in \
        again.status_message()


def test_a_municipality_that_changes_group_is_updated_for_that_year_only(demo, tmp_path):
    import_groups(FIXTURES / "kostra_groups_2025.csv", 2031)
    moved = tmp_path / "groups.csv"
    moved.write_text("kommune;gruppe\n3439;EKG01\n", encoding="utf-8")

    result = import_groups(moved, 2032)

    assert result.created == 1
    ringebu = Region.objects.get(code="3439")
    assert group_of(ringebu, 2031).code == "EKG02"
    assert group_of(ringebu, 2032).code == "EKG01"


def test_unknown_municipalities_and_groups_reject_the_file_with_row_and_value(demo,
                                                                               tmp_path):
    bad = tmp_path / "groups.csv"
    bad.write_text("kommune;gruppe\n3439;EKG02\n9999;EKG02\n3441;EKG42\n3439;EKG03\n",
                   encoding="utf-8")

    result = import_groups(bad, 2031)

    assert result.rejected
    assert [(i.row, i.value) for i in result.issues] == [(3, "9999"), (4, "EKG42"),
                                                          (5, "EKG03")]
    assert memberships(2031) == {}


def test_the_command_exits_1_on_a_rejected_file_and_0_when_imported(demo, tmp_path,
                                                                     capsys):
    bad = tmp_path / "groups.csv"
    bad.write_text("kommune;gruppe\n9999;EKG02\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_status:
        call_command("import_kostra_groups", str(bad), "--year", "2031")
    assert exit_status.value.code == 1
    assert "9999" in capsys.readouterr().err

    call_command("import_kostra_groups", str(FIXTURES / "klass_131_112_correspondence.json"),
                 "--year", "2031")
    assert "3" in capsys.readouterr().out
    assert memberships(2031)["3439"] == "EKG02"


class Klass:
    """Statistics Norway's Klass, answering the saved correspondence 131 → 112."""

    def __init__(self):
        self.urls = []

    def __call__(self, method, url, body, timeout):
        from styringshjul.keyfigures.ssb_client import Response

        self.urls.append(url)
        return Response(200, (FIXTURES / "klass_131_112_correspondence.json").read_bytes())


def test_fetch_with_kostra_groups_asks_klass_for_the_years_correspondence(demo, settings,
                                                                           capsys):
    settings.SSB_TRANSPORT = klass = Klass()
    with pytest.raises(SystemExit):  # the catalogue tables get Klass' answer: not JSON-stat
        call_command("fetch_keyfigures", "--year", "2031", "--kostra-groups")

    assert "classifications/131/correspondsAt?targetClassificationId=112&date=2031-01-01" \
        in klass.urls[0]
    assert memberships(2031)["0301"] == "EKG16"
