"""Presentatiemodus (?presentatie=1): een vaste reeks dia's voor een beamer, met vorige/volgende en
de pijltjestoetsen. De reeks staat in data/presentatie.toml. Werkt ook in de geaggregeerde modus."""

import polars as pl
import streamlit as st

from lib import charts, heatmap, i18n, needs, presentation, privacy, profile, transforms, ui
from lib.i18n import t
from lib.transforms import Filters

ds = ui.load_or_stop()
aggregate = ui.aggregate_mode()
k = privacy.min_k()
peiling = ds.latest_peiling
peiling_label = ds.peilingen.filter(pl.col("peiling_id") == peiling)["label"].item()
slides = presentation.slides_for_mode(
    presentation.load_slides(theme_codes=ds.vocab.theme_codes, region_codes=tuple(ds.regions["regio_code"])), aggregate
)

# 1. Welke dia (ook in de URL: &dia=3) ---------------------------------------------------------------
if "dia" not in st.session_state:
    st.session_state["dia"] = presentation.clamp_index(st.query_params.get("dia", 1), len(slides))


def _go(step: int) -> None:
    st.session_state["dia"] = max(0, min(len(slides) - 1, st.session_state["dia"] + step))
    st.query_params["dia"] = str(st.session_state["dia"] + 1)


index = st.session_state["dia"]
slide = slides[index]

# 2. Kop met teller en knoppen -----------------------------------------------------------------------
left, mid, right = st.columns([1, 6, 1], vertical_alignment="center")
left.button(t("presentatie.vorige"), on_click=_go, args=(-1,), disabled=index == 0, shortcut="Left", key="dia_vorige")
mid.markdown(t("presentatie.teller", nr=index + 1, n=len(slides), peiling=peiling_label))
right.button(t("presentatie.volgende"), on_click=_go, args=(1,), disabled=index == len(slides) - 1, shortcut="Right",
             key="dia_volgende")
st.title(slide.title(i18n.current_lang()))
ui.illustrative_marker(ds, peiling)
a = ds.assessments.filter(pl.col("peiling_id") == peiling)
config = charts.plotly_config(f"dia_{index + 1}")

# 3. De dia -----------------------------------------------------------------------------------------
fig = None
if slide.soort == "verdeling":
    s = transforms.national_summary(ds, peiling)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("start.jeugdregios"), s["regios"])
    c2.metric(t("start.in_uitvoering"), f"{s['aandeel_in_uitvoering_of_verder'] * 100:.0f}%")
    c3.metric(t("start.behoeften"), s["behoeften"])
    fig = charts.status_share_bar(transforms.status_distribution(a), ds.vocab)
elif slide.soort == "landelijk_per_thema":
    counts = transforms.theme_status_counts(a)
    if aggregate:
        counts = privacy.pool_theme_status_counts(counts.with_columns(pl.col("thema_code").cast(pl.String)), k)
    fig = charts.theme_status_stacked(counts, ds.vocab)
elif slide.soort == "heatmap":
    grid = heatmap.status_grid(ds, Filters(peiling=peiling))
    themes = heatmap.national_theme_order(ds, peiling)
    fig = heatmap.heatmap_figure(grid, ds.vocab, heatmap.VARIANT_STATUS,
                                 heatmap.order_regions(grid, "voortgang", themes), themes)
elif slide.soort == "behoeften":
    dist = needs.category_distribution(ds.needs.filter(pl.col("peiling_id") == peiling), ds.vocab, 42)
    values = dist["aantal_regios"].to_list()
    if aggregate:
        values = privacy.suppress_counts(values, k, complementary=False)
    fig = charts.suppressed_count_bar(dist["categorie"].to_list(), values, k, ds.regions_for(peiling).height)
elif slide.soort == "thema_uitgelicht":
    history = transforms.theme_history_counts(ds, slide.thema)
    if aggregate:
        history = privacy.pool_theme_status_counts(history, k)
    st.markdown(t("presentatie.thema_kop", thema=ds.vocab.theme_labels[slide.thema]))
    fig = charts.theme_status_stacked(history, ds.vocab, theme_order=ds.peiling_ids,
                                      label_map=dict(zip(ds.peilingen["peiling_id"], ds.peilingen["label"])))
elif slide.soort == "regio" and not aggregate:
    info = profile.region_info(ds, slide.regio, peiling)
    st.subheader(f"{info.name} ({info.code})")
    fig = charts.profile_dots(profile.region_vs_national(ds, slide.regio, peiling), ds.vocab, info.name)
if fig is not None:
    ui.plotly_chart(charts.beamer(fig), config=config, key="dia_plot")
if aggregate:
    st.caption(t("presentatie.geanonimiseerd", k=k))
st.caption(t("presentatie.toetsen"))
