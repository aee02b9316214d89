"""Importeren (alleen analisten): sjabloon → upload → controleren wat verandert → bevestigen; versies terugzetten."""

import streamlit as st

from lib import auth, data_access, export, importer, store, ui
from lib.i18n import t
from lib.navigation import PAGES

KEY_LOGIN = "importeren_ingelogd"
KEY_THROTTLE = "importeren_rem"
KEY_UPLOAD_N = "importeren_upload_n"  # nieuwe sleutel = lege uploader na een geslaagde import
KEY_DONE = "importeren_klaar"

ds = ui.load_or_stop()  # eerst: loopt zo altijd via app.py (navigatie), ook bij een directe link na een herstart
st.title(t("importeren.titel"))
stored_hash = auth.configured_hash()
if stored_hash is None:  # de pagina staat dan ook niet in de navigatie
    st.info(t("importeren.niet_ingesteld"))
    st.stop()

# 1. Inloggen ------------------------------------------------------------------------------------
if not st.session_state.get(KEY_LOGIN):
    throttle = st.session_state.setdefault(KEY_THROTTLE, auth.LoginThrottle())
    st.markdown(t("importeren.alleen_analisten"))
    with st.form("importeren_login"):
        password = st.text_input(t("importeren.wachtwoord"), type="password", key="importeren_wachtwoord")
        submitted = st.form_submit_button(t("importeren.inloggen"))
    if submitted:
        ok, message = throttle.attempt(password, stored_hash)
        if ok:
            st.session_state[KEY_LOGIN] = True
            st.rerun()
        st.error(message)
    st.stop()

s = store.get_store()
kind_text = t({"illustratief": "importeren.soort_illustratief", "geïmporteerd": "importeren.soort_geimporteerd",
               "gemengd": "importeren.soort_gemengd"}[ds.kind])
st.markdown(t("importeren.nu_getoond", soort=kind_text))
for w in ds.warnings:
    if w.file == "opslag":
        st.warning(w.message, icon="⚠️")
user = st.text_input(t("importeren.naam"), max_chars=80, key="importeren_naam")
if st.button(t("importeren.uitloggen"), key="importeren_uitloggen"):
    st.session_state[KEY_LOGIN] = False
    st.rerun()

done = st.session_state.pop(KEY_DONE, None)
if done:
    st.success(done, icon="✅")
    for spec in PAGES:
        if spec.path in ("pages/heatmap.py", "pages/start.py"):
            st.page_link(spec.path, label=t("importeren.bekijk_in", pagina=t(f"nav.{spec.url_path}")), icon=spec.icon)

# 2. Sjabloon ------------------------------------------------------------------------------------
st.header(t("importeren.stap1"))
st.markdown(importer.IMPORT_HELP)
c1, c2, c3 = st.columns(3)
c1.download_button(t("importeren.sjabloon_xlsx"), data=lambda: importer.template_xlsx(ds), key="importeren_sjabloon_xlsx",
                   file_name="sjabloon_peiling.xlsx", on_click="ignore", icon="⬇️",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
c2.download_button(t("importeren.sjabloon_csv"), data=lambda: importer.template_csv(ds), key="importeren_sjabloon_csv",
                   file_name="sjabloon_beoordelingen.csv", mime="text/csv", on_click="ignore", icon="⬇️")
c3.download_button(t("importeren.sjabloon_behoeften"), data=lambda: importer.template_needs_csv(ds),
                   key="importeren_sjabloon_behoeften", file_name="sjabloon_behoeften.csv", mime="text/csv",
                   on_click="ignore", icon="⬇️")
with st.expander(t("importeren.kolommen_kop")):
    st.dataframe(importer.column_help(ds), hide_index=True)

# 3. Uploaden en controleren ---------------------------------------------------------------------
st.header(t("importeren.stap2"))
n = st.session_state.get(KEY_UPLOAD_N, 0)
uploads = st.file_uploader(
    t("importeren.upload"),
    accept_multiple_files=True, key=f"importeren_bestand_{n}", max_upload_size=importer.MAX_UPLOAD_MB,
)
if uploads:
    result = importer.parse_upload([(u.name, u.getvalue()) for u in uploads], ds.regions, ds.vocab, ds.themes)
    more = t("importeren.eerste_n", n=len(result.issues), totaal=result.total_issues) if result.total_issues > len(
        result.issues) else ""
    if not result.ok:
        st.error(t("importeren.fouten", n=len(result.errors), meer=more), icon="⛔")
        problems = importer.issues_frame(result.issues)
        st.dataframe(problems, hide_index=True, key="importeren_problemen")
        st.download_button(t("importeren.problemen_csv"), export.to_csv_bytes(problems), icon="⬇️", on_click="ignore",
                           file_name="importproblemen.csv", mime="text/csv", key="importeren_problemen_csv")
    else:
        st.header(t("importeren.stap3"))
        pv = importer.preview(result, ds)
        st.dataframe(pv.peilingen, hide_index=True, key="importeren_voorvertoning")
        st.markdown(t("importeren.per_status"))
        st.dataframe(pv.status_counts, hide_index=True, key="importeren_statussen")
        if result.warnings:
            st.warning(t("importeren.waarschuwingen", n=len(result.warnings), meer=more),
                       icon="⚠️")
            st.dataframe(importer.issues_frame(result.warnings), hide_index=True, key="importeren_waarschuwingen")
        if pv.text_sample.height:
            st.markdown(t("importeren.tekstvelden"))
            st.dataframe(pv.text_sample, hide_index=True, key="importeren_teksten")  # st.table leest markdown
        st.header(t("importeren.stap4"))
        if not user.strip():
            st.info(t("importeren.naam_nodig"))
        if st.button(t("importeren.bevestigen"), type="primary", disabled=not user.strip(), key="importeren_bevestigen"):
            try:
                info = importer.import_into_store(s, result, user=user)
            except store.StoreError as exc:
                st.error(t("importeren.niet_opgeslagen", reden=exc), icon="⛔")
                st.stop()
            data_access.clear_cache()
            st.session_state[KEY_DONE] = t("importeren.opgeslagen", versie=info.version_id,
                                           wat=", ".join(info.changed))
            st.session_state[KEY_UPLOAD_N] = n + 1
            st.rerun()

# 4. Versies ------------------------------------------------------------------------------------
st.header(t("importeren.versies_kop"))
versions = importer.versions_frame(s)
if versions.is_empty():
    st.caption(t("importeren.nog_niets"))
else:
    st.dataframe(versions, hide_index=True, key="importeren_versies")
    options = [None, *versions["versie"].to_list()]
    no_import = t("importeren.geen_import")
    choice = st.selectbox(t("importeren.versie"), options, key="importeren_terugzetten_versie",
                          index=options.index(s.manifest().active),
                          format_func=lambda v: no_import if v is None else v)
    if st.button(t("importeren.actief_maken"), disabled=not user.strip(), key="importeren_terugzetten"):
        s.restore(choice, user=user)
        data_access.clear_cache()
        st.session_state[KEY_DONE] = t("importeren.actief", versie=choice or t("importeren.geen_import_klein"))
        st.rerun()
