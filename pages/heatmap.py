"""Thema's per regio: de heatmap met marges en een detail per cel (klik of kies)."""

import streamlit as st

from lib import charts, export, filters, heatmap, transforms, ui

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()
filters_text = filters.describe(ds, f)


def table_with_download(table, title: str, name: str, key: str) -> None:
    """Tabelalternatief en CSV van precies wat getoond wordt (bronregels en filters bovenaan)."""
    with st.expander("Tabel bij deze grafiek"):
        st.dataframe(table, hide_index=True)
    header = export.header_lines(title, [ui_source], filters_text, ds.is_illustrative(f.peiling))
    st.download_button("Download CSV", export.to_csv_bytes(table, header), key=f"{key}_csv", icon="⬇️",
                       file_name=export.safe_filename(name, filters_text, ext="csv"), mime="text/csv",
                       on_click="ignore")


ui_source = "Statussen per regio en thema: " + ("voorbeelddata (gegenereerd, fictief)"
                                               if ds.is_illustrative(f.peiling) else "geïmporteerde peiling")

# 1. Titel ---------------------------------------------------------------------------------------
st.title("Thema's per regio")
st.markdown(
    f"Per jeugdregio (rij) en thema (kolom) de status in **{peiling_label}**. Het cijfer in de cel is het "
    "niveau (0 = niet gestart … 4 = gerealiseerd), ‘?’ is onbekend. Rechts en onder staat het gemiddelde; "
    "onbekend en n.v.t. tellen daarin niet mee. Klik op een cel, of kies hieronder een regio en thema."
)
ui.illustrative_marker(ds, f.peiling)

# 2. Weergave ------------------------------------------------------------------------------------
c1, c2 = st.columns(2)
variant = c1.segmented_control("Weergave", list(heatmap.VARIANTS), format_func=heatmap.VARIANTS.get,
                               default=heatmap.VARIANT_STATUS, key="heatmap_variant", required=True)
sort = c2.selectbox("Regio's sorteren op", list(heatmap.SORTS), format_func=heatmap.SORTS.get, key="heatmap_sort")
previous = transforms.previous_peiling(ds, f.peiling)
if variant == heatmap.VARIANT_CHANGE and previous is None:
    st.info(f"{peiling_label} is de eerste peiling: er is geen vorige peiling om mee te vergelijken.")

# 3. Heatmap -------------------------------------------------------------------------------------
grid = heatmap.change_grid(ds, f)
if grid.is_empty():
    st.info("Geen regio's voor deze filters. Kies in de zijbalk een andere provincie of status.")
    ui.source_footer()
    st.stop()
themes = heatmap.national_theme_order(ds, f.peiling)
regions = heatmap.order_regions(grid, sort, themes, heatmap.value_column(variant))


def _on_click() -> None:
    cell = heatmap.cell_from_selection(st.session_state.get("heatmap_chart"))
    if cell:
        st.session_state["heatmap_regio"], st.session_state["heatmap_thema"] = cell


selected = (st.session_state.get("heatmap_regio"), st.session_state.get("heatmap_thema"))
fig = heatmap.heatmap_figure(grid, ds.vocab, variant, regions, themes, highlight_theme=f.thema, selected=selected)
st.plotly_chart(fig, key="heatmap_chart", on_select=_on_click, selection_mode="points",
                config=charts.plotly_config(export.safe_filename("themas_per_regio", filters_text, ext="png")[:-4]))
st.caption(
    f"{len(regions)} regio's. Thema's staan op landelijke voortgang in deze peiling (hoogste links)."
    + (" Een kader markeert het gekozen thema." if f.thema else "")
    + (" Lichte cellen vallen buiten de statusfilter." if f.statussen else "")
)
table = heatmap.heatmap_table(grid, ds.vocab, variant, regions, themes)
table_with_download(table, f"Thema's per regio — {heatmap.VARIANTS[variant]} — {peiling_label}",
                    "themas_per_regio" if variant == heatmap.VARIANT_STATUS else "verandering_per_regio", "heatmap")

# 4. Detail van één cel --------------------------------------------------------------------------
st.subheader("Detail: één regio op één thema")
names = dict(zip(grid["regio_code"], grid["regio_naam"]))
d1, d2 = st.columns(2)
regio = d1.selectbox("Regio", regions, format_func=lambda r: names.get(r, r), index=None,
                     placeholder="Kies een regio", key="heatmap_regio")
thema = d2.selectbox("Thema", themes, format_func=lambda t: f"{t} {ds.vocab.theme_labels[t]}", index=None,
                     placeholder="Kies een thema", key="heatmap_thema")
if not (regio and thema):
    st.info("Klik op een cel in de heatmap of kies een regio en een thema.")
else:
    detail = heatmap.cell_detail(ds, f.peiling, regio, thema)
    st.metric(f"Status in {peiling_label}", detail["status"])
    t1, t2, t3 = st.columns(3)
    for col, label, field in ((t1, "Sterke punten", "sterke_punten"), (t2, "Zwakke punten", "zwakke_punten"),
                              (t3, "Vervolgstappen", "vervolgstappen")):
        col.markdown(f"**{label}**")
        col.text(detail[field] or "—")
    st.markdown("**Status in alle peilingen**")
    history = heatmap.region_theme_history(ds, regio, thema)
    st.dataframe(history, hide_index=True)
    header = export.header_lines(f"Statusverloop {regio} {thema}", [ui_source], f"regio {regio}, thema {thema}",
                                 ds.is_illustrative())
    st.download_button("Download CSV", export.to_csv_bytes(history, header), key="heatmap_history_csv", icon="⬇️",
                       file_name=export.safe_filename("statusverloop", regio, thema, ext="csv"), mime="text/csv",
                       on_click="ignore")

ui.source_footer()
