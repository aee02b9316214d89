"""Pure grafiekbouwers: een net frame en opties erin, een plotly-Figure eruit. Geen st.* hier."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

import plotly.graph_objects as go
import plotly.io as pio
import polars as pl

from lib import colors, schema
from lib.i18n import t

FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=14)


def plotly_config(filename: str) -> dict:
    """Werkbalk met de camera-knop: PNG-export in de browser, zonder kaleido."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


# Wat Streamlits plotly-thema (theme="streamlit") zet, nu als gewone opmaak onder wat een figuur zelf
# zet (zie for_browser): kleine letters voor assen en legenda, lichte rasterlijnen, automargin.
_SMALL = 12
_LAYOUT_DEFAULTS = {
    "font": {"color": colors.TEXT, "family": FONT["family"], "size": _SMALL},
    "title": {"font": {"size": 16}, "x": 0, "xanchor": "left"},
    "legend": {"font": {"size": _SMALL}, "valign": "top", "borderwidth": 0},
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "margin": {"pad": 6, "r": 0, "l": 0},
    "hoverlabel": {"bgcolor": "white", "bordercolor": "#d5dae5",
                   "font": {"color": colors.TEXT, "family": FONT["family"], "size": _SMALL}},
}
_AXIS_DEFAULTS = {
    "x": {"gridcolor": colors.GRID, "zerolinecolor": colors.GRID, "tickcolor": colors.GRID, "showgrid": False,
          "zeroline": False, "automargin": True, "tickfont": {"size": _SMALL}, "title": {"font": {"size": 14}}},
    "y": {"gridcolor": colors.GRID, "zerolinecolor": colors.GRID, "tickcolor": colors.GRID, "automargin": True,
          "ticklabelposition": "outside", "tickfont": {"size": _SMALL}, "title": {"font": {"size": 14}}},
}


def _beneath(defaults: dict, own: dict) -> dict:
    """`own` over `defaults` heen, recursief: wat de figuur zelf zet wint altijd."""
    out = dict(defaults)
    for key, value in own.items():
        out[key] = _beneath(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def for_browser(fig: go.Figure) -> go.Figure:
    """Maak een figuur klaar voor st.plotly_chart(theme=None): geen sjabloon, vaste uid's, een datarevision.

    Gemeten (CPU-profiel van een rerun in Chromium): Streamlit tekent een plotly-grafiek bij het
    mounten twee keer, eerst met de ontvangen spec en dan nog eens nadat het thema er (opnieuw) op is
    gezet. Plotly.react hertekent dan alles zodra `layout.template` een ander object is (dat is het na
    elke JSON-kopie, en het Streamlit-thema zet er altijd een) of zodra de reeksen nieuwe objecten zijn
    zonder `layout.datarevision`. Zonder sjabloon en met een vingerafdruk van de sporen als datarevision
    kost die tweede ronde op de heatmap ~20 in plaats van ~150 ms. Het sjabloon is ook 6,5 kB per grafiek.

    De stijl die het Streamlit-thema gaf, staat daarom als gewone opmaak onder die van de figuur.
    """
    fig.layout.template = None
    own = fig.layout.to_plotly_json()
    layout = _beneath(_LAYOUT_DEFAULTS, own)
    for name in [k for k in own if k[:5] in ("xaxis", "yaxis")] + ["xaxis", "yaxis"]:
        layout[name] = _beneath(_AXIS_DEFAULTS[name[0]], own.get(name, {}))
    fig.layout = layout
    fig.layout.template = None  # plotly.py zet bij een nieuwe layout het standaardsjabloon terug
    for i, trace in enumerate(fig.data):
        if trace.uid is None:
            trace.uid = f"spoor{i}"
    data = pio.to_json({"data": fig.to_plotly_json()["data"]}, validate=False)
    fig.layout.datarevision = hashlib.sha1(data.encode()).hexdigest()[:16]
    return fig


def _base_layout(fig: go.Figure, height: int, title: str | None = None) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=40 if title else 10, b=10),
        font=FONT,
        title=dict(text=title) if title else None,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None),
        plot_bgcolor="white",
    )
    return fig


