"""Bouwstap voor de kaartgrenzen: eenmalig door een ontwikkelaar gedraaid, nooit door de app.

Leest de gemeentegrenzen uit ../shared/geo (CBS Gebiedsindelingen, via PDOK, gegeneraliseerd door
cartomap/nl) en de eigen lidmaatschapstabel `data/membership.csv`, en schrijft per jaar:

- `geo/regions_<jaar>.geojson`   — de jeugdregio's, afgeleid door de gemeenten per regio samen te voegen
                                   (properties: regio_code, regio_naam, aantal_gemeenten; id = regio_code);
- `geo/gemeenten_<jaar>.geojson` — de gemeenten (properties: gemeente_code, gemeente_naam, regio_code;
                                   id = gemeente_code);
- `geo/gemeentegrenzen_<jaar>.geojson` — alleen de gemeentegrenzen binnen de regio's, als lijnen: een
                                   lichte laag voor dunne gemeentegrenzen op de kaart;
- `geo/README.md`                — bron, attributie, controles en hoe je opnieuw bouwt.

Stappen (in EPSG:28992, RD New, zodat afstanden en oppervlakten in meters zijn):
1. ongeldige geometrie herstellen (make_valid, alleen de vlakdelen houden);
2. de gemeenten tot een sluitende bedekking maken (coverage_clean: gedeelde randen exact gelijk,
   spleten smaller dan GAP_WIDTH_M toegewezen aan een buurgemeente);
3. gaten in het land kleiner dan SLIVER_MAX_M2 dichten (toegewezen aan de gemeente met de langste
   gedeelde rand); echt water zoals de Oosterschelde is veel groter en blijft een gat;
4. de bedekking vereenvoudigen (coverage_simplify, buren blijven op elkaar aansluiten);
5. per regio de gemeenten samenvoegen. De regio's volgen dus altijd de lidmaatschapstabel: een nieuwe
   indeling (zoals de 41 regio's van het ontwerpbesluit 2025) vraagt alleen een nieuwe tabel;
6. terug naar WGS84 (EPSG:4326, RFC 7946) en coördinaten afronden op COORD_DECIMALS decimalen.

Ter controle wordt elke regio vergeleken met de gepubliceerde CBS-regiolaag van dat jaar (als die in
../shared/geo staat): intersection-over-union per regio moet minstens MIN_IOU zijn.

Gebruik:  uv run python geo/build_geo.py                 (alle jaren in data/membership.csv)
          uv run python geo/build_geo.py --membership pad/naar/ontwerp_2025.csv --years 2025
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import polars as pl  # noqa: E402
import shapely  # noqa: E402

from lib import schema  # noqa: E402
from lib.paths import DATA_DIR, GEO_DIR, SHARED_DIR  # noqa: E402

SOURCE_DIR = SHARED_DIR / "geo"
WORK_CRS = 28992  # RD New: meters
OUT_CRS = 4326  # WGS84 lon/lat (RFC 7946)
GAP_WIDTH_M = 200.0  # spleten tussen gemeenten smaller dan dit worden opgevuld
SLIVER_MAX_M2 = 1_000_000.0  # gaten in het land kleiner dan 1 km² worden gedicht
SIMPLIFY_M = 120.0  # Visvalingam-Whyatt-tolerantie (ongeveer √ van de weggelaten driehoek, m)
COORD_DECIMALS = 4  # ~7–11 m in Nederland
MIN_IOU = 0.95
MAX_REGION_BYTES = 150_000
MAX_GEMEENTE_BYTES = 200_000
MAX_BORDER_BYTES = 100_000


@dataclass
class BuildReport:
    year: int
    source: str
    invalid_repaired: list[str] = field(default_factory=list)
    slivers_filled: int = 0
    sliver_area_km2: float = 0.0
    water_holes_kept: int = 0
    regions: int = 0
    gemeenten: int = 0
    region_bytes: int = 0
    gemeente_bytes: int = 0
    border_bytes: int = 0
    iou: dict[str, float] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Geometrie (puur: GeoDataFrames en arrays erin, GeoDataFrames eruit)
# --------------------------------------------------------------------------------------------
def polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Alleen de vlakdelen van een geometrie (make_valid kan ook lijnen of punten opleveren)."""
    if geom is None or geom.is_empty:
        return shapely.MultiPolygon()
    if isinstance(geom, (shapely.Polygon, shapely.MultiPolygon)):
        return geom
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, (shapely.Polygon, shapely.MultiPolygon))]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


