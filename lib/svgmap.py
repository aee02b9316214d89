"""Kleine statische kaart van de jeugdregio's als inline SVG (geen st.* hier).

Voor de kleine kaarten die alleen iets aanwijzen (de ligging van een regio in het profiel, de regio's
die om een categorie ondersteuning vragen). Een pydeck-kaart laadt daarvoor de hele deck.gl-bundel
(~5 MB JavaScript) naast plotly; deze SVG is ~20 kB tekst zonder JavaScript. De pagina toont hem met
st.image (st.html haalt SVG weg: DOMPurify met alleen het html-profiel), met de beschrijving als alt-tekst.
Elke regio heeft een <title> en de kaart een aria-label, voor wie de SVG los opent. Alle tekst wordt ge-escapet.

Projectie: web-mercator, zoals de grote kaart. Coördinaten worden afgerond op hele eenheden in een
viewBox van `WIDTH` breed en als relatieve padstappen geschreven; opeenvolgende gelijke punten vervallen.
"""

from __future__ import annotations

import html
import math

from lib import colors
from lib.maps import NL_BOUNDS, REGION_LINE, merc_y

WIDTH = 400
BACKGROUND_REGION = "#e3e3e3"

def _projector(bounds: tuple[float, float, float, float], width: int):
    west, south, east, north = bounds
    sx = width / math.radians(east - west)
    top = merc_y(north)
    height = round((top - merc_y(south)) * sx)

    def project(lon: float, lat: float) -> tuple[int, int]:
        return round(math.radians(lon - west) * sx), round((top - merc_y(lat)) * sx)

    return project, height


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for poly in geometry["coordinates"] for ring in poly]
    return []


def path_data(geometry: dict, project) -> str:
    """SVG-paddata voor een (Multi)Polygon: per ring 'M x y' en daarna relatieve stappen 'l dx dy'."""
    parts: list[str] = []
    for ring in _rings(geometry):
        pts: list[tuple[int, int]] = []
        for lon, lat, *_ in ring:
            p = project(lon, lat)
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) < 3:
            continue  # een ring kleiner dan een eenheid is op deze schaal onzichtbaar
        steps = " ".join(f"{x1 - x0} {y1 - y0}" for (x0, y0), (x1, y1) in zip(pts, pts[1:]))
        parts.append(f"M{pts[0][0]} {pts[0][1]}l{steps}z")
    return "".join(parts)


def highlight_svg(geojson: dict, codes: list[str] | set[str], *, label: str, yes: str, no: str,
                  description: str, color: str = colors.HIGHLIGHT, width: int = WIDTH,
                  bounds: tuple[float, float, float, float] = NL_BOUNDS) -> str:
    """De regio's in `codes` gekleurd, de rest lichtgrijs. Tooltip per regio: 'naam (code) — label: ja/nee'.

    `description` is de tekstuele beschrijving voor schermlezers (aria-label en <desc>)."""
    project, height = _projector(bounds, width)
    on_set = set(codes)
    background: list[str] = []
    marked: list[str] = []
    for feat in geojson["features"]:
        p = feat["properties"]
        code = p["regio_code"]
        on = code in on_set
        d = path_data(feat["geometry"], project)
        if not d:
            continue
        tip = html.escape(f"{p.get('regio_naam', code)} ({code}) — {label}: {yes if on else no}")
        fill = color if on else BACKGROUND_REGION
        (marked if on else background).append(
            f'<path d="{d}" fill="{fill}" data-regio="{html.escape(code)}"><title>{tip}</title></path>'
        )
    desc = html.escape(description)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{desc}" width="{width}" height="{height}" '
        f'stroke="{REGION_LINE}" stroke-width="0.8" stroke-linejoin="round">'
        f"<desc>{desc}</desc>{''.join(background)}{''.join(marked)}</svg>"
    )
