"""Browser: een gedeelde link opent het gefilterde beeld, filters blijven bij het wisselen van pagina,
een klik op een heatmapcel opent het detail. Screenshots van beide pagina's op 1280×800 in test-output/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_support import wait_for_app
from conftest import OUTPUT_DIR, real_console_errors
from lib import heatmap
from lib.loaders import load_dataset

pytestmark = pytest.mark.browser

SIDEBAR = '[data-testid="stSidebar"]'
PLOT = ".js-plotly-plot"


def screens(page, name: str, count: int = 4) -> None:
    """Schermvullende screenshots (1280×800) van boven naar beneden: Streamlit scrollt in een eigen
    container, dus een 'full page'-screenshot laat alleen het eerste scherm zien."""
    OUTPUT_DIR.mkdir(exist_ok=True)
    page.mouse.move(800, 400)
    page.mouse.wheel(0, -50_000)
    page.wait_for_timeout(300)
    for i in range(count):
        page.screenshot(path=str(OUTPUT_DIR / f"{name}_{i + 1}.png"))
        page.mouse.wheel(0, 720)
        page.wait_for_timeout(300)


def row_labels(page) -> list[str]:
    page.locator(f"{PLOT} .ytick text").first.wait_for(state="attached")
    labels = page.locator(f"{PLOT} .ytick text").all_text_contents()  # SVG-tekst: geen innerText
    return [t for t in labels if t and t != "Gemiddeld"]


def assert_clean(watch) -> None:
    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == [], f"verzoeken naar buiten: {watch.external_requests}"


def test_shared_link_opens_filtered_heatmap(open_page):
    page, watch = open_page("heatmap?peiling=P2025-06&provincie=PV27", 1280, 800)
    assert page.locator('[data-testid="stException"]').count() == 0
    sidebar = page.locator(SIDEBAR)
    expect(sidebar.get_by_role("combobox", name="Peiling")).to_have_value("Peiling juni 2025")
    expect(sidebar.get_by_role("combobox", name="Provincie")).to_have_value("Noord-Holland")
    expect(page.get_by_text("9 regio's.", exact=False)).to_be_visible()
    labels = row_labels(page)
    ds = load_dataset()
    nh = ds.regions.filter(ds.regions["provincie_code"] == "PV27")["regio_naam"].to_list()
    assert sorted(labels) == sorted(nh)
    assert "peiling=P2025-06" in page.url and "provincie=PV27" in page.url  # de link blijft de link
    screens(page, "links_heatmap_noord-holland", 2)
    assert_clean(watch)


def test_unknown_value_in_link_gives_notice(open_page):
    page, watch = open_page("behoeften?peiling=P1999-01&thema=T02", 1280, 800)
    expect(page.locator(SIDEBAR).get_by_text("bestaat niet")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.get_by_text("alleen bij thema T02", exact=False)).to_be_visible()
    assert "P1999-01" not in page.url and "thema=T02" in page.url
    assert_clean(watch)


def test_filters_follow_the_user_across_pages(open_page):
    page, watch = open_page("heatmap?provincie=PV27", 1280, 800)
    # een filter in de zijbalk wijzigen: de URL volgt
    # typen en Enter: de keuzelijst toont niet alle 15 opties tegelijk (gevirtualiseerd)
    page.locator(SIDEBAR).get_by_role("combobox", name="Thema").click()
    page.keyboard.type("T10 Verbinding")
    page.get_by_role("option", name="T10 Verbinding met onderwijs", exact=False).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"^(?=.*thema=T10)(?=.*provincie=PV27)"))
    # naar een andere pagina via de navigatie: filters blijven, ook in de URL
    page.locator(SIDEBAR).get_by_role("link", name="Ondersteuningsbehoeften").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Ondersteuningsbehoeften")
    expect(page.get_by_text("9 regio's in beeld,", exact=False)).to_be_visible()
    expect(page.get_by_text("alleen bij thema T10", exact=False)).to_be_visible()
    expect(page.locator(SIDEBAR).get_by_role("combobox", name="Provincie")).to_have_value("Noord-Holland")
    assert "provincie=PV27" in page.url and "thema=T10" in page.url
    assert_clean(watch)


def test_click_on_cell_opens_detail(open_page):
    page, watch = open_page("heatmap?provincie=PV26", 1280, 800)  # Utrecht: 5 regio's
    plot = page.locator(PLOT).first
    plot.scroll_into_view_if_needed()
    labels = row_labels(page)
    row, col = 2, 3
    xy = page.evaluate(
        """([row, col]) => {
            const gd = document.querySelector('.js-plotly-plot');
            const fl = gd._fullLayout, box = gd.getBoundingClientRect();
            return [box.left + fl.xaxis._offset + fl.xaxis.l2p(col), box.top + fl.yaxis._offset + fl.yaxis.l2p(row)];
        }""",
        [row, col],
    )
    page.mouse.move(*xy)
    page.wait_for_timeout(200)
    page.mouse.click(*xy)
    wait_for_app(page)
    expect(page.get_by_text("Status in alle peilingen")).to_be_visible(timeout=20_000)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("combobox", name="Regio", exact=True)).to_have_value(labels[row])
    ds = load_dataset()
    thema = heatmap.national_theme_order(ds, ds.latest_peiling)[col]
    expect(main.get_by_role("combobox", name="Thema", exact=True)).to_have_value(f"{thema} {ds.vocab.theme_labels[thema]}")
    screens(page, "links_heatmap_detail", 3)
    assert_clean(watch)


def test_screenshots_of_both_pages_full_country(open_page):
    page, watch = open_page("heatmap", 1280, 800)
    assert len(row_labels(page)) == 42
    # 42 rijen leesbaar: geen labels die elkaar overlappen, elke rij minstens 14 px
    boxes = [page.locator(f"{PLOT} .ytick text").nth(i).bounding_box() for i in range(43)]
    ys = sorted(b["y"] for b in boxes if b)
    assert min(b - a for a, b in zip(ys, ys[1:])) >= 14
    heights = [b["height"] for b in boxes if b]
    assert max(heights) < min(b - a for a, b in zip(ys, ys[1:])) + 2
    # themalabels niet afgesneden: binnen de grafiek
    plot_box = page.locator(PLOT).first.bounding_box()
    for i in range(page.locator(f"{PLOT} .xtick text").count()):
        b = page.locator(f"{PLOT} .xtick text").nth(i).bounding_box()
        assert b["y"] >= plot_box["y"] - 1 and b["x"] + b["width"] <= plot_box["x"] + plot_box["width"] + 1
    screens(page, "links_heatmap_42", 3)
    assert_clean(watch)

    page, watch = open_page("behoeften", 1280, 800)
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.get_by_text("Landelijk beeld uit de metarapportage")).to_be_visible()
    screens(page, "links_behoeften", 6)
    assert_clean(watch)
