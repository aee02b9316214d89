"""Over de data: bronnen en licenties, wat echt is en wat illustratief, en het dataformaat."""

import streamlit as st

from lib import docs, schema, ui

ds = ui.load_or_stop()
aggregate = ui.aggregate_mode()

st.title("Over de data")

# 1. Echt en illustratief ----------------------------------------------------------------------
st.header("Wat is echt en wat niet")
st.markdown(docs.REAL_VS_ILLUSTRATIVE)
ui.illustrative_marker(ds)
st.markdown(f"**Getoonde dataset:** {docs.dataset_kind_text(ds)}")

# 2. Bronnen ------------------------------------------------------------------------------------
st.header("Bronnen en licenties")
st.markdown(docs.SOURCES)
if aggregate:
    st.markdown(docs.AGGREGATE_NOTE)
else:
    st.markdown(docs.REGION_DETAILS)

# 3. Begrippen ----------------------------------------------------------------------------------
st.header("Thema's")
st.caption("Themanamen met geverifieerde formulering waar mogelijk; ‘nee’ betekent dat de naam door het "
           "dashboardteam is afgeleid en niet letterlijk in een bron is gevonden.")
st.dataframe(docs.themes_table(ds), hide_index=True)

st.header("Statusschaal")
st.caption("Een voorstel van het dashboardteam; er is geen officiële VNG-schaal gevonden. "
           "Onbekend en n.v.t. tellen nooit mee in gemiddelden.")
st.dataframe(docs.status_table(ds), hide_index=True)

st.header("Categorieën van ondersteuningsbehoeften")
st.dataframe(docs.categories_table(ds), hide_index=True)

st.header("Peilingen")
st.dataframe(docs.peilingen_table(ds), hide_index=True)

# 4. Dataformaat (niet in de geaggregeerde modus: de kolomuitleg noemt regiocodes) -------------------
if not aggregate:
    st.header("Dataformaat")
    st.markdown(docs.FORMAT_INTRO)
    for table in schema.PROGRESS_TABLES + (schema.REGIONS, schema.MEMBERSHIP):
        with st.expander(f"{table.file} — {table.label_nl}"):
            st.dataframe(docs.columns_table(table), hide_index=True)

ui.source_footer(geo=True)
