"""Start: wat het dashboard is en het landelijke beeld van de gekozen peiling."""

import streamlit as st

import polars as pl

from lib import charts, filters, i18n, privacy, transforms, ui
from lib.i18n import t

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()

# 1. Titel en uitleg ----------------------------------------------------------------------------
st.title(t("start.titel"))
st.markdown(t("start.intro"))
ui.illustrative_marker(ds, f.peiling)

# 2. Landelijke kerncijfers -----------------------------------------------------------------------
summary = transforms.national_summary(ds, f.peiling)
st.subheader(t("start.landelijk_beeld", peiling=peiling_label))
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("start.jeugdregios"), summary["regios"])
c2.metric(t("start.themas"), summary["themas"])
c3.metric(
    t("start.in_uitvoering"),
    f"{summary['aandeel_in_uitvoering_of_verder'] * 100:.0f}%",
    help=t("start.in_uitvoering_uitleg"),
)
c4.metric(t("start.behoeften"), summary["behoeften"],
          help=t("start.behoeften_uitleg", n=summary["regios_met_behoefte"]))

assessments = ds.assessments.filter(ds.assessments["peiling_id"] == f.peiling)
aggregate, k = ui.aggregate_mode(), privacy.min_k()
st.markdown(f"**{t('start.aandeel_kop')}**")
if aggregate:  # kleine aantallen samengevoegd: geen status die op minder dan k regio's rust
    pooled = privacy.pool_theme_status_counts(transforms.status_counts_long(assessments, "alle"), k)
    fig = charts.theme_status_stacked(pooled, ds.vocab, theme_order=["alle"], label_map={"alle": t("filters.alle_themas")})
else:
    fig = charts.status_share_bar(transforms.status_distribution(assessments), ds.vocab)
ui.plotly_chart(fig, config=charts.plotly_config(f"statusverdeling_{f.peiling}"), key="start_dist")
st.caption(
    t("start.onbekend_noot", n=summary["onbekend"], totaal=summary["beoordelingen"])
    if not aggregate else t("start.geanonimiseerd_noot", k=k)
)

# 3. Per thema -----------------------------------------------------------------------------------
st.markdown(f"**{t('start.per_thema_kop')}**")
counts = transforms.theme_status_counts(assessments)
if aggregate:
    counts = privacy.pool_theme_status_counts(counts.with_columns(pl.col("thema_code").cast(pl.String)), k)
ui.plotly_chart(charts.theme_status_stacked(counts, ds.vocab),
                config=charts.plotly_config(f"stand_per_thema_{f.peiling}"), key="start_themes")
if aggregate:
    ui.table_alternative(i18n.columns(privacy.national_status_table(assessments, ds.vocab, k).frame), key="start_tabel")
else:
    ui.table_alternative(i18n.columns(transforms.theme_status_table(counts, ds.vocab)), key="start_tabel")

ui.source_footer()