def repair(geoms: np.ndarray) -> np.ndarray:
    fixed = shapely.make_valid(geoms, method="structure", keep_collapsed=False)
    return np.array([polygonal(g) for g in fixed], dtype=object)


def interior_holes(geoms: np.ndarray) -> list[shapely.Polygon]:
    """De gaten in de vereniging van alle vlakken (binnenringen als polygonen)."""
    union = shapely.union_all(geoms)
    return [shapely.Polygon(ring) for part in shapely.get_parts(union) for ring in part.interiors]


def fill_small_holes(geoms: np.ndarray, max_area: float) -> tuple[np.ndarray, int, float, int]:
    """Dicht gaten < max_area door ze toe te voegen aan het vlak met de langste gedeelde rand.

    Geeft (vlakken, aantal gedicht, gedichte oppervlakte m², aantal behouden gaten)."""
    out = list(geoms)
    holes = interior_holes(geoms)
    small = [h for h in holes if h.area < max_area]
    tree = shapely.STRtree(out)
    for hole in small:
        candidates = tree.query(hole, predicate="intersects")
        if len(candidates) == 0:
            continue
        edge = shapely.boundary(hole)
        best = max(candidates, key=lambda i: shapely.length(shapely.intersection(shapely.boundary(out[i]), edge)))
        out[best] = polygonal(shapely.union(out[best], hole))
    filled = np.array(out, dtype=object)
    return filled, len(small), float(sum(h.area for h in small)), len(holes) - len(small)


def clean_coverage(gemeenten: gpd.GeoDataFrame, report: BuildReport | None = None,
                   simplify_m: float = SIMPLIFY_M) -> gpd.GeoDataFrame:
    """Herstel, sluit en vereenvoudig de gemeentelaag (in EPSG:28992) tot een geldige bedekking."""
    g = gemeenten.to_crs(WORK_CRS).reset_index(drop=True)
    invalid = g.loc[~g.is_valid, "gemeente_code"].tolist()
    geoms = repair(g.geometry.values)
    geoms = shapely.coverage_clean(geoms, gap_width=GAP_WIDTH_M)
    geoms, n_filled, area_filled, kept = fill_small_holes(geoms, SLIVER_MAX_M2)
    geoms = shapely.coverage_clean(geoms, gap_width=0.0)
    if simplify_m:
        geoms = shapely.coverage_simplify(geoms, simplify_m, simplify_boundary=True)
    geoms = np.array([polygonal(x) for x in geoms], dtype=object)
    if report is not None:
        report.invalid_repaired = invalid
        report.slivers_filled, report.sliver_area_km2, report.water_holes_kept = n_filled, area_filled / 1e6, kept
    out = g.copy()
    out["geometry"] = geoms
    return out


