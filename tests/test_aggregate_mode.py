"""Geaggregeerde modus: op geen enkele pagina en in geen enkele download staat een regio of gemeente.

Elke pagina die in deze modus bereikbaar is wordt gerenderd (AppTest, modus afgedwongen via de
omgeving); alle tekst, tabellen, grafiekspecificaties, keuzelijsten, URL-parameters en de inhoud van
alle downloads worden doorzocht op elke regionaam, regiocode, gemeentenaam en gemeentecode.

Eén uitzondering, bewust: 'Utrecht' is ook de naam van een provincie met genoeg regio's (≥ k) om als
provincie getoond te mogen worden; het woord wordt daarom niet als gemeentenaam gezocht.
"""

from __future__ import annotations

import html

import re

import polars as pl
import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from apptest_support import all_nodes, run_app
from lib import privacy
from lib.loaders import load_dataset
from lib.navigation import PAGES, visible_pages

ALSO_PROVINCE = {"Utrecht"}


@pytest.fixture(scope="module")
def forbidden() -> re.Pattern:
    ds = load_dataset()
    names = set(ds.regions["regio_naam"]) | set(ds.membership["gemeente_naam"])
    names -= ALSO_PROVINCE
    codes = set(ds.regions["regio_code"]) | set(ds.membership["gemeente_code"])
    words = sorted(names | codes, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


@pytest.fixture()
def aggregate_env(monkeypatch):
    monkeypatch.setenv(privacy.ENV_FORCED, "1")


@pytest.fixture()
def captured_downloads(monkeypatch):
    """Vang de bytes van elke download_button op (AppTest bewaart mediabestanden niet na de run)."""
    captured: list[bytes] = []
    original = DeltaGenerator.download_button

    def spy(self, label, data, *args, **kwargs):
        payload = data() if callable(data) else data
        captured.append(payload.encode("utf-8") if isinstance(payload, str) else bytes(payload))
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", spy)
    monkeypatch.setattr(st, "download_button", lambda *a, **k: spy(st._main, *a, **k))
    return captured


def page_text(at) -> str:
    """Alle tekst die een gebruiker kan zien of downloaden, als één string."""
    nodes = all_nodes(at)
    parts = []
    for n in nodes:
        kind = type(n).__name__
        if kind == "Dataframe":
            parts.append(n.value.to_csv())
        elif kind == "Html":
            parts.append(html.unescape(n.proto.body))  # leestabellen (lib/html_table): tekst zoals gelezen
        elif hasattr(n, "proto"):
            parts.append(str(n.proto))
        for attr in ("value", "label", "options", "help", "placeholder"):
            v = getattr(n, attr, None)
            if isinstance(v, (str, list, tuple)):
                parts.append(str(v))
    parts.append(str(dict(at.query_params)))
    return "\n".join(parts)


def _hits(pattern: re.Pattern, text: str) -> list[str]:
    return sorted({m.group(1) for m in pattern.finditer(text)})


def test_only_aggregate_safe_pages_are_registered():
    names = {p.url_path for p in visible_pages(False, aggregate=True)}
    assert {"regio", "vergelijken", "kaart", "heatmap", "context", "importeren"}.isdisjoint(names)
    assert "start" in names and "presentatie" in names


def open_lazy_expanders(at) -> AppTest:
    """Open elk lui uitklapvak (met sleutel) en draai opnieuw: de inhoud wordt pas dan gemaakt."""
    keys = [k for k in (getattr(e, "key", None) for e in at.expander) if k]
    for k in keys:
        at.session_state[k] = True
    if keys:
        at.run()
    return at


@pytest.mark.parametrize("spec", [p for p in PAGES if p.aggregate_safe], ids=lambda p: p.url_path)
def test_page_shows_no_region_or_gemeente(spec, aggregate_env, captured_downloads, forbidden):
    at = run_app(None if spec == PAGES[0] else spec.path)
    assert not at.exception
    opened = len(at.dataframe)
    open_lazy_expanders(at)  # ook de tabelalternatieven doorzoeken
    assert not at.exception
    if spec.url_path in ("start", "behoeften"):
        assert len(at.dataframe) > opened  # de tabelalternatieven zijn echt geopend en doorzocht
    text = page_text(at)
    assert len(text) > 200
    assert _hits(forbidden, text) == [], f"herkenbare namen/codes op {spec.url_path}"
    for data in captured_downloads:
        content = data.decode("utf-8-sig", errors="replace")
        assert _hits(forbidden, content) == [], f"herkenbare namen/codes in een download op {spec.url_path}"


def test_region_pages_unreachable_in_aggregate_mode(aggregate_env):
    at = run_app()
    with pytest.raises(ValueError):
        at.switch_page("pages/regio.py")


def test_presentation_slides_in_aggregate_mode(aggregate_env, forbidden):
    at = run_app(None, query={"presentatie": "1"})
    assert not at.exception
    seen = []
    for _ in range(8):
        seen.append(at.title[0].value)
        assert _hits(forbidden, page_text(at)) == []
        if at.button(key="dia_volgende").disabled:
            break
        at.button(key="dia_volgende").click().run()
        assert not at.exception
    assert "Eén regio in beeld" not in seen and "Alle regio's, alle thema's" not in seen
    assert len(seen) >= 3


def test_suppressed_counts_on_start_page(aggregate_env):
    at = run_app(state={"start_tabel": True})
    tables = [df.value for df in at.dataframe]
    assert tables, "de tabel bij de grafiek ontbreekt"
    flat = pl.from_pandas(tables[0]).select(pl.all().cast(pl.String)).to_numpy().ravel().tolist()
    for cell in flat[1:]:
        assert cell == "< 5" or not cell.isdigit() or int(cell) == 0 or int(cell) >= 5
