"""The main journey — log in, open the organisation, open a unit — by keyboard alone."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, text: str, limit: int = 60) -> None:
    """Press Tab until the focused element's text is `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.innerText || ''")
        if focused.strip() == text:
            return
    raise AssertionError(f"{text!r} cannot be reached with Tab")


def test_ola_logs_in_and_opens_his_school_by_keyboard(page):
    page.goto("/logg-inn/")
    page.focus("#id_username")
    page.keyboard.type("ola")
    page.keyboard.press("Tab")
    page.keyboard.type("demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/3439/")

    tab_to(page, "Organisasjon")
    page.keyboard.press("Enter")
    page.wait_for_url("**/3439/organisasjon/")

    tab_to(page, "Fåvang skule")
    page.keyboard.press("Enter")
    page.wait_for_url("**/3439/organisasjon/enhet/*/")
    assert page.locator("h1").inner_text() == "Fåvang skule"

    tab_to(page, "Endre enheten")
    page.keyboard.press("Enter")
    page.wait_for_url("**/endre/")
    assert page.locator("#id_description").is_visible()


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/logg-inn/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "ds-skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_the_demo_banner_is_shown_in_demo_mode(page, settings):
    settings.DEMO_MODE = True
    page.goto("/logg-inn/")
    assert "syntetiske" in page.locator(".demo-banner").inner_text()
    assert page.locator("text=sofie").count() >= 1
