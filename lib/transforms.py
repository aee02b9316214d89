"""Pure transformaties op Polars-frames. Onbekend is nooit nul: null blijft null in elk gemiddelde."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from lib import schema
from lib.loaders import Dataset


@dataclass(frozen=True)
class Filters:
    peiling: str
    provincie: str | None = None  # PVxx of None (alle)
    thema: str | None = None  # Txx of None (alle)
    statussen: tuple[str, ...] = ()  # leeg = alle


def region_table(ds: Dataset, peiling: str) -> pl.DataFrame:
    """Regio's van de indeling die bij de peiling hoort."""
    return ds.regions_for(peiling).select("regio_code", "regio_naam", "provincie_code", "provincie_naam",
                                          "aantal_gemeenten")


def regions_in_province(ds: Dataset, peiling: str, provincie: str | None) -> list[str]:
    """Regio's die bij de provinciefilter horen: de provincie van de meeste gemeenten (zie README)."""
    regions = region_table(ds, peiling)
    if provincie:
        regions = regions.filter(pl.col("provincie_code") == provincie)
    return regions["regio_code"].to_list()


def filtered_assessments(ds: Dataset, f: Filters) -> pl.DataFrame:
    regions = regions_in_province(ds, f.peiling, f.provincie)
    df = ds.assessments.filter((pl.col("peiling_id") == f.peiling) & pl.col("regio_code").is_in(regions))
    if f.thema:
        df = df.filter(pl.col("thema_code") == f.thema)
    if f.statussen:
        df = df.filter(pl.col("status").cast(pl.String).is_in(list(f.statussen)))
    return df


def status_distribution(assessments: pl.DataFrame) -> pl.DataFrame:
    """Aantal en aandeel per status (alle zeven codes, ook als 0), in schaalvolgorde."""
    all_codes = pl.DataFrame({"status": list(schema.STATUS_CODES)}).with_columns(
        pl.col("status").cast(schema.StatusEnum)
    )
    counts = assessments.group_by("status").len().rename({"len": "aantal"})
    out = all_codes.join(counts, on="status", how="left").with_columns(pl.col("aantal").fill_null(0).cast(pl.UInt32))
    total = out["aantal"].sum()
    return out.with_columns(
        (pl.col("aantal") / total if total else pl.lit(0.0)).alias("aandeel")
    ).sort(pl.col("status").to_physical())


def theme_status_counts(assessments: pl.DataFrame) -> pl.DataFrame:
    """Per thema het aantal regio's per status (lang formaat), alle combinaties aanwezig."""
    themes = assessments["thema_code"].dtype.categories.to_list() if isinstance(
        assessments["thema_code"].dtype, pl.Enum) else sorted(assessments["thema_code"].unique().to_list())
    grid = pl.DataFrame({"thema_code": themes}).join(
        pl.DataFrame({"status": list(schema.STATUS_CODES)}), how="cross"
    ).with_columns(pl.col("thema_code").cast(assessments["thema_code"].dtype),
                   pl.col("status").cast(schema.StatusEnum))
    counts = assessments.group_by("thema_code", "status").len().rename({"len": "aantal"})
    return grid.join(counts, on=["thema_code", "status"], how="left").with_columns(
        pl.col("aantal").fill_null(0).cast(pl.UInt32)
    ).sort(pl.col("thema_code").to_physical(), pl.col("status").to_physical())


def theme_progress(assessments: pl.DataFrame) -> pl.DataFrame:
    """Gemiddelde status per thema over de bekende waarden; onbekend/nvt apart geteld."""
    return (
        assessments.group_by("thema_code")
        .agg(
            pl.col("status_waarde").mean().alias("gemiddelde"),
            pl.col("status_waarde").median().alias("mediaan"),
            pl.col("status_waarde").is_not_null().sum().alias("aantal_bekend"),
            pl.col("status_waarde").is_null().sum().alias("aantal_onbekend"),
        )
        .sort(pl.col("thema_code").to_physical())
    )


def national_summary(ds: Dataset, peiling: str) -> dict[str, float | int]:
    a = ds.assessments.filter(pl.col("peiling_id") == peiling)
    n = ds.needs.filter(pl.col("peiling_id") == peiling)
    known = a["status_waarde"].drop_nulls()
    return {
        "regios": a["regio_code"].n_unique(),
        "themas": a["thema_code"].n_unique(),
        "beoordelingen": a.height,
        "onbekend": int(a["status_waarde"].is_null().sum()),
        "gemiddelde": float(known.mean()) if known.len() else float("nan"),
        "aandeel_in_uitvoering_of_verder": float((known >= 3).sum() / known.len()) if known.len() else float("nan"),
        "behoeften": n.height,
        "regios_met_behoefte": n["regio_code"].n_unique(),
    }


def previous_peiling(ds: Dataset, peiling: str) -> str | None:
    """De laatste peiling vóór deze van dezelfde soort. Een geïmporteerde (echte) peiling wordt nooit met
    voorbeelddata vergeleken, en andersom: een 'verandering' tussen die twee zou een verzonnen verschil
    als feit tonen. Geen eerdere peiling van dezelfde soort → None ('eerste peiling')."""
    ids = ds.peiling_ids
    flags = dict(zip(ds.peilingen["peiling_id"].to_list(), ds.peilingen["illustratief"].to_list()))
    i = ids.index(peiling)
    return next((p for p in reversed(ids[:i]) if flags[p] == flags[peiling]), None)


def theme_status_table(counts: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Brede tabel: per thema het aantal regio's per status, met Nederlandse kolomnamen."""
    wide = counts.with_columns(pl.col("status").cast(pl.String)).pivot(
        on="status", index="thema_code", values="aantal"
    )
    cols = [c for c in schema.STATUS_CODES if c in wide.columns]
    return wide.select(
        pl.col("thema_code").cast(pl.String).alias("Code"),
        pl.col("thema_code").cast(pl.String).replace_strict(vocab.theme_labels).alias("Thema"),
        *[pl.col(c).alias(vocab.status_labels[c]) for c in cols],
    )


def theme_history_counts(ds: Dataset, thema: str) -> pl.DataFrame:
    """Voor één thema per peiling het aantal regio's per status; lang formaat met de peiling in de kolom
    'thema_code' (zodat de 100%-balkgrafiek per thema hem ook per peiling kan tekenen)."""
    a = ds.assessments.filter(pl.col("thema_code").cast(pl.String) == thema)
    grid = pl.DataFrame({"thema_code": ds.peiling_ids}).join(
        pl.DataFrame({"status": list(schema.STATUS_CODES)}), how="cross"
    )
    counts = a.group_by("peiling_id", pl.col("status").cast(pl.String)).len().rename(
        {"peiling_id": "thema_code", "len": "aantal"}
    )
    return grid.join(counts, on=["thema_code", "status"], how="left").with_columns(
        pl.col("aantal").fill_null(0).cast(pl.Int64)
    )


def status_counts_long(assessments: pl.DataFrame, label: str) -> pl.DataFrame:
    """Alle statussen samen als één 'thema' (label): lang formaat thema_code/status/aantal."""
    dist = status_distribution(assessments)
    return dist.select(pl.lit(label).alias("thema_code"), pl.col("status").cast(pl.String),
                       pl.col("aantal").cast(pl.Int64))
