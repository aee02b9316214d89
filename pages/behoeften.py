"""Ondersteuningsbehoeften: het landelijke beeld (echt) naast de verdeling per categorie (voorbeelddata)."""

import streamlit as st

from lib import charts, export, filters, geodata, maps, needs, transforms, ui
from lib.heatmap import regions_passing

ds = ui.load_or_stop()
f = filters.current(ds)
labels = dict(zip(ds.peilingen["peiling_id"], ds.peilingen["label"]))
peiling_label = labels[f.peiling]
filters_text = filters.describe(ds, f)
illustrative = ds.is_illustrative(f.peiling)
source = "Ondersteuningsbehoeften per regio: " + ("voorbeelddata (gegenereerd, fictief)" if illustrative
                                                  else "geïmporteerde peiling")


def show(fig, table, title: str, name: str, key: str) -> None:
    """Grafiek, tabelalternatief en CSV van precies wat de grafiek toont."""
    st.plotly_chart(fig, key=f"{key}_chart", config=charts.plotly_config(export.safe_filename(name, filters_text,
                                                                                             ext="png")[:-4]))
    with st.expander("Tabel bij deze grafiek"):
        st.dataframe(table, hide_index=True)
    download(table, title, name, key)


def download(table, title: str, name: str, key: str) -> None:
    header = export.header_lines(f"{title} — {peiling_label}", [source], filters_text, illustrative)
    st.download_button("Download CSV", export.to_csv_bytes(table, header), key=f"{key}_csv", icon="⬇️",
                       file_name=export.safe_filename(name, filters_text, ext="csv"), mime="text/csv",
                       on_click="ignore")


# 1. Titel en het echte landelijke beeld ------------------------------------------------------------
st.title("Ondersteuningsbehoeften")
st.markdown("Waar vragen regio's ondersteuning bij? Eerst het echte landelijke beeld uit de metarapportage, "
            "daarna de verdeling per categorie in de gekozen peiling.")
with st.container(border=True):
    st.markdown("##### Landelijk beeld uit de metarapportage (echt, april 2024)")
    st.markdown("\n".join(f"- {line}" for line in needs.NATIONAL_FINDINGS))
    st.caption(needs.NATIONAL_SOURCE)

# 2. Verdeling per categorie (voorbeelddata) ---------------------------------------------------------
st.subheader(f"Behoeften per categorie — {peiling_label}")
ui.illustrative_marker(ds, f.peiling)
regions = regions_passing(ds, f)
n_regions = regions.height
if n_regions == 0:
    st.info("Geen regio's voor deze filters. Kies in de zijbalk een andere provincie of status.")
    ui.source_footer(geo=True)
    st.stop()
scope = needs.needs_in_scope(ds, f)
st.caption(f"{n_regions} regio's in beeld, {scope.height} behoeften"
           + (f", alleen bij thema {f.thema} {ds.vocab.theme_labels[f.thema]}" if f.thema else "") + ".")
dist = needs.category_distribution(scope, ds.vocab, n_regions)
show(needs.distribution_bar(dist, n_regions), needs.distribution_table(dist),
     "Aantal regio's per categorie", "behoeften_per_categorie", "behoeften_dist")

st.markdown("**Prioriteit die regio's aan de behoefte geven**")
order = dist["categorie_code"].to_list()
prio = needs.priority_breakdown(scope, ds.vocab, order)
show(needs.priority_bar(prio, ds.vocab), needs.priority_table(prio, ds.vocab),
     "Prioriteit per categorie", "behoeften_prioriteit", "behoeften_prio")

st.markdown("**Categorie × thema: bij welk thema horen de behoeften**")
matrix = needs.category_theme_matrix(scope, ds.vocab)
show(needs.matrix_heatmap(matrix, ds.vocab), needs.matrix_table(matrix, ds.vocab),
     "Categorie x thema", "behoeften_categorie_thema", "behoeften_matrix")

# 3. Verandering sinds de vorige peiling -----------------------------------------------------------------
st.subheader("Verandering sinds de vorige peiling")
change = needs.change_between(ds, f, ds.vocab)
if change is None:
    st.info(f"{peiling_label} is de eerste peiling: er is geen vorige peiling om mee te vergelijken.")
else:
    prev_label = labels[transforms.previous_peiling(ds, f.peiling)]
    show(needs.change_dumbbell(change, prev_label, peiling_label), needs.change_table(change, prev_label, peiling_label),
         "Verandering per categorie", "behoeften_verandering", "behoeften_change")

# 4. Welke regio's vragen om een categorie ------------------------------------------------------------------
st.subheader("Welke regio's vragen hierom?")
categorie = st.selectbox("Categorie", order, format_func=ds.vocab.category_labels.get, key="behoeften_categorie")
asking = needs.regions_asking(ds, f, categorie)
c1, c2 = st.columns([3, 2])
with c1:
    st.markdown(f"**{asking.height} van de {n_regions} regio's** in beeld vragen om "
                f"‘{ds.vocab.category_labels[categorie]}’.")
    st.dataframe(asking, hide_index=True)
    download(asking, f"Regio's die vragen om {ds.vocab.category_labels[categorie]}",
             f"regios_{categorie}", "behoeften_regios")
with c2:
    try:
        year = int(ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["indeling_jaar"].item())
        geo = geodata.regions_geojson(year)
    except geodata.GeoDataMissing as exc:
        st.info(str(exc))
    else:
        st.pydeck_chart(maps.highlight_deck(geo, asking["Regiocode"].to_list(), label="vraagt hierom"),
                        key="behoeften_map", height=320)
        st.caption("Gemarkeerd: de regio's uit de lijst. De lijst links is het tabelalternatief van de kaart.")

# 5. Per regio -------------------------------------------------------------------------------------------------
st.subheader("Behoeften van één regio")
names = dict(zip(regions["regio_code"], regions["regio_naam"]))
regio = st.selectbox("Regio", list(names), format_func=names.get, key="behoeften_regio")
own = needs.region_needs(ds, f.peiling, regio)
if own.is_empty():
    st.info(f"{names[regio]} meldt in {peiling_label} geen ondersteuningsbehoeften.")
else:
    st.dataframe(own, hide_index=True)
    download(own, f"Ondersteuningsbehoeften {names[regio]} ({regio})", f"behoeften_{regio}", "behoeften_eigen")

ui.source_footer(geo=True)
