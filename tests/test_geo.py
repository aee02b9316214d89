"""Controles op de gecommitte kaartgrenzen (geo/) en op de bouwstap geo/build_geo.py.

- 42 regio's voor 2024, alle geldig, samen een sluitende bedekking;
- elke gemeente in precies één regio, en de regio's volgen data/membership.csv;
- overeenkomst met de gepubliceerde CBS-regiolaag ≥ 0,95 (intersection-over-union) per regio;
- bestandsgroottes en afronding; de lader in lib/geodata.py;
- de bouwstap leidt een andere indeling (41 regio's) af uit alleen een andere lidmaatschapstabel.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import geopandas as gpd
import polars as pl
import pytest
import shapely

from lib import geodata, schema
from lib.paths import DATA_DIR, GEO_DIR, ROOT, SHARED_DIR

YEAR = 2024
REGIONS = GEO_DIR / f"regions_{YEAR}.geojson"
GEMEENTEN = GEO_DIR / f"gemeenten_{YEAR}.geojson"
BORDERS = GEO_DIR / f"gemeentegrenzen_{YEAR}.geojson"
REFERENCE = SHARED_DIR / "geo" / f"jeugdregio_{YEAR}.geojson"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_geo", ROOT / "geo" / "build_geo.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses zoeken hun module op
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def regions() -> gpd.GeoDataFrame:
    return gpd.read_file(REGIONS)


@pytest.fixture(scope="module")
def gemeenten() -> gpd.GeoDataFrame:
    return gpd.read_file(GEMEENTEN)


@pytest.fixture(scope="module")
def membership() -> pl.DataFrame:
    return pl.read_csv(DATA_DIR / schema.MEMBERSHIP.file, infer_schema=False).filter(pl.col("jaar") == str(YEAR))


def test_42_valid_regions_keyed_by_cbs_code(regions):
    assert len(regions) == 42
    codes = regions["regio_code"].tolist()
    assert len(set(codes)) == 42
    assert all(re.fullmatch(r"JZ\d{2}", c) for c in codes)
    assert "JZ40" not in codes and {"JZ01", "JZ39", "JZ41", "JZ43"} <= set(codes)
    assert (regions["id"] == regions["regio_code"]).all()
    assert regions.is_valid.all()
    assert not regions.is_empty.any()
    assert set(regions.geom_type) <= {"Polygon", "MultiPolygon"}
    assert regions.crs.to_epsg() == 4326


def test_region_names_and_counts_match_the_data(regions, membership):
    ref = pl.read_csv(DATA_DIR / schema.REGIONS.file, infer_schema=False).filter(pl.col("jaar") == str(YEAR))
    names = dict(zip(ref["regio_code"], ref["regio_naam"]))
    counts = dict(zip(ref["regio_code"], ref["aantal_gemeenten"].cast(pl.Int64)))
    for row in regions.itertuples():
        assert row.regio_naam == names[row.regio_code]
        assert row.aantal_gemeenten == counts[row.regio_code]
    assert regions["aantal_gemeenten"].sum() == membership.height == 342


def test_regions_form_a_coverage_without_overlaps(regions):
    rd = regions.to_crs(28992)
    assert bool(shapely.coverage_is_valid(rd.geometry.values))
    total = rd.area.sum()
    assert shapely.union_all(rd.geometry.values).area == pytest.approx(total, rel=1e-6)


def test_every_gemeente_in_exactly_one_region(regions, gemeenten, membership):
    assert len(gemeenten) == 342 and gemeenten["gemeente_code"].is_unique
    assert gemeenten.is_valid.all()
    assert set(gemeenten["gemeente_code"]) == set(membership["gemeente_code"])
    # De regio in het bestand is die uit de lidmaatschapstabel ...
    want = dict(zip(membership["gemeente_code"], membership["regio_code"]))
    assert dict(zip(gemeenten["gemeente_code"], gemeenten["regio_code"])) == want
    # ... en geometrisch ligt elke gemeente in precies die ene regio.
    g = gemeenten.to_crs(28992)
    r = regions.to_crs(28992)
    pts = g.copy()
    pts["geometry"] = g.representative_point()
    hits = gpd.sjoin(pts[["gemeente_code", "geometry"]], r[["regio_code", "geometry"]], predicate="within")
    assert hits["gemeente_code"].is_unique and len(hits) == 342
    assert dict(zip(hits["gemeente_code"], hits["regio_code"])) == want
    # Het samenvoegen verliest niets: de regio's bedekken precies de gemeenten.
    assert r.area.sum() == pytest.approx(g.area.sum(), rel=1e-4)


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/geo/jeugdregio_2024.geojson ontbreekt")
def test_area_agreement_with_published_region_layer(regions):
    ref = gpd.read_file(REFERENCE).to_crs(28992).set_index("statcode")
    ref["geometry"] = ref.buffer(0)
    ours = regions.to_crs(28992).set_index("regio_code")
    assert set(ours.index) == set(ref.index)
    ious = {}
    for code, geom in ours.geometry.items():
        other = ref.geometry[code]
        ious[code] = geom.intersection(other).area / geom.union(other).area
    low = {c: round(v, 3) for c, v in ious.items() if v < 0.95}
    assert not low, f"regio's met IoU < 0,95: {low}"


def test_water_is_kept_and_slivers_are_filled(regions):
    rd = regions.to_crs(28992).set_index("regio_code")
    zeeland = rd.geometry["JZ38"]
    holes = [shapely.Polygon(r).area for p in shapely.get_parts(zeeland) for r in p.interiors]
    assert holes and max(holes) > 300e6, "de Oosterschelde (~350 km²) moet een gat blijven"
    national = shapely.union_all(rd.geometry.values)
    small = [shapely.Polygon(r).area for p in shapely.get_parts(national) for r in p.interiors
             if shapely.Polygon(r).area < 1e6]
    assert small == [], f"{len(small)} spleetgaten < 1 km² over"


def test_file_sizes_and_rounding():
    assert REGIONS.stat().st_size < 150_000
    assert GEMEENTEN.stat().st_size < 200_000
    assert BORDERS.stat().st_size < 100_000
    text = REGIONS.read_text(encoding="utf-8")
    decimals = [len(m) for m in re.findall(r"\.(\d+)", text)]
    assert max(decimals) <= 4
    assert '"crs"' not in text  # RFC 7946: WGS84 zonder crs-lid


def test_border_lines_are_lines_inside_the_country():
    gj = json.loads(BORDERS.read_text(encoding="utf-8"))
    geom = shapely.geometry.shape(gj["features"][0]["geometry"])
    assert geom.geom_type == "MultiLineString" and len(geom.geoms) > 100
    minx, miny, maxx, maxy = geom.bounds
    assert 3.3 < minx and maxx < 7.3 and 50.7 < miny and maxy < 53.6


def test_attribution_in_readme():
    readme = (GEO_DIR / "README.md").read_text(encoding="utf-8")
    assert "Kaartgrenzen: CBS / Kadaster (CBS Gebiedsindelingen 2024, via PDOK)" in readme
    assert "CC BY 4.0" in readme and "build_geo.py" in readme


# ---------------------------------------------------------------------------------------------------
# De lader
# ---------------------------------------------------------------------------------------------------
def test_loader_reads_plain_dicts_and_explains_missing_files(tmp_path):
    gj = geodata.read_geojson(REGIONS)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 42
    assert YEAR in geodata.available_years()
    with pytest.raises(geodata.GeoDataMissing, match="build_geo.py"):
        geodata.read_geojson(tmp_path / "regions_2099.geojson")
    bad = tmp_path / "kapot.geojson"
    bad.write_text("{niet json", encoding="utf-8")
    with pytest.raises(geodata.GeoDataMissing, match="kon niet worden gelezen"):
        geodata.read_geojson(bad)


# ---------------------------------------------------------------------------------------------------
# De bouwstap
# ---------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not (SHARED_DIR / "geo" / "gemeente_2024.geojson").exists(), reason="brondata ontbreekt")
def test_build_derives_a_new_region_set_from_membership_only(tmp_path, membership):
    """Het ontwerpbesluit 2025 voegt JZ42 en JZ43 samen: alleen de tabel verandert, de kaart volgt."""
    build = _build_module()
    draft = membership.with_columns(
        pl.lit("2025").alias("jaar"),
        pl.when(pl.col("regio_code") == "JZ43").then(pl.lit("JZ42")).otherwise(pl.col("regio_code")).alias("regio_code"),
    ).with_columns(pl.col("jaar").cast(pl.Int32))
    report = build.build_year(2025, draft, out_dir=tmp_path)
    assert report.regions == 41
    out = gpd.read_file(tmp_path / "regions_2025.geojson")
    assert "JZ43" not in set(out["regio_code"]) and out.is_valid.all()
    merged = out.set_index("regio_code").loc["JZ42"]
    assert merged["aantal_gemeenten"] == 7  # 4 + 3
    old = gpd.read_file(REGIONS).set_index("regio_code").to_crs(28992)
    new_area = gpd.GeoSeries([merged.geometry], crs=4326).to_crs(28992).area.iloc[0]
    assert new_area == pytest.approx(old.loc[["JZ42", "JZ43"]].area.sum(), rel=1e-3)
    # 2025 heeft (nog) geen eigen gemeentebestand: de bouwstap gebruikt 2024 en zegt dat.
    assert report.source == "gemeente_2024.geojson"


def test_derive_regions_rejects_incomplete_membership(membership):
    build = _build_module()
    g = gpd.read_file(GEMEENTEN).to_crs(28992)
    with pytest.raises(ValueError, match="zonder grens"):
        build.derive_regions(g, pl.concat([membership, membership.head(1).with_columns(
            pl.lit("GM9999").alias("gemeente_code"))]))
    with pytest.raises(ValueError, match="meer dan eens"):
        build.derive_regions(g, pl.concat([membership, membership.head(1)]))
