"""Kaart: de jeugdregio's gekleurd naar voortgang; klik of kies een regio, of zoek je gemeente."""

from pathlib import Path

import streamlit as st

from lib import filters, geodata, maps, ui
from lib import map_values as mv
from lib.i18n import t
from lib.navigation import PAGES

ds = ui.load_or_stop()
f = filters.current(ds)
state = st.session_state
year = mv.indeling_jaar(ds, f.peiling)
regions = ds.regions_for(f.peiling)
names = dict(zip(regions["regio_code"], regions["regio_naam"]))

# 1. Titel -----------------------------------------------------------------------------------------
st.title(t("kaartpagina.titel"))
ui.illustrative_marker(ds, f.peiling)
try:
    geojson = geodata.regions_geojson(year)
except geodata.GeoDataMissing as exc:
    st.error(t("kaartpagina.geen_kaart", reden=exc), icon="🗺️")
    st.stop()

# 2. Keuzes: kleuring (en thema), selectie uit klik/link/keuzelijst ---------------------------------
selected = maps.sync_selection(state, geojson, set(names), st.query_params.get(maps.URL_PARAM))
if selected:
    st.query_params[maps.URL_PARAM] = selected
elif maps.URL_PARAM in st.query_params:
    del st.query_params[maps.URL_PARAM]
maps.sync_metric_default(state, f.thema, mv.default_metric(f), mv.METRIC_STATUS)

left, mid, right = st.columns([1.1, 2.1, 1.4], gap="small")
with left:
    metric_labels = mv.metric_labels()
    metric = st.radio(t("kaartpagina.kleur_naar"), mv.METRICS, format_func=metric_labels.get, key=maps.KEY_METRIC)
    thema = f.thema
    if metric == mv.METRIC_STATUS and not f.thema:
        thema = st.selectbox(t("algemeen.thema"), ds.vocab.theme_codes, key=maps.KEY_THEME,
                             format_func=lambda t: f"{t} {ds.vocab.theme_short.get(t, t)}")
    theme_label = f"{thema} {ds.vocab.theme_short.get(thema, thema)}" if thema else ""
    kleuring = {
        mv.METRIC_STATUS: t("kaartpagina.k_status", thema=theme_label),
        mv.METRIC_PROGRESS: t("kaartpagina.k_voortgang"),
        mv.METRIC_CHANGE: t("kaartpagina.k_verandering") + (f" {theme_label}" if thema else t("kaartpagina.alle_themas")),
        mv.METRIC_NEEDS: t("kaartpagina.k_behoeften") + (f" {theme_label}" if thema else ""),
    }[metric]
    values = mv.region_values(ds, f, metric, thema)
    lg = maps.legend(metric, ds.vocab, values)
    st.markdown(f"**{kleuring}**" + (t("kaartpagina.thema_zijbalk") if f.thema else ""))
    st.image(maps.legend_svg(lg, width=180), width="content", alt=maps.legend_text(lg))
    if lg.note:
        st.caption(lg.note)

with mid:
    ui.map_tooltip_style()
    show_borders = state.get("kaart_gemeentegrenzen", False)
    borders = geodata.borders_geojson(year) if show_borders else None
    deck = maps.choropleth_deck(geojson, values, metric, kleuring=kleuring, selected=selected, borders=borders)
    st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key=maps.map_widget_key(state),
                    height=maps.MAP_HEIGHT, alt=t("kaartpagina.alt", kleuring=kleuring.lower()))
    st.toggle(t("kaartpagina.gemeentegrenzen"), key="kaart_gemeentegrenzen")
    st.caption(t("kaartpagina.uitleg") + "  \n" + ui.attribution_geo())

with right:
    st.selectbox(t("algemeen.regio"), list(names), key=maps.KEY_REGION, index=None, placeholder=t("algemeen.kies_regio"),
                 format_func=lambda c: f"{names[c]} ({c})",
                 on_change=lambda: maps.choose_region(state, state[maps.KEY_REGION]))
    gemeenten = mv.gemeente_options(ds, f.peiling)
    region_of = dict(zip(gemeenten["gemeente_code"], gemeenten["regio_code"]))
    st.selectbox(t("kaartpagina.zoek_gemeente"), gemeenten["gemeente_code"].to_list(), key=maps.KEY_GEMEENTE, index=None,
                 format_func=dict(zip(gemeenten["gemeente_code"], gemeenten["label"])).get,
                 placeholder=t("kaartpagina.typ_gemeente"),
                 on_change=lambda: maps.choose_region(state, region_of.get(state[maps.KEY_GEMEENTE]),
                                                      keep_gemeente=True))

    with st.container(border=True, key="kaart_paneel"):
        if not selected:
            st.markdown(t("kaartpagina.geen_regio"))
        else:
            s = mv.region_summary(ds, f.peiling, selected)
            value_text = values.filter(values["regio_code"] == selected)["tekst"].item()
            st.markdown(f"#### {s['regio_naam']}")
            st.caption(t("kaartpagina.regio_regel", code=s["regio_code"], provincie=s["provincie_naam"],
                         n=s["aantal_gemeenten"]))
            gem = t("charts.onbekend") if s["gemiddelde"] is None else mv.fmt_number(s["gemiddelde"])
            first = "" if metric == mv.METRIC_PROGRESS else f"- {kleuring}: **{value_text}**\n"
            st.markdown(first + t("kaartpagina.samenvatting", gem=gem, bekend=s["bekend"], themas=s["themas"],
                                  uitvoering=s["in_uitvoering_of_verder"], behoeften=s["behoeften"]))
            with st.expander(t("kaartpagina.gemeenten", n=s["aantal_gemeenten"])):
                st.write(", ".join(s["gemeenten"]))
            profile = next((p for p in PAGES if p.url_path == "regio"), None)
            if profile and (Path(__file__).resolve().parents[1] / profile.path).exists():
                st.page_link(profile.path, label=t("kaartpagina.open_profiel"), icon="📍",
                             query_params={"regio": selected})
            st.button(t("kaartpagina.wissen"), key="kaart_wis", on_click=lambda: maps.choose_region(state, None))

ui.source_footer()  # de kaartattributie staat al direct onder de kaart
