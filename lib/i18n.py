"""Taal van het dashboard: Nederlands (standaard) en Engels.

Alle UI-tekst staat in `translations/nl.toml` (de bron) en `translations/en.toml` (moet elke sleutel
hebben; tests/test_i18n.py bewaakt dat). Een sleutel is een pad door de geneste tabellen, bijv.
``t("start.titel")``; ``{naam}``-plekken worden met str.format gevuld: ``t("start.landelijk", peiling=...)``.

De taal staat in ``st.session_state["taal"]`` (de keuze in de zijbalk) en in de URL als ``?taal=en``
(Nederlands blijft uit de URL; een onbekende waarde wordt Nederlands). Buiten een Streamlit-run
(tests, scripts) is de taal Nederlands.

Vrije tekst uit de data (sterke/zwakke punten, vervolgstappen, omschrijvingen, bronteksten) blijft
Nederlands; in het Engels staat daar `free_text_note()` bij.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from lib.paths import ROOT

LANGS: tuple[str, ...] = ("nl", "en")
DEFAULT = "nl"
STATE_KEY = "taal"
URL_PARAM = "taal"
#: session_state-vlag: de taal uit de link van deze sessie is al gelezen.
URL_READ_KEY = "taal_url_gelezen"
TRANSLATIONS_DIR = ROOT / "translations"
#: Tabel in de vertaalbestanden met kolomkoppen (Nederlandse kop → vertaling); sleutels mogen punten bevatten.
COLUMNS_TABLE = "kolommen"


def _path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"{lang}.toml"


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> dict[str, Any]:  # noqa: ARG001 - mtime_ns is de cachesleutel
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def catalog(lang: str) -> dict[str, Any]:
    """De geneste tabel van één taal (gecachet op pad en wijzigingstijd)."""
    p = _path(lang)
    return _load(str(p), p.stat().st_mtime_ns)


def flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """{"a.b": tekst} voor alle bladeren (voor de pariteitstest)."""
    out: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, full + "."))
        else:
            out[full] = value
    return out


def _strict() -> bool:
    """In tests is een ontbrekende sleutel een fout; in de app valt hij terug op het Nederlands."""
    return "PYTEST_CURRENT_TEST" in os.environ or os.environ.get("I18N_STRICT") == "1"


def _in_streamlit_run() -> bool:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        return get_script_run_ctx(suppress_warning=True) is not None
    except Exception:  # noqa: BLE001 - geen Streamlit: dan Nederlands
        return False


def normalize(value: object) -> str:
    """Een taalwaarde uit de URL of session_state: 'nl' of 'en' (onbekend → nl)."""
    v = str(value or "").strip().lower()
    return v if v in LANGS else DEFAULT


def current_lang() -> str:
    if not _in_streamlit_run():
        return DEFAULT
    import streamlit as st

    return normalize(st.session_state.get(STATE_KEY, DEFAULT))


def _lookup(lang: str, key: str) -> str | None:
    node: Any = catalog(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """De tekst bij `key` in de huidige taal, met {plekken} ingevuld."""
    lang = lang or current_lang()
    text = _lookup(lang, key)
    if text is None:
        if _strict():
            raise KeyError(f"vertaalsleutel '{key}' ontbreekt in translations/{lang}.toml")
        text = _lookup(DEFAULT, key) if lang != DEFAULT else None
        if text is None:
            return key
    return text.format(**fmt) if fmt else text


def column(name: str, lang: str | None = None) -> str:
    """Een (Nederlandse) kolomkop in de huidige taal; onbekend → ongewijzigd."""
    lang = lang or current_lang()
    if lang == DEFAULT:
        return name
    return catalog(lang).get(COLUMNS_TABLE, {}).get(name, name)


def columns(df: pl.DataFrame, lang: str | None = None) -> pl.DataFrame:
    """Een tabel met vertaalde kolomkoppen (voor weergave en download; de inhoud blijft gelijk)."""
    lang = lang or current_lang()
    if lang == DEFAULT:
        return df
    mapping = {c: column(c, lang) for c in df.columns}
    mapping = {k: v for k, v in mapping.items() if k != v and v not in df.columns}
    return df.rename(mapping) if mapping else df


def change_label(code: str) -> str:
    """Label van een veranderingsklasse (verbeterd, gelijk, verslechterd, onbekend; lib.colors.CHANGE_CODES)."""
    return t(f"verandering.{code}")


def is_english() -> bool:
    return current_lang() == "en"


# --------------------------------------------------------------------------------------------
# Streamlit: de taal uit de link lezen en de keuze terugschrijven (app.py)
# --------------------------------------------------------------------------------------------
def sync_from_url() -> str:
    """Bij de eerste run van een sessie: ?taal=… in session_state zetten. Geeft de taal van deze run."""
    import streamlit as st

    if not st.session_state.get(URL_READ_KEY):
        if URL_PARAM in st.query_params:
            st.session_state[STATE_KEY] = normalize(st.query_params.get(URL_PARAM))
        st.session_state[URL_READ_KEY] = True
    st.session_state[STATE_KEY] = normalize(st.session_state.get(STATE_KEY, DEFAULT))
    return st.session_state[STATE_KEY]


def write_url(lang: str) -> None:
    """Nederlands blijft uit de URL; Engels staat er als ?taal=en."""
    import streamlit as st

    if lang == DEFAULT:
        if URL_PARAM in st.query_params:
            del st.query_params[URL_PARAM]
    elif st.query_params.get(URL_PARAM) != lang:
        st.query_params[URL_PARAM] = lang


def render_toggle() -> str:
    """De taalkeuze in de zijbalk ("Taal / Language"), gebonden aan session_state en de URL."""
    import streamlit as st

    lang = st.sidebar.segmented_control(
        "Taal / Language", list(LANGS), format_func=str.upper, key=STATE_KEY, required=True,
    )
    lang = normalize(lang)
    write_url(lang)
    return lang


def free_text_note() -> None:
    """In het Engels: een korte melding bij vrije tekst uit de data (die Nederlands blijft)."""
    if is_english():
        import streamlit as st

        st.caption(t("algemeen.vrije_tekst"))
