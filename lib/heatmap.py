"""Thema's per regio: pure transformaties en de plotly-heatmap. Geen st.* hier.

Rijen zijn de regio's die door de filters komen, kolommen de 14 thema's, een cel is de status in de
gekozen peiling op dezelfde ordinale kleurschaal als de kaart (lib.colors.STATUS_COLORS), met de
status als tekst in de cel zodat hij ook zonder kleur leesbaar is. Variant: de verandering sinds de
vorige peiling. Marges: de gemiddelde voortgang per regio en per thema (onbekend en n.v.t. tellen
niet mee, nooit als 0).

Filterregels (ook in het bijschrift van de pagina):
- provincie: alleen regio's uit die provincie (de provincie van de meeste gemeenten);
- status: een regio komt door de filter als ten minste één thema (of, met een themafilter, het
  gekozen thema) een van de gekozen statussen heeft; cellen met een andere status worden lichter
  getoond (de status blijft leesbaar);
- thema: de kolom van het gekozen thema krijgt een kader; alle 14 kolommen blijven staan.

Een plotly-heatmap meldt geen selectie bij een klik. Daarom ligt er een onzichtbare scatter met een
punt in het midden van elke cel over de heatmap; die levert bij een klik regio en thema
(`customdata`), zie `cell_from_selection`.
"""

from __future__ import annotations

import math

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import polars as pl

from lib import colors, schema
from lib.charts import FONT, label_margin
from lib.i18n import change_label, current_lang, t
from lib.loaders import Dataset
from lib.profile import history_cells
from lib.transforms import Filters, previous_peiling, region_table, theme_progress

VARIANT_STATUS = "status"
VARIANT_CHANGE = "verandering"
VARIANTS: dict[str, str] = {
    VARIANT_STATUS: "Status in deze peiling",
    VARIANT_CHANGE: "Verandering sinds vorige peiling",
}
SORTS: dict[str, str] = {
    "naam": "Naam",
    "voortgang": "Gemiddelde voortgang (hoog eerst)",
    "provincie": "Provincie",
    "profiel": "Gelijkend profiel",
}


def variants() -> dict[str, str]:
    """VARIANTS in de huidige taal (voor de keuzeknoppen)."""
    return {v: t(f"heatmap.variant_{v}") for v in VARIANTS}


def sorts() -> dict[str, str]:
    """SORTS in de huidige taal."""
    return {v: t(f"heatmap.sort_{v}") for v in SORTS}

#: Cellen die niet door de statusfilter komen: licht, met nog leesbare tekst.
FILTERED_OUT = "gefilterd"
FILTERED_OUT_COLOR = "#ffffff"
FILTERED_OUT_TEXT_COLOR = "#595959"
DARK_TEXT = "#1a1a1a"
LIGHT_TEXT = "#ffffff"

#: Korte celtekst per status: de ordinale waarde, of een teken voor onbekend / n.v.t. Een label als
#: "Voorbereiding" past niet in 14 kolommen op een scherm van 1280 px; de legenda en de hover geven
#: het volledige label.
STATUS_CELL_TEXT: dict[str, str] = {"0": "0", "1": "1", "2": "2", "3": "3", "4": "4", "onbekend": "?", "nvt": "nvt"}

#: Maten (px) voor een leesbare heatmap met 42 rijen.
ROW_PX = 19
TOP_PX = 175  # minimaal: legenda bovenaan en de schuine themalabels (zie heatmap_figure)
BOTTOM_PX = 10
CELL_FONT_SIZE = 11
TICK_FONT_SIZE = 12

# Rangorde van de kolommen (ook voor de profielvergelijking)
_UNKNOWN_PENALTY = 2.0


# ---------------------------------------------------------------------------------------------
# Welke regio's, welke cellen
# ---------------------------------------------------------------------------------------------
def regions_passing(ds: Dataset, f: Filters) -> pl.DataFrame:
    """De regio's die door provincie- en statusfilter komen (zie de moduledocstring)."""
    regions = region_table(ds, f.peiling)
    if f.provincie:
        regions = regions.filter(pl.col("provincie_code") == f.provincie)
    if f.statussen:
        a = ds.assessments.filter(
            (pl.col("peiling_id") == f.peiling) & pl.col("status").cast(pl.String).is_in(list(f.statussen))
        )
        if f.thema:
            a = a.filter(pl.col("thema_code").cast(pl.String) == f.thema)
        regions = regions.filter(pl.col("regio_code").is_in(a["regio_code"].unique().to_list()))
    return regions.select("regio_code", "regio_naam", "provincie_code", "provincie_naam").sort("regio_code")


