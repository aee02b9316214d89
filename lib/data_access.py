"""De enige plek waar de app data laadt: gecachet aan de I/O-grens, met een versiesleutel.

De sleutel bestaat uit namen, groottes en wijzigingstijden van de CSV-bestanden plus de opslag en de
daar actieve importversie (`lib/store.py`): verandert een bestand of wordt er geïmporteerd of
teruggezet, dan wordt opnieuw geladen; anders delen alle sessies één Dataset.

De Dataset = de ingebedde voorbeelddata + de actieve geïmporteerde peilingen (een geïmporteerde peiling
met dezelfde peiling_id vervangt de voorbeeldpeiling).
"""

from __future__ import annotations

import streamlit as st

from lib import store
from lib.importer import load_combined_dataset
from lib.loaders import ILLUSTRATIVE_DIR, Dataset, data_version
from lib.paths import DATA_DIR
from lib.validation import Issue


@st.cache_resource(show_spinner="Data laden…", max_entries=4)
def _load(version: str, store_id: str, active: str | None) -> Dataset:  # noqa: ARG001 - sleutels
    return load_combined_dataset(DATA_DIR, ILLUSTRATIVE_DIR, store.get_store(), active)


def get_dataset() -> Dataset:
    try:
        s = store.get_store()
        manifest = s.manifest()
        store_id, active = f"{type(s).__name__}:{store.store_dir()}:{manifest.revision}", manifest.active
    except store.StoreError as exc:  # onleesbare opslag: toon de voorbeelddata, met de reden erbij
        ds = _load(data_version(DATA_DIR, ILLUSTRATIVE_DIR), "onleesbaar", None)
        return _with_warning(ds, Issue("opslag", f"de opslag met geïmporteerde peilingen is niet leesbaar: {exc}",
                                       severity="waarschuwing"))
    return _load(data_version(DATA_DIR, ILLUSTRATIVE_DIR), store_id, active)


def _with_warning(ds: Dataset, issue: Issue) -> Dataset:
    from dataclasses import replace

    return replace(ds, warnings=(*ds.warnings, issue))


def clear_cache() -> None:
    """Na een import of terugzetting: laat elke sessie de nieuwe data laden."""
    _load.clear()
