"""Browser: een tabelalternatief is lui. Dicht wordt er geen tabel (en geen DataFrame-JavaScript) geladen;
openen toont de tabel, ook met alleen het toetsenbord."""

from __future__ import annotations

import pytest

from conftest import real_console_errors, screenshot

pytestmark = pytest.mark.browser

GRID = '[data-testid="stDataFrame"]'


def _dataframe_chunks(page) -> list[str]:
    return page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                         ".filter(n => /DataFrame\\.[^/]*\\.js$/.test(n))")


def test_table_alternative_loads_only_when_opened(open_page):
    page, watch = open_page("")
    page.locator('[data-testid="stPlotlyChart"] .main-svg').nth(1).wait_for(timeout=20_000)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
    assert page.locator(GRID).count() == 0
    assert _dataframe_chunks(page) == []  # de tabel-JavaScript is bij het laden niet nodig

    summary = page.locator('[data-testid="stExpander"] summary', has_text="Tabel bij deze grafiek")
    summary.focus()
    page.keyboard.press("Enter")
    grid = page.locator(GRID)
    grid.wait_for(state="visible", timeout=20_000)
    page.wait_for_timeout(500)
    assert grid.bounding_box()["height"] >= 300  # het raster (een canvas) staat er, met zijn standaardhoogte
    assert len(_dataframe_chunks(page)) == 1
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2  # de grafieken staan er nog
    screenshot(page, "start_tabelalternatief_open")

    page.keyboard.press("Enter")  # weer dicht
    page.locator(GRID).wait_for(state="detached", timeout=20_000)
    assert watch.external_requests == []
    assert real_console_errors(watch) == []
