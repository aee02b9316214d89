"""Pure pydeck-bouwers voor de kaart van de jeugdregio's. Geen st.* hier.

- Geen basiskaart en geen enkel verzoek naar buiten: `pdk.Deck(map_provider=None)` en géén map_style
  (map_style=None haalt in Streamlit nog steeds Carto-tegels op: zonder mapStyle in de JSON kiest de
  frontend zelf een Carto-stijl). De regio's zelf vormen de kaart.
- Eén kleurschaal (lib/colors.py), gedeeld met de heatmap: statusniveaus ordinaal, 'onbekend' grijs
  (nooit de laagste kleur), gemiddelde voortgang doorlopend, verandering blauw/oranje, aantallen in
  klassen op dezelfde schaal.
- De gedeelde GeoJSON uit lib/geodata.py wordt nooit gewijzigd: we maken nieuwe features en
  hergebruiken alleen de geometrie.
- Streamlit escapet de waarden in een html-tooltip zelf; de tooltipsjabloon bevat alleen vaste tekst.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from lib import colors, schema
from lib.i18n import change_label, t
from lib.map_values import (
    METRIC_CHANGE,
    METRIC_NEEDS,
    METRIC_PROGRESS,
    METRIC_STATUS,
    NEED_CLASSES,
    OUT_OF_FILTER,
    UNKNOWN,
)

REGION_LAYER_ID = "regios"
SELECTION_LAYER_ID = "selectie"
BORDER_LAYER_ID = "gemeentegrenzen"
#: Buitengrenzen van Nederland (lon/lat), van de CBS-lagen 2024.
NL_BOUNDS: tuple[float, float, float, float] = (3.358, 50.751, 7.218, 53.554)
MAP_HEIGHT = 470
#: Breedte waarvoor het startbeeld past (de kaartkolom is ~364 px bij 1280 px breed met zijbalk).
MAP_WIDTH_HINT = 360

#: pydeck maakt van elke gewone tekstwaarde een expressie ('@@=pixels'); pdk.types.String houdt hem letterlijk.
PIXELS = pdk.types.String("pixels")
FILL_ALPHA = 235
DIMMED_ALPHA = 102  # zoals Streamlit niet-geselecteerde objecten dimt: klik en selectbox zien er hetzelfde uit
OUT_OF_FILTER_COLOR = "#fafafa"
OUT_OF_FILTER_LINE = "#b0b0b0"
REGION_LINE = "#ffffff"
GEMEENTE_LINE = "#ffffff"
TOOLTIP_STYLE = {
    "backgroundColor": "#ffffff", "color": "#1a1a1a", "fontSize": "13px", "padding": "6px 8px",
    "border": "1px solid #c8c8c8", "borderRadius": "4px", "maxWidth": "320px",
}
# De tooltip van deck.gl staat in twee kaders met overflow: hidden (deck.gl en Streamlit); bij een regio
# aan de oostrand viel hij daardoor grotendeels weg. Deze CSS laat hem over de kolom ernaast vallen.
TOOLTIP_OVERFLOW_CSS = (
    "[data-testid='stDeckGlJsonChart'] div:has(.deck-tooltip) {overflow: visible !important;}"
    "[data-testid='stDeckGlJsonChart'] .deck-tooltip {z-index: 10 !important;}"
)
TOOLTIP_HTML = "<b>{regio_naam}</b> ({regio_code})<br/>{kleuring}: {tekst}<br/>{gemeenten_tekst}"


# --------------------------------------------------------------------------------------------
# Kleuren
# --------------------------------------------------------------------------------------------
def rgba(color: str, alpha: int = 255) -> list[int]:
    return [*colors.hex_to_rgb(color), int(alpha)]


def need_color(klasse: str) -> str:
    """Klassen 0 … '5+' op de doorlopende schaal; onbekend grijs."""
    if klasse not in NEED_CLASSES:
        return colors.STATUS_COLORS[UNKNOWN]
    return colors.interpolate(NEED_CLASSES.index(klasse), 0, len(NEED_CLASSES) - 1)


def fill_color(metric: str, klasse: str, waarde: float | None) -> str:
    """De vulkleur (hex) van één regio voor een kleuring."""
    if klasse == OUT_OF_FILTER:
        return OUT_OF_FILTER_COLOR
    if metric == METRIC_STATUS:
        return colors.STATUS_COLORS.get(klasse, colors.STATUS_COLORS[UNKNOWN])
    if metric == METRIC_PROGRESS:
        return colors.STATUS_COLORS[UNKNOWN] if klasse == UNKNOWN or waarde is None else colors.interpolate(waarde)
    if metric == METRIC_CHANGE:
        return colors.CHANGE_COLORS.get(klasse, colors.CHANGE_COLORS[UNKNOWN])
    if metric == METRIC_NEEDS:
        return need_color(klasse)
    raise ValueError(f"onbekende kleuring: {metric}")


# --------------------------------------------------------------------------------------------
# Legenda
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Legend:
    title: str
    items: tuple[tuple[str, str], ...]  # (label, hex), van boven naar beneden
    gradient: tuple[tuple[str, str], ...] = ()  # doorlopende schaal: (label, hex) van hoog naar laag
    note: str = ""


def legend(metric: str, vocab: schema.Vocabulary, values: pl.DataFrame | None = None,
           title: str | None = None) -> Legend:
    """Legenda met Nederlandse labels, afgeleid uit lib/colors.py. `values` (uit map_values) bepaalt of
    'n.v.t.' en 'buiten filter' nodig zijn."""
    klassen = set(values["klasse"].to_list()) if values is not None else set()
    outside = values is not None and not values["in_filter"].all()
    unknown = (vocab.status_labels.get(UNKNOWN, t("kaart.onbekend")), colors.STATUS_COLORS[UNKNOWN])
    items: list[tuple[str, str]] = []
    gradient: tuple[tuple[str, str], ...] = ()
    note = ""
    if metric == METRIC_STATUS:
        items = [(vocab.status_labels[str(i)], colors.STATUS_COLORS[str(i)]) for i in reversed(schema.STATUS_LEVELS)]
        items.append(unknown)
        if schema.STATUS_NA in klassen:
            items.append((vocab.status_labels[schema.STATUS_NA], colors.STATUS_COLORS[schema.STATUS_NA]))
    elif metric == METRIC_PROGRESS:
        gradient = tuple((f"{i} {vocab.status_short[str(i)]}", colors.STATUS_COLORS[str(i)])
                         for i in reversed(schema.STATUS_LEVELS))
        items = [unknown]
        note = t("kaart.legenda_voortgang")
    elif metric == METRIC_CHANGE:
        items = [(change_label(c), colors.CHANGE_COLORS[c]) for c in colors.CHANGE_CODES]
        note = t("kaart.legenda_verandering")
    elif metric == METRIC_NEEDS:
        items = [((t("kaart.vijf_of_meer") if c == "5+" else c), need_color(c)) for c in reversed(NEED_CLASSES)]
        items.append(unknown)
    else:
        raise ValueError(f"onbekende kleuring: {metric}")
    if outside:
        items.append((t("kaart.buiten_filter"), OUT_OF_FILTER_COLOR))
    return Legend(title=title or "", items=tuple(items), gradient=gradient, note=note)


def legend_text(lg: Legend) -> str:
    """De legenda als tekst: alt-tekst van de afbeelding (schermlezers) en beschrijving in de SVG."""
    parts = []
    if lg.gradient:
        parts.append(t("kaart.legenda_schaal", laag=lg.gradient[-1][0], hoog=lg.gradient[0][0]))
    parts += [label for label, _ in lg.items]
    return t("kaart.legenda") + (f" {lg.title}" if lg.title else "") + ": " + "; ".join(parts)


def legend_svg(lg: Legend, width: int = 260) -> str:
    """De legenda als zelfstandige SVG (voor st.image): geen HTML in de pagina, labels ge-escapet."""
    row, sw, font = 22, 16, "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    parts: list[str] = [f"<title>{html.escape(legend_text(lg))}</title>"]
    y = 4
    if lg.title:
        parts.append(f'<text x="0" y="{y + 13}" font-size="13" font-weight="600">{html.escape(lg.title)}</text>')
        y += 24
    if lg.gradient:
        n = len(lg.gradient)
        bar_h = row * (n - 1)
        stops = "".join(
            f'<stop offset="{i / (n - 1):.3f}" stop-color="{c}"/>' for i, (_, c) in enumerate(lg.gradient)
        )
        parts.append(f'<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">{stops}</linearGradient></defs>')
        parts.append(f'<rect x="0" y="{y + sw / 2}" width="{sw}" height="{bar_h}" fill="url(#g)" stroke="#bdbdbd" '
                     f'stroke-width="0.5"/>')
        for i, (label, _) in enumerate(lg.gradient):
            ty = y + sw / 2 + i * row
            parts.append(f'<line x1="{sw}" y1="{ty}" x2="{sw + 4}" y2="{ty}" stroke="#666"/>')
            parts.append(f'<text x="{sw + 8}" y="{ty + 4.5}" font-size="13">{html.escape(label)}</text>')
        y += bar_h + sw + 8
    for label, color in lg.items:
        parts.append(f'<rect x="0" y="{y}" width="{sw}" height="{sw}" rx="2" fill="{color}" stroke="#bdbdbd" '
                     f'stroke-width="0.5"/>')
        parts.append(f'<text x="{sw + 8}" y="{y + 12.5}" font-size="13">{html.escape(label)}</text>')
        y += row
    height = y + 2
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{font}" fill="#1a1a1a">{"".join(parts)}</svg>')


# --------------------------------------------------------------------------------------------
# Beeld
# --------------------------------------------------------------------------------------------
def merc_y(lat: float) -> float:
    """Web-mercator-y (in radialen) van een breedtegraad; ook gebruikt door lib/svgmap.py."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(bounds: tuple[float, float, float, float] = NL_BOUNDS, width: int = MAP_WIDTH_HINT,
             height: int = MAP_HEIGHT, padding: int = 12) -> pdk.ViewState:
    """Het startbeeld waarin `bounds` (lon/lat) precies past in width × height pixels (web-mercator)."""
    west, south, east, north = bounds
    w, h = max(width - 2 * padding, 1), max(height - 2 * padding, 1)
    zx = math.log2(w * 360 / (512 * (east - west)))
    zy = math.log2(h * 2 * math.pi / (512 * (merc_y(north) - merc_y(south))))
    mid = (merc_y(north) + merc_y(south)) / 2
    lat = math.degrees(2 * math.atan(math.exp(mid)) - math.pi / 2)
    return pdk.ViewState(longitude=(west + east) / 2, latitude=lat, zoom=round(min(zx, zy), 3),
                         min_zoom=5, max_zoom=11, pitch=0, bearing=0)


