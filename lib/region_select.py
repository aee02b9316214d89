"""Regiokeuze die synchroon loopt met de URL (?regio=JZxx), voor diepe links naar een regioprofiel.

Streamlit's eigen URL-binding zet het label van een optie in de URL; voor een stabiele, deelbare link
willen we de CBS-code. Daarom koppelen we hier zelf: de URL wint bij het openen, een wijziging in de
keuzelijst schrijft de code terug (in de callback, vóór de rest van het script).
"""

from __future__ import annotations

import streamlit as st

from lib.i18n import t

PARAM = "regio"


def _sync(param: str, key: str) -> None:
    st.query_params[param] = st.session_state[key]


def select_region(options: dict[str, str], key: str = "regio_sel", label: str | None = None,
                  param: str = PARAM) -> str:
    """Selectbox met codes als waarden en 'Naam (JZxx)' als tekst; geeft de gekozen code."""
    codes = list(options)
    wanted = (st.query_params.get(param) or "").strip().upper()
    if wanted in options:
        st.session_state[key] = wanted
    else:
        if wanted:
            st.warning(t("regio.onbekend_in_link", code=wanted[:20]), icon="⚠️")
        if st.session_state.get(key) not in options:
            st.session_state[key] = codes[0]
    code = st.selectbox(label or t("algemeen.regio"), codes, format_func=lambda c: f"{options[c]} ({c})", key=key,
                        on_change=_sync, args=(param, key))
    st.query_params[param] = code
    return code
