"""Browser: een diepe link naar een regioprofiel werkt, ook als eerste verzoek na een herstart."""

from __future__ import annotations

import pytest

from browser_support import CHROMIUM_ARGS, PageWatch, streamlit_server, wait_for_app
from conftest import _require_chromium, real_console_errors, screenshot

pytestmark = pytest.mark.browser


def test_deep_link_to_region_profile_on_fresh_server():
    """Het allereerste verzoek aan een nieuwe server is een diepe link: de pagina moet via app.py lopen
    (filters in de zijbalk, eigen navigatie), niet via Streamlit's oude pages/-modus."""
    from playwright.sync_api import sync_playwright

    executable = _require_chromium()
    with streamlit_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        watch = PageWatch(url)
        watch.block_external(ctx)
        page = ctx.new_page()
        watch.attach(page)
        page.goto(f"{url}/regio?regio=JZ38")
        wait_for_app(page)
        assert page.get_by_role("heading", name="Zeeland (JZ38)").is_visible()
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_text("Filters").is_visible()
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Regioprofiel" in nav and "app" not in nav.split()
        screenshot(page, "regio_deeplink_JZ38")
        with page.expect_download() as dl:
            page.get_by_role("button", name="Download CSV").click()
        assert dl.value.suggested_filename == "regioprofiel_JZ38_P2026-06.csv"
        content = open(dl.value.path(), encoding="utf-8-sig").read()
        assert "Voorbeelddata" in content or "voorbeelddata" in content
        assert watch.external_requests == []
        assert real_console_errors(watch) == []
        browser.close()