def derive_regions(gemeenten: gpd.GeoDataFrame, membership: pl.DataFrame,
                   names: dict[str, str] | None = None) -> gpd.GeoDataFrame:
    """Voeg de gemeenten per regio samen volgens de lidmaatschapstabel (kolommen gemeente_code, regio_code).

    `gemeenten` is een geldige bedekking met kolom gemeente_code. Elke gemeente uit de tabel moet een
    geometrie hebben; ontbrekende of dubbele gemeenten geven een duidelijke fout."""
    codes = membership["gemeente_code"].to_list()
    dup = sorted({c for c in codes if codes.count(c) > 1})
    if dup:
        raise ValueError(f"gemeenten staan meer dan eens in de lidmaatschapstabel: {dup}")
    have = set(gemeenten["gemeente_code"])
    missing = sorted(set(codes) - have)
    if missing:
        raise ValueError(f"gemeenten uit de lidmaatschapstabel zonder grens: {missing}")
    region_of = dict(zip(membership["gemeente_code"], membership["regio_code"]))
    g = gemeenten[gemeenten["gemeente_code"].isin(region_of)].copy()
    g["regio_code"] = g["gemeente_code"].map(region_of)
    rows = []
    for code, part in sorted(g.groupby("regio_code"), key=lambda kv: kv[0]):
        rows.append({
            "regio_code": code,
            "regio_naam": (names or {}).get(code, code),
            "aantal_gemeenten": int(len(part)),
            "geometry": polygonal(shapely.coverage_union_all(part.geometry.values)),
        })
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=gemeenten.crs)


def inner_borders(gemeenten: gpd.GeoDataFrame, regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """De gemeentegrenzen binnen regio's als lijnen (elke grens één keer, regiogrenzen eruit)."""
    all_lines = shapely.union_all(shapely.boundary(gemeenten.geometry.values))
    region_lines = shapely.union_all(shapely.boundary(regions.geometry.values))
    inner = shapely.line_merge(shapely.difference(all_lines, shapely.buffer(region_lines, 1.0)))
    return gpd.GeoDataFrame([{"soort": "gemeentegrens", "geometry": inner}], geometry="geometry", crs=gemeenten.crs)


def region_iou(derived: gpd.GeoDataFrame, reference: gpd.GeoDataFrame) -> dict[str, float]:
    """Intersection-over-union per regio (in EPSG:28992) tussen afgeleide en gepubliceerde regio's."""
    a = derived.to_crs(WORK_CRS).set_index("regio_code").geometry
    b = reference.to_crs(WORK_CRS).set_index("regio_code").geometry
    b = gpd.GeoSeries(repair(b.values), index=b.index, crs=b.crs)
    out = {}
    for code in a.index:
        if code not in b.index:
            out[code] = 0.0
            continue
        inter = shapely.area(shapely.intersection(a[code], b[code]))
        union = shapely.area(shapely.union(a[code], b[code]))
        out[code] = float(inter / union) if union else 0.0
    return out


# --------------------------------------------------------------------------------------------
# Schrijven
# --------------------------------------------------------------------------------------------
def _round_coords(coords, decimals: int):
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), decimals) for c in coords]
    return [_round_coords(c, decimals) for c in coords]


def to_feature_collection(gdf: gpd.GeoDataFrame, id_col: str, props: list[str],
                          decimals: int = COORD_DECIMALS) -> dict:
    """EPSG:4326-FeatureCollection met afgeronde coördinaten, gesorteerd op id, id = CBS-code."""
    wgs = gdf.to_crs(OUT_CRS)
    grid = 10.0 ** -decimals
    geoms = shapely.set_precision(wgs.geometry.values, grid)  # afronden zonder ongeldige ringen
    features = []
    for (_, row), geom in sorted(zip(wgs.iterrows(), geoms), key=lambda rg: rg[0][1][id_col]):
        mapping = shapely.geometry.mapping(geom if geom.geom_type.endswith("LineString") else polygonal(geom))
        features.append({
            "type": "Feature",
            "id": row[id_col],
            "properties": {p: (int(row[p]) if isinstance(row[p], (np.integer,)) else row[p]) for p in props},
            "geometry": {"type": mapping["type"], "coordinates": _round_coords(mapping["coordinates"], decimals)},
        })
    return {"type": "FeatureCollection", "features": features}


