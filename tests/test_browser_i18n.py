"""Taal in een echte browser: ?taal=en geeft Engelse tekst en labels, de keuze blijft bij het wisselen van
pagina en staat in de URL; Nederlands blijft uit de URL. Schermafdrukken van start en heatmap in het Engels."""

from __future__ import annotations

import pytest

from conftest import real_console_errors, screenshot
from browser_support import wait_for_app

pytestmark = pytest.mark.browser


def test_start_and_heatmap_in_english(open_page):
    page, watch = open_page("?taal=en", 1440, 1000)
    assert page.locator("h1").first.inner_text().strip() == "Youth Care Reform Agenda 2023–2028"
    assert page.get_by_text("Example data — fictitious figures").first.is_visible()
    assert page.get_by_text("Voorbeelddata — fictieve cijfers").count() == 0
    assert page.get_by_text("Taal / Language").first.is_visible()
    screenshot(page, "i18n_start_en")
    # naar de heatmap via de navigatie: de taal blijft Engels en staat in de URL
    page.get_by_role("link", name="Themes per region").first.click()
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "Themes per region"
    assert "taal=en" in page.url
    assert page.locator(".js-plotly-plot").first.get_by_text("Local teams").count() > 0
    screenshot(page, "i18n_heatmap_en")
    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == []


def test_dutch_default_stays_out_of_url(open_page):
    page, _ = open_page("heatmap", 1280, 800)
    assert page.locator("h1").first.inner_text().strip() == "Thema's per regio"
    assert "taal=" not in page.url
