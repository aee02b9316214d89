"""Start: wat het dashboard is en het landelijke beeld van de gekozen peiling."""

import streamlit as st

from lib import charts, filters, transforms, ui

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()

# 1. Titel en uitleg ----------------------------------------------------------------------------
st.title("Hervormingsagenda Jeugd 2023–2028")
st.markdown(
    "Hoe staan de **42 jeugdzorgregio's** ervoor bij de uitvoering van de Hervormingsagenda Jeugd? "
    "Dit dashboard volgt de voortgang per regio en per thema in opeenvolgende **peilingen**, te beginnen "
    "met de startfoto van 2024, en laat zien waar regio's **ondersteuning** bij vragen."
)
ui.illustrative_marker(ds, f.peiling)

# 2. Landelijke kerncijfers -----------------------------------------------------------------------
summary = transforms.national_summary(ds, f.peiling)
st.subheader(f"Landelijk beeld — {peiling_label}")
c1, c2, c3, c4 = st.columns(4)
c1.metric("Jeugdregio's", summary["regios"])
c2.metric("Thema's", summary["themas"])
c3.metric(
    "In uitvoering of gerealiseerd",
    f"{summary['aandeel_in_uitvoering_of_verder'] * 100:.0f}%",
    help="Aandeel van de thema-statussen met een bekende waarde dat op ‘In uitvoering’ of ‘Gerealiseerd’ staat.",
)
c4.metric("Ondersteuningsbehoeften", summary["behoeften"],
          help=f"Gemeld door {summary['regios_met_behoefte']} regio's in deze peiling.")

assessments = ds.assessments.filter(ds.assessments["peiling_id"] == f.peiling)
dist = transforms.status_distribution(assessments)
st.markdown("**Aandeel van alle thema-statussen per niveau**")
st.plotly_chart(charts.status_share_bar(dist, ds.vocab), config=charts.plotly_config(f"statusverdeling_{f.peiling}"),
                key="start_dist")
st.caption(
    f"{summary['onbekend']} van de {summary['beoordelingen']} thema-statussen zijn onbekend of niet van "
    "toepassing; die tellen niet mee als ‘niet gestart’."
)

# 3. Per thema -----------------------------------------------------------------------------------
st.markdown("**Stand per thema: aandeel regio's per status**")
counts = transforms.theme_status_counts(assessments)
st.plotly_chart(charts.theme_status_stacked(counts, ds.vocab),
                config=charts.plotly_config(f"stand_per_thema_{f.peiling}"), key="start_themes")
with st.expander("Tabel bij deze grafiek"):
    st.dataframe(transforms.theme_status_table(counts, ds.vocab), hide_index=True)

ui.source_footer()
