"""De afdrukbare startfoto: tekst wordt ge-escaped, het past op A4 en het ziet er goed uit (PNG)."""

from __future__ import annotations

import re

import polars as pl
import pytest

from conftest import OUTPUT_DIR
from lib import onepager, schema
from lib.loaders import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_onepager_contains_region_marker_and_all_themes(ds):
    html = onepager.region_onepager_html(ds, "JZ38", ds.latest_peiling)
    assert "Zeeland" in html and "(JZ38)" in html
    assert schema.ILLUSTRATIVE_MARKER in html
    for label in ds.vocab.theme_labels.values():
        assert label.replace("&", "&amp;") in html
    assert "<script" not in html.lower()
    assert "@page" in html and "A4" in html


def test_onepager_escapes_text_from_data(ds):
    hostile = "<img src=x onerror=alert(1)>"
    a = ds.assessments.with_columns(
        pl.when(pl.col("regio_code") == "JZ38").then(pl.lit(hostile)).otherwise(pl.col("zwakke_punten"))
        .alias("zwakke_punten")
    )
    from dataclasses import replace

    html = onepager.region_onepager_html(replace(ds, assessments=a), "JZ38", ds.latest_peiling)
    assert hostile not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.browser
def test_onepager_renders_on_one_a4_page(browser, ds):
    html = onepager.region_onepager_html(ds, "JZ39", ds.latest_peiling)  # de regio met de meeste gemeenten
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 bij 96 dpi
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_content(html)
    OUTPUT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / "onepager_JZ39.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"de startfoto beslaat {pages} A4-pagina's"
    assert [u for u in requests if not u.startswith(("about:", "data:"))] == []