def theme_status_stacked(counts: pl.DataFrame, vocab: schema.Vocabulary, theme_order: list[str] | None = None,
                         title: str | None = None, label_map: dict[str, str] | None = None) -> go.Figure:
    """Per thema een 100%-balk met het aantal regio's per status (incl. onbekend en n.v.t.).

    Met `label_map` en `theme_order` kan de eerste kolom ook iets anders dan een thema zijn (bijv. per
    peiling voor één thema)."""
    themes = theme_order or [t for t in vocab.theme_codes if t in set(counts["thema_code"].cast(pl.String))]
    labels = [(label_map or vocab.theme_labels)[t] for t in themes]
    fig = go.Figure()
    pooled = "samengevoegd"  # lib.privacy.POOLED: onderdrukte cellen in de geaggregeerde modus
    codes = list(schema.STATUS_CODES) + ([pooled] if (counts["status"].cast(pl.String) == pooled).any() else [])
    for code in codes:
        sub = counts.filter(pl.col("status").cast(pl.String) == code)
        by_theme = dict(zip(sub["thema_code"].cast(pl.String), sub["aantal"]))
        values = [int(by_theme.get(t, 0)) for t in themes]
        if code in ("nvt",) and not any(values):
            continue
        name = t("charts.samengevoegd") if code == pooled else vocab.status_labels[code]
        fig.add_bar(
            name=name,
            y=labels,
            x=values,
            orientation="h",
            marker=dict(color=colors.STATUS_COLORS.get(code, "#f0f0f0"), line=dict(color="white", width=0.5),
                        pattern=dict(shape="/", fgcolor="#737373") if code == pooled else None),
            text=[str(v) if v else "" for v in values],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            textfont=dict(color=colors.STATUS_TEXT_COLORS.get(code, "#1a1a1a")),
            hovertemplate="%{y}<br>" + name + ": " + t("charts.x_regios") + "<extra></extra>",
        )
    fig.update_layout(barmode="stack", barnorm="percent", legend_traceorder="normal")
    fig.update_xaxes(title=t("charts.aandeel_regios"), ticksuffix="%", range=[0, 100], gridcolor=colors.GRID)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return _base_layout(fig, height=max(320, 34 * len(themes) + 90), title=title)


def status_share_bar(dist: pl.DataFrame, vocab: schema.Vocabulary) -> go.Figure:
    """Eén horizontale 100%-balk: het aandeel van alle themastatussen per niveau."""
    fig = go.Figure()
    for row in dist.iter_rows(named=True):
        code = str(row["status"])
        if row["aantal"] == 0 and code == "nvt":
            continue
        fig.add_bar(
            name=vocab.status_labels[code], y=[""], x=[row["aandeel"] * 100], orientation="h",
            marker=dict(color=colors.STATUS_COLORS[code]),
            text=[f"{row['aandeel'] * 100:.0f}%" if row["aandeel"] >= 0.04 else ""],
            textposition="inside", textfont=dict(color=colors.STATUS_TEXT_COLORS[code]),
            hovertemplate=vocab.status_labels[code] + f": {row['aantal']} (%{{x:.1f}}%)<extra></extra>",
        )
    fig.update_layout(barmode="stack", showlegend=True, legend_traceorder="normal")
    fig.update_xaxes(range=[0, 100], ticksuffix="%", showgrid=False)
    fig.update_yaxes(visible=False)
    return _base_layout(fig, height=150)


# ---------------------------------------------------------------------------------------------
# Regioprofiel en vergelijken
# ---------------------------------------------------------------------------------------------
#: Okabe-Ito: onderscheidbaar bij de gangbare vormen van kleurenblindheid; plus een eigen symbool.
REGION_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
REGION_SYMBOLS = ["circle", "square", "triangle-up", "diamond-wide"]
UNKNOWN_X = -0.8


