"""Importeren (alleen analisten): sjabloon → upload → controleren wat verandert → bevestigen; versies terugzetten."""

import streamlit as st

from lib import auth, data_access, export, importer, store, ui
from lib.navigation import PAGES

KEY_LOGIN = "importeren_ingelogd"
KEY_THROTTLE = "importeren_rem"
KEY_UPLOAD_N = "importeren_upload_n"  # nieuwe sleutel = lege uploader na een geslaagde import
KEY_DONE = "importeren_klaar"

ds = ui.load_or_stop()  # eerst: loopt zo altijd via app.py (navigatie), ook bij een directe link na een herstart
st.title("Peiling importeren")
stored_hash = auth.configured_hash()
if stored_hash is None:  # de pagina staat dan ook niet in de navigatie
    st.info("Importeren is op deze installatie niet ingesteld. Een beheerder zet een analist-wachtwoord in "
            "`.streamlit/secrets.toml` (zie README, 'Een peiling importeren').")
    st.stop()

# 1. Inloggen ------------------------------------------------------------------------------------
if not st.session_state.get(KEY_LOGIN):
    throttle = st.session_state.setdefault(KEY_THROTTLE, auth.LoginThrottle())
    st.markdown("Deze pagina is alleen voor analisten. Kijkers kunnen niets wijzigen.")
    with st.form("importeren_login"):
        password = st.text_input("Analist-wachtwoord", type="password", key="importeren_wachtwoord")
        submitted = st.form_submit_button("Inloggen")
    if submitted:
        ok, message = throttle.attempt(password, stored_hash)
        if ok:
            st.session_state[KEY_LOGIN] = True
            st.rerun()
        st.error(message)
    st.stop()

s = store.get_store()
kind_text = {"illustratief": "alleen voorbeelddata (fictief)", "geïmporteerd": "alleen geïmporteerde data",
             "gemengd": "voorbeelddata én geïmporteerde peilingen"}[ds.kind]
st.markdown(f"**Nu getoond in het dashboard:** {kind_text}.")
for w in ds.warnings:
    if w.file == "opslag":
        st.warning(w.message, icon="⚠️")
user = st.text_input("Uw naam (komt in het logboek bij import en terugzetten)", max_chars=80, key="importeren_naam")
if st.button("Uitloggen", key="importeren_uitloggen"):
    st.session_state[KEY_LOGIN] = False
    st.rerun()

done = st.session_state.pop(KEY_DONE, None)
if done:
    st.success(done, icon="✅")
    for spec in PAGES:
        if spec.path in ("pages/heatmap.py", "pages/start.py"):
            st.page_link(spec.path, label=f"Bekijk in ‘{spec.title}’", icon=spec.icon)

