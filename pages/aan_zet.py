"""Wie is aan zet: per thema het niveau en de partijen van de vijfhoek, en de tijdlijn van de agenda."""

import datetime as dt

import streamlit as st

from lib import agenda, charts, context, filters, i18n, profile, ui
from lib.i18n import t
from lib.validation import DataValidationError

ds = ui.load_or_stop()
f = filters.current(ds)

st.title(t("aan_zet.titel"))
st.markdown(t("aan_zet.intro"))

try:
    resp = agenda.get_responsibilities()
    milestones = agenda.get_milestones()
except DataValidationError as exc:
    st.error(t("aan_zet.laadfout"))
    st.dataframe(context.issues_table(exc.issues), hide_index=True)
    st.stop()

# 1. Wie trekt welk thema -------------------------------------------------------------------------
st.subheader(t("aan_zet.trekt_kop"))
table = agenda.responsibility_table(resp, ds.vocab, f.thema)
n_open = agenda.count_unverified(table)
st.markdown(
    t("aan_zet.n_regels", n=table.height)
    + (t("aan_zet.voor_thema", thema=f.thema) if f.thema else t("aan_zet.voor_themas", n=len(ds.vocab.theme_codes)))
    + t("aan_zet.niet_geverifieerd", n=n_open)
)
i18n.free_text_note()
col = i18n.column
st.dataframe(
    i18n.columns(table), hide_index=True, key="aanzet_tabel",
    column_config={
        col("Link"): st.column_config.LinkColumn(t("aan_zet.bron_link"), display_text=t("aan_zet.open_bron"),
                                                 width="small"),
        col("Wat"): st.column_config.TextColumn(width="medium"),
        col("Bron"): st.column_config.TextColumn(width="medium"),
        col("Toelichting"): st.column_config.TextColumn(width="medium"),
    },
)
with st.expander(t("aan_zet.alle_bronnen")):
    st.markdown(agenda.responsibility_sources_markdown(resp))
ui.download_buttons(
    table, title=t("aan_zet.export_titel"), name_parts=["wie_is_aan_zet", f.thema or ""],
    sources=[t("aan_zet.export_bron")], filters_text=t("aan_zet.export_filters", thema=f.thema or t("netwerken.alle")),
    illustrative=False, key="aanzet_dl",
)

st.markdown(f"**{t('aan_zet.per_partij')}**")
st.dataframe(i18n.columns(agenda.party_matrix(resp, ds.vocab)), hide_index=True, key="aanzet_partijen")
st.caption(t("aan_zet.partij_noot"))

# 2. Waar staat een regio ------------------------------------------------------------------------
st.subheader(t("aan_zet.regio_kop"))
options = profile.region_options(ds, f.peiling)
regio = None
if ui.aggregate_mode():
    st.info(t("aan_zet.geanonimiseerd"), icon="🔒")
else:
    none_label = t("aan_zet.kies_regio")
    regio = st.selectbox(t("aan_zet.toon_regio"), [None, *options], key="aanzet_regio",
                         format_func=lambda c: none_label if c is None else f"{options[c]} ({c})")
if regio:
    ui.illustrative_marker(ds, f.peiling)
    st.dataframe(i18n.columns(agenda.region_responsibilities(ds, regio, f.peiling, resp).drop("status_waarde")),
                 hide_index=True, key="aanzet_regio_tabel")

# 3. Tijdlijn ------------------------------------------------------------------------------------
st.subheader(t("aan_zet.tijdlijn_kop"))
frame = agenda.timeline_frame(milestones, ds.peilingen)
ui.plotly_chart(agenda.timeline_figure(frame, today=dt.date.today()),
                config=charts.plotly_config("tijdlijn_hervormingsagenda"), key="aanzet_tijdlijn")
st.caption(t("aan_zet.tijdlijn_noot"))
if ds.is_illustrative():
    st.info(t("aan_zet.peilingen_voorbeeld"), icon="🧪")
st.markdown(f"**{t('aan_zet.bronnen_kop')}**")
i18n.free_text_note()
st.markdown(agenda.milestone_sources_markdown(milestones))
st.caption(t("aan_zet.bestanden_noot"))