def _status_axis(fig: go.Figure, vocab: schema.Vocabulary, row=None, col=None, with_unknown: bool = True) -> None:
    ticks = ([UNKNOWN_X] if with_unknown else []) + list(schema.STATUS_LEVELS)
    text = ([t("charts.onbekend")] if with_unknown else []) + [vocab.status_short[str(v)] for v in schema.STATUS_LEVELS]
    fig.update_xaxes(tickvals=ticks, ticktext=text, range=[UNKNOWN_X - 0.5 if with_unknown else -0.4, 4.4],
                     gridcolor=colors.GRID, zeroline=False, row=row, col=col)


def profile_dots(frame: pl.DataFrame, vocab: schema.Vocabulary, region_name: str) -> go.Figure:
    """Per thema: landelijke spreiding (min–max lijn, 25–75%-balk), mediaan (ruit) en de regio (stip
    in de statuskleur). Onbekend staat apart links.

    De lijnen en balken van alle thema's zitten elk in één spoor (onderbroken met None) en de linker
    marge komt uit de labellengte: twee sporen per thema en automargin kostten de browser per rerun
    een extra opmaakronde (bench/bench_browser.py)."""
    themes = [vocab.theme_short[str(t)] for t in frame["thema_code"].to_list()]
    known = frame.with_columns(pl.Series("thema_kort", themes)).filter(pl.col("min").is_not_null())
    fig = go.Figure()
    for lo, hi, color, width in (("min", "max", "#bdbdbd", 2), ("p25", "p75", "#969696", 9)):
        xs: list[float | None] = []
        ys: list[str | None] = []
        for row in known.iter_rows(named=True):
            xs += [row[lo], row[hi], None]
            ys += [row["thema_kort"], row["thema_kort"], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=color, width=width), hoverinfo="skip",
                                 showlegend=False, connectgaps=False))
    fig.add_trace(go.Scatter(
        x=frame["mediaan"].to_list(), y=themes, mode="markers", name=t("charts.landelijke_mediaan"),
        marker=dict(symbol="diamond", size=12, color="#252525"),
        hovertemplate="%{y}<br>" + t("charts.landelijke_mediaan_klein") + ": %{x}<extra></extra>",
    ))
    codes = [str(s) for s in frame["status"].to_list()]
    xs = [UNKNOWN_X if v is None else v for v in frame["status_waarde"].to_list()]
    fig.add_trace(go.Scatter(
        x=xs, y=themes, mode="markers", name=region_name,
        marker=dict(size=17, color=[colors.STATUS_COLORS[c] for c in codes], line=dict(color=colors.HIGHLIGHT, width=2.5)),
        customdata=[vocab.status_labels[c] for c in codes],
        hovertemplate="%{y}<br>" + region_name.replace("%", "%%") + ": %{customdata}<extra></extra>",
    ))
    _status_axis(fig, vocab)
    fig.update_yaxes(autorange="reversed", automargin=False, categoryorder="array", categoryarray=themes)
    fig.update_xaxes(side="top")
    _base_layout(fig, height=max(420, 36 * len(themes) + 120))
    return fig.update_layout(legend=dict(y=-0.01, yanchor="top"), margin=dict(t=40, l=label_margin(themes)))


def label_margin(labels: Sequence[str], font_size: int = 12) -> int:
    """Marge in pixels voor het langste aslabel: ruim geschat (0,62 × lettergrootte per teken) plus lucht."""
    return math.ceil(max((len(x) for x in labels), default=0) * 0.62 * font_size) + 14