# 2. Sjabloon ------------------------------------------------------------------------------------
st.header("1. Sjabloon downloaden")
st.markdown(importer.IMPORT_HELP)
c1, c2, c3 = st.columns(3)
c1.download_button("Excel-sjabloon (.xlsx)", data=lambda: importer.template_xlsx(ds), key="importeren_sjabloon_xlsx",
                   file_name="sjabloon_peiling.xlsx", on_click="ignore", icon="⬇️",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
c2.download_button("CSV-sjabloon beoordelingen", data=lambda: importer.template_csv(ds), key="importeren_sjabloon_csv",
                   file_name="sjabloon_beoordelingen.csv", mime="text/csv", on_click="ignore", icon="⬇️")
c3.download_button("CSV-sjabloon behoeften", data=lambda: importer.template_needs_csv(ds),
                   key="importeren_sjabloon_behoeften", file_name="sjabloon_behoeften.csv", mime="text/csv",
                   on_click="ignore", icon="⬇️")
with st.expander("Alle kolommen en toegestane waarden"):
    st.dataframe(importer.column_help(ds), hide_index=True)

# 3. Uploaden en controleren ---------------------------------------------------------------------
st.header("2. Bestand uploaden")
n = st.session_state.get(KEY_UPLOAD_N, 0)
uploads = st.file_uploader(
    "Eén .xlsx-bestand, of één of twee .csv-bestanden (beoordelingen en eventueel behoeften)",
    accept_multiple_files=True, key=f"importeren_bestand_{n}", max_upload_size=importer.MAX_UPLOAD_MB,
)
if uploads:
    result = importer.parse_upload([(u.name, u.getvalue()) for u in uploads], ds.regions, ds.vocab, ds.themes)
    more = f" (de eerste {len(result.issues)} van {result.total_issues} getoond)" if result.total_issues > len(
        result.issues) else ""
    if not result.ok:
        st.error(f"Er is niets opgeslagen: het bestand bevat {len(result.errors)} fout(en){more}. Verbeter ze en "
                 "upload het bestand opnieuw.", icon="⛔")
        problems = importer.issues_frame(result.issues)
        st.dataframe(problems, hide_index=True, key="importeren_problemen")
        st.download_button("Alle problemen als CSV", export.to_csv_bytes(problems), icon="⬇️", on_click="ignore",
                           file_name="importproblemen.csv", mime="text/csv", key="importeren_problemen_csv")
    else:
        st.header("3. Controleren wat er verandert")
        pv = importer.preview(result, ds)
        st.dataframe(pv.peilingen, hide_index=True, key="importeren_voorvertoning")
        st.markdown("**Aantal beoordelingen per status**: nieuw, en (als de peiling iets vervangt) nu in het dashboard")
        st.dataframe(pv.status_counts, hide_index=True, key="importeren_statussen")
        if result.warnings:
            st.warning(f"{len(result.warnings)} waarschuwing(en){more}: de import kan door, maar controleer ze.",
                       icon="⚠️")
            st.dataframe(importer.issues_frame(result.warnings), hide_index=True, key="importeren_waarschuwingen")
        if pv.text_sample.height:
            st.markdown("**Voorbeeld van de tekstvelden** (zo verschijnen ze in het dashboard: als gewone tekst)")
            st.dataframe(pv.text_sample, hide_index=True, key="importeren_teksten")  # st.table leest markdown
        st.header("4. Bevestigen")
        if not user.strip():
            st.info("Vul hierboven uw naam in om te kunnen bevestigen.")
        if st.button("Importeren bevestigen", type="primary", disabled=not user.strip(), key="importeren_bevestigen"):
            try:
                info = importer.import_into_store(s, result, user=user)
            except store.StoreError as exc:
                st.error(f"Niet opgeslagen: {exc}.", icon="⛔")
                st.stop()
            data_access.clear_cache()
            st.session_state[KEY_DONE] = (f"Opgeslagen als versie {info.version_id}: {', '.join(info.changed)}. "
                                          "De peiling staat nu in elke weergave (kies haar in de zijbalk).")
            st.session_state[KEY_UPLOAD_N] = n + 1
            st.rerun()

# 4. Versies ------------------------------------------------------------------------------------
st.header("Versies en terugzetten")
versions = importer.versions_frame(s)
if versions.is_empty():
    st.caption("Nog niets geïmporteerd: het dashboard toont alleen de ingebouwde voorbeelddata.")
else:
    st.dataframe(versions, hide_index=True, key="importeren_versies")
    options = [None, *versions["versie"].to_list()]
    choice = st.selectbox("Versie", options, key="importeren_terugzetten_versie",
                          index=options.index(s.manifest().active),
                          format_func=lambda v: "Geen import (alleen voorbeelddata)" if v is None else v)
    if st.button("Deze versie actief maken", disabled=not user.strip(), key="importeren_terugzetten"):
        s.restore(choice, user=user)
        data_access.clear_cache()
        st.session_state[KEY_DONE] = (f"Actief: {choice or 'geen import (alleen voorbeelddata)'}. Versies blijven "
                                      "bewaard; u kunt altijd weer een andere actief maken.")
        st.rerun()
