"""Pure grafiekbouwer voor 'Voortgang en context': een frame erin, een plotly-Figure eruit. Geen st.* hier.

De grafiek mengt twee soorten cijfers en zegt dat in de figuur zelf (ook in een PNG-export): de voortgang
(verticaal) is voorbeelddata, het jeugdzorgpercentage (horizontaal) is echt (CBS, 2022).
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from lib import colors, schema
from lib.charts import FONT
from lib.context import SOURCE_TEXT
from lib.i18n import current_lang, t

MARKER_SIZE = 13


def _fmt(value: float, decimals: int = 1) -> str:
    s = f"{value:.{decimals}f}"
    return s.replace(".", ",") if current_lang() == "nl" else s


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".") if current_lang() == "nl" else f"{value:,}"


def progress_vs_care_scatter(df: pl.DataFrame, status_labels: dict[str, str], national_care: float | None = None,
                             illustrative: bool = True, height: int = 520) -> go.Figure:
    """Per regio een punt: x = % jongeren met jeugdzorg 2022 (CBS), y = gemiddelde voortgang 0–4.

    `df` komt van context.progress_with_context; regio's zonder bekende status (gemiddelde null) vallen weg.
    """
    known = df.filter(pl.col("gemiddelde").is_not_null() & pl.col("pct_jeugdzorg_2022").is_not_null())
    y_what = t("ctxchart.voorbeeld") if illustrative else t("ctxchart.geimporteerd")
    hover = [
        f"<b>{name}</b> ({code})<br>" + t("ctxchart.hover", zorg=_fmt(x), voortgang=_fmt(y, 2), wat=y_what, n=n,
                                            inwoners=_thousands(inw))
        for code, name, x, y, n, inw in zip(known["regio_code"], known["regio_naam"], known["pct_jeugdzorg_2022"],
                                            known["gemiddelde"], known["aantal_bekend"], known["inwoners"])
    ]
    fig = go.Figure()
    fig.add_scatter(
        x=known["pct_jeugdzorg_2022"].to_list(),
        y=known["gemiddelde"].to_list(),
        mode="markers+text",
        text=known["regio_code"].to_list(),
        textposition="top center",
        textfont=dict(size=10, color=colors.NEUTRAL_LINE),
        customdata=known["regio_code"].to_list(),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        marker=dict(size=MARKER_SIZE, color=[colors.interpolate(v) for v in known["gemiddelde"]],
                    line=dict(color=colors.NEUTRAL_LINE, width=1)),
        showlegend=False,
        name=t("needs.regios"),
    )
    if national_care is not None:
        fig.add_vline(x=national_care, line=dict(color=colors.NEUTRAL_LINE, width=1, dash="dash"),
                      annotation=dict(text=t("ctxchart.nederland", pct=_fmt(national_care)), yanchor="bottom",
                                      font=dict(size=12, color=colors.NEUTRAL_LINE)),
                      annotation_position="top right")
    fig.update_xaxes(title=t("ctxchart.x_titel"), ticksuffix="%",
                     gridcolor=colors.GRID, zeroline=False, automargin=True)
    fig.update_yaxes(title=t("ctxchart.y_titel", wat=y_what), range=[-0.15, 4.25],
                     tickvals=list(schema.STATUS_LEVELS),
                     ticktext=[f"{v} {status_labels.get(str(v), '')}" for v in schema.STATUS_LEVELS],
                     gridcolor=colors.GRID, zeroline=False, automargin=True)
    note = t("ctxchart.noot_voorbeeld") if illustrative else t("ctxchart.noot_geimporteerd")
    # Drie korte regels: een annotatie loopt niet vanzelf terug en zou op een smal scherm afgekapt worden.
    source = SOURCE_TEXT.replace(" en Wijk-", "<br>en Wijk-")  # CBS-tabelnamen blijven Nederlands
    fig.add_annotation(text=t("ctxchart.bron", noot=note, bron=source), xref="paper", yref="paper",
                       x=0, y=0, yshift=-62, showarrow=False, xanchor="left", yanchor="top", align="left",
                       font=dict(size=11, color=colors.NEUTRAL_LINE))
    fig.update_layout(height=height, margin=dict(l=10, r=20, t=30, b=130), font=FONT, plot_bgcolor="white",
                      separators=",." if current_lang() == "nl" else ".,")
    return fig
