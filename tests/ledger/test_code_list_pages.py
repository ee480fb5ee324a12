"""The code lists are public: anyone may read them, without logging in or JavaScript."""

from django.urls import reverse


def test_anyone_may_read_the_code_lists(client, db):
    for url_name in ("kostra_functions", "kostra_arts"):
        assert client.get(reverse(url_name)).status_code == 200


def test_missing_names_show_navn_mangler(client, db):
    page = client.get(reverse("kostra_arts")).content.decode()
    row_270 = page.split('href="/kostra/arter/270/"')[1].split("</tr>")[0]
    assert '<span class="muted">navn mangler</span>' in row_270


def test_a_search_without_javascript_returns_the_whole_page_with_the_matches(client, db):
    response = client.get(reverse("kostra_functions"), {"q": "Bar"})
    page = response.content.decode()
    assert "<html" in page
    assert "Barnehage" in page
    assert "Politisk styring" not in page


def test_an_htmx_request_gets_only_the_table(client, db):
    response = client.get(reverse("kostra_functions"), {"q": "Bar"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page
    assert "<table" in page and "Barnehage" in page
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(client, db):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    page = client.get(reverse("kostra_functions"), headers=headers).content.decode()
    assert "<html" in page


def test_the_search_form_is_labelled_and_improved_by_htmx(client, db):
    page = client.get(reverse("kostra_arts")).content.decode()
    assert '<label class="ds-label" for="id_q">' in page
    assert '<label class="ds-label" for="id_allowed_in">' in page
    assert 'hx-get="/kostra/arter/"' in page
    assert 'hx-target="#kostra-codes"' in page
    assert 'hx-push-url="true"' in page
    assert "hx-trigger=\"input delay:300ms, submit\"" in page
    assert 'id="kostra-count" role="status"' in page


def test_a_search_by_htmx_swaps_the_table_and_announces_the_new_count(client, db):
    response = client.get("/kostra/funksjoner/?q=barnehage", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<table" in page
    assert 'id="kostra-count" role="status" hx-swap-oob="true"' in page
    assert "<html" not in page


def test_the_table_has_a_caption_and_header_scopes(client, db):
    page = client.get(reverse("kostra_functions")).content.decode()
    assert "<caption>KOSTRA-funksjoner</caption>" in page
    assert '<th scope="col">Kode</th>' in page
    row_header = '<th scope="row" class="codes"><a class="ds-link" href="/kostra/funksjoner/100/">'
    assert row_header in page


def test_tabs_lead_between_functions_and_arts(client, db):
    page = client.get(reverse("kostra_arts")).content.decode()
    assert 'href="/kostra/funksjoner/">Funksjoner</a>' in page
    assert 'href="/kostra/arter/" aria-current="true">Arter</a>' in page


def test_an_unknown_filter_is_ignored(client, db):
    response = client.get(reverse("kostra_functions"), {"allowed_in": "everywhere"})
    assert response.status_code == 200
    assert "150 koder" in response.content.decode()
