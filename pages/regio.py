"""Regioprofiel: de 'startfoto' van één regio, naast het landelijke beeld en over de tijd."""

import streamlit as st

from lib import agenda, charts, context, filters, geodata, heatmap, i18n, onepager, profile, schema, svgmap, ui
from lib.i18n import t
from lib.export import safe_filename
from lib.region_select import select_region

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()

# 1. Keuze -----------------------------------------------------------------------------------------
st.title(t("regio.titel"))
options = profile.region_options(ds, f.peiling)
regio = select_region(options, key="regio_sel", label=t("regio.kies"))
info = profile.region_info(ds, regio, f.peiling)

st.header(f"{info.name} ({info.code})")
left, right = st.columns([3, 2])
with left:
    st.markdown(t("regio.gemeenten_in", n=len(info.gemeenten), provincies=", ".join(info.provincies_gemeenten),
                  peiling=peiling_label))
    with st.expander(t("regio.gemeenten_kop")):
        st.write(", ".join(info.gemeenten))
    # Echte CBS-contextcijfers (geen voorbeelddata): met bron en jaar.
    ctx = context.region_facts(regio)
    if ctx is not None:
        c1, c2, c3 = st.columns(3)
        c1.metric(t("regio.inwoners"), f"{ctx['inwoners']:,}".replace(",", "."))
        c2.metric(t("regio.jong"), f"{ctx['pct_0_15'] + ctx['pct_15_25']:.0f}%".replace(".", ","))
        c3.metric(t("regio.jeugdzorg"), f"{ctx['pct_jeugdzorg_2022']:.1f}%".replace(".", ","),
                  help=t("regio.jeugdzorg_uitleg"))
        st.caption(t("regio.ctx_noot", bron=context.SOURCE_TEXT))
with right:
    # Statische SVG: alleen aanwijzen, dus geen deck.gl-bundel naast plotly (zie lib/svgmap.py).
    where = t("regio.ligging", regio=info.name)
    st.image(svgmap.highlight_svg(geodata.regions_geojson(ds.regions_for(f.peiling)["jaar"][0]), [regio],
                                  label=t("regio.deze_regio"), yes=t("kaart.ja"), no=t("kaart.nee"), description=where),
             width=300, alt=where)
    st.caption(ui.attribution_geo())
ui.illustrative_marker(ds, f.peiling)

# 2. Stand per thema naast het landelijke beeld ------------------------------------------------------
st.subheader(t("regio.stand_kop"))
frame = profile.region_vs_national(ds, regio, f.peiling)
ui.plotly_chart(charts.profile_dots(frame, ds.vocab, info.name),
                config=charts.plotly_config(safe_filename("profiel", regio, f.peiling, ext="png")[:-4]),
                key="regio_dots")
st.caption(t("regio.stand_noot"))
table = profile.region_texts(ds, regio, f.peiling)
ui.table_alternative(i18n.columns(table), key="regio_tabel", label=t("regio.tabel_kop"), note=i18n.free_text_note)
ui.download_buttons(
    table, title=t("regio.export_titel", regio=info.name, code=regio, peiling=peiling_label),
    name_parts=["regioprofiel", regio, f.peiling],
    sources=[ui.source_progress()], filters_text=t("regio.export_filters", code=regio, peiling=f.peiling),
    illustrative=ds.is_illustrative(f.peiling), key="regio_dl",
)

# 3. Wat is er veranderd ---------------------------------------------------------------------------
st.subheader(t("regio.veranderd_kop"))
for line in profile.changes_since_previous(ds, regio, f.peiling):
    st.markdown(f"- {line}")

# 4. Teksten en ondersteuningsbehoeften ----------------------------------------------------------
st.subheader(t("regio.zwakke_kop"))
i18n.free_text_note()
ui.static_table(i18n.columns(table.select("Thema", "Status", "Zwakke punten", "Vervolgstappen")
                             .filter(table["Zwakke punten"] != "")))
st.subheader(t("regio.behoeften_kop"))
ui.static_table(i18n.columns(profile.region_needs(ds, regio, f.peiling)))

# 5. Wie is aan zet, en waar staat de regio -------------------------------------------------------


def _aan_zet() -> None:
    i18n.free_text_note()
    st.dataframe(i18n.columns(agenda.region_responsibilities(ds, regio, f.peiling).drop("status_waarde")),
                 hide_index=True)
    st.caption(t("regio.aan_zet_noot"))


ui.lazy_expander(t("regio.aan_zet_kop"), "regio_aan_zet", _aan_zet)

# 6. Voortgang over alle peilingen -----------------------------------------------------------------
st.subheader(t("regio.voortgang_kop"))
history = profile.region_history(ds, regio)
ui.plotly_chart(heatmap.history_grid(history, ds.vocab),
                config=charts.plotly_config(f"voortgang_{regio}"), key="regio_history")
st.caption(t("regio.voortgang_noot", schaal=" · ".join(f"{v} {ds.vocab.status_labels[str(v)]}"
                                                        for v in schema.STATUS_LEVELS)))
ui.table_alternative(i18n.columns(profile.history_table(history, ds.vocab)), key="regio_history_tabel",
                     label=t("regio.voortgang_tabel_kop"))

# 7. Afdrukbare startfoto ----------------------------------------------------------------------------
st.subheader(t("regio.afdrukken_kop"))
st.download_button(
    t("regio.afdrukken_knop"),
    onepager.region_onepager_html(ds, regio, f.peiling),
    file_name=safe_filename("startfoto", regio, f.peiling, ext="html"), mime="text/html", icon="🖨️",
    key="regio_onepager", on_click="ignore",
)
st.caption(t("regio.afdrukken_noot"))
ui.source_footer()
