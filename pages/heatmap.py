"""Thema's per regio: de heatmap met marges en een detail per cel (klik of kies)."""

import streamlit as st

from lib import charts, export, filters, heatmap, i18n, transforms, ui
from lib.i18n import t

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()
filters_text = filters.describe(ds, f)


def table_with_download(table, title: str, name: str, key: str) -> None:
    """Tabelalternatief en CSV van precies wat getoond wordt (bronregels en filters bovenaan)."""
    table = i18n.columns(table)
    ui.table_alternative(table, key=f"{key}_tabel")
    header = export.header_lines(title, [ui_source], filters_text, ds.is_illustrative(f.peiling))
    st.download_button(t("ui.download_csv"), lambda: export.to_csv_bytes(table, header), key=f"{key}_csv", icon="⬇️",
                       file_name=export.safe_filename(name, filters_text, ext="csv"), mime="text/csv",
                       on_click="ignore")


ui_source = t("heatmap.bron", bron=t("algemeen.bron_voorbeeld") if ds.is_illustrative(f.peiling)
               else t("algemeen.bron_geimporteerd"))
variants, sorts = heatmap.variants(), heatmap.sorts()

# 1. Titel ---------------------------------------------------------------------------------------
st.title(t("heatmap.titel"))
st.markdown(t("heatmap.intro", peiling=peiling_label))
ui.illustrative_marker(ds, f.peiling)

# 2. Weergave ------------------------------------------------------------------------------------
c1, c2 = st.columns(2)
variant = c1.segmented_control(t("heatmap.weergave"), list(variants), format_func=variants.get,
                               default=heatmap.VARIANT_STATUS, key="heatmap_variant", required=True)
sort = c2.selectbox(t("heatmap.sorteren"), list(sorts), format_func=sorts.get, key="heatmap_sort")
previous = transforms.previous_peiling(ds, f.peiling)
if variant == heatmap.VARIANT_CHANGE and previous is None:
    st.info(t("algemeen.eerste_peiling", peiling=peiling_label))

# 3. Heatmap -------------------------------------------------------------------------------------
grid = heatmap.change_grid(ds, f)
if grid.is_empty():
    st.info(t("algemeen.geen_regios"))
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
ui.plotly_chart(fig, key="heatmap_chart", on_select=_on_click, selection_mode="points",
                config=charts.plotly_config(export.safe_filename("themas_per_regio", filters_text, ext="png")[:-4]))
st.caption(
    t("heatmap.caption", n=len(regions))
    + (" " + t("heatmap.caption_kader") if f.thema else "")
    + (" " + t("heatmap.caption_licht") if f.statussen else "")
)
table = heatmap.heatmap_table(grid, ds.vocab, variant, regions, themes)
table_with_download(table, t("heatmap.export_titel", weergave=variants[variant], peiling=peiling_label),
                    "themas_per_regio" if variant == heatmap.VARIANT_STATUS else "verandering_per_regio", "heatmap")

# 4. Detail van één cel --------------------------------------------------------------------------
st.subheader(t("heatmap.detail_kop"))
names = dict(zip(grid["regio_code"], grid["regio_naam"]))
d1, d2 = st.columns(2)
regio = d1.selectbox(t("algemeen.regio"), regions, format_func=lambda r: names.get(r, r), index=None,
                     placeholder=t("algemeen.kies_regio"), key="heatmap_regio")
thema = d2.selectbox(t("algemeen.thema"), themes, format_func=lambda c: f"{c} {ds.vocab.theme_labels[c]}", index=None,
                     placeholder=t("algemeen.kies_thema"), key="heatmap_thema")
if not (regio and thema):
    st.info(t("heatmap.kies_cel"))
else:
    detail = heatmap.cell_detail(ds, f.peiling, regio, thema)
    st.metric(t("heatmap.status_in", peiling=peiling_label), detail["status"])
    i18n.free_text_note()
    k1, k2, k3 = st.columns(3)
    for col, label, field in ((k1, "sterke_punten", "sterke_punten"), (k2, "zwakke_punten", "zwakke_punten"),
                              (k3, "vervolgstappen", "vervolgstappen")):
        col.markdown(f"**{t('heatmap.' + label)}**")
        col.text(detail[field] or "—")
    st.markdown(f"**{t('heatmap.alle_peilingen')}**")
    history = i18n.columns(heatmap.region_theme_history(ds, regio, thema))
    st.dataframe(history, hide_index=True)
    header = export.header_lines(t("heatmap.verloop_titel", regio=regio, thema=thema), [ui_source],
                                 t("heatmap.verloop_filters", regio=regio, thema=thema), ds.is_illustrative())
    st.download_button(t("ui.download_csv"), lambda: export.to_csv_bytes(history, header), key="heatmap_history_csv", icon="⬇️",
                       file_name=export.safe_filename("statusverloop", regio, thema, ext="csv"), mime="text/csv",
                       on_click="ignore")

ui.source_footer()
