"""Leernetwerken: regio's met dezelfde ondersteuningsbehoefte of achterstand, en regio's die voorlopen."""

import streamlit as st

from lib import charts, filters, privacy, ui
from lib import networks as nw

ds = ui.load_or_stop()
f = filters.current(ds)
peiling_label = ds.peilingen.filter(ds.peilingen["peiling_id"] == f.peiling)["label"].item()
illustrative = ds.is_illustrative(f.peiling)

st.title("Leernetwerken")
st.markdown(
    "Welke regio's vragen om dezelfde ondersteuning, of lopen op hetzelfde thema achter? En welke regio's lopen "
    "daar al voor en kunnen hun ervaring delen? Zo ontstaan **kandidaat-leernetwerken** voor een ondersteuningsteam. "
    f"Peiling: **{peiling_label}** (te wijzigen in de zijbalk)."
)
ui.illustrative_marker(ds, f.peiling)

# 1. Keuze ---------------------------------------------------------------------------------------
c1, c2 = st.columns([3, 2])
kind = c1.radio("Groeperen op", [nw.KIND_CATEGORY, nw.KIND_THEME], horizontal=True, key="ln_soort",
                format_func=lambda k: "Ondersteuningsbehoefte" if k == nw.KIND_CATEGORY else "Achterstand op een thema")
k = privacy.min_k()
forced = ui.aggregate_mode()  # de geanonimiseerde modus van het dashboard: dan altijd alleen aantallen
if forced:
    st.session_state["ln_aggregaat"] = True
aggregate = c2.toggle("Alleen aantallen (geanonimiseerd)", key="ln_aggregaat", disabled=forced,
                      help=f"Geen regionamen; aantallen onder {k} worden verborgen."
                      + (" Staat vast aan: het dashboard is geanonimiseerd." if forced else ""))
rule = nw.RULE_ABSOLUTE
if kind == nw.KIND_THEME:
    rule = st.radio("Een regio loopt achter bij", list(nw.RULES), format_func=nw.RULES.get, horizontal=True,
                    key="ln_regel")
net = nw.build_networks(ds, f.peiling, f.provincie, rule)
rule_text = ("vraagt = noemde een behoefte in deze categorie; loopt voor = status In uitvoering of Gerealiseerd op "
             "het bijbehorende thema (en vraagt er zelf niet om)" if kind == nw.KIND_CATEGORY else
             f"loopt achter = {nw.RULES[rule]}; loopt voor = status In uitvoering of Gerealiseerd")
filters_text = f"peiling {f.peiling}, provincie {f.provincie or 'alle'}, {rule_text}"

# 2a. Geanonimiseerd: alleen aantallen ------------------------------------------------------------
if aggregate:
    st.subheader("Aantal regio's per " + ("categorie" if kind == nw.KIND_CATEGORY else "thema"))
    if len(net.region_codes) < k:
        st.warning(f"Er zijn minder dan {k} regio's in beeld (provinciefilter): alle aantallen zijn "
                   "verborgen.", icon="🔒")
    table = nw.aggregate_table(net, kind, ds.vocab, k)
    st.dataframe(table, hide_index=True, key="ln_aantallen",
                 column_config={"Naam": st.column_config.TextColumn(width="medium")})
    st.caption(f"‘< {k}’: 1 tot {k - 1} regio's. ‘verborgen’: weggelaten zodat een klein aantal "
               f"niet uit het totaal terug te rekenen is. {rule_text[0].upper() + rule_text[1:]}. "
               "Onbekend telt nooit als achter of voor.")
    if kind == nw.KIND_CATEGORY:
        st.dataframe(nw.without_needs_counts(net, k), hide_index=True, key="ln_zonder")
    ui.download_buttons(table, title=f"Leernetwerken, aantallen (geanonimiseerd) — {peiling_label}",
                        name_parts=["leernetwerken_aantallen", kind, f.peiling, f.provincie or ""],
                        sources=[ui.SOURCE_PROGRESS], filters_text=filters_text, illustrative=illustrative,
                        key="ln_dl_aantallen")

# 2b. Met regionamen -------------------------------------------------------------------------------
else:
    if kind == nw.KIND_CATEGORY:
        codes, labels = list(ds.vocab.category_codes), ds.vocab.category_labels
        code = st.selectbox("Ondersteuningsbehoefte", codes, format_func=lambda c: labels[c], key="ln_categorie")
    else:
        codes, labels = list(ds.vocab.theme_codes), ds.vocab.theme_labels
        if f.thema and "ln_thema" not in st.session_state:
            st.session_state["ln_thema"] = f.thema
        code = st.selectbox("Thema", codes, format_func=lambda c: f"{c} {labels[c]}", key="ln_thema")
    counts = nw.member_counts(net, kind, code)
    low = nw.ROLE_ASKS if kind == nw.KIND_CATEGORY else nw.ROLE_LAGS
    m1, m2 = st.columns(2)
    m1.metric("Vragen om ondersteuning" if kind == nw.KIND_CATEGORY else "Lopen achter", counts[low])
    m2.metric("Lopen voor (mogelijke peers)", counts[nw.ROLE_AHEAD])
    table = nw.members_table(net, kind, code, ds.vocab)
    st.dataframe(table, hide_index=True, key="ln_leden")
    st.caption(f"{rule_text[0].upper() + rule_text[1:]}. Status onbekend of n.v.t. telt nooit als achter of voor.")
    if kind == nw.KIND_CATEGORY and net.without_needs:
        st.caption("Zonder ondersteuningsbehoefte in deze peiling: "
                   + ", ".join(net.names[c] for c in net.without_needs) + ".")
    ui.download_buttons(table, title=f"Leernetwerk {labels[code]} — {peiling_label}",
                        name_parts=["leernetwerk", code, f.peiling, f.provincie or ""], sources=[ui.SOURCE_PROGRESS],
                        filters_text=filters_text, illustrative=illustrative, key="ln_dl_leden")

    st.subheader("Alle netwerken in één overzicht")
    grid = nw.matrix_frame(net, kind, ds.vocab)
    st.plotly_chart(nw.matrix_figure(grid, net, kind, ds.vocab, highlight=code, illustrative=illustrative),
                    config=charts.plotly_config(f"leernetwerken_{kind}_{f.peiling}"), key="ln_matrix")
    st.caption("Oranje vierkant: " + ("vraagt ondersteuning" if kind == nw.KIND_CATEGORY else "loopt achter")
               + ". Blauw rondje: loopt voor, mogelijke peer. "
               + ("Grijs kruisje: status onbekend of n.v.t. " if kind == nw.KIND_THEME else "")
               + "De gekozen kolom is gemarkeerd.")
ui.source_footer()