def _peiling_statuses(ds: Dataset, peiling: str, regions: list[str]) -> pl.DataFrame:
    """Elke regio × elk thema; een ontbrekende beoordeling is onbekend (nooit 0)."""
    grid = pl.DataFrame({"regio_code": regions}, schema={"regio_code": pl.String}).join(
        pl.DataFrame({"thema_code": list(ds.vocab.theme_codes)}), how="cross"
    )
    a = ds.assessments.filter(pl.col("peiling_id") == peiling).select(
        "regio_code",
        pl.col("thema_code").cast(pl.String),
        pl.col("status").cast(pl.String),
        "status_waarde",
    )
    return grid.join(a, on=["regio_code", "thema_code"], how="left").with_columns(
        pl.col("status").fill_null(schema.STATUS_UNKNOWN)
    )


def status_grid(ds: Dataset, f: Filters) -> pl.DataFrame:
    """Lang formaat: één rij per regio × thema, met status, ordinale waarde en 'doorgelaten'."""
    regions = regions_passing(ds, f)
    cells = _peiling_statuses(ds, f.peiling, regions["regio_code"].to_list())
    passed = pl.lit(True) if not f.statussen else pl.col("status").is_in(list(f.statussen))
    return (
        regions.select("regio_code", "regio_naam", "provincie_naam")
        .join(cells, on="regio_code", how="inner")
        .with_columns(passed.alias("doorgelaten"))
        .sort("regio_code", "thema_code")
    )


def change_expr(previous: str = "vorige_waarde", current: str = "status_waarde") -> pl.Expr:
    """verbeterd / gelijk / verslechterd, of onbekend als een van beide geen waarde 0–4 heeft."""
    prev, cur = pl.col(previous), pl.col(current)
    return (
        pl.when(prev.is_null() | cur.is_null())
        .then(pl.lit("onbekend"))
        .when(cur > prev)
        .then(pl.lit("verbeterd"))
        .when(cur < prev)
        .then(pl.lit("verslechterd"))
        .otherwise(pl.lit("gelijk"))
    )


def change_grid(ds: Dataset, f: Filters) -> pl.DataFrame:
    """Als status_grid, plus de status in de vorige peiling, het verschil en de verandering."""
    grid = status_grid(ds, f)
    prev = previous_peiling(ds, f.peiling)
    if prev is None:
        before = grid.select(
            "regio_code", "thema_code",
            pl.lit(None, pl.String).alias("vorige_status"), pl.lit(None, pl.Int8).alias("vorige_waarde"),
        )
    else:
        before = _peiling_statuses(ds, prev, grid["regio_code"].unique().to_list()).select(
            "regio_code", "thema_code",
            pl.col("status").alias("vorige_status"), pl.col("status_waarde").alias("vorige_waarde"),
        )
    return grid.join(before, on=["regio_code", "thema_code"], how="left").with_columns(
        (pl.col("status_waarde") - pl.col("vorige_waarde")).cast(pl.Int8).alias("verschil"),
        change_expr().alias("verandering"),
    )


# ---------------------------------------------------------------------------------------------
# Marges en volgordes
# ---------------------------------------------------------------------------------------------
def value_column(variant: str) -> str:
    return "verschil" if variant == VARIANT_CHANGE else "status_waarde"


def region_means(grid: pl.DataFrame, value_col: str = "status_waarde") -> pl.DataFrame:
    """Gemiddelde per regio over de thema's met een bekende waarde (null als er geen is)."""
    return grid.group_by("regio_code").agg(
        pl.col(value_col).cast(pl.Float64).mean().alias("gemiddelde"),
        pl.col(value_col).is_not_null().sum().cast(pl.UInt32).alias("aantal_bekend"),
    ).sort("regio_code")


def theme_means(grid: pl.DataFrame, value_col: str = "status_waarde") -> pl.DataFrame:
    """Gemiddelde per thema over de getoonde regio's met een bekende waarde."""
    return grid.group_by("thema_code").agg(
        pl.col(value_col).cast(pl.Float64).mean().alias("gemiddelde"),
        pl.col(value_col).is_not_null().sum().cast(pl.UInt32).alias("aantal_bekend"),
    ).sort("thema_code")


