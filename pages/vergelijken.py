"""Vergelijken: twee tot vier regio's naast elkaar en naast de landelijke mediaan, thema voor thema."""

import streamlit as st

from lib import charts, filters, profile, ui

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()
options = profile.region_options(ds, f.peiling)

# 1. Keuze (ook via de link: ?regios=JZ13,JZ29) -----------------------------------------------------
st.title("Regio's vergelijken")
st.markdown(f"Kies twee tot vier regio's. Peiling: **{peiling_label}** (te wijzigen in de zijbalk).")
if "vergelijk_regios" not in st.session_state:
    from_url, bad = profile.parse_region_list(st.query_params.get("regios"), set(options))
    if bad:
        st.warning(f"Onbekende regio's in de link genegeerd: {', '.join(bad)}", icon="⚠️")
    st.session_state["vergelijk_regios"] = from_url or list(options)[:2]
chosen = st.multiselect("Regio's", list(options), format_func=lambda c: f"{options[c]} ({c})",
                        max_selections=4, key="vergelijk_regios")
st.query_params["regios"] = ",".join(chosen)
ui.illustrative_marker(ds, f.peiling)
if len(chosen) < 2:
    st.info("Kies minstens twee regio's om te vergelijken.", icon="ℹ️")
    st.stop()

# 2. Thema voor thema --------------------------------------------------------------------------------
st.subheader("Stand per thema")
long = profile.compare_frame(ds, chosen, f.peiling)
st.plotly_chart(charts.compare_dots(long, ds.vocab, chosen, options),
                config=charts.plotly_config(f"vergelijking_{'_'.join(chosen)}_{f.peiling}"), key="vergelijk_dots")
st.caption("Elke regio heeft een eigen kleur én vorm; de grijze ruit is de landelijke mediaan van alle 42 regio's.")
table = profile.compare_table(ds, chosen, f.peiling)
with st.expander("Tabel bij deze grafiek"):
    st.dataframe(table, hide_index=True)
ui.download_buttons(
    table, title=f"Vergelijking {', '.join(chosen)} — {peiling_label}",
    name_parts=["vergelijking", *chosen, f.peiling], sources=[ui.SOURCE_PROGRESS],
    filters_text=f"regio's {', '.join(chosen)}, peiling {f.peiling}", illustrative=ds.is_illustrative(f.peiling),
    key="vergelijk_dl",
)

# 3. Over de tijd ------------------------------------------------------------------------------------
st.subheader("Gemiddelde voortgang over de peilingen")
over_time = profile.progress_over_time(ds, chosen)
st.plotly_chart(charts.progress_lines(over_time, chosen, options),
                config=charts.plotly_config(f"vergelijking_tijd_{'_'.join(chosen)}"), key="vergelijk_tijd")
st.caption("Gemiddelde van de bekende thema-statussen (0–4) per regio; onbekend telt niet mee. "
           "De stippellijn is de landelijke mediaan van de regiogemiddelden.")
with st.expander("Tabel bij deze grafiek"):
    st.dataframe(over_time.select("label", "regio_naam", "gemiddelde"), hide_index=True)
ui.source_footer()
