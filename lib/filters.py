"""Globale filters (peiling, provincie, thema, status): één keer getekend in app.py, bewaard bij het
wisselen van pagina en gekoppeld aan de URL, zodat een gedeelde link precies hetzelfde beeld geeft.

Standaardwaarden blijven uit de URL. Een onbekende waarde in een link valt terug op de standaard,
met een korte melding.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from lib import schema
from lib.loaders import Dataset
from lib.transforms import Filters

ALL = "alle"
KEY_PEILING = "peiling"
KEY_PROVINCIE = "provincie"
KEY_THEMA = "thema"
KEY_STATUS = "status"
STATE_KEY = "filters"


def options(ds: Dataset) -> dict[str, list[str]]:
    provinces = ds.regions.select("provincie_code").unique().sort("provincie_code")["provincie_code"].to_list()
    return {
        KEY_PEILING: ds.peiling_ids,
        KEY_PROVINCIE: [ALL, *provinces],
        KEY_THEMA: [ALL, *ds.vocab.theme_codes],
        KEY_STATUS: list(schema.STATUS_CODES),
    }


def invalid_query_values(query: dict[str, list[str]], opts: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(sleutel, waarde) voor elke waarde in de URL die geen geldige optie is."""
    bad = []
    for key, allowed in opts.items():
        for value in query.get(key, []):
            if value not in allowed:
                bad.append((key, value))
    return bad


def _province_names(ds: Dataset) -> dict[str, str]:
    pairs = ds.regions.select("provincie_code", "provincie_naam").unique()
    return dict(zip(pairs["provincie_code"], pairs["provincie_naam"]))


def render_sidebar(ds: Dataset) -> Filters:
    opts = options(ds)
    query = {k: st.query_params.get_all(k) for k in opts}
    bad = invalid_query_values(query, opts)
    labels = {KEY_PEILING: "peiling", KEY_PROVINCIE: "provincie", KEY_THEMA: "thema", KEY_STATUS: "status"}
    for key, value in bad:
        st.sidebar.warning(
            f"De {labels[key]} ‘{value[:40]}’ uit de link bestaat niet; de standaardwaarde wordt getoond.",
            icon="⚠️",
        )
    peiling_labels = dict(zip(ds.peilingen["peiling_id"], ds.peilingen["label"]))
    provinces = _province_names(ds)
    with st.sidebar:
        st.markdown("**Filters**")
        peiling = st.selectbox(
            "Peiling", opts[KEY_PEILING], index=len(opts[KEY_PEILING]) - 1,
            format_func=lambda p: peiling_labels.get(p, p), key=KEY_PEILING, bind="query-params",
        )
        provincie = st.selectbox(
            "Provincie", opts[KEY_PROVINCIE],
            format_func=lambda p: "Alle provincies" if p == ALL else provinces.get(p, p),
            key=KEY_PROVINCIE, bind="query-params",
            help="Een regio telt mee bij de provincie waar de meeste van haar gemeenten liggen.",
        )
        thema = st.selectbox(
            "Thema", opts[KEY_THEMA],
            format_func=lambda t: "Alle thema's" if t == ALL else f"{t} {ds.vocab.theme_labels.get(t, t)}",
            key=KEY_THEMA, bind="query-params",
        )
        statussen = st.multiselect(
            "Status", opts[KEY_STATUS], format_func=lambda s: ds.vocab.status_labels.get(s, s),
            key=KEY_STATUS, bind="query-params", placeholder="Alle statussen",
        )
    f = Filters(
        peiling=peiling,
        provincie=None if provincie == ALL else provincie,
        thema=None if thema == ALL else thema,
        statussen=tuple(statussen),
    )
    st.session_state[STATE_KEY] = f
    return f


def current(ds: Dataset) -> Filters:
    """De filters van deze run (door app.py gezet); valt terug op de standaard (AppTest van één pagina)."""
    f = st.session_state.get(STATE_KEY)
    if isinstance(f, Filters) and f.peiling in ds.peiling_ids:
        return f
    return Filters(peiling=ds.latest_peiling)


def describe(ds: Dataset, f: Filters) -> str:
    """Korte beschrijving van de actieve filters (voor bestandsnamen en bijschriften)."""
    parts = [f.peiling]
    if f.provincie:
        parts.append(_province_names(ds).get(f.provincie, f.provincie))
    if f.thema:
        parts.append(f.thema)
    if f.statussen:
        parts.append("status-" + "-".join(f.statussen))
    return "_".join(parts)


def province_of_regions(ds: Dataset, peiling: str) -> pl.DataFrame:
    return ds.regions_for(peiling).select("regio_code", "provincie_code", "provincie_naam")