def national_theme_order(ds: Dataset, peiling: str) -> list[str]:
    """Thema's op landelijke voortgang (alle regio's van de peiling), hoogste eerst; gelijk → code."""
    progress = theme_progress(ds.assessments.filter(pl.col("peiling_id") == peiling)).with_columns(
        pl.col("thema_code").cast(pl.String)
    )
    known = dict(zip(progress["thema_code"], progress["gemiddelde"]))
    codes = list(ds.vocab.theme_codes)
    return sorted(codes, key=lambda t: (known.get(t) is None, -(known.get(t) or 0.0), t))


def profile_distance(a: Sequence[float | None], b: Sequence[float | None]) -> float:
    """Gemiddeld verschil tussen twee statusprofielen.

    Beide bekend: |a − b|. Eén van beide onbekend: een vaste straf van 2 (het midden van de schaal),
    zodat onbekend niet als 0 geldt maar ook niet als gelijk. Beide onbekend: telt niet mee.
    """
    diffs = []
    for x, y in zip(a, b, strict=True):
        if x is None and y is None:
            continue
        diffs.append(_UNKNOWN_PENALTY if x is None or y is None else abs(x - y))
    return sum(diffs) / len(diffs) if diffs else 0.0


def similarity_order(profiles: Mapping[str, Sequence[float | None]]) -> list[str]:
    """Gretige naaste-buurvolgorde: begin bij het hoogste gemiddelde, kies steeds het meest gelijkende
    profiel dat nog over is (gelijke afstand → laagste code). Deterministisch, O(n²)."""
    if not profiles:
        return []

    def mean(code: str) -> float:
        known = [v for v in profiles[code] if v is not None]
        return sum(known) / len(known) if known else float("-inf")

    remaining = sorted(profiles)
    current = max(remaining, key=lambda c: (mean(c), -remaining.index(c)))
    order = [current]
    remaining.remove(current)
    while remaining:
        current = min(remaining, key=lambda c: (profile_distance(profiles[order[-1]], profiles[c]), c))
        order.append(current)
        remaining.remove(current)
    return order


def order_regions(grid: pl.DataFrame, how: str, theme_order: Sequence[str],
                  value_col: str = "status_waarde") -> list[str]:
    """Volgorde van de rijen: naam, gemiddelde voortgang, provincie of gelijkend profiel."""
    regions = grid.select("regio_code", "regio_naam", "provincie_naam").unique().join(
        region_means(grid, value_col), on="regio_code", how="left"
    )
    if how == "voortgang":
        regions = regions.sort(["gemiddelde", "regio_naam"], descending=[True, False], nulls_last=True)
    elif how == "provincie":
        regions = regions.sort("provincie_naam", "regio_naam")
    elif how == "profiel":
        wide = grid.select("regio_code", "thema_code", "status_waarde").pivot(
            on="thema_code", index="regio_code", values="status_waarde"
        )
        cols = [t for t in theme_order if t in wide.columns]
        profiles = {
            row[0]: [None if v is None else float(v) for v in row[1:]]
            for row in wide.select("regio_code", *cols).iter_rows()
        }
        return similarity_order(profiles)
    else:
        regions = regions.sort("regio_naam")
    return regions["regio_code"].to_list()


# ---------------------------------------------------------------------------------------------
# Celteksten en kleuren
# ---------------------------------------------------------------------------------------------
def fmt_number(value: float | None, signed: bool = False) -> str:
    """Nederlandse notatie met één decimaal ('2,3'; in het Engels '2.3'); leeg voor onbekend."""
    if value is None:
        return ""
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return (text.replace(".", ",") if current_lang() == "nl" else text).replace("-", "−")


def number_expr(col: pl.Expr, signed: bool = False) -> pl.Expr:
    """Zelfde notatie als fmt_number, als Polars-expressie: geen Python-functie per cel in Polars'
    threadpool (dat kon met meerdere sessies tegelijk vastlopen op de GIL; zie lib/export.py)."""
    rounded = col.round(1)
    text = rounded.abs().cast(pl.String)
    text = pl.when(text.str.contains(r"\.")).then(text).otherwise(text + ".0")
    sign = pl.when(rounded < 0).then(pl.lit("−")).otherwise(pl.lit("+") if signed else pl.lit(""))
    if current_lang() == "nl":
        text = text.str.replace(".", ",", literal=True)
    return pl.when(col.is_null()).then(None).otherwise(sign + text)


