"""Leernetwerken: regio's met dezelfde ondersteuningsbehoefte of achterstand, en regio's die voorlopen."""

import streamlit as st

from lib import charts, filters, i18n, privacy, ui
from lib.i18n import t
from lib import networks as nw

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()
illustrative = ds.is_illustrative(f.peiling)

st.title(t("netwerken.titel"))
st.markdown(t("netwerken.intro", peiling=peiling_label))
rules = nw.rules()
ui.illustrative_marker(ds, f.peiling)

# 1. Keuze ---------------------------------------------------------------------------------------
c1, c2 = st.columns([3, 2])
kinds = {nw.KIND_CATEGORY: t("netwerken.soort_categorie"), nw.KIND_THEME: t("netwerken.soort_thema")}
kind = c1.radio(t("netwerken.groeperen"), list(kinds), horizontal=True, key="ln_soort", format_func=kinds.get)
k = privacy.min_k()
forced = ui.aggregate_mode()  # de geanonimiseerde modus van het dashboard: dan altijd alleen aantallen
if forced:
    st.session_state["ln_aggregaat"] = True
aggregate = c2.toggle(t("netwerken.alleen_aantallen"), key="ln_aggregaat", disabled=forced,
                      help=t("netwerken.alleen_aantallen_uitleg", k=k)
                      + (" " + t("netwerken.vast_aan") if forced else ""))
rule = nw.RULE_ABSOLUTE
if kind == nw.KIND_THEME:
    rule = st.radio(t("netwerken.regel"), list(rules), format_func=rules.get, horizontal=True,
                    key="ln_regel")
net = nw.build_networks(ds, f.peiling, f.provincie, rule)
rule_text = (t("netwerken.regel_tekst_categorie") if kind == nw.KIND_CATEGORY else
             t("netwerken.regel_tekst_thema", regel=rules[rule]))
filters_text = t("netwerken.filters", peiling=f.peiling, provincie=f.provincie or t("netwerken.alle"), regel=rule_text)

# 2a. Geanonimiseerd: alleen aantallen ------------------------------------------------------------
if aggregate:
    st.subheader(t("netwerken.aantal_per_categorie" if kind == nw.KIND_CATEGORY else "netwerken.aantal_per_thema"))
    if len(net.region_codes) < k:
        st.warning(t("netwerken.minder_dan_k", k=k), icon="🔒")
    table = nw.aggregate_table(net, kind, ds.vocab, k)
    st.dataframe(i18n.columns(table), hide_index=True, key="ln_aantallen",
                 column_config={i18n.column("Naam"): st.column_config.TextColumn(width="medium")})
    st.caption(t("netwerken.aantallen_noot", k=k, k1=k - 1, regel=rule_text[0].upper() + rule_text[1:]))
    if kind == nw.KIND_CATEGORY:
        st.dataframe(i18n.columns(nw.without_needs_counts(net, k)), hide_index=True, key="ln_zonder")
    ui.download_buttons(table, title=t("netwerken.export_aantallen", peiling=peiling_label),
                        name_parts=["leernetwerken_aantallen", kind, f.peiling, f.provincie or ""],
                        sources=[ui.source_progress()], filters_text=filters_text, illustrative=illustrative,
                        key="ln_dl_aantallen")

# 2b. Met regionamen -------------------------------------------------------------------------------
else:
    if kind == nw.KIND_CATEGORY:
        codes, labels = list(ds.vocab.category_codes), ds.vocab.category_labels
        code = st.selectbox(t("netwerken.soort_categorie"), codes, format_func=lambda c: labels[c], key="ln_categorie")
    else:
        codes, labels = list(ds.vocab.theme_codes), ds.vocab.theme_labels
        if f.thema and "ln_thema" not in st.session_state:
            st.session_state["ln_thema"] = f.thema
        code = st.selectbox(t("algemeen.thema"), codes, format_func=lambda c: f"{c} {labels[c]}", key="ln_thema")
    counts = nw.member_counts(net, kind, code)
    low = nw.ROLE_ASKS if kind == nw.KIND_CATEGORY else nw.ROLE_LAGS
    m1, m2 = st.columns(2)
    m1.metric(t("netwerken.vragen") if kind == nw.KIND_CATEGORY else t("netwerken.lopen_achter"), counts[low])
    m2.metric(t("netwerken.lopen_voor"), counts[nw.ROLE_AHEAD])
    table = nw.members_table(net, kind, code, ds.vocab)
    if kind == nw.KIND_CATEGORY:
        i18n.free_text_note()
    st.dataframe(i18n.columns(table), hide_index=True, key="ln_leden")
    st.caption(t("netwerken.leden_noot", regel=rule_text[0].upper() + rule_text[1:]))
    if kind == nw.KIND_CATEGORY and net.without_needs:
        st.caption(t("netwerken.zonder", regios=", ".join(net.names[c] for c in net.without_needs)))
    ui.download_buttons(table, title=t("netwerken.export_leden", naam=labels[code], peiling=peiling_label),
                        name_parts=["leernetwerk", code, f.peiling, f.provincie or ""], sources=[ui.source_progress()],
                        filters_text=filters_text, illustrative=illustrative, key="ln_dl_leden")

    st.subheader(t("netwerken.overzicht_kop"))
    grid = nw.matrix_frame(net, kind, ds.vocab)
    ui.plotly_chart(nw.matrix_figure(grid, net, kind, ds.vocab, highlight=code, illustrative=illustrative),
                    config=charts.plotly_config(f"leernetwerken_{kind}_{f.peiling}"), key="ln_matrix")
    st.caption(t("netwerken.matrix_noot", laag=t("netwerken.legenda_vraagt" if kind == nw.KIND_CATEGORY
                                                  else "netwerken.legenda_achter"))
               + (" " + t("netwerken.matrix_grijs") if kind == nw.KIND_THEME else "")
               + " " + t("netwerken.matrix_gekozen"))
ui.source_footer()
