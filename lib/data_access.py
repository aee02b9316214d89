"""De enige plek waar de app data laadt: gecachet aan de I/O-grens, met een versiesleutel.

De sleutel bestaat uit namen, groottes en wijzigingstijden van de CSV-bestanden: verandert een
bestand, dan wordt opnieuw geladen; anders delen alle sessies één Dataset.
"""

from __future__ import annotations

import streamlit as st

from lib.loaders import ILLUSTRATIVE_DIR, Dataset, data_version, load_dataset
from lib.paths import DATA_DIR


@st.cache_resource(show_spinner="Data laden…", max_entries=4)
def _load(version: str) -> Dataset:  # noqa: ARG001 - version is de cachesleutel
    return load_dataset(DATA_DIR, ILLUSTRATIVE_DIR)


def get_dataset() -> Dataset:
    return _load(data_version(DATA_DIR, ILLUSTRATIVE_DIR))