def change_cell_text(change: str, diff: int | None) -> str:
    if change == "onbekend" or diff is None:
        return "?"
    if diff == 0:
        return "="
    return f"+{diff}" if diff > 0 else f"−{abs(diff)}"


def cell_category(grid: pl.DataFrame, variant: str) -> pl.DataFrame:
    """Per cel de kleurcategorie (statuscode, veranderingscode of 'gefilterd') en de celtekst."""
    if variant == VARIANT_CHANGE:
        texts = [change_cell_text(c, d) for c, d in zip(grid["verandering"], grid["verschil"])]
        base = pl.col("verandering")
    else:
        texts = [STATUS_CELL_TEXT.get(s, s) for s in grid["status"]]
        base = pl.col("status")
    return grid.with_columns(
        pl.when(pl.col("doorgelaten")).then(base).otherwise(pl.lit(FILTERED_OUT)).alias("categorie"),
        pl.Series("celtekst", texts, dtype=pl.String),
    )


def category_colors(variant: str) -> dict[str, tuple[str, str]]:
    """Categorie → (vulkleur, tekstkleur), in legendavolgorde."""
    if variant == VARIANT_CHANGE:
        out = {c: (colors.CHANGE_COLORS[c], colors.CHANGE_TEXT_COLORS[c]) for c in colors.CHANGE_CODES}
    else:
        out = {c: (colors.STATUS_COLORS[c], colors.STATUS_TEXT_COLORS[c]) for c in schema.STATUS_CODES}
    out[FILTERED_OUT] = (FILTERED_OUT_COLOR, FILTERED_OUT_TEXT_COLOR)
    return out


def category_labels(variant: str, vocab: schema.Vocabulary) -> dict[str, str]:
    """Legendalabels: de celtekst en het volledige label, zodat de legenda de cellen uitlegt."""
    if variant == VARIANT_CHANGE:
        signs = {"verbeterd": "+", "gelijk": "=", "verslechterd": "−", "onbekend": "?"}
        out = {c: f"{signs[c]} {change_label(c)}" for c in colors.CHANGE_CODES}
    else:
        out = {c: f"{STATUS_CELL_TEXT[c]} {vocab.status_labels[c]}" for c in schema.STATUS_CODES}
    out[FILTERED_OUT] = t("heatmap.buiten_filter")
    return out


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colors.hex_to_rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_color_on(fill: str) -> str:
    """Donkere of witte tekst: wat het meeste contrast geeft op de vulkleur."""
    lum = _luminance(fill)
    return DARK_TEXT if (lum + 0.05) / (_luminance(DARK_TEXT) + 0.05) >= 1.05 / (lum + 0.05) else LIGHT_TEXT


def mean_color(value: float | None, variant: str) -> str:
    if value is None:
        return colors.STATUS_COLORS["onbekend"]
    if variant == VARIANT_CHANGE:
        # −1 … +1 gemiddelde verandering: oranje → grijs → blauw
        x = max(-1.0, min(1.0, value))
        lo, mid, hi = (colors.hex_to_rgb(colors.CHANGE_COLORS[k]) for k in ("verslechterd", "gelijk", "verbeterd"))
        a, b, t = (mid, hi, x) if x >= 0 else (mid, lo, -x)
        return "#" + "".join(f"{round(u + (v - u) * t):02x}" for u, v in zip(a, b))
    return colors.interpolate(value)


