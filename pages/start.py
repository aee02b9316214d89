"""Start: wat het dashboard is en het landelijke beeld van de gekozen peiling."""

import streamlit as st

import polars as pl

from lib import charts, filters, privacy, transforms, ui

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
aggregate, k = ui.aggregate_mode(), privacy.min_k()
st.markdown("**Aandeel van alle thema-statussen per niveau**")
if aggregate:  # kleine aantallen samengevoegd: geen status die op minder dan k regio's rust
    pooled = privacy.pool_theme_status_counts(transforms.status_counts_long(assessments, "alle"), k)
    fig = charts.theme_status_stacked(pooled, ds.vocab, theme_order=["alle"], label_map={"alle": "Alle thema's"})
else:
    fig = charts.status_share_bar(transforms.status_distribution(assessments), ds.vocab)
st.plotly_chart(fig, config=charts.plotly_config(f"statusverdeling_{f.peiling}"), key="start_dist")
st.caption(
    f"{summary['onbekend']} van de {summary['beoordelingen']} thema-statussen zijn onbekend of niet van "
    "toepassing; die tellen niet mee als ‘niet gestart’."
    if not aggregate else f"Geanonimiseerd: aantallen onder {k} regio's zijn samengevoegd (gearceerd)."
)

# 3. Per thema -----------------------------------------------------------------------------------
st.markdown("**Stand per thema: aandeel regio's per status**")
counts = transforms.theme_status_counts(assessments)
if aggregate:
    counts = privacy.pool_theme_status_counts(counts.with_columns(pl.col("thema_code").cast(pl.String)), k)
st.plotly_chart(charts.theme_status_stacked(counts, ds.vocab),
                config=charts.plotly_config(f"stand_per_thema_{f.peiling}"), key="start_themes")
with st.expander("Tabel bij deze grafiek"):
    if aggregate:
        st.dataframe(privacy.national_status_table(assessments, ds.vocab, k).frame, hide_index=True)
    else:
        st.dataframe(transforms.theme_status_table(transforms.theme_status_counts(assessments), ds.vocab),
                     hide_index=True)

ui.source_footer()
