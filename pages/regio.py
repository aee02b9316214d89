"""Regioprofiel: de 'startfoto' van één regio, naast het landelijke beeld en over de tijd."""

import streamlit as st

from lib import agenda, charts, context, filters, geodata, maps, onepager, profile, schema, ui
from lib.export import safe_filename
from lib.region_select import select_region

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()

# 1. Keuze -----------------------------------------------------------------------------------------
st.title("Regioprofiel")
options = profile.region_options(ds, f.peiling)
regio = select_region(options, key="regio_sel", label="Kies een jeugdregio")
info = profile.region_info(ds, regio, f.peiling)

st.header(f"{info.name} ({info.code})")
left, right = st.columns([3, 2])
with left:
    st.markdown(f"**{len(info.gemeenten)} gemeenten** in {', '.join(info.provincies_gemeenten)} · "
                f"peiling: **{peiling_label}**")
    with st.expander("Gemeenten in deze regio"):
        st.write(", ".join(info.gemeenten))
    # Echte CBS-contextcijfers (geen voorbeelddata): met bron en jaar.
    ctx = context.region_facts(regio)
    if ctx is not None:
        c1, c2, c3 = st.columns(3)
        c1.metric("Inwoners (2024)", f"{ctx['inwoners']:,}".replace(",", "."))
        c2.metric("0–25 jaar (2024, ca.)", f"{ctx['pct_0_15'] + ctx['pct_15_25']:.0f}%".replace(".", ","))
        c3.metric("Jeugdzorg (2022, ca.)", f"{ctx['pct_jeugdzorg_2022']:.1f}%".replace(".", ","),
                  help="Aandeel jongeren onder 23 met jeugdhulp in natura, jeugdbescherming of -reclassering.")
        st.caption(f"{context.SOURCE_LINE}. ‘ca.’: gewogen uit hele procenten per gemeente; jeugdzorg is 2022.")
with right:
    st.pydeck_chart(maps.highlight_deck(geodata.regions_geojson(ds.regions_for(f.peiling)["jaar"][0]), [regio],
                                        label="deze regio", height=260),
                    height=260, key="regio_locator")
    st.caption(schema.ATTRIBUTION_GEO)
ui.illustrative_marker(ds, f.peiling)

# 2. Stand per thema naast het landelijke beeld ------------------------------------------------------
st.subheader("Stand per thema, naast alle regio's")
frame = profile.region_vs_national(ds, regio, f.peiling)
st.plotly_chart(charts.profile_dots(frame, ds.vocab, info.name),
                config=charts.plotly_config(safe_filename("profiel", regio, f.peiling, ext="png")[:-4]),
                key="regio_dots")
st.caption("Stip: deze regio, in de kleur van haar status. Zwarte ruit: landelijke mediaan. Donkergrijze balk: "
           "de middelste helft van alle regio's; dunne lijn: van de laagste tot de hoogste regio. "
           "Een thema met status onbekend staat links bij ‘onbekend’.")
table = profile.region_texts(ds, regio, f.peiling)
with st.expander("Tabel bij deze grafiek: status, sterke en zwakke punten, vervolgstappen", expanded=False):
    st.dataframe(table, hide_index=True)
ui.download_buttons(
    table, title=f"Regioprofiel {info.name} ({regio}) — {peiling_label}", name_parts=["regioprofiel", regio, f.peiling],
    sources=[ui.SOURCE_PROGRESS], filters_text=f"regio {regio}, peiling {f.peiling}",
    illustrative=ds.is_illustrative(f.peiling), key="regio_dl",
)

# 3. Wat is er veranderd ---------------------------------------------------------------------------
st.subheader("Wat is er veranderd sinds de vorige peiling")
for line in profile.changes_since_previous(ds, regio, f.peiling):
    st.markdown(f"- {line}")

# 4. Teksten en ondersteuningsbehoeften ----------------------------------------------------------
st.subheader("Zwakke punten en vervolgstappen")
st.dataframe(table.select("Thema", "Status", "Zwakke punten", "Vervolgstappen").filter(table["Zwakke punten"] != ""),
             hide_index=True)
st.subheader("Ondersteuningsbehoeften")
st.dataframe(profile.region_needs(ds, regio, f.peiling), hide_index=True)

# 5. Wie is aan zet, en waar staat de regio -------------------------------------------------------
with st.expander("Wie is aan zet per thema, en waar staat deze regio"):
    st.dataframe(agenda.region_responsibilities(ds, regio, f.peiling).drop("status_waarde"), hide_index=True)
    st.caption("Niveau en partijen uit de bronnen van de agenda; ‘niet geverifieerd’ = niet in een bron gevonden. "
               "Zie ook de pagina Wie is aan zet.")

# 6. Voortgang over alle peilingen -----------------------------------------------------------------
st.subheader("Voortgang per thema over alle peilingen")
history = profile.region_history(ds, regio)
st.plotly_chart(charts.history_small_multiples(history, ds.vocab),
                config=charts.plotly_config(f"voortgang_{regio}"), key="regio_history")
st.caption("Status per peiling: 0 Niet gestart · 1 Oriënterend · 2 In voorbereiding · 3 In uitvoering · "
           "4 Gerealiseerd. Een onderbreking in de lijn is een peiling waarin de status onbekend was.")

# 7. Afdrukbare startfoto ----------------------------------------------------------------------------
st.subheader("Afdrukken")
st.download_button(
    "Download de startfoto van deze regio (A4, om af te drukken)",
    onepager.region_onepager_html(ds, regio, f.peiling),
    file_name=safe_filename("startfoto", regio, f.peiling, ext="html"), mime="text/html", icon="🖨️",
    key="regio_onepager", on_click="ignore",
)
st.caption("Open het bestand in de browser en kies Afdrukken (of Opslaan als PDF).")
ui.source_footer()
