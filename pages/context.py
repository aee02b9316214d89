"""Voortgang en context: de (illustratieve) voortgang per regio naast echte CBS-cijfers."""

import dataclasses

import streamlit as st

from lib import charts, charts_context, context, export, filters, transforms, ui
from lib.validation import DataValidationError

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()

st.title("Voortgang en context")
st.markdown(
    "Hoe verhoudt de voortgang van een regio zich tot haar omvang en het jeugdzorggebruik? Deze weergave zet "
    "twee soorten cijfers naast elkaar: de **voortgang per regio** uit de peiling en **echte CBS-cijfers** "
    "over inwoners, leeftijdsopbouw en jongeren met jeugdzorg."
)

try:
    ctx = context.get_context()
    regios = context.region_context(context.BOUNDARY_YEAR)
except DataValidationError as exc:
    st.error("De CBS-contextcijfers konden niet worden geladen. Dit zijn de problemen:")
    st.dataframe(context.issues_table(exc.issues), hide_index=True)
    st.stop()

# 1. Voortgang tegen jeugdzorg --------------------------------------------------------------------
st.subheader(f"Gemiddelde voortgang tegen jongeren met jeugdzorg — {peiling_label}")
ui.illustrative_marker(ds, f.peiling)
st.info(
    "**Let op: deze grafiek mengt twee soorten cijfers.** Verticaal staat de gemiddelde voortgang uit de peiling"
    + (" (voorbeelddata, fictief)" if ds.is_illustrative(f.peiling) else "")
    + "; horizontaal het echte percentage jongeren met jeugdzorg in 2022 (CBS). Een patroon zegt dus niets "
    "over echte regio's zolang de voortgang voorbeelddata is.",
    icon="⚖️",
)
# De statusfilter telt hier niet mee: een gemiddelde over alleen de gekozen statussen zegt niets.
assessments = transforms.filtered_assessments(ds, dataclasses.replace(f, statussen=()))
combined = context.progress_with_context(context.region_progress(assessments), regios)
national = context.national_context(ctx.gemeenten)
fig = charts_context.progress_vs_care_scatter(combined, ds.vocab.status_labels, national["pct_jeugdzorg_2022"],
                                              illustrative=ds.is_illustrative(f.peiling))
st.plotly_chart(fig, config=charts.plotly_config(f"voortgang_en_jeugdzorg_{f.peiling}"), key="context_scatter")
n_missing = combined["gemiddelde"].null_count()
st.caption(
    f"{combined.height - n_missing} regio's"
    + (f" ({n_missing} zonder bekende status weggelaten)" if n_missing else "")
    + ". Gemiddelde over de thema's met een bekende status"
    + (f" (alleen thema {f.thema})" if f.thema else "")
    + "; onbekend en n.v.t. tellen niet mee. De statusfilter geldt hier niet. De stippellijn is het landelijke "
    "jeugdzorgpercentage (met inwoners gewogen, benadering).  \n"
    f"{context.SOURCE_LINE} · {context.YEAR_NOTES[context.BOUNDARY_YEAR]}."
)

# 2. Contextcijfers per regio ---------------------------------------------------------------------
st.subheader("Contextcijfers per jeugdregio (echt, CBS)")
year = st.segmented_control("Jaar van inwoners en leeftijdsopbouw", list(context.YEARS), default=context.BOUNDARY_YEAR,
                            key="context_jaar", required=True)
in_province = transforms.regions_in_province(ds, f.peiling, f.provincie)
table = context.display_table(context.region_context(year), in_province)
st.dataframe(table, hide_index=True, column_config={
    **{c: st.column_config.NumberColumn(format="%.1f") for c in table.columns if c.endswith("(%)")},
    table.columns[2]: st.column_config.NumberColumn(format="localized"),
    "Herindeling 2022→2024": st.column_config.TextColumn(width="large"),
})
st.caption(f"{context.SOURCE_LINE} · {context.YEAR_NOTES[year]}. Regio-indeling 2024"
           + (", alleen regio's in de gekozen provincie" if f.provincie else "") + ".")
with st.expander("Waarom ‘benadering’? En wat gebeurde er met gemeenten die veranderden?"):
    st.markdown(context.APPROX_EXPLANATION)

c1, c2 = st.columns(2)
c1.download_button(
    "Contextcijfers downloaden (CSV)",
    export.to_csv_bytes(table, export.header_lines(
        f"Contextcijfers per jeugdregio ({context.YEAR_NOTES[year]})", [context.SOURCE_TEXT],
        filters.describe(ds, f), illustrative=False)),
    file_name=export.safe_filename("contextcijfers", str(year), f.provincie or "", ext="csv"),
    mime="text/csv", key="context_download_tabel",
)
c2.download_button(
    "Grafiekdata downloaden (CSV)",
    export.to_csv_bytes(context.scatter_export_table(combined), export.header_lines(
        f"Gemiddelde voortgang en jeugdzorg 2022 per regio — {peiling_label}", [context.SOURCE_TEXT],
        filters.describe(ds, f), illustrative=ds.is_illustrative(f.peiling))),
    file_name=export.safe_filename("voortgang_en_context", filters.describe(ds, f), ext="csv"),
    mime="text/csv", key="context_download_grafiek",
)

ui.source_footer()
