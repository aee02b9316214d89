"""Vergelijken: twee tot vier regio's naast elkaar en naast de landelijke mediaan, thema voor thema."""

import streamlit as st

from lib import charts, filters, i18n, profile, ui
from lib.i18n import t

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()
options = profile.region_options(ds, f.peiling)

# 1. Keuze (ook via de link: ?regios=JZ13,JZ29) -----------------------------------------------------
st.title(t("vergelijken.titel"))
st.markdown(t("vergelijken.intro", peiling=peiling_label))
if "vergelijk_regios" not in st.session_state:
    from_url, bad = profile.parse_region_list(st.query_params.get("regios"), set(options))
    if bad:
        st.warning(t("vergelijken.onbekend_in_link", codes=", ".join(bad)), icon="⚠️")
    st.session_state["vergelijk_regios"] = from_url or list(options)[:2]
chosen = st.multiselect(t("vergelijken.regios"), list(options), format_func=lambda c: f"{options[c]} ({c})",
                        max_selections=4, key="vergelijk_regios")
st.query_params["regios"] = ",".join(chosen)
ui.illustrative_marker(ds, f.peiling)
if len(chosen) < 2:
    st.info(t("vergelijken.minstens_twee"), icon="ℹ️")
    st.stop()

# 2. Thema voor thema --------------------------------------------------------------------------------
st.subheader(t("vergelijken.stand_kop"))
long = profile.compare_frame(ds, chosen, f.peiling)
ui.plotly_chart(charts.compare_dots(long, ds.vocab, chosen, options),
                config=charts.plotly_config(f"vergelijking_{'_'.join(chosen)}_{f.peiling}"), key="vergelijk_dots")
st.caption(t("vergelijken.stand_noot"))
table = profile.compare_table(ds, chosen, f.peiling)
ui.table_alternative(i18n.columns(table), key="vergelijken_tabel")
ui.download_buttons(
    table, title=t("vergelijken.export_titel", regios=", ".join(chosen), peiling=peiling_label),
    name_parts=["vergelijking", *chosen, f.peiling], sources=[ui.source_progress()],
    filters_text=t("vergelijken.export_filters", regios=", ".join(chosen), peiling=f.peiling), illustrative=ds.is_illustrative(f.peiling),
    key="vergelijk_dl",
)

# 3. Over de tijd ------------------------------------------------------------------------------------
st.subheader(t("vergelijken.tijd_kop"))
over_time = profile.progress_over_time(ds, chosen)
ui.plotly_chart(charts.progress_lines(over_time, chosen, options),
                config=charts.plotly_config(f"vergelijking_tijd_{'_'.join(chosen)}"), key="vergelijk_tijd")
st.caption(t("vergelijken.tijd_noot"))
ui.table_alternative(i18n.columns(over_time.select("label", "regio_naam", "gemiddelde")), key="vergelijken_tijd_tabel")
ui.source_footer()
