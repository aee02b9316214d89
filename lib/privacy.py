"""Geaggregeerde modus ('metarapportage'): het landelijke beeld zonder herkenbare regio.

- De modus is door de kijker aan te zetten (schakelaar) en door de inzet **af te dwingen** met de
  omgevingsvariabele ``DASHBOARD_GEAGGREGEERD=1`` of ``[dashboard] geaggregeerd = true`` in
  ``.streamlit/secrets.toml``. Afgedwongen zijn regiopagina's en -downloads niet bereikbaar, ook niet
  via de URL (ze worden niet in de navigatie opgenomen).
- Aantallen of aandelen die op minder dan k regio's rusten (standaard 5, in te stellen met
  ``DASHBOARD_MIN_K``) worden getoond als "< k". Complementaire cellen worden ook onderdrukt, zodat
  een onderdrukte waarde niet uit een totaal is terug te rekenen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import polars as pl

ENV_FORCED = "DASHBOARD_GEAGGREGEERD"
ENV_K = "DASHBOARD_MIN_K"
DEFAULT_K = 5
STATE_KEY = "geaggregeerd"


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "ja", "yes", "aan", "on"}


def forced_by_deployment(secrets: dict | None = None) -> bool:
    if _truthy(os.environ.get(ENV_FORCED, "")):
        return True
    section = (secrets or {}).get("dashboard", {}) if secrets is not None else {}
    return _truthy(section.get("geaggregeerd", False)) if hasattr(section, "get") else False


def min_k() -> int:
    try:
        k = int(os.environ.get(ENV_K, DEFAULT_K))
    except ValueError:
        return DEFAULT_K
    return max(2, k)


def suppress_counts(counts: list[int], k: int, complementary: bool = True) -> list[int | None]:
    """Onderdruk aantallen 1..k-1 (None). Nul blijft zichtbaar: nul regio's wijst niemand aan.

    `complementary`: de cellen vormen samen een totaal dat bekend is (bijv. 42 regio's verdeeld over de
    statussen). Staat er dan precies één onderdrukte cel in de reeks, dan wordt ook de kleinste
    overgebleven positieve cel onderdrukt, anders is de onderdrukte waarde uit het totaal af te leiden.
    Is het totaal zelf kleiner dan k, dan wordt alles behalve nul onderdrukt.
    """
    total = sum(counts)
    if complementary and 0 < total < k:
        return [None if c > 0 else 0 for c in counts]
    out: list[int | None] = [None if 0 < c < k else c for c in counts]
    hidden = [i for i, v in enumerate(out) if v is None]
    if complementary and len(hidden) == 1:
        visible = [(c, i) for i, c in enumerate(counts) if out[i] is not None and c > 0]
        if visible:
            out[min(visible)[1]] = None
    return out


def format_count(value: int | None, k: int) -> str:
    return f"< {k}" if value is None else str(value)


@dataclass(frozen=True)
class SuppressedTable:
    """Een tabel met aantallen waarin kleine cellen zijn vervangen door '< k' (tekst)."""

    frame: pl.DataFrame  # weergave: tekstcellen
    hidden_cells: int


def suppress_rows(df: pl.DataFrame, label_cols: list[str], count_cols: list[str], k: int) -> SuppressedTable:
    """Onderdruk per rij (bijv. per thema de aantallen regio's per status) en zet om naar tekst."""
    rows, hidden = [], 0
    for row in df.iter_rows(named=True):
        values = suppress_counts([int(row[c] or 0) for c in count_cols], k)
        hidden += sum(v is None for v in values)
        rows.append({**{c: row[c] for c in label_cols},
                     **{c: format_count(v, k) for c, v in zip(count_cols, values)}})
    schema = {c: df.schema[c] for c in label_cols} | {c: pl.String for c in count_cols}
    return SuppressedTable(pl.DataFrame(rows, schema=schema), hidden)


def national_status_table(assessments: pl.DataFrame, vocab, k: int) -> SuppressedTable:
    """Per thema het aantal regio's per status, landelijk, met onderdrukking (voor de geaggregeerde modus)."""
    from lib import schema, transforms

    wide = transforms.theme_status_counts(assessments).with_columns(pl.col("status").cast(pl.String)).pivot(
        on="status", index="thema_code", values="aantal"
    )
    wide = wide.select(
        pl.col("thema_code").cast(pl.String).replace_strict(vocab.theme_labels).alias("Thema"),
        *[pl.col(c).alias(vocab.status_labels[c]) for c in schema.STATUS_CODES],
    )
    return suppress_rows(wide, ["Thema"], [vocab.status_labels[c] for c in schema.STATUS_CODES], k)


def national_needs_table(needs: pl.DataFrame, vocab, k: int) -> SuppressedTable:
    """Per categorie het aantal regio's dat erom vraagt, landelijk, met onderdrukking."""
    counts = (
        needs.group_by("categorie_code").agg(pl.col("regio_code").n_unique().alias("regio's"))
    )
    full = pl.DataFrame({"categorie_code": list(vocab.category_codes)}).join(
        counts.with_columns(pl.col("categorie_code").cast(pl.String)), on="categorie_code", how="left"
    ).with_columns(pl.col("regio's").fill_null(0))
    # Categorieën sluiten elkaar niet uit (een regio kan er meer noemen): geen gedeeld totaal, dus
    # geen complementaire onderdrukking nodig.
    values = suppress_counts(full["regio's"].to_list(), k, complementary=False)
    frame = pl.DataFrame({
        "Categorie": [vocab.category_labels[c] for c in full["categorie_code"]],
        "Aantal regio's": [format_count(v, k) for v in values],
        "_sort": [(-1 if v is None else v) for v in values],
    }).sort("_sort", descending=True).drop("_sort")
    return SuppressedTable(frame, sum(v is None for v in values))


POOLED = "samengevoegd"


def pool_theme_status_counts(counts: pl.DataFrame, k: int) -> pl.DataFrame:
    """Lang formaat (thema_code, status, aantal) → dezelfde vorm met onderdrukte cellen weggehaald en per
    thema samengevoegd in de status 'samengevoegd'. Zo blijft een 100%-balk per thema te tekenen zonder
    dat een aantal onder k zichtbaar of af te leiden is (er worden altijd ≥ 2 cellen samengevoegd)."""
    rows = []
    for theme, group in counts.group_by("thema_code", maintain_order=True):
        statuses = [str(s) for s in group["status"].to_list()]
        values = [int(v) for v in group["aantal"].to_list()]
        shown = suppress_counts(values, k)
        pooled = sum(v for v, s in zip(values, shown) if s is None)
        for status, value in zip(statuses, shown):
            if value is not None:
                rows.append((theme[0] if isinstance(theme, tuple) else theme, status, value))
        if pooled:
            rows.append((theme[0] if isinstance(theme, tuple) else theme, POOLED, pooled))
    return pl.DataFrame(rows, schema={"thema_code": pl.String, "status": pl.String, "aantal": pl.Int64}, orient="row")
