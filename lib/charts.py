"""Pure grafiekbouwers: een net frame en opties erin, een plotly-Figure eruit. Geen st.* hier."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from lib import colors, schema

FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=14)


def plotly_config(filename: str) -> dict:
    """Werkbalk met de camera-knop: PNG-export in de browser, zonder kaleido."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


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
                         title: str | None = None) -> go.Figure:
    """Per thema een 100%-balk met het aantal regio's per status (incl. onbekend en n.v.t.)."""
    themes = theme_order or [t for t in vocab.theme_codes if t in set(counts["thema_code"].cast(pl.String))]
    labels = [vocab.theme_labels[t] for t in themes]
    fig = go.Figure()
    for code in schema.STATUS_CODES:
        sub = counts.filter(pl.col("status").cast(pl.String) == code)
        by_theme = dict(zip(sub["thema_code"].cast(pl.String), sub["aantal"]))
        values = [int(by_theme.get(t, 0)) for t in themes]
        if code in ("nvt",) and not any(values):
            continue
        fig.add_bar(
            name=vocab.status_labels[code],
            y=labels,
            x=values,
            orientation="h",
            marker=dict(color=colors.STATUS_COLORS[code], line=dict(color="white", width=0.5)),
            text=[str(v) if v else "" for v in values],
            textposition="inside",
            insidetextanchor="middle",
            textfont=dict(color=colors.STATUS_TEXT_COLORS[code]),
            hovertemplate="%{y}<br>" + vocab.status_labels[code] + ": %{x} regio's<extra></extra>",
        )
    fig.update_layout(barmode="stack", barnorm="percent", legend_traceorder="normal")
    fig.update_xaxes(title="aandeel regio's (%)", ticksuffix="%", range=[0, 100], gridcolor="#eeeeee")
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
