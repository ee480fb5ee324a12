"""Kari (finance) imports the organisation in the browser; nobody else may."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from styringshjul.org.models import Responsibility

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def url(ringebu) -> str:
    return reverse("organisation_import", args=[ringebu.number])


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content or (FIXTURES / name).read_bytes())


def test_only_finance_can_import(url, as_kari, as_ola, as_per, as_sofie):
    assert as_kari.get(url).status_code == 200
    assert as_ola.get(url).status_code == 403
    assert as_per.get(url).status_code == 403
    assert as_sofie.get(url).status_code == 404
    file = "organisasjon_ringebu_cp1252.csv"
    assert as_ola.post(url, {"file": upload(file)}).status_code == 403
    assert as_sofie.post(url, {"file": upload(file)}).status_code == 404
    assert not Responsibility.objects.filter(code="4610").exists()


def test_the_upload_page_explains_the_columns(url, as_kari):
    page = as_kari.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "tjenesteområde" in page.lower()
    assert "ansvarsnummer" in page
    assert " style=" not in page
    assert "<script>" not in page


def test_kari_imports_a_file_and_sees_the_counts(url, as_kari, kari, ringebu):
    response = as_kari.post(url, {"file": upload("organisasjon_ringebu_cp1252.csv")})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Organisasjonen er oppdatert fra filen." in page
    assert "Lest som Windows-1252." in page
    record = Responsibility.objects.get(municipality=ringebu, code="4610").history.latest()
    assert record.history_user == kari


def test_the_upload_page_shows_issues_in_norwegian(url, as_kari):
    response = as_kari.post(url, {"file": upload("organisasjon_med_feil.csv")})

    page = response.content.decode()
    assert "Filen ble avvist på grunn av 7 feil. Ingenting er endret." in page
    assert "Ansvar må bestå av sifre" in page
    assert "21A" in page
    assert page.count(">Feil</span>") == 7
    assert "Last ned avvik som CSV" in page


def test_the_issues_can_be_downloaded_as_csv(url, as_kari):
    page = as_kari.post(url, {"file": upload("organisasjon_med_feil.csv")}).content.decode()
    signed = page.split('name="issues" value="', 1)[1].split('"', 1)[0]

    response = as_kari.post(url, {"issues": signed})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Type;Rad;Kolonne;Verdi;Årsak"
    assert "Feil;4;Ansvar;21A;ansvar må bestå av sifre" in lines
    assert len(lines) == 8


def test_a_tampered_issue_list_is_refused(url, as_kari):
    assert as_kari.post(url, {"issues": "forfalsket"}).status_code == 400


def test_check_only_saves_nothing(url, as_kari, ringebu):
    response = as_kari.post(url, {"file": upload("organisasjon_ringebu_cp1252.csv"),
                                  "dry_run": "1"})

    assert "Prøvekjøring" in response.content.decode()
    assert not Responsibility.objects.filter(municipality=ringebu, code="4610").exists()


def test_a_post_without_a_file_shows_the_form_error(url, as_kari):
    response = as_kari.post(url, {})

    assert response.status_code == 200
    assert response.context["result"] is None
    assert response.context["form"].errors


def test_a_too_large_file_is_refused_before_it_is_read(url, as_kari, monkeypatch):
    from styringshjul.org import forms

    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    response = as_kari.post(url, {"file": upload("organisasjon_ringebu_cp1252.csv")})

    assert response.context["result"] is None
    assert "5 MB" in response.content.decode()
    assert not Responsibility.objects.filter(code="4610").exists()
