"""Over de data: bronnen en licenties, wat echt is en wat illustratief, en het dataformaat."""

import streamlit as st

from lib import docs, i18n, schema, ui
from lib.i18n import t

ds = ui.load_or_stop()
aggregate = ui.aggregate_mode()

st.title(t("over.titel"))

# 1. Echt en illustratief ----------------------------------------------------------------------
st.header(t("over.echt_kop"))
st.markdown(docs.long_text("echt_illustratief"))
ui.illustrative_marker(ds)
st.markdown(t("over.getoond", soort=docs.dataset_kind_text(ds)))

# 2. Bronnen ------------------------------------------------------------------------------------
st.header(t("over.bronnen_kop"))
st.markdown(docs.long_text("bronnen"))
if aggregate:
    st.markdown(docs.long_text("geaggregeerd"))
else:
    st.markdown(docs.long_text("regio_details"))

# 3. Begrippen ----------------------------------------------------------------------------------
st.header(t("over.themas_kop"))
st.caption(t("over.themas_noot"))
st.dataframe(i18n.columns(docs.themes_table(ds)), hide_index=True)

st.header(t("over.status_kop"))
st.caption(t("over.status_noot"))
st.dataframe(i18n.columns(docs.status_table(ds)), hide_index=True)

st.header(t("over.categorieen_kop"))
st.dataframe(i18n.columns(docs.categories_table(ds)), hide_index=True)

st.header(t("over.peilingen_kop"))
st.dataframe(i18n.columns(docs.peilingen_table(ds)), hide_index=True)

# 4. Dataformaat (niet in de geaggregeerde modus: de kolomuitleg noemt regiocodes) -------------------
if not aggregate:
    st.header(t("over.formaat_kop"))
    st.markdown(docs.long_text("formaat"))
    for table in schema.PROGRESS_TABLES + (schema.REGIONS, schema.MEMBERSHIP):
        with st.expander(f"{table.file} — {table.label_nl}"):
            st.dataframe(i18n.columns(docs.columns_table(table)), hide_index=True)

ui.source_footer(geo=True)
