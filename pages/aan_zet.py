"""Wie is aan zet: per thema het niveau en de partijen van de vijfhoek, en de tijdlijn van de agenda."""

import datetime as dt

import streamlit as st

from lib import agenda, charts, context, filters, profile, ui
from lib.validation import DataValidationError

ds = ui.load_or_stop()
f = filters.current(ds)

st.title("Wie is aan zet")
st.markdown(
    "De Hervormingsagenda Jeugd is van vijf partijen, de **vijfhoek**: Rijk, gemeenten (VNG), aanbieders, "
    "professionals en cliëntorganisaties. Het Implementatieplan (16 november 2023) beschrijft wie wanneer wat doet. "
    "Deze pagina toont wat daarover **in openbare bronnen is nagelezen**, met de bron bij elke regel."
)

try:
    resp = agenda.get_responsibilities()
    milestones = agenda.get_milestones()
except DataValidationError as exc:
    st.error("De tabellen met verantwoordelijkheden en mijlpalen konden niet worden geladen. Dit zijn de problemen:")
    st.dataframe(context.issues_table(exc.issues), hide_index=True)
    st.stop()

# 1. Wie trekt welk thema -------------------------------------------------------------------------
st.subheader("Wie trekt welk thema, en op welk niveau")
table = agenda.responsibility_table(resp, ds.vocab, f.thema)
n_open = agenda.count_unverified(table)
st.markdown(
    f"{table.height} regels" + (f" voor thema {f.thema} (filter in de zijbalk)" if f.thema else f" voor {len(ds.vocab.theme_codes)} thema's")
    + f"; **{n_open} zijn niet geverifieerd**: daar staat niet in een gelezen bron welk niveau of welke partij "
    "het trekt. De kolom *Bron* zegt dan waarop de regel wel berust. Niets is aangevuld met aannames."
)
st.dataframe(
    table, hide_index=True, key="aanzet_tabel",
    column_config={
        "Link": st.column_config.LinkColumn("Bron (link)", display_text="open bron", width="small"),
        "Wat": st.column_config.TextColumn(width="medium"),
        "Bron": st.column_config.TextColumn(width="medium"),
        "Toelichting": st.column_config.TextColumn(width="medium"),
    },
)
with st.expander("Alle bronnen per regel (de tabel linkt alleen de eerste)"):
    st.markdown(agenda.responsibility_sources_markdown(resp))
ui.download_buttons(
    table, title="Wie is aan zet — verantwoordelijkheden per thema", name_parts=["wie_is_aan_zet", f.thema or ""],
    sources=["data/responsibilities.csv (bronnen per regel)"], filters_text=f"thema {f.thema or 'alle'}",
    illustrative=False, key="aanzet_dl",
)

st.markdown("**Per partij van de vijfhoek**")
st.dataframe(agenda.party_matrix(resp, ds.vocab), hide_index=True, key="aanzet_partijen")
st.caption("Een lege cel betekent: niet gevonden in de gelezen bronnen — niet: deze partij heeft geen rol. "
           "Voor aanbieders, professionals en cliëntorganisaties is in de gelezen bronnen geen rol per thema gevonden.")

# 2. Waar staat een regio ------------------------------------------------------------------------
st.subheader("Waar staat een regio?")
options = profile.region_options(ds, f.peiling)
regio = None
if ui.aggregate_mode():
    st.info("De geanonimiseerde weergave staat aan: de stand van afzonderlijke regio's wordt niet getoond.", icon="🔒")
else:
    regio = st.selectbox("Toon per thema ook de stand van een regio", [None, *options], key="aanzet_regio",
                         format_func=lambda c: "— kies een regio —" if c is None else f"{options[c]} ({c})")
if regio:
    ui.illustrative_marker(ds, f.peiling)
    st.dataframe(agenda.region_responsibilities(ds, regio, f.peiling, resp).drop("status_waarde"), hide_index=True,
                 key="aanzet_regio_tabel")

# 3. Tijdlijn ------------------------------------------------------------------------------------
st.subheader("Tijdlijn van de agenda, 2023–2028")
frame = agenda.timeline_frame(milestones, ds.peilingen)
st.plotly_chart(agenda.timeline_figure(frame, today=dt.date.today()),
                config=charts.plotly_config("tijdlijn_hervormingsagenda"), key="aanzet_tijdlijn")
st.caption(
    "Dichte stip: gebeurd. Open stip: verwacht of aangekondigd (niet nagegaan of het is gebeurd). Een balkje: de bron "
    "noemt alleen een maand, kwartaal of jaar. Alleen mijlpalen die in een bron zijn gevonden; de maatregelen en "
    "planning uit het Implementatieplan zelf konden niet worden gelezen en staan er niet in."
)
if ds.is_illustrative():
    st.info("De onderste rij toont de peilingen van de geladen data op dezelfde tijdas. Dat is **voorbeelddata**: "
            "de data zijn fictief en geen echte meetmomenten van de Hervormingsagenda.", icon="🧪")
st.markdown("**Bronnen bij de tijdlijn**")
st.markdown(agenda.milestone_sources_markdown(milestones))
st.caption("Verantwoordelijkheden en mijlpalen staan in data/responsibilities.csv en data/milestones.csv en zijn "
           "aan te vullen als het Implementatieplan of nieuwe Kamerstukken meer zeggen.")