def _view() -> pdk.View:
    # Scrollen beweegt de pagina, niet de kaart; zoomen kan met dubbelklikken, knijpen of +/-.
    return pdk.View(type="MapView", controller={"scrollZoom": False, "dragRotate": False, "touchRotate": False,
                                                "keyboard": True, "doubleClickZoom": True})


class CompactDeck(pdk.Deck):
    """pdk.Deck met compacte JSON. st.pydeck_chart stuurt `to_json()` bij elke rerun naar de browser;
    pydeck zelf springt in met indent=2, wat de regiolaag ~6× groter maakt (elke coördinaat een regel)."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"),
                          ensure_ascii=False)


def _deck(layers: list[pdk.Layer], height: int, width_hint: int, tooltip) -> pdk.Deck:
    return CompactDeck(
        layers=layers,
        views=[_view()],
        initial_view_state=fit_view(NL_BOUNDS, width_hint, height),
        map_provider=None,
        # Geen map_style meegeven: pydeck schrijft dan zijn plaatshouder '__MAP_STYLE__', die Streamlit
        # weglaat zonder basiskaart te laden. map_style=None laat Streamlit juist Carto-tegels ophalen.
        tooltip=tooltip,
        height=height,
    )


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------
def _gemeenten_tekst(n) -> str:
    return t("kaart.gemeente_1" if n == 1 else "kaart.gemeenten_n", n=n)


def colored_features(geojson: dict, values: pl.DataFrame, metric: str, kleuring: str,
                     selected: str | None = None) -> dict:
    """Nieuwe FeatureCollection met per regio vulkleur, lijnkleur en tooltiptekst (geometrie gedeeld)."""
    by_code = {r["regio_code"]: r for r in values.iter_rows(named=True)}
    features = []
    for feat in geojson["features"]:
        p = feat["properties"]
        code = p["regio_code"]
        v = by_code.get(code, {"klasse": UNKNOWN, "waarde": None, "tekst": t("kaart.onbekend"), "in_filter": True})
        klasse = v["klasse"] if v["in_filter"] else OUT_OF_FILTER
        alpha = FILL_ALPHA if selected is None else (255 if code == selected else DIMMED_ALPHA)
        features.append({
            "type": "Feature",
            "id": code,
            "properties": {
                "regio_code": code,
                "regio_naam": p.get("regio_naam", code),
                "aantal_gemeenten": p.get("aantal_gemeenten"),
                "gemeenten_tekst": _gemeenten_tekst(p.get("aantal_gemeenten")),
                "kleuring": kleuring,
                "tekst": v["tekst"] if v["in_filter"] else t("kaart.tekst_buiten_filter", tekst=v["tekst"]),
                "klasse": klasse,
                "fill": rgba(fill_color(metric, klasse, v["waarde"]), alpha),
                "line": rgba(REGION_LINE if v["in_filter"] else OUT_OF_FILTER_LINE),
            },
            "geometry": feat["geometry"],
        })
    return {"type": "FeatureCollection", "features": features}


def _only(geojson: dict, codes: list[str] | set[str]) -> dict:
    codes = set(codes)
    return {"type": "FeatureCollection",
            "features": [f for f in geojson["features"] if f["properties"].get("regio_code") in codes]}


def _outline_layer(layer_id: str, data: dict, color: str, width_px: float) -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer", id=layer_id, data=data, filled=False, stroked=True, pickable=False,
        get_line_color=rgba(color), line_width_units=PIXELS, get_line_width=width_px, line_joint_rounded=True,
    )


def choropleth_deck(geojson: dict, values: pl.DataFrame, metric: str, *, kleuring: str,
                    selected: str | None = None, borders: dict | None = None, height: int = MAP_HEIGHT,
                    width_hint: int = MAP_WIDTH_HINT) -> pdk.Deck:
    """Choropleth van de regio's: `values` uit lib.map_values (regio_code, waarde, klasse, tekst, in_filter).

    `kleuring` is de Nederlandse naam van de kleuring (in de tooltip). `selected` krijgt een dikke rand en
    volle kleur, de rest wordt gedimd. `borders` (optioneel): de lijnenlaag met gemeentegrenzen."""
    data = colored_features(geojson, values, metric, kleuring, selected)
    layers = [
        pdk.Layer(
            "GeoJsonLayer", id=REGION_LAYER_ID, data=data, pickable=True, filled=True, stroked=True,
            get_fill_color="properties.fill", get_line_color="properties.line",
            line_width_units=PIXELS, get_line_width=1, auto_highlight=True,
            highlight_color=[255, 255, 255, 70],
        )
    ]
    if borders is not None:
        layers.append(pdk.Layer(
            "GeoJsonLayer", id=BORDER_LAYER_ID, data=borders, filled=False, stroked=True, pickable=False,
            get_line_color=rgba(GEMEENTE_LINE, 170), line_width_units=PIXELS, get_line_width=0.6,
        ))
    if selected:
        layers.append(_outline_layer(SELECTION_LAYER_ID, _only(geojson, [selected]), colors.HIGHLIGHT, 3))
    deck = _deck(layers, height, width_hint, {"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE})
    return deck


def deck_json(deck: pdk.Deck) -> str:
    """De JSON die naar de browser gaat (zoals st.pydeck_chart hem maakt)."""
    return deck.to_json()


# --------------------------------------------------------------------------------------------
# Selectie
# --------------------------------------------------------------------------------------------
def selected_region(event: Mapping | None, geojson: dict | None = None, layer_id: str = REGION_LAYER_ID) -> str | None:
    """De regiocode uit de selectiestatus van st.pydeck_chart ({'selection': {'indices', 'objects'}})."""
    if not event:
        return None
    sel = event.get("selection") if isinstance(event, Mapping) else None
    if not sel:
        return None
    objects = (sel.get("objects") or {}).get(layer_id) or []
    for obj in objects:
        props = (obj or {}).get("properties") or {}
        if props.get("regio_code"):
            return str(props["regio_code"])
    indices = (sel.get("indices") or {}).get(layer_id) or []
    if indices and geojson is not None and 0 <= indices[0] < len(geojson["features"]):
        return geojson["features"][indices[0]]["properties"]["regio_code"]
    return None


# --------------------------------------------------------------------------------------------
# Toestand van de kaartpagina (puur: werkt op elke MutableMapping, zodat tests geen Streamlit nodig hebben)
# --------------------------------------------------------------------------------------------
KEY_SELECTED = "kaart_selectie"  # de gekozen regio (geen widget: blijft bewaard bij het wisselen van pagina)
KEY_REGION = "kaart_regio"  # selectbox met regio's (toetsenbord)
KEY_GEMEENTE = "kaart_gemeente"  # 'Zoek je gemeente'
KEY_METRIC = "kaart_kleuring"
KEY_THEME = "kaart_thema"
KEY_GEN = "kaart_map_generatie"
KEY_SEEN = "kaart_map_gezien"
KEY_URL = "kaart_url_geschreven"
KEY_LAST_GLOBAL_THEME = "kaart_globaal_thema"
URL_PARAM = "regio"


def map_widget_key(state: Mapping) -> str:
    """Sleutel van st.pydeck_chart. Kiest iemand een regio buiten de kaart om, dan krijgt de kaart een
    nieuwe sleutel: zo blijft geen oude klik-selectie staan (Streamlit zou die regio anders oplichten)."""
    return f"kaart_map_{state.get(KEY_GEN, 0)}"


def choose_region(state, code: str | None, keep_gemeente: bool = False) -> None:
    """Regio gekozen via selectbox, gemeente of wisknop (callbacks)."""
    if not keep_gemeente:
        state[KEY_GEMEENTE] = None
    state[KEY_SELECTED] = code
    state[KEY_GEN] = int(state.get(KEY_GEN, 0)) + 1
    state[KEY_SEEN] = None


def sync_selection(state, geojson: dict, valid: set[str], url_value: str | None) -> str | None:
    """Breng kaartklik, link (?regio=) en opgeslagen keuze samen; geeft de gekozen regio (of None).

    - Een nieuwe klik op de kaart wint.
    - Een geldige ?regio= in de URL die we niet zelf schreven (een gedeelde link) wint daarna.
    - Een klik die de selectie opheft laat de keuze staan (wissen kan met de knop).
    Zet ook de selectbox (KEY_REGION) gelijk; roep dit aan vóór de widgets getekend worden."""
    clicked = selected_region(state.get(map_widget_key(state)), geojson)
    url_value = (url_value or "").strip().upper() or None
    if clicked != state.get(KEY_SEEN):
        state[KEY_SEEN] = clicked
        if clicked in valid:
            state[KEY_SELECTED] = clicked
            state[KEY_GEMEENTE] = None
    elif url_value in valid and url_value != state.get(KEY_URL) and url_value != state.get(KEY_SELECTED):
        choose_region(state, url_value)
    code = state.get(KEY_SELECTED)
    if code not in valid:
        code = None
        state[KEY_SELECTED] = None
    state[KEY_REGION] = code
    state[KEY_URL] = code
    return code


def sync_metric_default(state, global_theme: str | None, default_metric: str, status_metric: str) -> None:
    """Zonder eigen keuze de standaardkleuring; kiest iemand in de zijbalk een (ander) thema, dan kleurt
    de kaart naar de status van dat thema."""
    if state.get(KEY_METRIC) is None:
        state[KEY_METRIC] = default_metric
    if global_theme and global_theme != state.get(KEY_LAST_GLOBAL_THEME):
        state[KEY_METRIC] = status_metric
    state[KEY_LAST_GLOBAL_THEME] = global_theme
