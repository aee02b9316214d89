"""Bouwstap: haal de echte regio-indeling uit ../shared/geo naar de eigen databestanden.

Leest `gemeente_jeugdregio_2024.csv` en `gemeente_provincie_2024.csv` (CBS Gebiedsindelingen 2024,
via PDOK, CC BY 4.0) en schrijft `data/membership.csv` (gemeente → regio → provincie per jaar) en
`data/regions.csv` (regio per jaar, met de provincie van de meeste gemeenten). Een nieuw jaar (bijv. de
41 regio's van het ontwerpbesluit) vraagt alleen een nieuwe lidmaatschapstabel in YEARS.

Gebruik:  uv run python data/build_reference.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from lib import schema  # noqa: E402
from lib.io import write_csv_atomic  # noqa: E402
from lib.paths import DATA_DIR, SHARED_DIR  # noqa: E402

#: jaar → (gemeente→jeugdregio, gemeente→provincie) in ../shared/geo
YEARS = {2024: ("gemeente_jeugdregio_2024.csv", "gemeente_provincie_2024.csv")}


def build_membership(year: int, region_csv: Path, province_csv: Path) -> pl.DataFrame:
    jz = pl.read_csv(region_csv, infer_schema=False)
    pv = pl.read_csv(province_csv, infer_schema=False)
    joined = jz.join(pv.select("gemeente_code", "provincie_code", "provincie_naam"), on="gemeente_code", how="left")
    missing = joined.filter(pl.col("provincie_code").is_null())
    if missing.height:
        raise SystemExit(f"Gemeenten zonder provincie in {province_csv.name}: {missing['gemeente_code'].to_list()}")
    return (
        joined.select(
            pl.lit(year, dtype=pl.Int16).alias("jaar"),
            "gemeente_code",
            "gemeente_naam",
            pl.col("jeugdregio_code").alias("regio_code"),
            "provincie_code",
            "provincie_naam",
            pl.lit(schema.ATTRIBUTION_MEMBERSHIP).alias("bron"),
        )
        .sort("gemeente_code")
    )


def build_regions(year: int, membership: pl.DataFrame, region_csv: Path) -> pl.DataFrame:
    names = pl.read_csv(region_csv, infer_schema=False).select(
        pl.col("jeugdregio_code").alias("regio_code"), pl.col("jeugdregio_naam").alias("regio_naam")
    ).unique()
    # Regel voor regio's die over een provinciegrens gaan (JZ12, JZ21, JZ32): de provincie van de
    # meeste gemeenten; bij gelijke stand de laagste provinciecode.
    main_province = (
        membership.group_by("regio_code", "provincie_code", "provincie_naam")
        .len()
        .sort(["regio_code", "len", "provincie_code"], descending=[False, True, False])
        .group_by("regio_code", maintain_order=True)
        .first()
        .drop("len")
    )
    counts = membership.group_by("regio_code").len().rename({"len": "aantal_gemeenten"})
    return (
        names.join(main_province, on="regio_code")
        .join(counts, on="regio_code")
        .select(
            pl.lit(year, dtype=pl.Int16).alias("jaar"),
            "regio_code",
            "regio_naam",
            "provincie_code",
            "provincie_naam",
            pl.col("aantal_gemeenten").cast(pl.Int16),
            pl.lit(schema.ATTRIBUTION_MEMBERSHIP).alias("bron"),
        )
        .sort("regio_code")
    )


def main() -> None:
    geo = SHARED_DIR / "geo"
    memberships, regions = [], []
    for year, (region_file, province_file) in YEARS.items():
        m = build_membership(year, geo / region_file, geo / province_file)
        memberships.append(m)
        regions.append(build_regions(year, m, geo / region_file))
    membership = pl.concat(memberships)
    region_table = pl.concat(regions)
    write_csv_atomic(membership, DATA_DIR / schema.MEMBERSHIP.file)
    write_csv_atomic(region_table, DATA_DIR / schema.REGIONS.file)
    print(f"{schema.MEMBERSHIP.file}: {membership.height} gemeenten; {schema.REGIONS.file}: {region_table.height} regio's")


if __name__ == "__main__":
    main()
