"""Transformaties voor het regioprofiel ('startfoto') en het vergelijken van regio's. Puur Polars."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from lib import schema
from lib.i18n import t
from lib.loaders import Dataset
from lib.transforms import previous_peiling


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str
    provincie: str
    gemeenten: tuple[str, ...]
    provincies_gemeenten: tuple[str, ...]  # alle provincies waar gemeenten van de regio liggen


def region_options(ds: Dataset, peiling: str) -> dict[str, str]:
    """code → naam voor de regio's van de indeling van deze peiling, gesorteerd op naam."""
    r = ds.regions_for(peiling).sort("regio_naam")
    return dict(zip(r["regio_code"], r["regio_naam"]))


def parse_region_list(value: str | None, valid: set[str], limit: int = 4) -> tuple[list[str], list[str]]:
    """'JZ13,JZ29' uit een URL → (geldige codes, ongeldige waarden). Dubbele weg, hoogstens `limit`."""
    good, bad = [], []
    for part in (value or "").split(","):
        code = part.strip().upper()
        if not code:
            continue
        if code in valid and code not in good:
            good.append(code)
        elif code not in valid:
            bad.append(part.strip()[:20])
    return good[:limit], bad


def region_info(ds: Dataset, regio: str, peiling: str) -> RegionInfo:
    year = ds.regions_for(peiling)["jaar"][0]
    row = ds.regions.filter((pl.col("jaar") == year) & (pl.col("regio_code") == regio)).row(0, named=True)
    members = ds.membership.filter((pl.col("jaar") == year) & (pl.col("regio_code") == regio)).sort("gemeente_naam")
    return RegionInfo(
        code=regio,
        name=row["regio_naam"],
        provincie=row["provincie_naam"],
        gemeenten=tuple(members["gemeente_naam"].to_list()),
        provincies_gemeenten=tuple(sorted(set(members["provincie_naam"].to_list()))),
    )


def national_spread(ds: Dataset, peiling: str) -> pl.DataFrame:
    """Per thema de landelijke mediaan en spreiding over alle regio's (alleen bekende statussen)."""
    a = ds.assessments.filter(pl.col("peiling_id") == peiling)
    v = pl.col("status_waarde")
    return (
        a.group_by("thema_code")
        .agg(
            v.median().alias("mediaan"),
            v.quantile(0.25, interpolation="linear").alias("p25"),
            v.quantile(0.75, interpolation="linear").alias("p75"),
            v.min().cast(pl.Float64).alias("min"),
            v.max().cast(pl.Float64).alias("max"),
            v.is_not_null().sum().alias("aantal_bekend"),
        )
        .sort(pl.col("thema_code").to_physical())
    )


def region_vs_national(ds: Dataset, regio: str, peiling: str) -> pl.DataFrame:
    """Per thema de status van de regio naast de landelijke mediaan en spreiding."""
    own = ds.assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio)).select(
        "thema_code", "status", "status_waarde"
    )
    out = own.join(national_spread(ds, peiling), on="thema_code", how="left")
    return out.with_columns(
        pl.col("thema_code").cast(pl.String).replace_strict(ds.vocab.theme_labels).alias("thema"),
        (pl.col("status_waarde").cast(pl.Float64) - pl.col("mediaan")).alias("verschil_met_mediaan"),
    ).sort(pl.col("thema_code").to_physical())


def region_history(ds: Dataset, regio: str) -> pl.DataFrame:
    """Status per thema over alle peilingen (in datumvolgorde), met peilinglabel en datum."""
    a = ds.assessments.filter(pl.col("regio_code") == regio).select("peiling_id", "thema_code", "status",
                                                                     "status_waarde")
    return a.join(ds.peilingen.select("peiling_id", "datum", "label"), on="peiling_id").sort(
        "datum", pl.col("thema_code").to_physical()
    )


@dataclass(frozen=True)
class HistoryCells:
    """Het statusverloop van één regio als raster: thema's (vocabulairevolgorde) × peilingen (op datum)."""

    themes: list[str]
    peiling_ids: list[str]
    labels: list[str]
    status: list[list[str]]  # [thema][peiling]: statuscode; ontbreekt de beoordeling → onbekend


def history_cells(history: pl.DataFrame, vocab: schema.Vocabulary) -> HistoryCells:
    """Uit region_history: de rijen, kolommen en statuscodes voor het raster en zijn tabel."""
    present = set(history["thema_code"].cast(pl.String).to_list())
    themes = [c for c in vocab.theme_codes if c in present]
    peilingen = history.select("peiling_id", "label", "datum").unique("peiling_id").sort("datum")
    ids = peilingen["peiling_id"].to_list()
    status = {(p, str(c)): str(s) for p, c, s in zip(history["peiling_id"], history["thema_code"], history["status"])}
    return HistoryCells(themes, ids, peilingen["label"].to_list(),
                        [[status.get((p, c), schema.STATUS_UNKNOWN) for p in ids] for c in themes])


def history_table(history: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Tabel bij het statusverloop: per thema een rij, per peiling (oudste eerst) een kolom met de status."""
    h = history_cells(history, vocab)
    columns: dict[str, list[str]] = {"Thema": [vocab.theme_labels[c] for c in h.themes]}
    for j, (p, label) in enumerate(zip(h.peiling_ids, h.labels)):
        name = label if label not in columns else f"{label} ({p})"
        columns[name] = [vocab.status_labels[row[j]] for row in h.status]
    return pl.DataFrame(columns, schema={k: pl.String for k in columns})


def region_texts(ds: Dataset, regio: str, peiling: str) -> pl.DataFrame:
    """Sterke en zwakke punten en vervolgstappen per thema (lege teksten weggelaten)."""
    a = ds.assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio))
    return a.select(
        pl.col("thema_code").cast(pl.String).alias("Code"),
        pl.col("thema_code").cast(pl.String).replace_strict(ds.vocab.theme_labels).alias("Thema"),
        pl.col("status").cast(pl.String).replace_strict(ds.vocab.status_labels).alias("Status"),
        pl.col("sterke_punten").fill_null("").alias("Sterke punten"),
        pl.col("zwakke_punten").fill_null("").alias("Zwakke punten"),
        pl.col("vervolgstappen").fill_null("").alias("Vervolgstappen"),
    )


def region_needs(ds: Dataset, regio: str, peiling: str) -> pl.DataFrame:
    n = ds.needs.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio))
    return n.sort(pl.col("prioriteit").to_physical(), pl.col("categorie_code").to_physical()).select(
        pl.col("categorie_code").cast(pl.String).replace_strict(ds.vocab.category_labels).alias("Categorie"),
        pl.col("thema_code").cast(pl.String).replace_strict(ds.vocab.theme_labels).alias("Thema"),
        pl.col("prioriteit").cast(pl.String).replace_strict(ds.vocab.priority_labels).alias("Prioriteit"),
        pl.col("omschrijving").fill_null("").alias("Omschrijving"),
    )


def changes_since_previous(ds: Dataset, regio: str, peiling: str) -> list[str]:
    """Korte zinnen: wat is er veranderd sinds de vorige peiling (statussen en behoeften)."""
    prev = previous_peiling(ds, peiling)
    if prev is None:
        return [t("profiel.eerste")]
    labels = ds.vocab.status_labels
    a = ds.assessments.filter(pl.col("regio_code") == regio)
    now = a.filter(pl.col("peiling_id") == peiling).select("thema_code", pl.col("status").alias("nu"),
                                                            pl.col("status_waarde").alias("w_nu"))
    before = a.filter(pl.col("peiling_id") == prev).select("thema_code", pl.col("status").alias("voor"),
                                                            pl.col("status_waarde").alias("w_voor"))
    joined = now.join(before, on="thema_code", how="full", coalesce=True).sort(pl.col("thema_code").to_physical())
    up, down, other = [], [], []
    for row in joined.iter_rows(named=True):
        theme = ds.vocab.theme_labels[str(row["thema_code"])]
        n, v = (str(row["nu"]) if row["nu"] is not None else schema.STATUS_UNKNOWN,
                str(row["voor"]) if row["voor"] is not None else schema.STATUS_UNKNOWN)
        if n == v:
            continue
        text = t("profiel.van_naar", thema=theme, van=labels[v], naar=labels[n])
        if row["w_nu"] is not None and row["w_voor"] is not None:
            (up if row["w_nu"] > row["w_voor"] else down).append(text)
        else:
            other.append(text)
    lines = ([t("profiel.vooruit", tekst=x) for x in up] + [t("profiel.achteruit", tekst=x) for x in down]
             + [t("profiel.gewijzigd", tekst=x) for x in other])
    n_now = set(ds.needs.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio))
                ["categorie_code"].cast(pl.String).to_list())
    n_prev = set(ds.needs.filter((pl.col("peiling_id") == prev) & (pl.col("regio_code") == regio))
                 ["categorie_code"].cast(pl.String).to_list())
    lines += [t("profiel.nieuw", tekst=ds.vocab.category_labels[c]) for c in sorted(n_now - n_prev)]
    lines += [t("profiel.vervallen", tekst=ds.vocab.category_labels[c]) for c in sorted(n_prev - n_now)]
    return lines or [t("profiel.geen_veranderingen")]


# --------------------------------------------------------------------------------------------
# Vergelijken
# --------------------------------------------------------------------------------------------
def compare_frame(ds: Dataset, regios: list[str], peiling: str) -> pl.DataFrame:
    """Lang formaat: per thema de status van elke gekozen regio plus de landelijke mediaan."""
    names = region_options(ds, peiling)
    a = ds.assessments.filter((pl.col("peiling_id") == peiling) & pl.col("regio_code").is_in(regios)).select(
        "thema_code", "regio_code", "status", "status_waarde"
    )
    a = a.with_columns(pl.col("regio_code").replace_strict(names, default=None).alias("regio_naam"))
    spread = national_spread(ds, peiling).select("thema_code", "mediaan")
    return a.join(spread, on="thema_code", how="left").sort(
        pl.col("thema_code").to_physical(), pl.col("regio_code")
    )


def compare_table(ds: Dataset, regios: list[str], peiling: str) -> pl.DataFrame:
    """Breed: thema's als rijen, per regio de statuslabel, en de landelijke mediaan."""
    long = compare_frame(ds, regios, peiling).with_columns(
        pl.col("status").cast(pl.String).replace_strict(ds.vocab.status_labels).alias("label")
    )
    wide = long.pivot(on="regio_naam", index=["thema_code", "mediaan"], values="label")
    return wide.select(
        pl.col("thema_code").cast(pl.String).alias("Code"),
        pl.col("thema_code").cast(pl.String).replace_strict(ds.vocab.theme_labels).alias("Thema"),
        *[pl.col(c) for c in wide.columns if c not in ("thema_code", "mediaan")],
        pl.col("mediaan").alias("Landelijke mediaan (0–4)"),
    )


def progress_over_time(ds: Dataset, regios: list[str]) -> pl.DataFrame:
    """Gemiddelde voortgang (bekende statussen) per peiling voor de regio's en de landelijke mediaan
    van de regiogemiddelden."""
    per_region = ds.assessments.group_by("peiling_id", "regio_code").agg(
        pl.col("status_waarde").mean().alias("gemiddelde")
    )
    national = per_region.group_by("peiling_id").agg(pl.col("gemiddelde").median()).with_columns(
        pl.lit("NL").alias("regio_code"), pl.lit(t("charts.landelijke_mediaan")).alias("regio_naam")
    )
    names = dict(zip(ds.regions["regio_code"], ds.regions["regio_naam"]))
    chosen = per_region.filter(pl.col("regio_code").is_in(regios)).with_columns(
        pl.col("regio_code").replace_strict(names, default=None).alias("regio_naam")
    )
    out = pl.concat([chosen.select(national.columns), national], how="vertical_relaxed")
    return out.join(ds.peilingen.select("peiling_id", "datum", "label"), on="peiling_id").sort("regio_code", "datum")
