"""Teksten en tabellen voor de pagina 'Over de data' (uit het schema afgeleid, niet overgetypt)."""

from __future__ import annotations

import polars as pl

from lib import i18n, schema
from lib.i18n import t
from lib.loaders import Dataset

REAL_VS_ILLUSTRATIVE = t("docs.echt_illustratief", lang="nl")

SOURCES = t("docs.bronnen", lang="nl")

#: Details die regio's bij naam noemen: niet in de geaggregeerde modus.
REGION_DETAILS = t("docs.regio_details", lang="nl")

AGGREGATE_NOTE = t("docs.geaggregeerd", lang="nl")

FORMAT_INTRO = t("docs.formaat", lang="nl")


def long_text(name: str) -> str:
    """Een van de lange teksten hierboven (docs.<name> in de vertaalbestanden) in de huidige taal."""
    return t(f"docs.{name}")


def dataset_kind_text(ds: Dataset) -> str:
    return t({"illustratief": "docs.soort_illustratief", "geïmporteerd": "docs.soort_geimporteerd",
              "gemengd": "docs.soort_gemengd"}[ds.kind])


def _yes_no(col: str) -> pl.Expr:
    return pl.when(pl.col(col)).then(pl.lit(t("kaart.ja"))).otherwise(pl.lit(t("kaart.nee")))


def _label_col() -> str:
    return "label_en" if i18n.is_english() else "label_nl"


def themes_table(ds: Dataset) -> pl.DataFrame:
    return ds.themes.select(
        pl.col("thema_code").alias("Code"), pl.col(_label_col()).alias("Thema"),
        pl.col("omschrijving").alias("Omschrijving"), _yes_no("geverifieerd").alias("Geverifieerd"),
        pl.col("bron").alias("Bron"),
    )


def status_table(ds: Dataset) -> pl.DataFrame:
    return ds.status_scale.select(
        pl.col("status_code").alias("Code"), pl.col(_label_col()).alias("Status"),
        pl.col("omschrijving").alias("Betekenis"),
    )


def categories_table(ds: Dataset) -> pl.DataFrame:
    return ds.categories.select(
        pl.col("categorie_code").alias("Code"), pl.col(_label_col()).alias("Categorie"),
        pl.col("thema_code").alias("Thema"), _yes_no("geverifieerd").alias("In metarapportage genoemd"),
        pl.col("bron").alias("Bron"),
    )


def peilingen_table(ds: Dataset) -> pl.DataFrame:
    return ds.peilingen.select(
        pl.col("peiling_id").alias("Code"), pl.col("label").alias("Peiling"), pl.col("datum").alias("Peildatum"),
        pl.col("soort").alias("Soort"), pl.col("indeling_jaar").alias("Regio-indeling"),
        pl.when(pl.col("illustratief")).then(pl.lit(t("docs.voorbeelddata"))).otherwise(pl.lit(t("docs.geimporteerd"))).alias("Data"),
    )


def columns_table(table: schema.Table) -> pl.DataFrame:
    return pl.DataFrame({
        "Kolom": [c.name for c in table.columns],
        "Verplicht": ["ja" if c.required else "nee" for c in table.columns],
        "Betekenis": [c.description for c in table.columns],
    })