# ---------------------------------------------------------------------------------------------
# Tabel en figuur
# ---------------------------------------------------------------------------------------------
def heatmap_table(grid: pl.DataFrame, vocab: schema.Vocabulary, variant: str, region_order: Sequence[str],
                  theme_order: Sequence[str]) -> pl.DataFrame:
    """Precies wat de heatmap toont, als tabel: één rij per regio (in de getoonde volgorde), een kolom
    per thema, de rijgemiddelden en onderaan de themagemiddelden. Alle cellen als tekst."""
    value_col = value_column(variant)
    signed = variant == VARIANT_CHANGE
    if variant == VARIANT_CHANGE:
        cell = [
            change_label(c) + ("" if c in ("onbekend", "gelijk") or d is None else f" ({change_cell_text(c, d)})")
            for c, d in zip(grid["verandering"], grid["verschil"])
        ]
    else:
        cell = [vocab.status_labels[s] for s in grid["status"]]
    long = grid.select("regio_code", "thema_code").with_columns(pl.Series("cel", cell, dtype=pl.String))
    wide = long.pivot(on="thema_code", index="regio_code", values="cel")
    names = grid.select("regio_code", "regio_naam", "provincie_naam").unique()
    means = region_means(grid, value_col)
    order = pl.DataFrame({"regio_code": list(region_order), "_volgorde": list(range(len(region_order)))})
    headers = {t: f"{t} {vocab.theme_short[t]}" for t in theme_order}
    mean_header = t("heatmap.gem_verandering") if signed else t("heatmap.gem_voortgang")
    body = (
        order.join(names, on="regio_code", how="left")
        .join(wide, on="regio_code", how="left")
        .join(means, on="regio_code", how="left")
        .sort("_volgorde")
        .select(
            pl.col("regio_code").alias("Regiocode"),
            pl.col("regio_naam").alias("Regio"),
            pl.col("provincie_naam").alias("Provincie"),
            *[pl.col(c).alias(headers[c]) for c in theme_order],
            number_expr(pl.col("gemiddelde"), signed).fill_null("").alias(mean_header),
        )
    )
    tmeans = dict(zip(*theme_means(grid, value_col).select("thema_code", "gemiddelde").to_dict().values()))
    footer = pl.DataFrame(
        {
            "Regiocode": [""],
            "Regio": [t("heatmap.gem_per_thema")],
            "Provincie": [""],
            **{headers[t]: [fmt_number(tmeans.get(t), signed)] for t in theme_order},
            mean_header: [""],
        },
        schema=body.schema,
    )
    return pl.concat([body, footer])


def _split_by_text_color(zs: list[list[Any]], texts: list[list[str]], text_colors: list[list[str]]
                         ) -> dict[str, tuple[list[list[Any]], list[list[str]]]]:
    """Eén (z, tekst)-paar per tekstkleur, met None en lege tekst waar een andere tekstkleur geldt. Zo
    krijgt elke cel precies de tekstkleur uit lib.colors, en staat er nooit tekst dubbel in een cel."""
    out: dict[str, tuple[list[list[Any]], list[list[str]]]] = {}
    for color in sorted({c for row in text_colors for c in row}):
        z = [[v if tc == color else None for v, tc in zip(zrow, trow)] for zrow, trow in zip(zs, text_colors)]
        t = [[v if tc == color else "" for v, tc in zip(xrow, trow)] for xrow, trow in zip(texts, text_colors)]
        out[color] = (z, t)
    return out


def _discrete_scale(fills: list[str]) -> list[tuple[float, str]]:
    n = len(fills)
    scale: list[tuple[float, str]] = []
    for i, c in enumerate(fills):
        scale += [(i / n, c), ((i + 1) / n, c)]
    return scale


def _add_cells(fig: go.Figure, z: list[list[Any]], x0: int, y0: int, text: list[list[str]],
               text_colors: list[list[str]], fills: list[str], name: str, hover: str | None = None,
               hovertext: list[list[str]] | None = None) -> None:
    """Heatmap-lagen met discrete kleuren (z = index in `fills`) en tekst in elke cel.

    Numerieke assen met x0/dx en y0/dy, geen categorie-assen: een heatmap van één rij of kolom (de
    marges) komt op een categorie-as op de verkeerde plek terecht. `hover` is één sjabloon voor alle
    cellen, `hovertext` een eigen tekst per cel.
    """
    scale = _discrete_scale(fills)
    if hovertext is not None:
        template: str | None = "%{hovertext}<extra></extra>"
    else:
        template = None if hover is None else hover + "<extra></extra>"
    for color, (zs, ts) in _split_by_text_color(z, text, text_colors).items():
        fig.add_trace(go.Heatmap(
            z=zs, x0=x0, dx=1, y0=y0, dy=1, text=ts, texttemplate="%{text}",
            textfont=dict(color=color, size=CELL_FONT_SIZE), colorscale=scale, zmin=-0.5, zmax=len(fills) - 0.5,
            showscale=False, xgap=1, ygap=1, name=name, hoverongaps=False, hovertext=hovertext,
            hoverinfo="skip" if template is None else None, hovertemplate=template,
        ))


def _two_lines(label: str, width: int = 14) -> str:
    """Een lang kolomlabel op twee regels, gebroken bij de spatie het dichtst bij het midden."""
    if len(label) <= width or " " not in label:
        return label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return label[:cut] + "<br>" + label[cut + 1:]


