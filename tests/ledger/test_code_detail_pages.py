from django.urls import reverse


def test_a_function_page_shows_its_validity_and_where_its_name_comes_from(client, db):
    page = client.get(reverse("kostra_function", args=["257"])).content.decode()
    assert "Hjemmetjenester - personellbase" in page
    assert "01.01.2024" in page
    assert "ingen sluttdato" in page
    assert '<a class="ds-link" href="https://www.ssb.no/helse/helsetjenester/artikler/' in page
    assert "høy" in page
    assert "0A;0I;0M" in page


def test_a_function_page_shows_the_control_behind_a_rule(client, db):
    page = client.get(reverse("kostra_function", args=["841"])).content.decode()
    assert "ikke tillatt" in page
    assert "ERROR k.020" in page


def test_an_art_page_shows_when_it_stops_being_valid_and_that_its_name_is_missing(client, db):
    page = client.get(reverse("kostra_art", args=["270"])).content.decode()
    assert "31.12.2025" in page
    assert "navn mangler" in page
    assert "ingen (fant ikke noe navn)" in page


def test_an_unknown_code_is_not_found(client, db):
    assert client.get(reverse("kostra_function", args=["999"])).status_code == 404
    assert client.get(reverse("kostra_art", args=["abc"])).status_code == 404
