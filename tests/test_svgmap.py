"""De statische SVG-kaart: markering, projectie, escaping, omvang op de echte regiolaag."""

import re
import xml.etree.ElementTree as ET

from lib import colors, geodata, svgmap

NS = "{http://www.w3.org/2000/svg}"


def _square(lon: float, lat: float, size: float = 0.5) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size],
                                                [lon, lat + size], [lon, lat]]]}


def _geo(names: dict[str, str]) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"regio_code": code, "regio_naam": name},
         "geometry": _square(4 + i, 52)} for i, (code, name) in enumerate(names.items())
    ]}


def _paths(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {p.get("data-regio"): p for p in root.iter(f"{NS}path")}


def test_marks_the_given_regions_and_greys_the_rest():
    svg = svgmap.highlight_svg(_geo({"JZ01": "Een", "JZ02": "Twee", "JZ03": "Drie"}), ["JZ01", "JZ03"],
                               label="vraagt hierom", yes="ja", no="nee", description="Kaart")
    paths = _paths(svg)
    assert {c: p.get("fill") for c, p in paths.items()} == {
        "JZ01": colors.HIGHLIGHT, "JZ02": svgmap.BACKGROUND_REGION, "JZ03": colors.HIGHLIGHT}
    assert paths["JZ02"].find(f"{NS}title").text == "Twee (JZ02) — vraagt hierom: nee"
    assert paths["JZ03"].find(f"{NS}title").text == "Drie (JZ03) — vraagt hierom: ja"
    # gemarkeerde regio's als laatste getekend: hun rand ligt bovenop
    assert list(paths) == ["JZ02", "JZ01", "JZ03"]


def test_description_is_the_accessible_name():
    root = ET.fromstring(svgmap.highlight_svg(_geo({"JZ01": "Een"}), [], label="x", yes="ja", no="nee",
                                              description="Ligging van Een"))
    assert root.get("role") == "img" and root.get("aria-label") == "Ligging van Een"
    assert root.find(f"{NS}desc").text == "Ligging van Een"


def test_text_from_data_is_escaped():
    hostile = '<script>alert(1)</script>"&'
    svg = svgmap.highlight_svg(_geo({"JZ01": hostile}), ["JZ01"], label="<b>l</b>", yes="ja", no="nee",
                               description='<img src=x onerror="alert(1)">')
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)  # nog steeds geldige XML
    assert hostile in _paths(svg)["JZ01"].find(f"{NS}title").text
    assert root.get("aria-label") == '<img src=x onerror="alert(1)">'


def test_path_is_projected_north_up_and_relative():
    project, height = svgmap._projector((4.0, 52.0, 5.0, 53.0), 100)
    assert project(4.0, 53.0) == (0, 0) and project(5.0, 52.0) == (100, height)
    assert 150 < height < 175  # mercator op 52,5°: ~1/cos(52,5°) = 1,64 × zo hoog als breed
    d = svgmap.path_data(_square(4.0, 52.0, 1.0), project)
    assert d == f"M0 {height}l100 0 0 -{height} -100 0 0 {height}z"


def test_rings_smaller_than_a_unit_are_dropped():
    project, _ = svgmap._projector((4.0, 52.0, 5.0, 53.0), 100)
    assert svgmap.path_data(_square(4.2, 52.2, 0.001), project) == ""
    multi = {"type": "MultiPolygon", "coordinates": [_square(4.0, 52.0, 0.5)["coordinates"],
                                                     _square(4.6, 52.6, 0.001)["coordinates"]]}
    assert svgmap.path_data(multi, project).count("M") == 1


def test_real_region_layer_is_small_and_complete():
    geo = geodata.read_geojson(geodata.geo_path("regions", 2024))
    svg = svgmap.highlight_svg(geo, ["JZ20"], label="deze regio", yes="ja", no="nee", description="Kaart")
    paths = _paths(svg)
    assert len(paths) == 42 and paths["JZ20"].get("fill") == colors.HIGHLIGHT
    assert len(svg) < 30_000  # de pydeck-variant stuurde ~60 kB plus de deck.gl-bundel
    assert "http" not in svg.replace(NS[1:-1], "")
    assert re.fullmatch(r"0 0 400 \d+", ET.fromstring(svg).get("viewBox"))
