"""Alleen met het toetsenbord: peiling en thema kiezen, een regio kiezen, haar profiel openen, de data
downloaden. Geen muisklik: alleen Tab, Enter en typen (WCAG 2.1.1 Toetsenbord).

Focus wordt alleen *gelezen* (document.activeElement) om te weten wanneer de Tab-toets op het goede
element staat; elke actie is een toetsaanslag.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from browser_support import wait_for_app
from conftest import screenshot
from lib import profile
from lib.loaders import load_dataset

pytestmark = pytest.mark.browser

MAX_TABS = 150

FOCUS = """() => {
    const e = document.activeElement;
    if (!e) return {};
    return {tag: e.tagName, role: e.getAttribute('role'), label: e.getAttribute('aria-label') || '',
            text: (e.innerText || '').trim(), href: e.getAttribute('href') || ''};
}"""


def tab_to(page, predicate, what: str) -> dict:
    """Druk Tab tot het gefocuste element aan `predicate` voldoet."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if predicate(focused):
            return focused
    raise AssertionError(f"met Tab niet bij {what} gekomen in {MAX_TABS} stappen")


def combobox(label: str):
    return lambda f: f.get("role") == "combobox" and f.get("label") == label


def choose(page, label: str, typed: str) -> None:
    tab_to(page, combobox(label), f"keuzelijst ‘{label}’")
    page.keyboard.type(typed, delay=20)
    page.keyboard.press("Enter")
    wait_for_app(page)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_keyboard_only_filter_region_profile_download(open_page):
    ds = load_dataset()
    first = ds.peilingen.row(0, named=True)  # niet de standaard (de laatste peiling)
    theme = ds.vocab.theme_codes[1]
    theme_label = ds.vocab.theme_labels[theme]
    options = profile.region_options(ds, first["peiling_id"])
    region = list(options)[-1]  # niet de eerste: die staat al gekozen
    region_name = options[region]

    page, watch = open_page("", 1280, 900)

    # 1. Peiling en thema in de zijbalk.
    choose(page, "Peiling", first["label"])
    assert query(page).get("peiling") == [first["peiling_id"]], page.url
    choose(page, "Thema", theme_label)
    assert query(page).get("thema") == [theme], page.url

    # 2. Naar het regioprofiel via de navigatie.
    tab_to(page, lambda f: f.get("tag") == "A" and f.get("href", "").rstrip("/").endswith("/regio"),
           "de link ‘Regioprofiel’")
    page.keyboard.press("Enter")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "Regioprofiel"

    # 3. Een regio kiezen: het profiel van die regio opent.
    choose(page, "Kies een jeugdregio", region_name)
    assert query(page).get("regio") == [region], page.url
    assert page.get_by_role("heading", name=f"{region_name} ({region})").count() == 1
    assert page.get_by_text(f"peiling: {first['label']}").count() >= 1, "de gekozen peiling geldt niet op het profiel"

    # 4. De data downloaden (CSV-knop).
    tab_to(page, lambda f: f.get("tag") == "BUTTON" and "Download CSV" in f.get("text", ""), "de knop ‘Download CSV’")
    with page.expect_download(timeout=30_000) as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    assert region in download.suggested_filename and first["peiling_id"] in download.suggested_filename
    content = open(download.path(), encoding="utf-8-sig").read()
    assert f"({region})" in content and len(content.splitlines()) > 5
    screenshot(page, "keyboard_regio")
    assert watch.page_errors == []
