"""Ondersteuningsbehoeften: pure transformaties, tabellen en plotly-grafieken. Geen st.* hier.

Een regio meldt per peiling hooguit één behoefte per categorie (sleutel peiling × regio × categorie),
dus 'aantal' is steeds het aantal regio's dat om die categorie vraagt.

Filters: provincie en status bepalen welke regio's meetellen (dezelfde regel als de heatmap:
`lib.heatmap.regions_passing`); een themafilter beperkt de behoeften tot dat thema.

De landelijke bevindingen van de metarapportage (NATIONAL_FINDINGS) zijn echt en geverifieerd; de
cijfers per regio zijn dat niet (voorbeelddata). De pagina houdt die twee zichtbaar gescheiden.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from lib import colors, schema
from lib.charts import FONT, label_margin
from lib.i18n import t
from lib.heatmap import regions_passing
from lib.loaders import Dataset
from lib.transforms import Filters, previous_peiling

#: Prioriteiten: één tint, donker = hoog (los van de statusschaal, die alleen voor voortgang is).
PRIORITY_COLORS: dict[str, str] = {"hoog": "#54278f", "middel": "#9e9ac8", "laag": "#dadaeb"}
PRIORITY_TEXT_COLORS: dict[str, str] = {"hoog": "#ffffff", "middel": "#1a1a1a", "laag": "#1a1a1a"}
BAR_COLOR = "#54278f"
PREVIOUS_COLOR = "#9e9e9e"
MATRIX_SCALE: list[tuple[float, str]] = [(0.0, "#f2f0f7"), (1.0, "#54278f")]

#: Geverifieerde landelijke bevindingen uit de metarapportage (DOMAIN.md, 'National findings').
NATIONAL_FINDINGS: tuple[str, ...] = (
    "Er is breed draagvlak voor de Hervormingsagenda en een sterke betrokkenheid.",
    "De meeste stappen zijn nog nodig bij **lokale teams en toegang** en bij de verbinding van de jeugdhulp "
    "met **onderwijs** en de **ggz voor volwassenen**.",
    "Uitdagingen: de **krapte op de arbeidsmarkt** en de spanning tussen **lokale autonomie en landelijke kaders**.",
    "Risico's: **privacyregelgeving**, **capaciteitsproblemen** en de **financiële positie van gemeenten**.",
    "De grootste behoefte aan ondersteuning ligt bij **toegang en lokale teams** en bij **domeinoverstijgend werken**.",
)
NATIONAL_SOURCE = (
    "Bron: VNG, presentatie van de startfoto's en de metarapportage Hervormingsagenda Jeugd, 23 april 2024 "
    "(verslagen op voordejeugdenhetgezin.nl en schulinck.nl). De metarapportage maakt geen enkele regio herkenbaar "
    "en noemt geen aantallen per regio."
)


# ---------------------------------------------------------------------------------------------
# Transformaties
# ---------------------------------------------------------------------------------------------
def needs_in_scope(ds: Dataset, f: Filters, peiling: str | None = None) -> pl.DataFrame:
    """De behoeften van de peiling (standaard f.peiling) voor de regio's die door de filters komen."""
    regions = regions_passing(ds, f)["regio_code"].to_list()
    df = ds.needs.filter((pl.col("peiling_id") == (peiling or f.peiling)) & pl.col("regio_code").is_in(regions))
    if f.thema:
        df = df.filter(pl.col("thema_code").cast(pl.String) == f.thema)
    return df


def category_distribution(needs: pl.DataFrame, vocab: schema.Vocabulary, n_regions: int) -> pl.DataFrame:
    """Per categorie het aantal regio's dat erom vraagt en het aandeel van de regio's in beeld.

    Alle categorieën staan erin (ook met 0), gesorteerd op aantal (hoog eerst), dan op code.
    """
    counts = needs.group_by(pl.col("categorie_code").cast(pl.String)).agg(pl.col("regio_code").n_unique().alias("n"))
    base = pl.DataFrame({"categorie_code": list(vocab.category_codes)})
    return (
        base.join(counts, on="categorie_code", how="left")
        .with_columns(pl.col("n").fill_null(0).cast(pl.UInt32).alias("aantal_regios"))
        .with_columns(
            pl.col("categorie_code").replace_strict(vocab.category_labels).alias("categorie"),
            (pl.col("aantal_regios") / n_regions if n_regions else pl.lit(None, pl.Float64)).alias("aandeel"),
        )
        .sort(["aantal_regios", "categorie_code"], descending=[True, False])
        .select("categorie_code", "categorie", "aantal_regios", "aandeel")
    )


