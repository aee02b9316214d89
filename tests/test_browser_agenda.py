"""Browser: 'Wie is aan zet' en 'Leernetwerken' op 1280×800, zonder fouten of externe verzoeken; screenshots
per onderdeel (de hoofdkolom van Streamlit scrolt zelf, dus één schermafdruk toont maar één scherm)."""

from __future__ import annotations

import pytest

from browser_support import wait_for_app
from conftest import OUTPUT_DIR, real_console_errors, screenshot

pytestmark = pytest.mark.browser


def _chart_image(page, name: str, heading: str) -> None:
    """De hele grafiek als afbeelding: een schermafdruk van de pagina toont maar één scherm, en bovenaan
    ligt Streamlit's kopbalk over de inhoud. Daarom even een hoger venster (zelfde breedte, dus dezelfde
    opmaak) en de kop van het onderdeel bovenaan."""
    OUTPUT_DIR.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1700})
    _show(page, heading)
    page.locator(".js-plotly-plot").first.screenshot(path=str(OUTPUT_DIR / f"{name}.png"))
    page.set_viewport_size({"width": 1280, "height": 800})


def _show(page, text: str) -> None:
    page.get_by_text(text, exact=True).first.scroll_into_view_if_needed()
    page.wait_for_timeout(400)


def test_aan_zet_in_browser(open_page):
    page, watch = open_page("aan_zet", 1280, 800)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_role("heading", name="Wie is aan zet").is_visible()
    screenshot(page, "aan_zet_1_tabel")
    _show(page, "Tijdlijn van de agenda, 2023–2028")
    page.locator(".js-plotly-plot").first.wait_for(timeout=15_000)
    assert page.locator(".js-plotly-plot").count() == 1
    assert page.get_by_text("peiling (voorbeelddata)").count() >= 1  # rij in de tijdlijn (svg-tekst)
    screenshot(page, "aan_zet_2_tijdlijn")
    _chart_image(page, "aan_zet_2b_tijdlijn_grafiek", "Tijdlijn van de agenda, 2023–2028")
    _show(page, "Bronnen bij de tijdlijn")
    link = page.get_by_role("link", name="bron", exact=True).first
    assert link.get_attribute("href").startswith("https://")
    screenshot(page, "aan_zet_3_bronnen")
    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == []


def test_leernetwerken_in_browser(open_page):
    page, watch = open_page("leernetwerken", 1280, 800)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_role("heading", name="Leernetwerken").is_visible()
    assert page.get_by_text("Voorbeelddata — fictieve cijfers").first.is_visible()
    screenshot(page, "leernetwerken_1_lijst")
    _show(page, "Alle netwerken in één overzicht")
    page.locator(".js-plotly-plot").first.wait_for(timeout=15_000)
    screenshot(page, "leernetwerken_2_matrix")
    _chart_image(page, "leernetwerken_2b_matrix_grafiek", "Alle netwerken in één overzicht")
    page.get_by_text("Alleen aantallen (geanonimiseerd)").first.scroll_into_view_if_needed()
    page.get_by_text("Alleen aantallen (geanonimiseerd)").first.click()
    wait_for_app(page)
    assert page.locator(".js-plotly-plot").count() == 0
    assert page.get_by_text("verborgen", exact=False).count() >= 1
    screenshot(page, "leernetwerken_3_aantallen")
    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == []
