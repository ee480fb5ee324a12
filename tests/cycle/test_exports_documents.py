"""The wheel and the table as files: PNG backgrounds, the A3 PDF, Word and Excel, from the
command and from the page; Sofie from Gausdal gets none of Ringebu's."""

import io
import struct
import time
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.urls import reverse

from styringshjul.cycle.models import Activity

pytestmark = pytest.mark.django_db

A3_LANDSCAPE = (1190.55, 841.89)  # points


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def export(tmp_path, fmt: str, **options) -> bytes:
    out = tmp_path / f"arshjul.{fmt}"
    call_command("cycle_export", municipality="3439", year=2026, format=fmt, output=out,
                 **options)
    return out.read_bytes()


def test_the_desktop_backgrounds_are_exactly_full_hd_and_qhd(ringebu_2026, tmp_path):
    for size, expected in (("1920x1080", (1920, 1080)), ("2560x1440", (2560, 1440))):
        started = time.perf_counter()
        png = export(tmp_path, "png", size=size)
        print(f"PNG {size}: {time.perf_counter() - started:.2f} s")
        assert png_size(png) == expected


def test_the_wall_pdf_is_one_a3_landscape_page_with_the_table(ringebu_2026, tmp_path):
    from pypdf import PdfReader

    started = time.perf_counter()
    pdf = export(tmp_path, "pdf")
    print(f"PDF A3: {time.perf_counter() - started:.2f} s")
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A3_LANDSCAPE, abs=1)
    assert len(reader.pages) == 1
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Budsjettprosess med rapportering" in text
    assert "Kommunestyret vedtar budsjett 2027" in text


def test_the_word_table_has_a_header_and_one_row_per_activity(ringebu_2026, tmp_path):
    from docx import Document

    document = Document(io.BytesIO(export(tmp_path, "docx")))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Frist", "Beskrivelse", "Ansvarlig"]
    assert len(table.rows) == 1 + 41
    adoption = next(r for r in table.rows
                    if r.cells[1].text.startswith("Kommunestyret vedtar budsjett 2027"))
    assert [adoption.cells[0].text, adoption.cells[2].text] == ["08.12.2026", "Kommunestyret"]


def test_the_excel_table_has_a_header_and_one_row_per_activity(ringebu_2026, tmp_path):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export(tmp_path, "xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Frist", "Beskrivelse", "Ansvarlig")
    assert len(rows) == 1 + 41
    assert ("08.12.2026", "Kommunestyret vedtar budsjett 2027", "Kommunestyret") in rows


def test_the_command_writes_the_svg_with_every_activity(ringebu_2026, tmp_path):
    svg = ET.fromstring(export(tmp_path, "svg"))
    titles = " ".join(t.text for t in svg.iter("{http://www.w3.org/2000/svg}title"))
    for activity in Activity.objects.filter(cycle=ringebu_2026):
        assert activity.title in titles


def test_csv_and_ics_are_still_written_by_the_command(ringebu_2026, tmp_path):
    assert export(tmp_path, "csv").startswith(b"\xef\xbb\xbfdate;end;title")
    assert b"BEGIN:VCALENDAR" in export(tmp_path, "ics")


def test_the_wheel_page_shows_the_svg_the_list_and_every_download(ringebu_2026, as_per):
    response = as_per.get(reverse("cycle_wheel", args=["3439", 2026]))
    assert response.status_code == 200
    page = response.text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert "Kommunestyret vedtar budsjett 2027" in page
    for fmt in ("svg", "png", "pdf", "docx", "xlsx", "csv", "ics"):
        assert reverse("cycle_export", args=["3439", 2026, fmt]) in page
    assert "?size=2560x1440" in page


def test_the_cycle_page_links_to_the_wheel_and_the_downloads(ringebu_2026, as_per):
    page = as_per.get(reverse("cycle_year", args=["3439", 2026])).text
    assert reverse("cycle_wheel", args=["3439", 2026]) in page
    for fmt in ("svg", "png", "pdf", "docx", "xlsx"):
        assert reverse("cycle_export", args=["3439", 2026, fmt]) in page


def test_ola_downloads_each_format_from_the_page(ringebu_2026, as_ola):
    for fmt in ("svg", "pdf", "docx", "xlsx"):
        response = as_ola.get(reverse("cycle_export", args=["3439", 2026, fmt]))
        assert response.status_code == 200
        assert response["Content-Disposition"] == \
            f'attachment; filename="arshjul-3439-2026.{fmt}"'
    response = as_ola.get(reverse("cycle_export", args=["3439", 2026, "png"]),
                          {"size": "2560x1440"})
    assert png_size(response.content) == (2560, 1440)
    assert as_ola.get(reverse("cycle_export", args=["3439", 2026, "png"]),
                      {"size": "800x600"}).status_code == 404


def test_sofie_gets_404_on_ringebus_wheel_and_downloads(ringebu_2026, as_sofie):
    assert as_sofie.get(reverse("cycle_wheel", args=["3439", 2026])).status_code == 404
    for fmt in ("svg", "png", "pdf", "docx", "xlsx", "csv", "ics"):
        assert as_sofie.get(reverse("cycle_export", args=["3439", 2026, fmt])).status_code \
            == 404