def priority_breakdown(needs: pl.DataFrame, vocab: schema.Vocabulary, category_order: list[str]) -> pl.DataFrame:
    """Per categorie × prioriteit het aantal regio's (alle combinaties, ook 0), in de gegeven volgorde."""
    grid = pl.DataFrame({"categorie_code": category_order}).join(
        pl.DataFrame({"prioriteit": list(vocab.priority_codes)}), how="cross"
    )
    counts = needs.group_by(pl.col("categorie_code").cast(pl.String), pl.col("prioriteit").cast(pl.String)).agg(
        pl.len().alias("n")
    )
    order = {c: i for i, c in enumerate(category_order)}
    prio = {p: i for i, p in enumerate(vocab.priority_codes)}
    return (
        grid.join(counts, on=["categorie_code", "prioriteit"], how="left")
        .with_columns(pl.col("n").fill_null(0).cast(pl.UInt32).alias("aantal"))
        .with_columns(
            pl.col("categorie_code").replace_strict(order, return_dtype=pl.Int32).alias("_c"),
            pl.col("prioriteit").replace_strict(prio, return_dtype=pl.Int32).alias("_p"),
        )
        .sort("_c", "_p")
        .select("categorie_code", "prioriteit", "aantal")
    )


def category_theme_matrix(needs: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Categorie × thema: het aantal regio's. Alleen de thema's waar een categorie bij hoort of waar
    behoeften op staan (de andere kolommen zouden altijd leeg zijn)."""
    themes_used = set(vocab.category_theme.values()) | set(needs["thema_code"].cast(pl.String).to_list())
    themes = [t for t in vocab.theme_codes if t in themes_used]
    grid = pl.DataFrame({"categorie_code": list(vocab.category_codes)}).join(
        pl.DataFrame({"thema_code": themes}), how="cross"
    )
    counts = needs.group_by(pl.col("categorie_code").cast(pl.String), pl.col("thema_code").cast(pl.String)).agg(
        pl.col("regio_code").n_unique().alias("n")
    )
    return grid.join(counts, on=["categorie_code", "thema_code"], how="left").select(
        "categorie_code", "thema_code", pl.col("n").fill_null(0).cast(pl.UInt32).alias("aantal")
    )


def change_between(ds: Dataset, f: Filters, vocab: schema.Vocabulary) -> pl.DataFrame | None:
    """Per categorie het aantal regio's in de vorige en in deze peiling (zelfde regio's en thema).

    None als er geen vorige peiling is. Gesorteerd op het aantal nu (hoog eerst), dan code.
    """
    prev = previous_peiling(ds, f.peiling)
    if prev is None:
        return None
    n = regions_passing(ds, f).height
    now = category_distribution(needs_in_scope(ds, f), vocab, n).select("categorie_code", "categorie",
                                                                        pl.col("aantal_regios").alias("nu"))
    before = category_distribution(needs_in_scope(ds, f, prev), vocab, n).select(
        "categorie_code", pl.col("aantal_regios").alias("vorige")
    )
    return (
        now.join(before, on="categorie_code", how="left")
        .with_columns((pl.col("nu").cast(pl.Int32) - pl.col("vorige").cast(pl.Int32)).alias("verschil"))
        .select("categorie_code", "categorie", "vorige", "nu", "verschil")
    )


def regions_asking(ds: Dataset, f: Filters, categorie: str) -> pl.DataFrame:
    """De regio's (in beeld) die om een categorie vragen: hoge prioriteit eerst, dan op naam."""
    needs = needs_in_scope(ds, f).filter(pl.col("categorie_code").cast(pl.String) == categorie)
    regions = regions_passing(ds, f)
    prio = {p: i for i, p in enumerate(ds.vocab.priority_codes)}
    return (
        needs.join(regions, on="regio_code", how="inner")
        .with_columns(pl.col("prioriteit").cast(pl.String).replace_strict(prio, return_dtype=pl.Int32).alias("_p"))
        .sort("_p", "regio_naam")
        .select(
            pl.col("regio_code").alias("Regiocode"),
            pl.col("regio_naam").alias("Regio"),
            pl.col("provincie_naam").alias("Provincie"),
            pl.col("prioriteit").cast(pl.String).replace_strict(ds.vocab.priority_labels).alias("Prioriteit"),
            pl.col("omschrijving").fill_null("").alias("Omschrijving"),
        )
    )


def region_needs(ds: Dataset, peiling: str, regio: str) -> pl.DataFrame:
    """Alle behoeften van één regio in een peiling (hoog eerst, dan categorie)."""
    prio = {p: i for i, p in enumerate(ds.vocab.priority_codes)}
    return (
        ds.needs.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio))
        .with_columns(
            pl.col("prioriteit").cast(pl.String).replace_strict(prio, return_dtype=pl.Int32).alias("_p"),
            pl.col("categorie_code").cast(pl.String).alias("_c"),
        )
        .sort("_p", "_c")
        .select(
            pl.col("_c").replace_strict(ds.vocab.category_labels).alias("Categorie"),
            pl.col("thema_code").cast(pl.String).replace_strict(ds.vocab.theme_labels).alias("Thema"),
            pl.col("prioriteit").cast(pl.String).replace_strict(ds.vocab.priority_labels).alias("Prioriteit"),
            pl.col("omschrijving").fill_null("").alias("Omschrijving"),
        )
    )


