"""De gecommitte kaartgrenzen in geo/ lezen (gemaakt door geo/build_geo.py; de app rekent niet aan geometrie).

De bestanden worden als gewone GeoJSON-dicts gelezen: pydeck wil precies dat, en zo is geopandas op
runtime niet nodig. `read_geojson` is puur; de `*_geojson`-functies cachen per (pad, mtime) in
st.cache_resource, dus alle sessies delen één kopie. Die gedeelde dicts nooit wijzigen: de
kaartbouwers in lib/maps.py maken nieuwe features en hergebruiken alleen de geometrie.
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from lib.paths import GEO_DIR

REGIONS_FILE = "regions_{year}.geojson"
GEMEENTEN_FILE = "gemeenten_{year}.geojson"
BORDERS_FILE = "gemeentegrenzen_{year}.geojson"


class GeoDataMissing(FileNotFoundError):
    """Een kaartbestand ontbreekt of is onleesbaar; de boodschap is Nederlands en voor mensen."""


def geo_path(kind: str, year: int, geo_dir: Path = GEO_DIR) -> Path:
    template = {"regions": REGIONS_FILE, "gemeenten": GEMEENTEN_FILE, "grenzen": BORDERS_FILE}[kind]
    return geo_dir / template.format(year=year)


def read_geojson(path: Path) -> dict:
    """Lees een FeatureCollection; een duidelijke GeoDataMissing als dat niet lukt."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GeoDataMissing(
            f"De kaartgrenzen ontbreken ({Path(path).name}). Een ontwikkelaar maakt ze met "
            "`uv run python geo/build_geo.py`."
        ) from exc
    except (OSError, ValueError) as exc:
        raise GeoDataMissing(f"Het kaartbestand {Path(path).name} kon niet worden gelezen.") from exc
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise GeoDataMissing(f"Het kaartbestand {Path(path).name} is geen GeoJSON FeatureCollection.")
    return data


def available_years(geo_dir: Path = GEO_DIR) -> list[int]:
    return sorted(int(p.stem.split("_")[1]) for p in geo_dir.glob("regions_[0-9][0-9][0-9][0-9].geojson"))


@st.cache_resource(show_spinner=False, max_entries=8)
def _cached(path: str, mtime_ns: int) -> dict:  # noqa: ARG001 - mtime_ns is de cachesleutel
    return read_geojson(Path(path))


def _load(kind: str, year: int, geo_dir: Path = GEO_DIR) -> dict:
    path = geo_path(kind, year, geo_dir)
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        return read_geojson(path)  # geeft de nette GeoDataMissing
    return _cached(str(path), mtime)


def regions_geojson(year: int, geo_dir: Path = GEO_DIR) -> dict:
    """Jeugdregio's van dat jaar (properties regio_code, regio_naam, aantal_gemeenten). Niet wijzigen."""
    return _load("regions", year, geo_dir)


def gemeenten_geojson(year: int, geo_dir: Path = GEO_DIR) -> dict:
    """Gemeenten van dat jaar (properties gemeente_code, gemeente_naam, regio_code). Niet wijzigen."""
    return _load("gemeenten", year, geo_dir)


def borders_geojson(year: int, geo_dir: Path = GEO_DIR) -> dict:
    """Alleen de gemeentegrenzen binnen regio's, als lijnen (voor een dunne grenslaag). Niet wijzigen."""
    return _load("grenzen", year, geo_dir)
