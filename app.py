"""Dashboard Hervormingsagenda Jeugd: paginaconfiguratie, navigatie, modi en de globale filters."""

import streamlit as st

from lib import auth, filters, heap, i18n, privacy, ui
from lib.i18n import t
from lib.navigation import PAGES, PRESENTATION, SECTIONS, visible_pages

presenting = st.query_params.get("presentatie") == "1"
lang = i18n.sync_from_url()  # ?taal=en (ook in de presentatiemodus, die geen zijbalk heeft)
st.set_page_config(
    page_title=t("app.paginatitel"),
    page_icon="🧭",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "expanded",
)

# Geaggregeerde modus: afgedwongen door de inzet, of gekozen met de schakelaar (waarde van de vorige run).
forced = ui.aggregate_forced()
aggregate = ui.aggregate_mode()
specs = visible_pages(auth.analyst_configured() and not aggregate, aggregate)

if presenting:
    # Presentatiemodus: alleen de dia's, zonder zijbalk, werkbalk of navigatie, met grote letters.
    navigation = st.navigation([st.Page(PRESENTATION.path, title=t(f"nav.{PRESENTATION.url_path}"), icon=PRESENTATION.icon,
                                        url_path=PRESENTATION.url_path, default=True)], position="hidden")
    ui.presentation_style()
else:
    pages = {
        section: [
            st.Page(p.path, title=t(f"nav.{p.url_path}"), icon=p.icon, url_path=p.url_path, default=(p == PAGES[0]))
            for p in specs
            if p.section == section
        ]
        for section in SECTIONS
    }
    navigation = st.navigation({t(f"nav.sectie.{s}"): ps for s, ps in pages.items() if ps})

dataset = ui.load_or_stop()
if not presenting:
    i18n.render_toggle()
    with st.sidebar:
        st.toggle(
            t("app.geanonimiseerd"), key=privacy.STATE_KEY, value=forced, disabled=forced,
            help=t("app.geanonimiseerd_uitleg") + (" " + t("app.afgedwongen") if forced else ""),
        )
    filters.render_sidebar(dataset, privacy.min_k() if aggregate else None)
navigation.run()

# Na de run: de vaste heap (bibliotheken, gecachte data) buiten Streamlits opruimronde houden (lib/heap.py).
heap.freeze_when_new_modules()