HISTORY_ROW_PX = 24
HISTORY_MAX_TICKS = 12  # meer peilingen: niet elk kolomlabel, wel elke cel
HISTORY_MAX_DIGIT_COLUMNS = 24  # meer peilingen: geen cijfer in de cel (te smal), alleen kleur


def history_grid(history: pl.DataFrame, vocab: schema.Vocabulary) -> go.Figure:
    """Statusverloop van één regio: per thema (rij) en peiling (kolom, op datum) de status als cel, in de
    kleuren, cijfers en tekstkleuren van de heatmap. `history` komt uit lib.profile.region_history.

    Eén assenstelsel met één laag per tekstkleur, ook bij veel thema's en peilingen. Kleine grafiekjes
    per thema (make_subplots) kostten per rerun ~75 ms in Python en ~100 ms tekenen in de browser."""
    h = history_cells(history, vocab)
    themes, ids, labels, cells = h.themes, h.peiling_ids, h.labels, h.status
    cat_colors = category_colors(VARIANT_STATUS)
    index = {c: i for i, c in enumerate(cat_colors)}
    # Bij veel peilingen worden de cellen te smal voor een cijfer: dan alleen kleur (de hovertekst en het
    # tabelalternatief noemen de status), in één laag.
    digits = len(ids) <= HISTORY_MAX_DIGIT_COLUMNS
    fig = go.Figure()
    _add_cells(
        fig,
        z=[[index[s] for s in row] for row in cells], x0=0, y0=0,
        text=[[STATUS_CELL_TEXT[s] if digits else "" for s in row] for row in cells],
        text_colors=[[cat_colors[s][1] if digits else colors.TEXT for s in row] for row in cells],
        fills=[fill for fill, _ in cat_colors.values()], name="status",
        hovertext=[[f"{labels[j]}<br>{vocab.theme_labels[c]}: {vocab.status_labels[s]}" for j, s in enumerate(row)]
                   for c, row in zip(themes, cells)],
    )
    step = max(1, math.ceil(len(ids) / HISTORY_MAX_TICKS))
    ticks = list(range(0, len(ids), step))
    fig.update_xaxes(range=[-0.5, len(ids) - 0.5], tickmode="array", tickvals=ticks, tickangle=0,
                     ticktext=[_two_lines(labels[i]) for i in ticks], side="top", showgrid=False, zeroline=False,
                     fixedrange=True, ticks="", automargin=False, tickfont=dict(size=TICK_FONT_SIZE - 1))
    fig.update_yaxes(range=[len(themes) - 0.5, -0.5], tickmode="array", tickvals=list(range(len(themes))),
                     ticktext=[vocab.theme_short[c] for c in themes], showgrid=False, zeroline=False, fixedrange=True,
                     ticks="", automargin=False, tickfont=dict(size=TICK_FONT_SIZE))
    top = 44
    fig.update_layout(
        height=top + len(themes) * HISTORY_ROW_PX + 10, font=FONT, plot_bgcolor="white", showlegend=False,
        margin=dict(l=label_margin([vocab.theme_short[c] for c in themes]), r=10, t=top, b=10),
    )
    return fig


