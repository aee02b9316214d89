"""Globale filters (peiling, provincie, thema, status): één keer getekend in app.py, bewaard bij het
wisselen van pagina en gekoppeld aan de URL, zodat een gedeelde link precies hetzelfde beeld geeft.

In de URL staan codes (``?peiling=P2025-06&provincie=PV27&thema=T02&status=3&status=4``), nooit
labels: labels staan in databestanden en kunnen veranderen, codes niet. Standaardwaarden blijven uit
de URL. Een onbekende waarde in een link valt terug op de standaard, met een korte melding.

Waarom niet ``bind="query-params"``: Streamlit zet bij een gebonden selectbox het *getoonde label*
(de uitkomst van format_func) in de URL, bijv. ``?peiling=Peiling+juni+2025``. Een link met codes
werd dan stil genegeerd, en een link die de app zelf maakte gaf een onterechte melding. Daarom lezen
we de link één keer bij het openen van de sessie (`query_to_state`) en schrijven we na elke run de
afwijkingen van de standaard terug (`state_to_query`). De widgetwaarden staan in session_state onder
vaste sleutels en blijven dus bewaard bij het wisselen van pagina.
"""

from __future__ import annotations

import re

import polars as pl
import streamlit as st

from lib import schema
from lib.i18n import t
from lib.loaders import Dataset
from lib.transforms import Filters

ALL = "alle"
KEY_PEILING = "peiling"
KEY_PROVINCIE = "provincie"
KEY_THEMA = "thema"
KEY_STATUS = "status"
STATE_KEY = "filters"
#: session_state-vlag: de link van deze sessie is al gelezen (alleen bij het openen telt de URL).
URL_READ_KEY = "filters_url_gelezen"
MULTI_KEYS: tuple[str, ...] = (KEY_STATUS,)


def options(ds: Dataset, min_regions: int | None = None) -> dict[str, list[str]]:
    """Geldige waarden per filter. `min_regions`: alleen provincies met minstens zoveel regio's (in de
    geaggregeerde modus k, zodat een provincie nooit één herkenbare regio is)."""
    counts = ds.regions.filter(pl.col("jaar") == ds.regions["jaar"].max()).group_by("provincie_code").len()
    if min_regions:
        counts = counts.filter(pl.col("len") >= min_regions)
    provinces = counts.sort("provincie_code")["provincie_code"].to_list()
    return {
        KEY_PEILING: ds.peiling_ids,
        KEY_PROVINCIE: [ALL, *provinces],
        KEY_THEMA: [ALL, *ds.vocab.theme_codes],
        KEY_STATUS: list(schema.STATUS_CODES),
    }


def defaults(ds: Dataset) -> dict[str, str | list[str]]:
    return {KEY_PEILING: ds.latest_peiling, KEY_PROVINCIE: ALL, KEY_THEMA: ALL, KEY_STATUS: []}


