"""AppTest van de kaartpagina: filters (thema, peiling), regio kiezen, gemeente zoeken, link en foutpad.

Een klik op de kaart zelf kan AppTest niet nabootsen; die staat in tests/test_browser_kaart.py.
"""

from __future__ import annotations

import json

import polars as pl
import pytest

from apptest_support import all_text, run_app
from lib import colors, geodata, maps, schema
from lib.loaders import load_dataset

PAGE = "pages/kaart.py"


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def _deck(at) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def _fills(at) -> dict[str, list[int]]:
    layer = next(lay for lay in _deck(at)["layers"] if lay["id"] == maps.REGION_LAYER_ID)
    return {f["properties"]["regio_code"]: f["properties"]["fill"] for f in layer["data"]["features"]}


def test_page_renders_map_legend_marker_and_attribution():
    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == "Kaart van de jeugdregio's"
    text = all_text(at)
    assert schema.ILLUSTRATIVE_MARKER in text
    assert "Kaartgrenzen: CBS / Kadaster (CBS Gebiedsindelingen 2024, via PDOK)" in text
    assert "Geen regio gekozen" in text
    assert at.radio(key=maps.KEY_METRIC).value == "voortgang"  # zonder thema: gemiddelde voortgang
    spec = _deck(at)
    assert "mapProvider" not in spec and spec["mapStyle"] == "__MAP_STYLE__"
    assert len(_fills(at)) == 42
    assert "regio" not in at.query_params


def test_theme_and_peiling_from_the_global_filters(ds):
    at = run_app(PAGE, state={"thema": "T02", "peiling": "P2024-11"})
    assert not at.exception
    # Met een thema in de zijbalk kleurt de kaart naar de status van dat thema.
    assert at.radio(key=maps.KEY_METRIC).value == "status"
    assert "Status T02" in all_text(at)
    want = ds.assessments.filter((pl.col("peiling_id") == "P2024-11") & (pl.col("thema_code").cast(pl.String) == "T02"))
    status = dict(zip(want["regio_code"], want["status"].cast(pl.String)))
    fills = _fills(at)
    for code, s in status.items():
        assert fills[code][:3] == colors.hex_to_rgb(colors.STATUS_COLORS[s]), code
    # Zonder thema in de zijbalk vraagt de statuskleuring een eigen themakeuze op de pagina.
    at = run_app(PAGE)
    at.radio(key=maps.KEY_METRIC).set_value("status").run()
    assert not at.exception
    at.selectbox(key=maps.KEY_THEME).set_value("T05").run()
    assert not at.exception and "Status T05" in all_text(at)
    # De andere kleuringen werken ook.
    for metric in ("verandering", "behoeften", "voortgang"):
        at.radio(key=maps.KEY_METRIC).set_value(metric).run()
        assert not at.exception, metric
        assert len(_fills(at)) == 42


def test_first_peiling_has_no_change(ds):
    at = run_app(PAGE, state={"peiling": ds.peiling_ids[0]})
    at.radio(key=maps.KEY_METRIC).set_value("verandering").run()
    assert not at.exception
    onbekend = colors.hex_to_rgb(colors.STATUS_COLORS["onbekend"])
    assert all(f[:3] == onbekend for f in _fills(at).values())


def test_select_region_with_selectbox_shows_panel_and_link():
    at = run_app(PAGE)
    key_before = at.get("deck_gl_json_chart")[0].proto.id
    at.selectbox(key=maps.KEY_REGION).set_value("JZ13").run()
    assert not at.exception
    text = all_text(at)
    assert "#### Amsterdam-Amstelland" in text and "JZ13 · Noord-Holland · 6 gemeenten" in text
    assert at.query_params["regio"] in ("JZ13", ["JZ13"])
    # Gemarkeerd op de kaart: een selectielaag met alleen die regio, de rest gedimd.
    layers = {lay["id"]: lay for lay in _deck(at)["layers"]}
    assert [f["id"] for f in layers[maps.SELECTION_LAYER_ID]["data"]["features"]] == ["JZ13"]
    assert _fills(at)["JZ13"][3] == 255 and _fills(at)["JZ01"][3] == maps.DIMMED_ALPHA
    # Een keuze buiten de kaart om geeft de kaart een nieuwe sleutel (geen oude klik-selectie).
    assert at.get("deck_gl_json_chart")[0].proto.id != key_before
    links = at.get("page_link")
    assert links and links[0].proto.page == "regio" and links[0].proto.query_string == "regio=JZ13"
    assert "regioprofiel" in links[0].proto.label.lower()
    # Wissen
    at.button(key="kaart_wis").click().run()
    assert not at.exception and "Geen regio gekozen" in all_text(at)
    assert at.selectbox(key=maps.KEY_REGION).value is None


def test_gemeente_search_selects_its_region():
    at = run_app(PAGE)
    at.selectbox(key=maps.KEY_GEMEENTE).set_value("GM0518").run()  # 's-Gravenhage
    assert not at.exception
    assert at.selectbox(key=maps.KEY_REGION).value == "JZ24"
    assert "#### Haaglanden" in all_text(at)
    # Daarna een andere regio in de keuzelijst: het gemeenteveld wordt leeg.
    at.selectbox(key=maps.KEY_REGION).set_value("JZ01").run()
    assert at.selectbox(key=maps.KEY_GEMEENTE).value is None
    assert "#### Groningen" in all_text(at)


def test_deep_link_selects_region_and_bad_link_is_ignored():
    at = run_app(PAGE, query={"regio": "JZ41"})
    assert not at.exception
    assert at.selectbox(key=maps.KEY_REGION).value == "JZ41" and "#### Zuid-Limburg" in all_text(at)
    at = run_app(PAGE, query={"regio": "JZ40"})
    assert not at.exception and "Geen regio gekozen" in all_text(at)


def test_province_filter_greys_out_other_regions():
    at = run_app(PAGE, state={"provincie": "PV29"})  # Zeeland: één regio
    assert not at.exception
    fills = _fills(at)
    outside = colors.hex_to_rgb(maps.OUT_OF_FILTER_COLOR)
    assert fills["JZ38"][:3] != outside
    assert sum(f[:3] == outside for f in fills.values()) == 41


def test_missing_geo_file_is_explained_not_a_traceback(monkeypatch):
    monkeypatch.setattr(geodata, "REGIONS_FILE", "ontbreekt_{year}.geojson")
    at = run_app(PAGE)
    assert not at.exception
    assert any("kaartgrenzen ontbreken" in e.value for e in at.error)
    assert not at.get("deck_gl_json_chart")