def heatmap_figure(
    grid: pl.DataFrame,
    vocab: schema.Vocabulary,
    variant: str,
    region_order: Sequence[str],
    theme_order: Sequence[str],
    highlight_theme: str | None = None,
    selected: tuple[str, str] | None = None,
) -> go.Figure:
    """De heatmap met marges, legenda en een onzichtbare, selecteerbare scatter over de cellen.

    Eén assenstelsel met numerieke posities: thema j staat op x = j, regio i op y = i; de marges zijn
    een extra kolom (x = aantal thema's + 1) en rij (y = aantal regio's + 1) na een lege strook, zodat
    alle cellen even groot zijn en de rijen altijd op één lijn liggen.
    """
    value_col = value_column(variant)
    signed = variant == VARIANT_CHANGE
    cells = cell_category(grid, variant)
    cat_colors = category_colors(variant)
    cat_labels = category_labels(variant, vocab)
    cat_index = {c: i for i, c in enumerate(cat_colors)}
    fills = [fill for fill, _ in cat_colors.values()]

    rows, cols = list(region_order), list(theme_order)
    lookup = {(r["regio_code"], r["thema_code"]): r for r in cells.iter_rows(named=True)}
    names = dict(zip(cells["regio_code"], cells["regio_naam"]))
    fig = go.Figure()
    _add_cells(
        fig,
        z=[[cat_index[lookup[(r, t)]["categorie"]] for t in cols] for r in rows],
        x0=0, y0=0,
        text=[[lookup[(r, t)]["celtekst"] for t in cols] for r in rows],
        text_colors=[[cat_colors[lookup[(r, t)]["categorie"]][1] for t in cols] for r in rows],
        fills=fills, name="cellen",
    )

    # Marges: gemiddelde per regio (rechts) en per thema (onder), elk met een eigen kleur per cel.
    rmeans = dict(zip(*region_means(grid, value_col).select("regio_code", "gemiddelde").to_dict().values()))
    tmeans = dict(zip(*theme_means(grid, value_col).select("thema_code", "gemiddelde").to_dict().values()))
    col_values = [rmeans.get(r) for r in rows]
    row_values = [tmeans.get(t) for t in cols]
    mean_x, mean_y = len(cols) + 1, len(rows) + 1
    for values, x0, y0, hover in (
        ([[v] for v in col_values], mean_x, 0, t("heatmap.gemiddeld_hover")),
        ([row_values], 0, mean_y, t("heatmap.gemiddeld_hover")),
    ):
        flat = [mean_color(v, variant) for vrow in values for v in vrow]
        width = len(values[0])
        _add_cells(
            fig,
            z=[[i * width + j for j in range(width)] for i in range(len(values))],
            x0=x0, y0=y0,
            text=[[fmt_number(v, signed) or "?" for v in vrow] for vrow in values],
            text_colors=[[text_color_on(mean_color(v, variant)) for v in vrow] for vrow in values],
            fills=flat, name="gemiddelde", hover=hover,
        )

    # Onzichtbare scatter: één punt per cel, selecteerbaar (plotly-heatmaps melden geen selectie).
    xs, ys, custom = [], [], []
    for i, r in enumerate(rows):
        for j, th in enumerate(cols):
            cell = lookup[(r, th)]
            xs.append(j)
            ys.append(i)
            if signed:
                before = vocab.status_labels.get(cell["vorige_status"] or "", t("heatmap.geen_vorige"))
                detail = f"{change_label(cell['verandering'])}: {before} → {vocab.status_labels[cell['status']]}"
            else:
                detail = vocab.status_labels[cell["status"]]
            custom.append([r, th, names[r], vocab.theme_labels[th], detail])
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers", customdata=custom, name="selectie", showlegend=False,
        marker=dict(size=ROW_PX, symbol="square", opacity=0, color="#000000"),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[3]}<br>%{customdata[4]}<extra></extra>",
    ))

    # Legenda: één vierkantje per categorie (n.v.t. en 'buiten de filter' alleen als ze voorkomen).
    present = set(cells["categorie"].to_list())
    for cat, (fill, _) in cat_colors.items():
        if cat in ("nvt", FILTERED_OUT) and cat not in present:
            continue
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=cat_labels[cat], hoverinfo="skip",
            marker=dict(symbol="square", size=13, color=fill, line=dict(color="#bdbdbd", width=1)),
        ))

    fig.update_xaxes(
        range=[-0.5, mean_x + 0.5], side="top", tickangle=-45, tickmode="array",
        tickvals=[*range(len(cols)), mean_x], ticktext=[vocab.theme_short[c] for c in cols] + [t("heatmap.gemiddeld")],
        tickfont=dict(size=TICK_FONT_SIZE), ticks="", automargin=False, showgrid=False, zeroline=False,
        fixedrange=True,
    )
    fig.update_yaxes(
        range=[mean_y + 0.5, -0.5], tickmode="array", tickvals=[*range(len(rows)), mean_y],
        ticktext=[names[r] for r in rows] + [t("heatmap.gemiddeld")], tickfont=dict(size=TICK_FONT_SIZE), ticks="",
        automargin=False, showgrid=False, zeroline=False, fixedrange=True,
    )

    shapes = []
    if highlight_theme in cols:
        i = cols.index(highlight_theme)
        shapes.append(dict(type="rect", xref="x", yref="y", x0=i - 0.5, x1=i + 0.5, y0=-0.5, y1=len(rows) - 0.5,
                           line=dict(color=colors.NEUTRAL_LINE, width=2.5), fillcolor="rgba(0,0,0,0)"))
    if selected and selected[0] in rows and selected[1] in cols:
        i, j = cols.index(selected[1]), rows.index(selected[0])
        shapes.append(dict(type="rect", xref="x", yref="y", x0=i - 0.5, x1=i + 0.5, y0=j - 0.5, y1=j + 0.5,
                           line=dict(color=colors.HIGHLIGHT, width=3), fillcolor="rgba(0,0,0,0)"))
    # Boven: de legenda (horizontaal, ~2 per regel, één regel speling) en daaronder de schuine themalabels.
    n_legend = sum(1 for d in fig.data if d.showlegend is not False and d.type == "scatter" and d.name != "selectie")
    top = max(TOP_PX, (math.ceil(n_legend / 2) + 1) * 19
              + math.ceil(label_margin(fig.layout.xaxis.ticktext) * math.sin(math.radians(45))) + 8)
    fig.update_layout(
        height=top + (mean_y + 1) * ROW_PX + BOTTOM_PX,
        # Vaste marges uit de labellengte: automargin kost de browser een tweede opmaakronde (~100 ms per
        # rerun, bench/bench_browser.py). Rechts: ruimte voor het schuine label "Gemiddeld".
        margin=dict(l=label_margin([names[r] for r in rows] + [t("heatmap.gemiddeld")]), r=75, t=top,
                    b=BOTTOM_PX),
        font=FONT,
        plot_bgcolor="white",
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yanchor="top", yref="container",
                    font=dict(size=12), itemclick=False, itemdoubleclick=False),
        dragmode=False,
        clickmode="event+select",
        hovermode="closest",
        shapes=shapes,
    )
    return fig