def invalid_query_values(query: dict[str, list[str]], opts: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(sleutel, waarde) voor elke waarde in de URL die geen geldige optie is."""
    bad = []
    for key, allowed in opts.items():
        for value in query.get(key, []):
            if value not in allowed:
                bad.append((key, value))
    return bad


def query_to_state(query: dict[str, list[str]], opts: dict[str, list[str]]) -> dict[str, str | list[str]]:
    """De geldige waarden uit een link, per filtersleutel (ontbrekend = standaard laten staan).

    Enkelvoudige filters nemen de laatste geldige waarde (zoals st.query_params); de statusfilter
    neemt alle geldige waarden, zonder dubbele, in schaalvolgorde.
    """
    values: dict[str, str | list[str]] = {}
    for key, allowed in opts.items():
        valid = [v for v in query.get(key, []) if v in allowed]
        if not valid:
            continue
        values[key] = [v for v in allowed if v in valid] if key in MULTI_KEYS else valid[-1]
    return values


def state_to_query(values: dict[str, str | list[str]], dflt: dict[str, str | list[str]]) -> dict[str, list[str]]:
    """Wat er in de URL hoort: alleen de filters die van de standaard afwijken, als lijst codes."""
    out: dict[str, list[str]] = {}
    for key, default in dflt.items():
        value = values.get(key, default)
        if value == default or value in (None, []):
            continue
        out[key] = list(value) if isinstance(value, (list, tuple)) else [str(value)]
    return out


def shown_value(value: str, limit: int = 40) -> str:
    """Een waarde uit de URL veilig tonen: de melding is markdown, dus alleen letters, cijfers, spatie,
    punt, streepje en liggend streepje blijven staan (geen links, plaatjes of opmaak uit een link)."""
    return re.sub(r"[^0-9A-Za-zÀ-ÿ _.-]", "·", value[:limit])


def link_notice(key: str, value: str) -> str:
    """De korte melding bij een onbekende waarde uit een link."""
    which = "link_genegeerd" if key in MULTI_KEYS else "link_standaard"
    return t(f"filters.{which}", wat=t(f"filters.link_{key}"), waarde=shown_value(value))


def _province_names(ds: Dataset) -> dict[str, str]:
    pairs = ds.regions.select("provincie_code", "provincie_naam").unique()
    return dict(zip(pairs["provincie_code"], pairs["provincie_naam"]))


def _read_link_once(opts: dict[str, list[str]], dflt: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    """Bij de eerste run van een sessie: de link in session_state zetten. Geeft de onbekende waarden."""
    bad: list[tuple[str, str]] = []
    if not st.session_state.get(URL_READ_KEY):
        query = {k: st.query_params.get_all(k) for k in opts}
        bad = invalid_query_values(query, opts)
        for key, value in query_to_state(query, opts).items():
            st.session_state[key] = value
        st.session_state[URL_READ_KEY] = True
    for key, default in dflt.items():
        if key not in st.session_state or (key not in MULTI_KEYS and st.session_state[key] not in opts[key]):
            st.session_state[key] = default
    return bad


def _write_link(values: dict[str, str | list[str]], dflt: dict[str, str | list[str]]) -> None:
    want = state_to_query(values, dflt)
    for key in dflt:
        target = want.get(key, [])
        if st.query_params.get_all(key) == target:
            continue
        if target:
            st.query_params[key] = target if len(target) > 1 else target[0]
        else:
            del st.query_params[key]


def render_sidebar(ds: Dataset, min_regions_per_province: int | None = None) -> Filters:
    opts = options(ds, min_regions_per_province)
    dflt = defaults(ds)
    bad = _read_link_once(opts, dflt)
    for key, value in bad:
        st.sidebar.warning(link_notice(key, value), icon="⚠️")
    peiling_labels = dict(zip(ds.peilingen["peiling_id"], ds.peilingen["label"]))
    provinces = _province_names(ds)
    # Geen index/default: de waarde komt uit session_state (gezet door _read_link_once).
    # Vertaalde teksten vooraf ophalen: format_func mag geen t() aanroepen (AppTest roept hem buiten de run aan).
    all_prov, all_themes = t("filters.alle_provincies"), t("filters.alle_themas")
    with st.sidebar:
        st.markdown(f"**{t('filters.kop')}**")
        peiling = st.selectbox(
            t("filters.peiling"), opts[KEY_PEILING], format_func=lambda p: peiling_labels.get(p, p), key=KEY_PEILING,
        )
        provincie = st.selectbox(
            t("filters.provincie"), opts[KEY_PROVINCIE],
            format_func=lambda p: all_prov if p == ALL else provinces.get(p, p),
            key=KEY_PROVINCIE,
            help=t("filters.provincie_uitleg"),
        )
        thema = st.selectbox(
            t("filters.thema"), opts[KEY_THEMA],
            format_func=lambda c: all_themes if c == ALL else f"{c} {ds.vocab.theme_labels.get(c, c)}",
            key=KEY_THEMA,
        )
        statussen = st.multiselect(
            t("filters.status"), opts[KEY_STATUS], format_func=lambda s: ds.vocab.status_labels.get(s, s),
            key=KEY_STATUS, placeholder=t("filters.alle_statussen"),
        )
    _write_link({KEY_PEILING: peiling, KEY_PROVINCIE: provincie, KEY_THEMA: thema, KEY_STATUS: statussen}, dflt)
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