def dump(fc: dict) -> str:
    return json.dumps(fc, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------------------------
# Invoer
# --------------------------------------------------------------------------------------------
def gemeente_source(year: int, source_dir: Path = SOURCE_DIR) -> Path:
    """Het gemeentebestand van dat jaar, of anders het laatste eerdere jaar (zelfde gemeentecodes)."""
    candidates = sorted(source_dir.glob("gemeente_[0-9][0-9][0-9][0-9].geojson"))
    usable = [p for p in candidates if int(p.stem.split("_")[1]) <= year]
    if not usable:
        raise SystemExit(f"Geen gemeentegrenzen voor {year} of eerder in {source_dir}")
    return usable[-1]


def read_gemeenten(path: Path) -> gpd.GeoDataFrame:
    g = gpd.read_file(path)
    return g.rename(columns={"statcode": "gemeente_code", "statnaam": "gemeente_naam"})[
        ["gemeente_code", "gemeente_naam", "geometry"]
    ]


def read_reference_regions(year: int, source_dir: Path = SOURCE_DIR) -> gpd.GeoDataFrame | None:
    path = source_dir / f"jeugdregio_{year}.geojson"
    if not path.exists():
        return None
    return gpd.read_file(path).rename(columns={"statcode": "regio_code"})[["regio_code", "geometry"]]


def region_names(year: int, membership: pl.DataFrame, data_dir: Path = DATA_DIR) -> dict[str, str]:
    names: dict[str, str] = {}
    if "regio_naam" in membership.columns:
        names.update(dict(zip(membership["regio_code"], membership["regio_naam"])))
    regions_csv = data_dir / schema.REGIONS.file
    if regions_csv.exists():
        r = pl.read_csv(regions_csv, infer_schema=False).filter(pl.col("jaar") == str(year))
        names.update(dict(zip(r["regio_code"], r["regio_naam"])))
    return names


# --------------------------------------------------------------------------------------------
# Bouwen
# --------------------------------------------------------------------------------------------
def build_year(year: int, membership: pl.DataFrame, out_dir: Path = GEO_DIR,
               source_dir: Path = SOURCE_DIR, data_dir: Path = DATA_DIR) -> BuildReport:
    src = gemeente_source(year, source_dir)
    report = BuildReport(year=year, source=src.name)
    members = membership.filter(pl.col("jaar") == year)
    raw = read_gemeenten(src)
    raw = raw[raw["gemeente_code"].isin(set(members["gemeente_code"]))]
    gemeenten = clean_coverage(raw, report)
    regions = derive_regions(gemeenten, members, region_names(year, members, data_dir))
    gemeenten["regio_code"] = gemeenten["gemeente_code"].map(dict(zip(members["gemeente_code"], members["regio_code"])))

    region_fc = to_feature_collection(regions, "regio_code", ["regio_code", "regio_naam", "aantal_gemeenten"])
    gemeente_fc = to_feature_collection(gemeenten, "gemeente_code", ["gemeente_code", "gemeente_naam", "regio_code"])
    borders_fc = to_feature_collection(inner_borders(gemeenten, regions), "soort", ["soort"])
    region_text, gemeente_text, borders_text = dump(region_fc), dump(gemeente_fc), dump(borders_fc)
    report.regions, report.gemeenten = len(region_fc["features"]), len(gemeente_fc["features"])
    report.region_bytes, report.gemeente_bytes = len(region_text.encode()), len(gemeente_text.encode())
    report.border_bytes = len(borders_text.encode())

    reference = read_reference_regions(year, source_dir)
    if reference is not None:
        written = gpd.GeoDataFrame.from_features(region_fc["features"], crs=OUT_CRS)
        report.iou = region_iou(written, reference)

    problems = []
    if report.region_bytes > MAX_REGION_BYTES:
        problems.append(f"regiolaag {report.region_bytes} bytes > {MAX_REGION_BYTES}")
    if report.gemeente_bytes > MAX_GEMEENTE_BYTES:
        problems.append(f"gemeentelaag {report.gemeente_bytes} bytes > {MAX_GEMEENTE_BYTES}")
    if report.border_bytes > MAX_BORDER_BYTES:
        problems.append(f"gemeentegrenzen {report.border_bytes} bytes > {MAX_BORDER_BYTES}")
    low = {c: v for c, v in report.iou.items() if v < MIN_IOU}
    if low:
        problems.append(f"regio's wijken te veel af van de CBS-regiolaag (IoU < {MIN_IOU}): {low}")
    if problems:
        raise SystemExit(f"{year}: " + "; ".join(problems))

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"regions_{year}.geojson").write_text(region_text + "\n", encoding="utf-8")
    (out_dir / f"gemeenten_{year}.geojson").write_text(gemeente_text + "\n", encoding="utf-8")
    (out_dir / f"gemeentegrenzen_{year}.geojson").write_text(borders_text + "\n", encoding="utf-8")
    report_data = {**asdict(report), "iou": {c: round(v, 4) for c, v in report.iou.items()}}
    (out_dir / f"build_report_{year}.json").write_text(json.dumps(report_data, ensure_ascii=False, indent=1) + "\n",
                                                      encoding="utf-8")
    return report