# ---------------------------------------------------------------------------------------------
# Klik en detail
# ---------------------------------------------------------------------------------------------
def cell_from_selection(state: Any) -> tuple[str, str] | None:
    """(regio_code, thema_code) van het eerst geselecteerde punt in een st.plotly_chart-selectie.

    Werkt op het object dat Streamlit teruggeeft (attribuut- of dict-toegang) en op een gewone dict;
    None als er niets (bruikbaars) is geselecteerd.
    """
    if state is None:
        return None
    selection = state.get("selection") if isinstance(state, Mapping) else getattr(state, "selection", None)
    if selection is None:
        return None
    points = selection.get("points") if isinstance(selection, Mapping) else getattr(selection, "points", None)
    for point in points or []:
        custom = point.get("customdata") if isinstance(point, Mapping) else None
        if custom and len(custom) >= 2 and isinstance(custom[0], str) and isinstance(custom[1], str):
            return custom[0], custom[1]
    return None


def region_theme_history(ds: Dataset, regio: str, thema: str) -> pl.DataFrame:
    """De status van één regio op één thema in alle peilingen, met de toelichtingen."""
    peilingen = ds.peilingen.select("peiling_id", "label", "datum")
    a = ds.assessments.filter((pl.col("regio_code") == regio) & (pl.col("thema_code").cast(pl.String) == thema))
    return (
        peilingen.join(a, on="peiling_id", how="left")
        .sort("datum")
        .select(
            pl.col("label").alias("Peiling"),
            pl.col("datum").dt.strftime("%Y-%m-%d").alias("Datum"),
            pl.col("status").cast(pl.String).fill_null(schema.STATUS_UNKNOWN)
            .replace_strict(ds.vocab.status_labels).alias("Status"),
            pl.col("sterke_punten").fill_null("").alias("Sterke punten"),
            pl.col("zwakke_punten").fill_null("").alias("Zwakke punten"),
            pl.col("vervolgstappen").fill_null("").alias("Vervolgstappen"),
        )
    )


def cell_detail(ds: Dataset, peiling: str, regio: str, thema: str) -> dict[str, str]:
    """Status en toelichtingen van één cel in één peiling (lege tekst als er niets is)."""
    row = ds.assessments.filter(
        (pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio)
        & (pl.col("thema_code").cast(pl.String) == thema)
    )
    if row.height == 0:
        return {"status": ds.vocab.status_labels[schema.STATUS_UNKNOWN], "sterke_punten": "", "zwakke_punten": "",
                "vervolgstappen": ""}
    r = row.row(0, named=True)
    return {
        "status": ds.vocab.status_labels[str(r["status"])],
        "sterke_punten": r["sterke_punten"] or "",
        "zwakke_punten": r["zwakke_punten"] or "",
        "vervolgstappen": r["vervolgstappen"] or "",
    }
