"""Ondersteuningsbehoeften: het landelijke beeld (echt) naast de verdeling per categorie (voorbeelddata)."""

import streamlit as st

from lib import charts, export, filters, geodata, i18n, needs, svgmap, transforms, ui
from lib.i18n import t
from lib.heatmap import regions_passing

ds = ui.load_or_stop()
f = filters.current(ds)
labels = dict(zip(ds.peilingen["peiling_id"], ds.peilingen["label"]))
peiling_label = labels[f.peiling]
filters_text = filters.describe(ds, f)
illustrative = ds.is_illustrative(f.peiling)
source = t("behoeften.bron", bron=t("algemeen.bron_voorbeeld") if illustrative else t("algemeen.bron_geimporteerd"))


def show(fig, table, title: str, name: str, key: str) -> None:
    """Grafiek, tabelalternatief en CSV van precies wat de grafiek toont."""
    ui.plotly_chart(fig, key=f"{key}_chart", config=charts.plotly_config(export.safe_filename(name, filters_text,
                                                                                             ext="png")[:-4]))
    ui.table_alternative(i18n.columns(table), key=f"{key}_tabel")
    download(table, title, name, key)


def download(table, title: str, name: str, key: str) -> None:
    header = export.header_lines(f"{title} — {peiling_label}", [source], filters_text, illustrative)
    data = i18n.columns(table)
    st.download_button(t("ui.download_csv"), lambda: export.to_csv_bytes(data, header), key=f"{key}_csv", icon="⬇️",
                       file_name=export.safe_filename(name, filters_text, ext="csv"), mime="text/csv",
                       on_click="ignore")


# 1. Titel en het echte landelijke beeld ------------------------------------------------------------
st.title(t("behoeften.titel"))
st.markdown(t("behoeften.intro"))
with st.container(border=True):
    st.markdown(f"##### {t('behoeften.metarapportage_kop')}")
    i18n.free_text_note()
    st.markdown("\n".join(f"- {line}" for line in needs.NATIONAL_FINDINGS))
    st.caption(needs.NATIONAL_SOURCE if not i18n.is_english() else t("behoeften.metarapportage_bron"))

# 2. Verdeling per categorie (voorbeelddata) ---------------------------------------------------------
st.subheader(t("behoeften.per_categorie", peiling=peiling_label))
ui.illustrative_marker(ds, f.peiling)
regions = regions_passing(ds, f)
n_regions = regions.height
if n_regions == 0:
    st.info(t("algemeen.geen_regios"))
    ui.source_footer(geo=True)
    st.stop()
scope = needs.needs_in_scope(ds, f)
st.caption(t("behoeften.in_beeld", n=n_regions, behoeften=scope.height)
           + (t("behoeften.alleen_thema", thema=f"{f.thema} {ds.vocab.theme_labels[f.thema]}") if f.thema else "") + ".")
dist = needs.category_distribution(scope, ds.vocab, n_regions)
show(needs.distribution_bar(dist, n_regions), needs.distribution_table(dist),
     t("behoeften.export_dist"), "behoeften_per_categorie", "behoeften_dist")

st.markdown(f"**{t('behoeften.prioriteit_kop')}**")
order = dist["categorie_code"].to_list()
prio = needs.priority_breakdown(scope, ds.vocab, order)
show(needs.priority_bar(prio, ds.vocab), needs.priority_table(prio, ds.vocab),
     t("behoeften.export_prio"), "behoeften_prioriteit", "behoeften_prio")

st.markdown(f"**{t('behoeften.matrix_kop')}**")
matrix = needs.category_theme_matrix(scope, ds.vocab)
show(needs.matrix_heatmap(matrix, ds.vocab), needs.matrix_table(matrix, ds.vocab),
     t("behoeften.export_matrix"), "behoeften_categorie_thema", "behoeften_matrix")

# 3. Verandering sinds de vorige peiling -----------------------------------------------------------------
st.subheader(t("behoeften.verandering_kop"))
change = needs.change_between(ds, f, ds.vocab)
if change is None:
    st.info(t("algemeen.eerste_peiling", peiling=peiling_label))
else:
    prev_label = labels[transforms.previous_peiling(ds, f.peiling)]
    show(needs.change_dumbbell(change, prev_label, peiling_label), needs.change_table(change, prev_label, peiling_label),
         t("behoeften.export_verandering"), "behoeften_verandering", "behoeften_change")

# 4. Welke regio's vragen om een categorie ------------------------------------------------------------------
st.subheader(t("behoeften.welke_kop"))
categorie = st.selectbox(t("behoeften.categorie"), order, format_func=ds.vocab.category_labels.get, key="behoeften_categorie")
asking = needs.regions_asking(ds, f, categorie)
c1, c2 = st.columns([3, 2])
with c1:
    st.markdown(t("behoeften.vragen_om", n=asking.height, totaal=n_regions, categorie=ds.vocab.category_labels[categorie]))
    ui.static_table(i18n.columns(asking), max_height=420, nowrap=[i18n.column("Regiocode"), i18n.column("Prioriteit")],
                    label=t("behoeften.vragen_om_tabel", categorie=ds.vocab.category_labels[categorie]))
    download(asking, t("behoeften.export_vragen", categorie=ds.vocab.category_labels[categorie]),
             f"regios_{categorie}", "behoeften_regios")
with c2:
    try:
        year = int(ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["indeling_jaar"].item())
        geo = geodata.regions_geojson(year)
    except geodata.GeoDataMissing as exc:
        st.info(str(exc))
    else:
        what = t("behoeften.kaart_beschrijving", n=asking.height, categorie=ds.vocab.category_labels[categorie])
        st.image(svgmap.highlight_svg(geo, asking["Regiocode"].to_list(), label=t("behoeften.vraagt_hierom"),
                                      yes=t("kaart.ja"), no=t("kaart.nee"), description=what),
                 width=320, alt=what)
        st.caption(t("behoeften.kaart_noot"))

# 5. Per regio -------------------------------------------------------------------------------------------------
st.subheader(t("behoeften.een_regio_kop"))
names = dict(zip(regions["regio_code"], regions["regio_naam"]))
regio = st.selectbox(t("algemeen.regio"), list(names), format_func=names.get, key="behoeften_regio")
own = needs.region_needs(ds, f.peiling, regio)
if own.is_empty():
    st.info(t("behoeften.geen_eigen", regio=names[regio], peiling=peiling_label))
else:
    i18n.free_text_note()
    ui.static_table(i18n.columns(own))
    download(own, t("behoeften.export_eigen", regio=names[regio], code=regio), f"behoeften_{regio}", "behoeften_eigen")

ui.source_footer(geo=True)
