import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LINE = re.compile(r"^(ERROR|WARNING) [a-z_]+ \d{2}\.\d{2}\.\d{4} .+$")


def run(capsys, number="3439", year=2026) -> tuple[int, list[str]]:
    try:
        call_command("cycle_check", municipality=number, year=year)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, capsys.readouterr().out.splitlines()


def test_it_prints_one_finding_a_line_in_norwegian_and_exits_1_on_an_error(
    ringebu_2026, capsys
):
    code, lines = run(capsys)
    assert code == 1
    assert lines == [
        "ERROR recommendation_public 08.12.2026 Innstillingen ligger ute til offentlig "
        "ettersyn bare 12 dager før kommunestyret behandler den (Kommunestyret vedtar "
        "budsjett 2027); loven krever minst 14."
    ]
    assert all(LINE.match(line) for line in lines)


def test_it_exits_0_when_only_warnings_remain(ringebu_2026, capsys):
    ringebu_2026.activities.filter(key="budget_adopted").update(start="2026-12-15")
    code, lines = run(capsys)
    assert code == 0
    assert lines and all(line.startswith("WARNING meeting_missing") for line in lines)


def test_an_unknown_municipality_is_refused(db, capsys):
    with pytest.raises(Exception, match="9999"):
        call_command("cycle_check", municipality="9999", year=2026)