# ---------------------------------------------------------------------------------------------
# Tabellen (precies wat de grafieken tonen)
# ---------------------------------------------------------------------------------------------
def distribution_table(dist: pl.DataFrame) -> pl.DataFrame:
    return dist.select(
        pl.col("categorie_code").alias("Code"),
        pl.col("categorie").alias("Categorie"),
        pl.col("aantal_regios").alias("Aantal regio's"),
        (pl.col("aandeel") * 100).round(1).alias("Aandeel regio's (%)"),
    )


def priority_table(breakdown: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    wide = breakdown.pivot(on="prioriteit", index="categorie_code", values="aantal")
    return wide.select(
        pl.col("categorie_code").alias("Code"),
        pl.col("categorie_code").replace_strict(vocab.category_labels).alias("Categorie"),
        *[pl.col(p).alias(t("needs.prioriteit_kolom", prioriteit=vocab.priority_labels[p].lower()))
          for p in vocab.priority_codes],
    )


def matrix_table(matrix: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    themes = list(dict.fromkeys(matrix["thema_code"].to_list()))
    wide = matrix.pivot(on="thema_code", index="categorie_code", values="aantal")
    return wide.select(
        pl.col("categorie_code").alias("Code"),
        pl.col("categorie_code").replace_strict(vocab.category_labels).alias("Categorie"),
        *[pl.col(t).alias(f"{t} {vocab.theme_short[t]}") for t in themes],
    )


def change_table(change: pl.DataFrame, prev_label: str, label: str) -> pl.DataFrame:
    return change.select(
        pl.col("categorie_code").alias("Code"),
        pl.col("categorie").alias("Categorie"),
        pl.col("vorige").alias(t("needs.aantal_in", peiling=prev_label)),
        pl.col("nu").alias(t("needs.aantal_in", peiling=label)),
        pl.col("verschil").alias("Verschil"),
    )


# ---------------------------------------------------------------------------------------------
# Grafieken
# ---------------------------------------------------------------------------------------------
def _layout(fig: go.Figure, height: int, labels: list[str], legend: bool = False) -> go.Figure:
    """Gedeelde opmaak. De linkermarge komt uit de langste categorienaam (`labels`), niet uit automargin:
    dat kost de browser bij elke rerun een tweede opmaakronde per grafiek (bench/bench_browser.py)."""
    fig.update_layout(
        height=height, margin=dict(l=label_margin(labels, FONT["size"]), r=30, t=40 if legend else 10, b=10),
        font=FONT, plot_bgcolor="white", showlegend=legend, dragmode=False,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None, traceorder="normal"),
    )
    fig.update_xaxes(fixedrange=True)
    fig.update_yaxes(fixedrange=True, automargin=False)
    return fig


def distribution_bar(dist: pl.DataFrame, n_regions: int) -> go.Figure:
    """Horizontale balken, gesorteerd (grootste boven): het aantal regio's per categorie."""
    fig = go.Figure(go.Bar(
        y=dist["categorie"].to_list(), x=dist["aantal_regios"].to_list(), orientation="h",
        marker=dict(color=BAR_COLOR), text=[str(v) for v in dist["aantal_regios"]], textposition="outside",
        cliponaxis=False, hovertemplate="%{y}: " + t("charts.x_regios") + "<extra></extra>",
        name=t("needs.regios"),
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("charts.van_totaal", titel=t("charts.aantal_regios"), totaal=n_regions), range=[0, max(n_regions, 1) * 1.08],
                     gridcolor=colors.GRID)
    return _layout(fig, height=max(260, 32 * dist.height + 70), labels=dist["categorie"].to_list())


def priority_bar(breakdown: pl.DataFrame, vocab: schema.Vocabulary) -> go.Figure:
    """Gestapelde balken per categorie: hoeveel regio's de behoefte hoog, middel of laag zetten."""
    order = list(dict.fromkeys(breakdown["categorie_code"].to_list()))
    labels = [vocab.category_labels[c] for c in order]
    fig = go.Figure()
    for p in vocab.priority_codes:
        sub = breakdown.filter(pl.col("prioriteit") == p)
        values = dict(zip(sub["categorie_code"], sub["aantal"]))
        xs = [int(values.get(c, 0)) for c in order]
        fig.add_bar(
            y=labels, x=xs, orientation="h", name=vocab.priority_labels[p],
            marker=dict(color=PRIORITY_COLORS.get(p, BAR_COLOR), line=dict(color="white", width=0.5)),
            text=[str(v) if v else "" for v in xs], textposition="inside", insidetextanchor="middle",
            textfont=dict(color=PRIORITY_TEXT_COLORS.get(p, "#1a1a1a")),
            hovertemplate="%{y}<br>" + vocab.priority_labels[p] + ": " + t("charts.x_regios") + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("charts.aantal_regios"), gridcolor=colors.GRID)
    return _layout(fig, height=max(280, 32 * len(order) + 100), labels=labels, legend=True)


def matrix_heatmap(matrix: pl.DataFrame, vocab: schema.Vocabulary) -> go.Figure:
    """Categorie (rij) × thema (kolom): het aantal regio's in elke cel, 0 blijft leeg."""
    cats = list(dict.fromkeys(matrix["categorie_code"].to_list()))
    themes = list(dict.fromkeys(matrix["thema_code"].to_list()))
    values = {(r["categorie_code"], r["thema_code"]): r["aantal"] for r in matrix.iter_rows(named=True)}
    z = [[values[(c, t)] for t in themes] for c in cats]
    zmax = max([v for row in z for v in row] + [1])
    text = [[str(v) if v else "" for v in row] for row in z]
    fig = go.Figure(go.Heatmap(
        z=z, x0=0, dx=1, y0=0, dy=1, text=text, texttemplate="%{text}", colorscale=MATRIX_SCALE, zmin=0, zmax=zmax,
        showscale=False, xgap=1, ygap=1, customdata=[[[vocab.category_labels[c], vocab.theme_labels[t]] for t in themes]
                                                    for c in cats],
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}: " + t("needs.z_regios") + "<extra></extra>",
    ))
    fig.update_xaxes(side="top", tickangle=-35, tickmode="array", tickvals=list(range(len(themes))),
                     ticktext=[vocab.theme_short[t] for t in themes], range=[-0.5, len(themes) - 0.5],
                     showgrid=False, zeroline=False, automargin=False)
    row_labels = [vocab.category_labels[c] for c in cats]
    fig.update_yaxes(tickmode="array", tickvals=list(range(len(cats))), ticktext=row_labels,
                     range=[len(cats) - 0.5, -0.5], showgrid=False, zeroline=False)
    fig = _layout(fig, height=110 + 30 * len(cats), labels=row_labels)
    fig.update_layout(margin=dict(t=110))
    return fig


LABEL_GAP = "\u2003"  # ruimte tussen stip en label


def change_label(now: int, diff: int) -> str:
    """'9 (+3)', '5 (−1)', '7 (±0)': het aantal nu en het verschil met de vorige peiling."""
    sign = "±" if diff == 0 else ("+" if diff > 0 else "−")
    return f"{now} ({sign}{abs(diff)})"


def change_dumbbell(change: pl.DataFrame, prev_label: str, label: str) -> go.Figure:
    """Per categorie een lijn van het aantal regio's in de vorige naar deze peiling."""
    cats = change["categorie"].to_list()
    fig = go.Figure()
    xs: list[int | None] = []
    ys: list[str | None] = []
    for cat, a, b in zip(cats, change["vorige"], change["nu"]):
        xs += [a, b, None]
        ys += [cat, cat, None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#bdbdbd", width=3), showlegend=False,
                             hoverinfo="skip", connectgaps=False))
    fig.add_trace(go.Scatter(
        x=change["vorige"].to_list(), y=cats, mode="markers", name=prev_label,
        marker=dict(color="white", size=12, line=dict(color=PREVIOUS_COLOR, width=2.5)),
        hovertemplate="%{y}<br>" + prev_label + ": " + t("charts.x_regios") + "<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=change["nu"].to_list(), y=cats, mode="markers", name=label, marker=dict(color=BAR_COLOR, size=12),
        hovertemplate="%{y}<br>" + label + ": " + t("charts.x_regios") + "<extra></extra>",
    ))
    # Het label rechts van de verste stip, zodat het nooit over de andere stip valt.
    fig.add_trace(go.Scatter(
        x=[max(a, b) for a, b in zip(change["vorige"], change["nu"])], y=cats, mode="text", showlegend=False,
        text=[LABEL_GAP + change_label(n, d) for n, d in zip(change["nu"], change["verschil"])],
        textposition="middle right", cliponaxis=False, hoverinfo="skip", textfont=dict(color="#333333"),
    ))
    top = max(change["vorige"].max() or 0, change["nu"].max() or 0, 1)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("charts.aantal_regios"), range=[-0.5, top * 1.25 + 1], gridcolor=colors.GRID)
    fig.update_yaxes(categoryorder="array", categoryarray=cats)
    return _layout(fig, height=max(280, 32 * len(cats) + 100), labels=cats, legend=True)
