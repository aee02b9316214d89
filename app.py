"""Dashboard Hervormingsagenda Jeugd: paginaconfiguratie, navigatie en de globale filters."""

import streamlit as st

from lib import auth, filters, ui
from lib.navigation import PAGES, SECTIONS, visible_pages

st.set_page_config(
    page_title="Hervormingsagenda Jeugd — voortgang per jeugdregio",
    page_icon="🧭",
    layout="wide",
    initial_sidebar_state="expanded",
)

pages = {
    section: [
        st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=(p == PAGES[0]))
        for p in visible_pages(auth.analyst_configured())
        if p.section == section
    ]
    for section in SECTIONS
}
navigation = st.navigation({s: ps for s, ps in pages.items() if ps})

dataset = ui.load_or_stop()
filters.render_sidebar(dataset)
navigation.run()
