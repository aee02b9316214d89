"""De statuskleuren blijven onderscheidbaar bij kleurenblindheid, en tekst erop is leesbaar.

Simulatie: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
Vision Deficiency", IEEE TVCG 15(6). De matrices voor ernst 1.0 (volledige protanopie, deuteranopie en
tritanopie: het slechtste geval) werken op lineaire sRGB. Kleurverschil: CIEDE2000 in CIELAB (D65).

Drempels (waarom deze getallen):
- ΔE00 ≈ 1 is een net-merkbaar verschil voor grote vlakken naast elkaar onder ideale omstandigheden. Op
  een kaart of heatmap, met kleinere vlakken, op willekeurige schermen en met een legenda ernaast, is een
  veelvoud nodig. We eisen ≥ 5 tussen *aangrenzende* niveaus: die liggen in een geordende schaal het
  dichtst bij elkaar, en verder uit elkaar liggende niveaus verschillen dan vanzelf meer.
- Niveaus verschillen daarnaast in lichtheid, het kanaal dat bij alle drie de vormen overblijft: L*
  moet per niveau dalen, met ≥ 5 per stap, zodat de volgorde ook zonder kleurzien leesbaar is.
- 'Onbekend' mag nooit op een niveau lijken (vooral niet op 0: onbekend is geen 'niet gestart'): ≥ 10
  tegen elk niveau, tweemaal de drempel voor buren. 'N.v.t.' (zeldzaam, lichtgrijs) moet minstens zo
  ver van elk niveau liggen als buren onderling (≥ 5); bij protanopie ligt het het dichtst bij niveau 1
  (ΔE00 ≈ 7.5). Lichter maken zou het tegen de witte achtergrond laten verdwijnen.
- Tekst op een statuskleur: contrast ≥ 4.5:1 (WCAG 2.1 AA, 1.4.3).
"""

from __future__ import annotations

import math

import pytest

from lib.colors import CHANGE_COLORS, CHANGE_TEXT_COLORS, STATUS_COLORS, STATUS_TEXT_COLORS

# Machado et al. (2009), ernst 1.0; rijen = uitvoer R, G, B in lineaire sRGB.
MACHADO_2009: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopie": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopie": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopie": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
VISIONS = {"normaal": IDENTITY, **MACHADO_2009}
LEVELS = [str(i) for i in range(5)]
MIN_DE_ADJACENT = 5.0
MIN_DL_ADJACENT = 5.0
MIN_DE_MISSING = 10.0
MIN_CONTRAST = 4.5


def _srgb_to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def linear_rgb(hex_color: str) -> tuple[float, float, float]:
    h = hex_color.lstrip("#")
    return tuple(_srgb_to_linear(int(h[i:i + 2], 16) / 255) for i in (0, 2, 4))  # type: ignore[return-value]


def simulate(hex_color: str, matrix=IDENTITY) -> tuple[float, float, float]:
    """Lineaire sRGB zoals iemand met deze kleurzienvorm hem ziet (geknipt op 0–1)."""
    rgb = linear_rgb(hex_color)
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix)  # type: ignore[return-value]


def lab(linear: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = linear
    x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / 0.95047), f(y / 1.0), f(z / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (dc / s_c) * (d_h / s_h))


def contrast_ratio(fg: str, bg: str) -> float:
    def lum(c: str) -> float:
        r, g, b = linear_rgb(c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- de hulpmiddelen zelf ------------------------------------------------------------------------
@pytest.mark.parametrize(("lab1", "lab2", "expected"), [
    # Testparen uit Sharma, Wu & Dalal (2005), tabel 1.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_matches_published_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("vision", list(MACHADO_2009))
def test_simulation_keeps_greys_and_confuses_what_it_should(vision):
    # Elke rij telt op tot ~1: grijs blijft grijs (wit, zwart, middengrijs).
    for grey in ("#ffffff", "#000000", "#808080"):
        assert simulate(grey, MACHADO_2009[vision]) == pytest.approx(linear_rgb(grey), abs=2e-3)
    # De klassieke verwarring: rood en groen liggen bij rood-groenblindheid veel dichter bij elkaar,
    # blauw en groen bij tritanopie.
    pair = ("#00a000", "#0000ff") if vision == "tritanopie" else ("#d62728", "#2ca02c")
    normal = ciede2000(lab(simulate(pair[0])), lab(simulate(pair[1])))
    simulated = ciede2000(lab(simulate(pair[0], MACHADO_2009[vision])), lab(simulate(pair[1], MACHADO_2009[vision])))
    assert simulated < normal * 0.75


def test_contrast_ratio_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


# --- de kleurschaal -------------------------------------------------------------------------------
def _status_labs(vision: str) -> dict[str, tuple[float, float, float]]:
    return {code: lab(simulate(color, VISIONS[vision])) for code, color in STATUS_COLORS.items()}


@pytest.mark.parametrize("vision", list(VISIONS))
def test_adjacent_status_levels_distinguishable(vision):
    labs = _status_labs(vision)
    for lo, hi in zip(LEVELS, LEVELS[1:]):
        de = ciede2000(labs[lo], labs[hi])
        assert de >= MIN_DE_ADJACENT, f"{vision}: niveau {lo} en {hi} verschillen ΔE00 {de:.1f} < {MIN_DE_ADJACENT}"


@pytest.mark.parametrize("vision", list(VISIONS))
def test_status_levels_ordered_by_lightness(vision):
    lightness = [_status_labs(vision)[code][0] for code in LEVELS]
    steps = [a - b for a, b in zip(lightness, lightness[1:])]
    assert all(s >= MIN_DL_ADJACENT for s in steps), f"{vision}: L* per niveau {[round(v, 1) for v in lightness]}"


@pytest.mark.parametrize("vision", list(VISIONS))
@pytest.mark.parametrize(("missing", "threshold"), [("onbekend", MIN_DE_MISSING), ("nvt", MIN_DE_ADJACENT)])
def test_unknown_and_na_never_look_like_a_level(vision, missing, threshold):
    labs = _status_labs(vision)
    for code in LEVELS:
        de = ciede2000(labs[missing], labs[code])
        assert de >= threshold, f"{vision}: {missing} lijkt op niveau {code} (ΔE00 {de:.1f} < {threshold})"
    assert ciede2000(labs["onbekend"], labs["nvt"]) >= MIN_DE_MISSING


@pytest.mark.parametrize("vision", list(VISIONS))
def test_change_colours_distinguishable(vision):
    labs = {c: lab(simulate(v, VISIONS[vision])) for c, v in CHANGE_COLORS.items()}
    codes = list(labs)
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            assert ciede2000(labs[a], labs[b]) >= MIN_DE_MISSING, f"{vision}: {a} en {b} lijken op elkaar"


@pytest.mark.parametrize(("colors", "text"), [(STATUS_COLORS, STATUS_TEXT_COLORS), (CHANGE_COLORS, CHANGE_TEXT_COLORS)],
                         ids=["status", "verandering"])
def test_text_on_colour_has_aa_contrast(colors, text):
    assert set(text) == set(colors), "elke kleur heeft een tekstkleur"
    for code, bg in colors.items():
        ratio = contrast_ratio(text[code], bg)
        assert ratio >= MIN_CONTRAST, f"tekst {text[code]} op {code} ({bg}): {ratio:.2f}:1 < {MIN_CONTRAST}:1"
