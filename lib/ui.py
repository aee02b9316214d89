"""Kleine, herbruikbare stukjes opmaak: de voorbeelddata-markering, bronregels en paginabewaking.

Tekst uit databestanden gaat nooit door unsafe_allow_html: alles hier is gewone markdown of tekst.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from lib import schema
from lib.data_access import get_dataset
from lib.loaders import Dataset
from lib.validation import DataValidationError


def load_or_stop() -> Dataset:
    """Laad de data; bij fouten een Nederlandse uitleg per probleem en stop (nooit een traceback)."""
    try:
        return get_dataset()
    except DataValidationError as exc:
        st.error("De data van het dashboard kon niet worden geladen. Dit zijn de problemen:")
        st.dataframe(
            pl.DataFrame(
                {
                    "bestand": [i.file for i in exc.issues],
                    "regel": [i.row for i in exc.issues],
                    "kolom": [i.column or "" for i in exc.issues],
                    "probleem": [i.message for i in exc.issues],
                    "gevonden": [i.value or "" for i in exc.issues],
                }
            ),
            hide_index=True,
        )
        st.stop()
        raise  # pragma: no cover - st.stop() eindigt de run


def illustrative_marker(ds: Dataset, peiling: str | None = None) -> None:
    """De markering die op elk scherm met gegenereerde cijfers zichtbaar moet zijn."""
    if ds.is_illustrative(peiling):
        st.warning(f"**{schema.ILLUSTRATIVE_MARKER}.** {schema.ILLUSTRATIVE_EXPLANATION}", icon="🧪")
    elif ds.kind == "gemengd":
        st.info("Deze weergave toont geïmporteerde data; andere peilingen zijn voorbeelddata.", icon="ℹ️")


def source_footer(geo: bool = False) -> None:
    lines = [schema.ATTRIBUTION_MEMBERSHIP]
    if geo:
        lines.insert(0, schema.ATTRIBUTION_GEO)
    st.caption("  \n".join(lines))
