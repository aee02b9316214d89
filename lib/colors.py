"""Eén kleurschaal voor kaart, heatmap en grafieken.

Statusniveaus 0–4 gebruiken een sequentiële blauw-groene schaal (ColorBrewer YlGnBu, zonder de
lichtste tint), die voor de gangbare vormen van kleurenblindheid op volgorde van lichtheid leesbaar
blijft. 'Onbekend' is middengrijs en 'n.v.t.' lichtgrijs: duidelijk anders dan het laagste niveau.
Verandering gebruikt blauw/oranje (veilig voor rood-groenblindheid).
"""

from __future__ import annotations

STATUS_COLORS: dict[str, str] = {
    "0": "#c7e9b4",
    "1": "#7fcdbb",
    "2": "#41b6c4",
    "3": "#2a7ab3",  # ColorBrewer #2c7fb8, een tikje donkerder: witte tekst erop haalt 4.5:1
    "4": "#253494",
    "onbekend": "#8c8c8c",
    "nvt": "#dcdcdc",
}
#: Tekstkleur die leesbaar is op de statuskleur (contrast ≥ 4.5:1; getest in tests/test_colors_accessible.py).
STATUS_TEXT_COLORS: dict[str, str] = {
    "0": "#1a1a1a", "1": "#1a1a1a", "2": "#1a1a1a", "3": "#ffffff", "4": "#ffffff",
    "onbekend": "#1a1a1a", "nvt": "#1a1a1a",  # wit op het grijs van onbekend haalt maar 3.4:1
}

CHANGE_CODES: tuple[str, ...] = ("verbeterd", "gelijk", "verslechterd", "onbekend")
CHANGE_LABELS: dict[str, str] = {
    "verbeterd": "Verbeterd", "gelijk": "Gelijk", "verslechterd": "Verslechterd", "onbekend": "Onbekend",
}
CHANGE_COLORS: dict[str, str] = {
    "verbeterd": "#2166ac", "gelijk": "#e0e0e0", "verslechterd": "#b35806", "onbekend": "#8c8c8c",
}
CHANGE_TEXT_COLORS: dict[str, str] = {
    "verbeterd": "#ffffff", "gelijk": "#1a1a1a", "verslechterd": "#ffffff", "onbekend": "#1a1a1a",
}

#: Doorlopende schaal 0–4 (gemiddelde voortgang) met dezelfde ankerkleuren.
CONTINUOUS_SCALE: list[tuple[float, str]] = [(i / 4, STATUS_COLORS[str(i)]) for i in range(5)]

NEUTRAL_LINE = "#4d4d4d"
#: Tekst in grafieken (gelijk aan textColor in .streamlit/config.toml) en hun rasterlijnen.
TEXT = "#111111"
GRID = "#eeeeee"
HIGHLIGHT = "#e7298a"


def hex_to_rgb(color: str) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i : i + 2], 16) for i in (0, 2, 4)]


def interpolate(value: float | None, lo: float = 0.0, hi: float = 4.0) -> str:
    """Kleur op de doorlopende schaal; None → de kleur voor onbekend."""
    if value is None:
        return STATUS_COLORS["onbekend"]
    x = 0.0 if hi == lo else min(1.0, max(0.0, (value - lo) / (hi - lo)))
    for (x0, c0), (x1, c1) in zip(CONTINUOUS_SCALE, CONTINUOUS_SCALE[1:]):
        if x <= x1:
            f = 0.0 if x1 == x0 else (x - x0) / (x1 - x0)
            a, b = hex_to_rgb(c0), hex_to_rgb(c1)
            return "#" + "".join(f"{round(u + (v - u) * f):02x}" for u, v in zip(a, b))
    return CONTINUOUS_SCALE[-1][1]
