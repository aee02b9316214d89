"""Voortgang en context: de (illustratieve) voortgang per regio naast echte CBS-cijfers."""

import dataclasses

import streamlit as st

from lib import charts, charts_context, context, export, filters, i18n, transforms, ui
from lib.i18n import t
from lib.validation import DataValidationError

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()

st.title(t("context.titel"))
st.markdown(t("context.intro"))

try:
    ctx = context.get_context()
    regios = context.region_context(context.BOUNDARY_YEAR)
except DataValidationError as exc:
    st.error(t("context.laadfout"))
    st.dataframe(context.issues_table(exc.issues), hide_index=True)
    st.stop()

# 1. Voortgang tegen jeugdzorg --------------------------------------------------------------------
st.subheader(t("context.scatter_kop", peiling=peiling_label))
ui.illustrative_marker(ds, f.peiling)
st.info(t("context.let_op", voorbeeld=t("context.voorbeeld") if ds.is_illustrative(f.peiling) else ""), icon="⚖️")
# De statusfilter telt hier niet mee: een gemiddelde over alleen de gekozen statussen zegt niets.
assessments = transforms.filtered_assessments(ds, dataclasses.replace(f, statussen=()))
combined = context.progress_with_context(context.region_progress(assessments), regios)
national = context.national_context(ctx.gemeenten)
fig = charts_context.progress_vs_care_scatter(combined, ds.vocab.status_labels, national["pct_jeugdzorg_2022"],
                                              illustrative=ds.is_illustrative(f.peiling))
ui.plotly_chart(fig, config=charts.plotly_config(f"voortgang_en_jeugdzorg_{f.peiling}"), key="context_scatter")
n_missing = combined["gemiddelde"].null_count()
st.caption(
    t("context.n_regios", n=combined.height - n_missing)
    + (t("context.weggelaten", n=n_missing) if n_missing else "")
    + t("context.gemiddelde_over")
    + (t("context.alleen_thema", thema=f.thema) if f.thema else "")
    + t("context.scatter_noot") + "  \n"
    + t("context.bron_jaar", bron=context.SOURCE_TEXT, jaar=t(f"context.jaar_{context.BOUNDARY_YEAR}"))
)

# 2. Contextcijfers per regio ---------------------------------------------------------------------
st.subheader(t("context.tabel_kop"))
year = st.segmented_control(t("context.jaar_keuze"), list(context.YEARS), default=context.BOUNDARY_YEAR,
                            key="context_jaar", required=True)
in_province = transforms.regions_in_province(ds, f.peiling, f.provincie)
table = i18n.columns(context.display_table(context.region_context(year), in_province))
st.dataframe(table, hide_index=True, column_config={
    **{c: st.column_config.NumberColumn(format="%.1f") for c in table.columns if c.endswith("(%)")},
    table.columns[2]: st.column_config.NumberColumn(format="localized"),
    i18n.column("Herindeling 2022→2024"): st.column_config.TextColumn(width="large"),
})
st.caption(t("context.bron_jaar", bron=context.SOURCE_TEXT, jaar=t(f"context.jaar_{year}")) + ". "
           + t("context.indeling") + (t("context.alleen_provincie") if f.provincie else "") + ".")
with st.expander(t("context.waarom_kop")):
    st.markdown(context.APPROX_EXPLANATION if not i18n.is_english() else t("context.waarom"))

c1, c2 = st.columns(2)
c1.download_button(
    t("context.download_tabel"),
    export.to_csv_bytes(table, export.header_lines(
        t("context.export_tabel", jaar=t(f"context.jaar_{year}")), [context.SOURCE_TEXT],
        filters.describe(ds, f), illustrative=False)),
    file_name=export.safe_filename("contextcijfers", str(year), f.provincie or "", ext="csv"),
    mime="text/csv", key="context_download_tabel",
)
c2.download_button(
    t("context.download_grafiek"),
    export.to_csv_bytes(i18n.columns(context.scatter_export_table(combined)), export.header_lines(
        t("context.export_grafiek", peiling=peiling_label), [context.SOURCE_TEXT],
        filters.describe(ds, f), illustrative=ds.is_illustrative(f.peiling))),
    file_name=export.safe_filename("voortgang_en_context", filters.describe(ds, f), ext="csv"),
    mime="text/csv", key="context_download_grafiek",
)

ui.source_footer()