def read_reports(out_dir: Path = GEO_DIR) -> list[BuildReport]:
    """Alle bouwverslagen in geo/ (ook van jaren die in deze run niet zijn gebouwd)."""
    return [BuildReport(**json.loads(p.read_text(encoding="utf-8"))) for p in sorted(out_dir.glob("build_report_*.json"))]


def readme(reports: list[BuildReport]) -> str:
    lines = [
        "# geo/ — kaartgrenzen van het dashboard",
        "",
        f"**Attributie:** {schema.ATTRIBUTION_GEO}.",
        "",
        "Deze bestanden zijn gemaakt door `geo/build_geo.py` en worden gecommit. De app leest ze alleen "
        "(`lib/geodata.py`); hij doet het geometriewerk niet opnieuw per sessie.",
        "",
        "| bestand | inhoud | objecten | bytes |",
        "| --- | --- | --- | --- |",
    ]
    for r in reports:
        lines.append(f"| `regions_{r.year}.geojson` | jeugdregio's {r.year}, afgeleid uit gemeenten + lidmaatschap "
                     f"| {r.regions} | {r.region_bytes:,} |")
        lines.append(f"| `gemeenten_{r.year}.geojson` | gemeenten {r.year} (voor dunne gemeentegrenzen) "
                     f"| {r.gemeenten} | {r.gemeente_bytes:,} |")
        lines.append(f"| `gemeentegrenzen_{r.year}.geojson` | alleen de gemeentegrenzen binnen regio's, als lijnen "
                     f"(lichte laag voor de kaart) | 1 | {r.border_bytes:,} |")
    lines += [
        "",
        "Per jaar staat ook een bouwverslag `build_report_<jaar>.json` (herstelde gemeenten, gedichte gaten, "
        "bytes, overeenkomst per regio); dit README wordt daaruit opgebouwd.",
        "",
        "Alle bestanden: GeoJSON (RFC 7946) in WGS84 (EPSG:4326), coördinaten afgerond op "
        f"{COORD_DECIMALS} decimalen, elk object met `id` = CBS-code.",
        "Properties: regio's `regio_code`, `regio_naam`, `aantal_gemeenten`; gemeenten `gemeente_code`, "
        "`gemeente_naam`, `regio_code`.",
        "",
        "## Bron",
        "",
        "- CBS Gebiedsindelingen (gemeentegrenzen, uiteindelijk van Kadaster), via PDOK, in de gegeneraliseerde "
        "versie van `cartomap/nl`; zie `../shared/geo/README.md` voor herkomst en controles.",
        "- Lidmaatschap gemeente → jeugdregio per jaar: `data/membership.csv` (eigen tabel van dit project).",
        "- Licentie: CC BY 4.0 (bronvermelding verplicht; de app toont de attributie onder de kaart).",
        "",
        "## Wat de bouwstap doet",
        "",
        f"1. Ongeldige geometrie herstellen (`shapely.make_valid`, alleen vlakdelen) in EPSG:28992.",
        f"2. De gemeenten tot een sluitende bedekking maken (`shapely.coverage_clean`, spleten < {GAP_WIDTH_M:.0f} m).",
        f"3. Gaten in het land < {SLIVER_MAX_M2 / 1e6:g} km² dichten; groter water (Oosterschelde, Grevelingen, "
        "randmeren) blijft open.",
        f"4. Vereenvoudigen met `shapely.coverage_simplify` (tolerantie {SIMPLIFY_M:.0f} m): buren blijven aansluiten.",
        "5. Per regio de gemeenten samenvoegen volgens `data/membership.csv`. Een nieuwe indeling (bijv. de 41 "
        "regio's van het ontwerpbesluit 2025) vraagt dus alleen een nieuwe lidmaatschapstabel.",
        "6. Terug naar EPSG:4326 en afronden (`shapely.set_precision`, daarna afgeronde getallen).",
        "",
        "## Controles (bij de laatste bouw)",
        "",
    ]
    for r in reports:
        worst = sorted(r.iou.items(), key=lambda kv: kv[1])[:3]
        lines += [
            f"**{r.year}** (bron `{r.source}`): {r.regions} regio's, {r.gemeenten} gemeenten; "
            f"hersteld: {', '.join(r.invalid_repaired) or 'niets'}; "
            f"{r.slivers_filled} spleetgaten gedicht ({r.sliver_area_km2:.2f} km² totaal), "
            f"{r.water_holes_kept} watergaten behouden.",
            "",
        ]
        if r.iou:
            lines += [
                f"Overeenkomst met de gepubliceerde CBS-regiolaag `jeugdregio_{r.year}.geojson` "
                f"(intersection-over-union per regio, eis ≥ {MIN_IOU}): minimum "
                + ", ".join(f"{c} {v:.3f}" for c, v in worst)
                + f"; mediaan {float(np.median(list(r.iou.values()))):.3f}.",
                "",
            ]
    lines += [
        "## Opnieuw bouwen",
        "",
        "```bash",
        "uv run python geo/build_geo.py                       # alle jaren uit data/membership.csv",
        "uv run python geo/build_geo.py --years 2024",
        "uv run python geo/build_geo.py --membership ontwerp_2025.csv --years 2025   # nieuwe indeling",
        "uv run pytest tests/test_geo.py -q                   # controles",
        "```",
        "",
        "Voor een jaar zonder eigen gemeentebestand in `../shared/geo` gebruikt de bouwstap het laatste eerdere "
        "jaar, mits alle gemeentecodes daarin voorkomen. De lidmaatschapstabel moet de kolommen `jaar`, "
        "`gemeente_code` en `regio_code` hebben; regionamen komen uit `data/regions.csv` (of een kolom "
        "`regio_naam` in de tabel).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--membership", type=Path, default=DATA_DIR / schema.MEMBERSHIP.file)
    parser.add_argument("--years", type=int, nargs="*", help="standaard: alle jaren in de tabel")
    parser.add_argument("--out", type=Path, default=GEO_DIR)
    args = parser.parse_args(argv)
    membership = pl.read_csv(args.membership, infer_schema=False).with_columns(pl.col("jaar").cast(pl.Int32))
    years = args.years or sorted(membership["jaar"].unique().to_list())
    for year in years:
        r = build_year(year, membership, args.out)
        worst = min(r.iou.items(), key=lambda kv: kv[1]) if r.iou else None
        print(f"{year}: {r.regions} regio's ({r.region_bytes:,} B), {r.gemeenten} gemeenten ({r.gemeente_bytes:,} B), "
              f"hersteld {r.invalid_repaired}, {r.slivers_filled} spleetgaten gedicht, "
              f"{r.water_holes_kept} watergaten behouden, laagste IoU {worst}")
    (args.out / "README.md").write_text(readme(read_reports(args.out)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
