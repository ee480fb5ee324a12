"""A scorecard printed the way Ringebu asked (portrait A4, the table Perspektiv |
Suksessfaktor | Målemetode | Ambisjonsnivå | Resultat/Oppfølgingsplan): as data, as a
Word table, as a PDF and as a print page."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

from styringshjul.scorecards import export
from styringshjul.scorecards.models import (
    Direction,
    Indicator,
    Inquiry,
    Period,
    Result,
    SuccessFactor,
)

pytestmark = pytest.mark.django_db

FINANCE = "God budsjettkontroll innen tildelte rammer"
OWN = "Elever som trives og lærer"


@pytest.fixture
def filled_in(favang_scorecard, ringebu, ola, kari):
    """Fåvang skule's scorecard with a result on the shared indicator, an own factor for
    users and an answered inquiry."""
    shared = Indicator.objects.get(name="Samsvar mellom budsjett og regnskap")
    Result.objects.create(scorecard=favang_scorecard, indicator=shared,
                          period=Period.FIRST_TERTIAL, value=Decimal("3.100"),
                          comment="Vikarutgifter", follow_up="Ny turnus fra august")
    own = SuccessFactor.objects.create(scorecard=favang_scorecard,
                                       perspective=ringebu.perspectives.get(name="Brukere"),
                                       name=OWN)
    Indicator.objects.create(success_factor=own, name="Elever som trives", unit_of_measure="%",
                             direction=Direction.HIGHER, target=Decimal(90),
                             red_limit=Decimal(80))
    Inquiry.objects.create(municipality=ringebu, scorecard=favang_scorecard, indicator=shared,
                           question="Hvorfor vikarer?", asked_by=kari, answer="Sykefravær",
                           answered_by=ola)
    return favang_scorecard


def test_numbers_are_exact_decimal_strings():
    assert export.exact(Decimal("2.000")) == "2"
    assert export.exact(Decimal("3.100")) == "3.1"
    assert export.exact(Decimal("-1.800")) == "-1.8"
    assert export.exact(Decimal("1E+2")) == "100"
    assert export.exact(None) is None


def test_the_data_lists_perspectives_factors_indicators_and_results(filled_in):
    data = export.to_data(filled_in)
    assert (data["municipality"], data["year"], data["level"], data["owner"]) == \
        ("3439", 2026, "unit", "Fåvang skule")
    by_name = {p["name"]: p["success_factors"] for p in data["perspectives"]}
    assert list(by_name) == ["Samfunn", "Brukere", "Medarbeidere", "Økonomi"]
    [finance] = by_name["Økonomi"]
    assert (finance["name"], finance["shared"]) == (FINANCE, True)
    [indicator] = finance["indicators"]
    assert (indicator["target"], indicator["red_limit"], indicator["direction"]) == \
        ("2", "5", "lower")
    assert indicator["results"] == [{
        "period": "T1", "value": "3.1", "status": "yellow", "comment": "Vikarutgifter",
        "follow_up": "Ny turnus fra august", "source_note": "", "computed_at": None}]
    assert by_name["Brukere"][0]["shared"] is False
    assert by_name["Brukere"][0]["indicators"][0]["results"] == []
    [inquiry] = data["inquiries"]
    assert (inquiry["question"], inquiry["answer"], inquiry["indicator"]) == \
        ("Hvorfor vikarer?", "Sykefravær", "Samsvar mellom budsjett og regnskap")


def test_the_table_has_a_line_per_indicator_and_one_for_an_empty_perspective(filled_in):
    rows = export.printed_rows(export.sheet(filled_in))
    assert [(row.perspective_span, row.factor, row.measure) for row in rows] == [
        (1, "", ""),
        (1, OWN, "Elever som trives"),
        (1, "", ""),
        (1, FINANCE, "Samsvar mellom budsjett og regnskap")]
    [result] = rows[-1].results
    assert (result.status, result.symbol) == ("yellow", "▲")
    assert rows[1].ambition  # "at least 90 %" in the page's language


def test_the_word_document_is_a_table_with_a_repeated_header_row(filled_in):
    from docx import Document

    document = Document(io.BytesIO(export.to_docx(filled_in)))
    [table] = document.tables
    assert [cell.text for cell in table.rows[0].cells] == export.headers()
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    text = "\n".join(cell.text for row in table.rows for cell in row.cells)
    assert FINANCE in text and OWN in text and "Ny turnus fra august" in text
    assert len(table.rows) == 1 + 4
    assert "Hvorfor vikarer?" in "\n".join(p.text for p in document.paragraphs)
    section = document.sections[0]
    assert section.page_height > section.page_width  # portrait


def test_the_pdf_holds_the_scorecard(filled_in):
    from pypdf import PdfReader

    content = export.to_pdf(filled_in)
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "FÅVANG SKULE" in text
    assert "Vikarutgifter" in text and "Hvorfor vikarer?" in text
    box = reader.pages[0].mediabox
    assert float(box.height) > float(box.width)  # portrait


def test_everyone_in_the_municipality_reads_the_print_page(filled_in, as_per):
    response = as_per.get(reverse("scorecard_print", args=["3439", filled_in.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert FINANCE in page and "scorecards/print.css" in page
    assert "<style" not in page and "style=" not in page  # strict CSP


def test_the_pdf_and_word_downloads(filled_in, as_ola):
    pdf = as_ola.get(reverse("scorecard_pdf", args=["3439", filled_in.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    word = as_ola.get(reverse("scorecard_docx", args=["3439", filled_in.pk]))
    assert word["Content-Disposition"].startswith("attachment;")
    assert word.content.startswith(b"PK")


def test_an_outsider_gets_404(filled_in, as_sofie):
    for name in ("scorecard_print", "scorecard_pdf", "scorecard_docx"):
        assert as_sofie.get(reverse(name, args=["3439", filled_in.pk])).status_code == 404


def test_a_scorecard_of_another_municipality_is_not_found_under_this_one(filled_in, as_sofie):
    assert as_sofie.get(reverse("scorecard_print", args=["3441", filled_in.pk])) \
        .status_code == 404
