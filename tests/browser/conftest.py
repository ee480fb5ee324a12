"""Browser tests: Debian's Chromium driven by Playwright against the live test server.

Never `playwright install`: the browser is the system's, installed by `make test`.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/lib/chromium/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url,
                                  viewport={"width": 1280, "height": 900})
    # Injected by the browser itself, so the pages' Content-Security-Policy stays in force.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.csp_violations = []
    page.on("console", lambda message: _note_csp_violation(page, message))
    yield page
    context.close()


def _note_csp_violation(page, message) -> None:
    if "Content Security Policy" in message.text:
        page.csp_violations.append(message.text)


def log_in(page, username: str, password: str = "demo") -> None:
    page.goto("/logg-inn/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#main button[type=submit]")
    page.wait_for_load_state()


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, and any breach of
    the Content-Security-Policy seen so far, which counts as a violation too."""
    assert page.csp_violations == [], page.csp_violations
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
