"""Browser: een diepe link naar een regioprofiel werkt, ook als eerste verzoek na een herstart."""

from __future__ import annotations

import pytest

from conftest import real_console_errors, screenshot

pytestmark = pytest.mark.browser


def test_deep_link_to_region_profile_on_fresh_server(fresh_server_page):
    """Het allereerste verzoek aan een nieuwe server is een diepe link: de pagina moet via app.py lopen
    (filters in de zijbalk, eigen navigatie), niet via Streamlit's oude pages/-modus."""
    page, watch = fresh_server_page("regio?regio=JZ38")
    assert page.get_by_role("heading", name="Zeeland (JZ38)").is_visible()
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("Filters").is_visible()
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Regioprofiel" in nav and "app" not in nav.split()
    screenshot(page, "regio_deeplink_JZ38")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download CSV").first.click()
    assert dl.value.suggested_filename == "regioprofiel_JZ38_P2026-06.csv"
    content = open(dl.value.path(), encoding="utf-8-sig").read()
    assert "voorbeelddata" in content.lower()
    assert watch.external_requests == []
    assert real_console_errors(watch) == []