def compare_dots(long: pl.DataFrame, vocab: schema.Vocabulary, regions: list[str], names: dict[str, str]) -> go.Figure:
    """Per thema één symbool per regio (eigen kleur én vorm) en de landelijke mediaan (grijze ruit)."""
    themes = [t for t in vocab.theme_codes if t in set(long["thema_code"].cast(pl.String).to_list())]
    labels = [vocab.theme_short[t] for t in themes]
    pos = {t: i for i, t in enumerate(themes)}
    fig = go.Figure()
    med = long.unique("thema_code").sort(pl.col("thema_code").to_physical())
    fig.add_trace(go.Scatter(
        x=med["mediaan"].to_list(), y=[pos[str(t)] for t in med["thema_code"].to_list()], mode="markers",
        name=t("charts.landelijke_mediaan"), marker=dict(symbol="diamond", size=13, color="#bdbdbd", line=dict(color="#525252", width=1)),
        hovertemplate=t("charts.landelijke_mediaan_klein") + ": %{x}<extra></extra>",
    ))
    n = len(regions)
    for i, code in enumerate(regions):
        sub = long.filter(pl.col("regio_code") == code)
        offset = (i - (n - 1) / 2) * 0.16
        xs = [UNKNOWN_X if v is None else v for v in sub["status_waarde"].to_list()]
        fig.add_trace(go.Scatter(
            x=xs, y=[pos[str(t)] + offset for t in sub["thema_code"].to_list()], mode="markers",
            name=names.get(code, code),
            marker=dict(symbol=REGION_SYMBOLS[i % 4], size=13, color=REGION_PALETTE[i % 4], line=dict(color="white", width=1)),
            customdata=[vocab.status_labels[str(s)] for s in sub["status"].to_list()],
            hovertemplate=names.get(code, code).replace("%", "%%") + ": %{customdata}<extra></extra>",
        ))
    _status_axis(fig, vocab)
    fig.update_xaxes(side="top")
    fig.update_yaxes(tickvals=list(range(len(themes))), ticktext=labels, autorange="reversed", automargin=True,
                     gridcolor="#f0f0f0")
    _base_layout(fig, height=max(460, 40 * len(themes) + 120))
    return fig.update_layout(legend=dict(y=-0.01, yanchor="top"), margin=dict(t=40))


def progress_lines(frame: pl.DataFrame, regions: list[str], names: dict[str, str]) -> go.Figure:
    """Gemiddelde voortgang per peiling per regio, met de landelijke mediaan als stippellijn."""
    fig = go.Figure()
    nl = frame.filter(pl.col("regio_code") == "NL")
    fig.add_trace(go.Scatter(x=nl["datum"].to_list(), y=nl["gemiddelde"].to_list(), mode="lines+markers",
                             name=t("charts.landelijke_mediaan"), line=dict(color="#525252", dash="dash", width=2),
                             hovertemplate=t("charts.landelijke_mediaan_klein") + ": %{y:.2f}<extra></extra>"))
    for i, code in enumerate(regions):
        sub = frame.filter(pl.col("regio_code") == code)
        fig.add_trace(go.Scatter(
            x=sub["datum"].to_list(), y=sub["gemiddelde"].to_list(), mode="lines+markers", name=names.get(code, code),
            line=dict(color=REGION_PALETTE[i % 4], width=3), marker=dict(symbol=REGION_SYMBOLS[i % 4], size=10),
            hovertemplate=names.get(code, code).replace("%", "%%") + ": %{y:.2f}<extra></extra>",
        ))
    fig.update_yaxes(range=[0, 4], title=t("charts.gemiddelde_status"), gridcolor=colors.GRID)
    fig.update_xaxes(tickformat="%b %Y", gridcolor="#f3f3f3")
    return _base_layout(fig, height=380)


def suppressed_count_bar(labels: list[str], values: list[int | None], k: int, total: int,
                         axis_title: str | None = None) -> go.Figure:
    """Horizontale balken waarin onderdrukte aantallen (None) geen lengte krijgen maar de tekst '< k'."""
    shown = [0 if v is None else v for v in values]
    text = [f"< {k}" if v is None else str(v) for v in values]
    fig = go.Figure(go.Bar(
        y=labels, x=shown, orientation="h", marker=dict(color="#2c7fb8"), text=text, textposition="outside",
        cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    axis_title = axis_title or t("charts.aantal_regios")
    fig.update_xaxes(title=t("charts.van_totaal", titel=axis_title, totaal=total), range=[0, max(total, 1) * 1.1], gridcolor=colors.GRID)
    return _base_layout(fig, height=max(260, 34 * len(labels) + 80))


def beamer(fig: go.Figure) -> go.Figure:
    """Grotere letters voor de presentatiemodus (leesbaar achter in de zaal)."""
    return fig.update_layout(font=dict(size=19), legend=dict(font=dict(size=18)))
