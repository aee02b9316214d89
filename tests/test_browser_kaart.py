"""Browsertest van de kaart: klik op een regiovlak → naam in het zijpaneel; niets verlaat de machine.

De klikpositie wordt berekend uit het startbeeld van de kaart (web-mercator, zoals deck.gl) en een punt
dat gegarandeerd binnen de regio ligt (shapely representative_point). Screenshots: test-output/.
"""

from __future__ import annotations

import math
import re

import pytest
import shapely
from playwright.sync_api import expect

from conftest import real_console_errors, screenshot
from lib import geodata, maps

pytestmark = pytest.mark.browser

PANEL = ".st-key-kaart_paneel"
CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


def _merc_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _pixel(lon: float, lat: float, view, width: float, height: float) -> tuple[float, float]:
    """Lon/lat → pixel in het canvas, voor het startbeeld `view` (deck.gl: wereld = 512·2^zoom px)."""
    scale = 512 * 2 ** view.zoom
    dx = (lon - view.longitude) / 360 * scale
    dy = (_merc_y(view.latitude) - _merc_y(lat)) / (2 * math.pi) * scale
    return width / 2 + dx, height / 2 + dy


def _region_point(code: str) -> tuple[float, float, str]:
    gj = geodata.read_geojson(geodata.geo_path("regions", 2024))
    feat = next(f for f in gj["features"] if f["properties"]["regio_code"] == code)
    pt = shapely.geometry.shape(feat["geometry"]).representative_point()
    return pt.x, pt.y, feat["properties"]["regio_naam"]


def _wait_for_map(page) -> None:
    page.locator(CANVAS).first.wait_for(state="visible", timeout=30_000)
    page.wait_for_function("(sel) => { const c = document.querySelector(sel); return c && c.width > 0 }",
                           arg=CANVAS, timeout=30_000)
    page.wait_for_timeout(800)  # deck.gl tekent de lagen kort na het aanmaken van het canvas


def _click_region(page, code: str) -> str:
    """Beweeg naar de regio, wacht op de tooltip met haar naam (de kaart is dan klaar) en klik."""
    lon, lat, name = _region_point(code)
    box = page.locator(CANVAS).first.bounding_box()
    view = maps.fit_view()
    x, y = _pixel(lon, lat, view, box["width"], box["height"])
    assert 0 < x < box["width"] and 0 < y < box["height"], "regio valt buiten het startbeeld"
    for dx in (0, 1, 0):  # deck.gl tekent de tooltip pas na een pointermove
        page.mouse.move(box["x"] + x + dx, box["y"] + y)
        page.wait_for_timeout(150)
    expect(page.locator(".deck-tooltip")).to_contain_text(f"{name} ({code})", timeout=30_000)
    page.mouse.click(box["x"] + x, box["y"] + y)
    return name


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_click_region_shows_it_in_panel(open_page, size):
    page, watch = open_page("kaart", *size)
    _wait_for_map(page)
    panel = page.locator(PANEL)
    expect(panel).to_contain_text("Geen regio gekozen")
    assert page.get_by_text("Voorbeelddata — fictieve cijfers").first.is_visible()
    assert page.get_by_text("Kaartgrenzen: CBS / Kadaster", exact=False).first.is_visible()
    screenshot(page, f"kaart_start_{size[0]}x{size[1]}")

    name = _click_region(page, "JZ14")  # Twente: groot en ver van andere kleine regio's
    expect(panel).to_contain_text(name, timeout=30_000)
    expect(panel).to_contain_text("Open het regioprofiel")
    # De keuzelijst loopt mee met de klik (toetsenbordgebruikers zien dezelfde keuze).
    expect(page.locator(".st-key-kaart_regio input")).to_have_value(f"{name} (JZ14)")
    expect(page).to_have_url(re.compile(r"[?&]regio=JZ14\b"))  # de URL komt na de inhoud: wachten
    page.wait_for_timeout(500)
    screenshot(page, f"kaart_geklikt_{size[0]}x{size[1]}")

    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == [], f"verzoeken naar buiten: {watch.external_requests}"


def test_gemeente_search_then_click_other_region(open_page):
    page, watch = open_page("kaart", 1280, 800)
    _wait_for_map(page)
    search = page.locator(".st-key-kaart_gemeente input")
    search.click()
    search.fill("Den Haag")
    page.get_by_role("option", name="'s-Gravenhage (Den Haag)").click()
    panel = page.locator(PANEL)
    expect(panel).to_contain_text("Haaglanden", timeout=30_000)
    _wait_for_map(page)
    screenshot(page, "kaart_gemeente_den_haag")
    # Daarna een klik op de kaart: de klik wint, en het gemeenteveld wordt leeg.
    name = _click_region(page, "JZ02")
    expect(panel).to_contain_text(name, timeout=30_000)
    expect(panel).not_to_contain_text("Haaglanden")
    expect(search).to_have_value("")
    assert watch.external_requests == []
    assert real_console_errors(watch) == []


def test_tooltip_at_east_edge_is_not_cut_off(open_page):
    """Een regio aan de oostrand (Achterhoek): de tooltip valt over de kolom ernaast in plaats van
    afgekapt te worden door de kaderranden van deck.gl en Streamlit."""
    page, watch = open_page("kaart", 1280, 900)
    _wait_for_map(page)
    lon, lat, name = _region_point("JZ25")
    box = page.locator(CANVAS).first.bounding_box()
    x, y = _pixel(lon, lat, maps.fit_view(), box["width"], box["height"])
    for dx in (0, 1, 0):
        page.mouse.move(box["x"] + x + dx, box["y"] + y)
        page.wait_for_timeout(150)
    tooltip = page.locator(".deck-tooltip")
    expect(tooltip).to_contain_text(f"{name} (JZ25)", timeout=30_000)
    rect = tooltip.bounding_box()
    assert rect["x"] + rect["width"] > box["x"] + box["width"] + 20  # hij steekt echt buiten de kaart uit
    # geen voorouder met overflow ≠ visible knipt hem af (de tooltip heeft pointer-events: none, dus
    # elementFromPoint ziet hem niet; daarom de kaders zelf nagaan)
    clipped = page.evaluate("""() => { const tip = document.querySelector('.deck-tooltip');
      const right = tip.getBoundingClientRect().right; const out = [];
      for (let el = tip.parentElement; el && el.dataset.testid !== 'stMain'; el = el.parentElement) {
        const cs = getComputedStyle(el);
        if (cs.overflowX !== 'visible' && el.getBoundingClientRect().right < right - 1)
          out.push((el.dataset.testid || el.className || el.tagName).toString().slice(0, 40)); }
      return out; }""")
    assert clipped == [], f"de tooltip wordt afgekapt door: {clipped}"
    screenshot(page, "kaart_tooltip_oostrand")
    assert watch.external_requests == [] and real_console_errors(watch) == []
