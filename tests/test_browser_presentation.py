"""Browser: de presentatie op 1920×1080 met de pijltjestoetsen, en de afgedwongen geaggregeerde modus."""

from __future__ import annotations

import pytest

from browser_support import wait_for_app
from conftest import real_console_errors, screenshot

pytestmark = pytest.mark.browser


def test_presentation_keyboard_and_screenshots(open_page):
    page, watch = open_page("?presentatie=1", 1920, 1080)
    assert page.locator('[data-testid="stSidebar"]').count() == 0 or not page.locator(
        '[data-testid="stSidebar"]').is_visible()
    titles = []
    for step in range(10):
        assert page.locator('[data-testid="stException"]').count() == 0
        titles.append(page.locator("h1").first.inner_text().strip())
        screenshot(page, f"presentatie_{step + 1}")
        counter = page.get_by_text("Dia ").first.inner_text()
        if f"Dia {step + 1} van {step + 1}" in counter:
            break
        page.keyboard.press("ArrowRight")
        wait_for_app(page)
    assert len(titles) >= 5 and len(set(titles)) == len(titles)
    page.keyboard.press("ArrowLeft")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == titles[-2]
    assert watch.external_requests == [] and real_console_errors(watch) == []


def test_forced_aggregate_mode_blocks_region_urls(fresh_server_page):
    page, watch = fresh_server_page("regio?regio=JZ38", env={"DASHBOARD_GEAGGREGEERD": "1"})
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Zeeland" not in body and "JZ38" not in body
    assert page.locator("h1").first.inner_text().startswith("Hervormingsagenda Jeugd")
    toggle = page.get_by_role("switch", name="Geanonimiseerd (metarapportage)")
    assert toggle.is_checked() and toggle.is_disabled()
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Regioprofiel" not in nav and "Kaart" not in nav
    screenshot(page, "geaggregeerd_start")
    assert watch.external_requests == []
