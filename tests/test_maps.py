"""Unittests voor de kaart: waarden per regio (lib/map_values.py) en de pydeck-bouwers (lib/maps.py)."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import colors, maps, schema
from lib import map_values as mv
from lib.loaders import load_dataset
from lib.transforms import Filters

VOCAB = schema.vocabulary()
REGIONS = ["JZ01", "JZ02", "JZ03"]


def _assessments(rows: list[tuple[str, str, str, str]]) -> pl.DataFrame:
    df = pl.DataFrame(rows, schema=["peiling_id", "regio_code", "thema_code", "status"], orient="row")
    return df.with_columns(pl.col("status").cast(schema.StatusEnum)).with_columns(
        schema.status_value_expr("status").alias("status_waarde"))


def _expected(rows: list[tuple], in_filter: list[bool] | None = None) -> pl.DataFrame:
    df = pl.DataFrame(rows, schema={"regio_code": pl.String, "waarde": pl.Float64, "klasse": pl.String,
                                    "tekst": pl.String}, orient="row")
    return df.with_columns(pl.Series("in_filter", in_filter or [True] * len(rows), dtype=pl.Boolean))


A = _assessments([
    ("P1", "JZ01", "T01", "1"), ("P1", "JZ01", "T02", "onbekend"), ("P1", "JZ02", "T01", "3"),
    ("P1", "JZ02", "T02", "2"),
    ("P2", "JZ01", "T01", "2"), ("P2", "JZ01", "T02", "4"), ("P2", "JZ02", "T01", "3"),
    ("P2", "JZ02", "T02", "1"), ("P2", "JZ03", "T01", "onbekend"), ("P2", "JZ03", "T02", "nvt"),
])


# ---------------------------------------------------------------------------------------------------
# Waarden per regio
# ---------------------------------------------------------------------------------------------------
def test_status_values_one_row_per_region_unknown_is_not_zero():
    out = mv.status_values(A, REGIONS, "P2", "T02", VOCAB)
    assert_frame_equal(out, _expected([
        ("JZ01", 4.0, "4", "Gerealiseerd"),
        ("JZ02", 1.0, "1", "Oriënterend"),
        ("JZ03", None, "nvt", "Niet van toepassing"),
    ]))
    # Een regio zonder beoordeling is onbekend (geen 0) en staat er toch in.
    out = mv.status_values(A, [*REGIONS, "JZ04"], "P1", "T01", VOCAB, in_filter=["JZ01", "JZ02"])
    assert_frame_equal(out, _expected([
        ("JZ01", 1.0, "1", "Oriënterend"),
        ("JZ02", 3.0, "3", "In uitvoering"),
        ("JZ03", None, "onbekend", "Onbekend"),
        ("JZ04", None, "onbekend", "Onbekend"),
    ], in_filter=[True, True, False, False]))


def test_progress_values_average_only_known_statuses():
    out = mv.progress_values(A, REGIONS, "P1")
    assert_frame_equal(out, _expected([
        ("JZ01", 1.0, "waarde", "1,0 van 4 (1 van 2 thema's bekend)"),  # onbekend telt niet als 0
        ("JZ02", 2.5, "waarde", "2,5 van 4 (2 van 2 thema's bekend)"),
        ("JZ03", None, "onbekend", "Onbekend (geen beoordelingen)"),
    ]))
    out = mv.progress_values(A, REGIONS, "P2")
    assert out.filter(pl.col("regio_code") == "JZ03")["klasse"].item() == "onbekend"
    assert out.filter(pl.col("regio_code") == "JZ03")["waarde"].item() is None


def test_change_values_paired_over_known_themes():
    out = mv.change_values(A, REGIONS, "P2", "P1", None, VOCAB)
    assert_frame_equal(out, _expected([
        # JZ01: alleen T01 is in beide peilingen bekend (1 → 2); T02 (onbekend → 4) telt niet mee.
        ("JZ01", 1.0, "verbeterd", "+1,00 gemiddeld over 1 thema's (verbeterd)"),
        ("JZ02", -0.5, "verslechterd", "-0,50 gemiddeld over 2 thema's (verslechterd)"),
        ("JZ03", None, "onbekend", "Onbekend (niet in beide peilingen beoordeeld)"),
    ]))
    one = mv.change_values(A, REGIONS, "P2", "P1", "T01", VOCAB)
    assert one.filter(pl.col("regio_code") == "JZ02").row(0)[1:4] == (0.0, "gelijk", "In uitvoering → In uitvoering (gelijk)")
    first = mv.change_values(A, REGIONS, "P1", None, None, VOCAB)
    assert set(first["klasse"]) == {"onbekend"} and first["tekst"][0] == "Onbekend (dit is de eerste peiling)"


def test_needs_values_zero_only_for_regions_that_took_part():
    needs = pl.DataFrame({"peiling_id": ["P2"] * 7, "regio_code": ["JZ01"] * 6 + ["JZ02"],
                          "thema_code": ["T01"] * 5 + ["T02", "T02"]})
    out = mv.needs_values(needs, A, [*REGIONS, "JZ04"], "P2")
    assert_frame_equal(out, _expected([
        ("JZ01", 6.0, "5+", "6 ondersteuningsbehoeften"),
        ("JZ02", 1.0, "1", "1 ondersteuningsbehoefte"),
        ("JZ03", 0.0, "0", "0 ondersteuningsbehoeften"),  # wel beoordeeld, geen behoefte: echt 0
        ("JZ04", None, "onbekend", "Onbekend (regio niet in deze peiling)"),
    ]))
    by_theme = mv.needs_values(needs, A, REGIONS, "P2", thema="T02")
    assert by_theme["waarde"].to_list() == [1.0, 1.0, 0.0]


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_region_values_applies_filters_and_defaults(ds):
    f = Filters(peiling=ds.latest_peiling, provincie="PV27", statussen=("3", "4"))
    out = mv.region_values(ds, f, mv.METRIC_STATUS, "T02")
    assert out.height == 42 and out["regio_code"].is_unique
    inside = out.filter(pl.col("in_filter"))
    assert inside.height > 0 and set(inside["klasse"]) <= {"3", "4"}
    nh = set(ds.regions_for(f.peiling).filter(pl.col("provincie_code") == "PV27")["regio_code"])
    assert set(inside["regio_code"]) <= nh
    with pytest.raises(ValueError, match="thema"):
        mv.region_values(ds, f, mv.METRIC_STATUS)
    for metric in mv.METRICS[1:]:
        assert mv.region_values(ds, Filters(peiling=ds.latest_peiling), metric).height == 42
    assert mv.default_metric(Filters(peiling="x", thema="T03")) == mv.METRIC_STATUS
    assert mv.default_metric(Filters(peiling="x")) == mv.METRIC_PROGRESS


def test_gemeente_options_sorted_with_aliases(ds):
    opts = mv.gemeente_options(ds, ds.latest_peiling)
    assert opts.height == 342
    labels = dict(zip(opts["gemeente_code"], opts["label"]))
    assert labels["GM0518"] == "'s-Gravenhage (Den Haag)"
    assert labels["GM0796"] == "'s-Hertogenbosch (Den Bosch)"
    order = opts["label"].to_list()
    # 's-Gravenhage staat bij de G, niet bovenaan.
    assert order.index("'s-Gravenhage (Den Haag)") > order.index("Goes")
    assert dict(zip(opts["gemeente_code"], opts["regio_code"]))["GM0518"] == "JZ24"


def test_region_summary(ds):
    s = mv.region_summary(ds, ds.latest_peiling, "JZ15")
    assert s["regio_naam"] == "Haarlemmermeer" and s["aantal_gemeenten"] == 1 and s["gemeenten"] == ["Haarlemmermeer"]
    assert s["bekend"] + s["onbekend"] == s["themas"] == 14
    with pytest.raises(KeyError):
        mv.region_summary(ds, ds.latest_peiling, "JZ40")


# ---------------------------------------------------------------------------------------------------
# Kleuren en legenda
# ---------------------------------------------------------------------------------------------------
def test_colour_per_status_and_unknown_is_distinct():
    for code in schema.STATUS_CODES:
        assert maps.fill_color(mv.METRIC_STATUS, code, None) == colors.STATUS_COLORS[code]
    levels = {colors.STATUS_COLORS[str(i)] for i in schema.STATUS_LEVELS}
    unknown = maps.fill_color(mv.METRIC_STATUS, "onbekend", None)
    assert unknown not in levels
    # Ook in de doorlopende en de aantallenschaal is onbekend nooit de laagste kleur.
    assert maps.fill_color(mv.METRIC_PROGRESS, "onbekend", None) == unknown
    assert maps.fill_color(mv.METRIC_PROGRESS, "waarde", 0.0) == colors.STATUS_COLORS["0"] != unknown
    assert maps.fill_color(mv.METRIC_NEEDS, "onbekend", None) == unknown
    assert maps.fill_color(mv.METRIC_NEEDS, "0", 0.0) == colors.STATUS_COLORS["0"]
    assert maps.fill_color(mv.METRIC_NEEDS, "5+", 7.0) == colors.STATUS_COLORS["4"]
    assert maps.fill_color(mv.METRIC_PROGRESS, "waarde", 2.0) == colors.STATUS_COLORS["2"]
    for code in colors.CHANGE_CODES:
        assert maps.fill_color(mv.METRIC_CHANGE, code, None) == colors.CHANGE_COLORS[code]
    assert maps.fill_color(mv.METRIC_STATUS, mv.OUT_OF_FILTER, None) == maps.OUT_OF_FILTER_COLOR
    with pytest.raises(ValueError):
        maps.fill_color("iets", "0", None)


def test_legend_labels_are_dutch_and_complete():
    lg = maps.legend(mv.METRIC_STATUS, VOCAB)
    labels = [label for label, _ in lg.items]
    assert labels == ["Gerealiseerd", "In uitvoering", "In voorbereiding", "Oriënterend", "Niet gestart", "Onbekend"]
    assert dict(lg.items)["Onbekend"] == colors.STATUS_COLORS["onbekend"]
    vals = _expected([("JZ01", None, "nvt", "x"), ("JZ02", 1.0, "1", "y")], in_filter=[True, False])
    labels = [label for label, _ in maps.legend(mv.METRIC_STATUS, VOCAB, vals).items]
    assert labels[-2:] == ["Niet van toepassing", "Buiten het filter"]
    prog = maps.legend(mv.METRIC_PROGRESS, VOCAB)
    assert [g for g, _ in prog.gradient] == ["4 Gerealiseerd", "3 Uitvoering", "2 Voorbereiding", "1 Oriënterend",
                                             "0 Niet gestart"]
    assert [label for label, _ in prog.items] == ["Onbekend"] and "onbekend telt niet mee" in prog.note
    change = maps.legend(mv.METRIC_CHANGE, VOCAB)
    assert [label for label, _ in change.items] == ["Verbeterd", "Gelijk", "Verslechterd", "Onbekend"]
    needs = maps.legend(mv.METRIC_NEEDS, VOCAB)
    assert [label for label, _ in needs.items] == ["5 of meer", "4", "3", "2", "1", "0", "Onbekend"]


def test_legend_svg_is_wellformed_and_escapes_labels():
    lg = maps.Legend(title="Status <T02>", items=(("<script>alert(1)</script>", "#8c8c8c"), ("Gelijk & zo", "#e0e0e0")))
    svg = maps.legend_svg(lg)
    root = ET.fromstring(svg)  # geldige XML
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith("Legenda Status <T02>: <script>")
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["Status <T02>", "<script>alert(1)</script>", "Gelijk & zo"]
    assert "<script>" not in svg
    rects = [r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert rects == ["#8c8c8c", "#e0e0e0"]
    prog = maps.legend(mv.METRIC_PROGRESS, VOCAB)
    assert maps.legend_text(prog) == ("Legenda: doorlopende schaal van 0 Niet gestart (licht) tot 4 Gerealiseerd "
                                      "(donker); Onbekend")
    grad = maps.legend_svg(prog)
    assert "linearGradient" in grad and ET.fromstring(grad) is not None


# ---------------------------------------------------------------------------------------------------
# De deck
# ---------------------------------------------------------------------------------------------------
def _square(x: float, y: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.5, y], [x + 0.5, y + 0.5], [x, y + 0.5], [x, y]]]}


GEOJSON = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": c, "properties": {"regio_code": c, "regio_naam": f"Regio {c}", "aantal_gemeenten": i + 1},
     "geometry": _square(4 + i, 52)} for i, c in enumerate(REGIONS)
]}
VALUES = _expected([("JZ01", 4.0, "4", "Gerealiseerd"), ("JZ02", None, "onbekend", "Onbekend"),
                    ("JZ03", 0.0, "0", "Niet gestart")], in_filter=[True, True, False])


def _layers(deck) -> dict:
    spec = json.loads(maps.deck_json(deck))
    return spec, {layer["id"]: layer for layer in spec["layers"]}


def test_deck_has_no_basemap_and_no_external_urls():
    deck = maps.choropleth_deck(GEOJSON, VALUES, mv.METRIC_STATUS, kleuring="Status T02")
    text = maps.deck_json(deck)
    spec, _ = _layers(deck)
    assert deck.map_provider is None
    assert "mapProvider" not in spec
    # pydeck's plaatshouder, die Streamlit weglaat; géén None (dan kiest Streamlit Carto) en geen URL.
    assert spec.get("mapStyle") == "__MAP_STYLE__"
    assert "http" not in text and "carto" not in text.lower() and "mapbox" not in text.lower()
    assert "\n" not in text  # compacte JSON: dit gaat bij elke rerun naar de browser


def test_deck_colours_tooltip_and_literal_props():
    deck = maps.choropleth_deck(GEOJSON, VALUES, mv.METRIC_STATUS, kleuring="Status T02")
    spec, layers = _layers(deck)
    layer = layers[maps.REGION_LAYER_ID]
    assert layer["pickable"] is True and layer["lineWidthUnits"] == "pixels"  # letterlijk, geen '@@=pixels'
    assert layer["getFillColor"] == "@@=properties.fill"
    props = {f["properties"]["regio_code"]: f["properties"] for f in layer["data"]["features"]}
    assert props["JZ01"]["fill"] == maps.rgba(colors.STATUS_COLORS["4"], maps.FILL_ALPHA)
    assert props["JZ02"]["fill"] == maps.rgba(colors.STATUS_COLORS["onbekend"], maps.FILL_ALPHA)
    assert props["JZ03"]["fill"][:3] == colors.hex_to_rgb(maps.OUT_OF_FILTER_COLOR)  # buiten het filter
    assert props["JZ03"]["tekst"].endswith("(buiten het filter)")
    assert props["JZ02"]["gemeenten_tekst"] == "2 gemeenten" and props["JZ01"]["gemeenten_tekst"] == "1 gemeente"
    assert maps.SELECTION_LAYER_ID not in layers and maps.BORDER_LAYER_ID not in layers
    # De tooltip toont naam, code, waarde en het aantal gemeenten (allemaal uit properties).
    tooltip = deck._tooltip["html"]
    for field in ("{regio_naam}", "{regio_code}", "{tekst}", "{gemeenten_tekst}", "{kleuring}"):
        assert field in tooltip
    # De gedeelde GeoJSON is niet aangepast.
    assert "fill" not in GEOJSON["features"][0]["properties"]


def test_selected_region_is_highlighted_and_others_dimmed():
    borders = {"type": "FeatureCollection", "features": []}
    deck = maps.choropleth_deck(GEOJSON, VALUES, mv.METRIC_STATUS, kleuring="x", selected="JZ02", borders=borders)
    _, layers = _layers(deck)
    sel = layers[maps.SELECTION_LAYER_ID]
    assert [f["properties"]["regio_code"] for f in sel["data"]["features"]] == ["JZ02"]
    assert sel["getLineColor"] == maps.rgba(colors.HIGHLIGHT) and sel["pickable"] is False
    alphas = {f["properties"]["regio_code"]: f["properties"]["fill"][3] for f in layers[maps.REGION_LAYER_ID]["data"]["features"]}
    assert alphas == {"JZ01": maps.DIMMED_ALPHA, "JZ02": 255, "JZ03": maps.DIMMED_ALPHA}
    assert layers[maps.BORDER_LAYER_ID]["pickable"] is False


def test_initial_view_fits_the_netherlands():
    for w, h in [(360, 470), (800, 470), (300, 300)]:
        view = maps.fit_view(maps.NL_BOUNDS, w, h)
        scale = 512 * 2 ** view.zoom
        merc = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
        west, south, east, north = maps.NL_BOUNDS
        width_px = (east - west) / 360 * scale
        height_px = (merc(north) - merc(south)) / (2 * math.pi) * scale
        assert width_px <= w and height_px <= h
        assert width_px >= 0.85 * (w - 24) or height_px >= 0.85 * (h - 24)  # niet onnodig klein
        assert west < view.longitude < east and south < view.latitude < north


# ---------------------------------------------------------------------------------------------------
# Selectie en paginatoestand
# ---------------------------------------------------------------------------------------------------
def _event(code: str | None, index: int = 0) -> dict:
    if code is None:
        return {"selection": {"indices": {}, "objects": {}}}
    return {"selection": {"indices": {maps.REGION_LAYER_ID: [index]},
                          "objects": {maps.REGION_LAYER_ID: [{"properties": {"regio_code": code}}]}}}


def test_selected_region_from_event():
    assert maps.selected_region(_event("JZ02")) == "JZ02"
    assert maps.selected_region(_event(None)) is None
    assert maps.selected_region(None) is None
    only_index = {"selection": {"indices": {maps.REGION_LAYER_ID: [2]}, "objects": {}}}
    assert maps.selected_region(only_index, GEOJSON) == "JZ03"
    other_layer = {"selection": {"indices": {"iets": [0]}, "objects": {"iets": [{"properties": {"regio_code": "JZ01"}}]}}}
    assert maps.selected_region(other_layer) is None


def test_sync_selection_click_url_and_selectbox():
    valid = set(REGIONS)
    state: dict = {}
    # Gedeelde link ?regio=jz02 → gekozen.
    assert maps.sync_selection(state, GEOJSON, valid, "jz02") == "JZ02"
    assert state[maps.KEY_REGION] == "JZ02"
    key = maps.map_widget_key(state)
    # Klik op JZ03 wint, ook al staat de oude link nog in de URL.
    state[key] = _event("JZ03", 2)
    state[maps.KEY_GEMEENTE] = "GM0014"
    assert maps.sync_selection(state, GEOJSON, valid, "JZ02") == "JZ03"
    assert state[maps.KEY_GEMEENTE] is None
    # Zelfde klik bij een volgende rerun: niets verandert.
    assert maps.sync_selection(state, GEOJSON, valid, "JZ03") == "JZ03"
    # Keuze via de selectbox: nieuwe kaartsleutel (oude klik vervalt) en die regio.
    maps.choose_region(state, "JZ01")
    assert maps.map_widget_key(state) != key
    assert maps.sync_selection(state, GEOJSON, valid, "JZ03") == "JZ01"
    # Een klik die de selectie opheft laat de keuze staan; de wisknop wist.
    state[maps.map_widget_key(state)] = _event("JZ02", 1)
    assert maps.sync_selection(state, GEOJSON, valid, "JZ01") == "JZ02"
    state[maps.map_widget_key(state)] = _event(None)
    assert maps.sync_selection(state, GEOJSON, valid, "JZ02") == "JZ02"
    maps.choose_region(state, None)
    assert maps.sync_selection(state, GEOJSON, valid, None) is None
    # Een onbekende code in de link wordt genegeerd.
    assert maps.sync_selection(state, GEOJSON, valid, "JZ40") is None


def test_metric_default_follows_the_global_theme():
    state: dict = {}
    maps.sync_metric_default(state, None, mv.METRIC_PROGRESS, mv.METRIC_STATUS)
    assert state[maps.KEY_METRIC] == mv.METRIC_PROGRESS
    state[maps.KEY_METRIC] = mv.METRIC_NEEDS  # eigen keuze blijft staan ...
    maps.sync_metric_default(state, None, mv.METRIC_PROGRESS, mv.METRIC_STATUS)
    assert state[maps.KEY_METRIC] == mv.METRIC_NEEDS
    maps.sync_metric_default(state, "T04", mv.METRIC_STATUS, mv.METRIC_STATUS)  # ... tot er een thema wordt gekozen
    assert state[maps.KEY_METRIC] == mv.METRIC_STATUS
    state[maps.KEY_METRIC] = mv.METRIC_CHANGE
    maps.sync_metric_default(state, "T04", mv.METRIC_STATUS, mv.METRIC_STATUS)  # zelfde thema: niet terugzetten
    assert state[maps.KEY_METRIC] == mv.METRIC_CHANGE
