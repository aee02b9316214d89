"""Rooktest in een echte browser: elke pagina opent zonder fout, consolefout of extern verzoek."""

from __future__ import annotations

import pytest

from conftest import real_console_errors, screenshot
from lib.navigation import PAGES, visible_pages

#: Zonder analist-wachtwoord (zoals hier) zijn alleen deze pagina's geregistreerd.
OPEN_PAGES = visible_pages(analyst_configured=False)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("spec", OPEN_PAGES, ids=[p.url_path for p in OPEN_PAGES])
def test_page_opens_offline_without_errors(open_page, spec):
    path = "" if spec == PAGES[0] else spec.url_path
    page, watch = open_page(path, 1280, 800)
    assert page.locator('[data-testid="stException"]').count() == 0, "de pagina toont een exception"
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("h1").first.inner_text().strip(), "geen paginatitel"
    screenshot(page, f"smoke_{spec.url_path}")
    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == [], f"verzoeken naar buiten: {watch.external_requests}"


def test_illustrative_marker_visible_on_start(open_page):
    page, _ = open_page("")
    assert page.get_by_text("Voorbeelddata — fictieve cijfers").first.is_visible()


@pytest.mark.parametrize("spec", [p for p in PAGES if p.requires_analyst], ids=lambda p: p.url_path)
def test_analyst_pages_absent_without_credential(open_page, spec):
    page, _ = open_page(spec.url_path)
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert spec.title not in nav
    assert page.locator("h1").first.inner_text().startswith("Hervormingsagenda Jeugd")  # terug op de start
