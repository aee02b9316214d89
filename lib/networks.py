"""Leernetwerken: regio's met dezelfde ondersteuningsbehoefte of dezelfde achterstand op een thema bij
elkaar, met de regio's die op dat thema voorlopen als mogelijke peers. Puur (geen st.*).

De regels (getest in tests/test_networks.py):

- **Per categorie** van ondersteuningsbehoeften: *vraagt ondersteuning* = de regio noemde in deze peiling
  een behoefte in die categorie. *Loopt voor* = status 3 of 4 (In uitvoering, Gerealiseerd) op het thema dat
  bij de categorie hoort (`need_categories.csv`) én de regio vraagt zelf niet om die categorie.
- **Per thema**: *loopt achter* volgens een van twee regels:
  - `absoluut` (standaard): status 0 of 1 (Niet gestart, Oriënterend);
  - `relatief`: status strikt onder het landelijke 25e percentiel van de bekende statussen op dat thema
    (lineaire interpolatie, zoals het regioprofiel). Wie precies óp het percentiel zit, loopt niet achter.
  *Loopt voor* = status 3 of 4 en niet achter (bij de relatieve regel gaat achter voor).
  *Tussenin* = bekend, niet achter en niet voor.
- **Onbekend en n.v.t. zijn nooit achter of voor**: ze tellen apart (onbekend is geen 0).
- Een regio zonder behoeften is in geen enkel netwerk vrager, maar kan wel peer zijn.
- Volgorde: vragers op prioriteit (hoog eerst), dan regiocode; peers op status (hoog eerst), dan regiocode.
  Bij gelijke status beslist de code: de lijst is stabiel en er valt niemand weg.

De geanonimiseerde weergave toont alleen aantallen, met `suppress_small_counts`: aantallen van 1 tot k−1
worden '< k', en als een rij daardoor precies één verborgen cel zou hebben terwijl het totaal zichtbaar is,
wordt ook de kleinste andere cel verborgen (aanvullende onderdrukking), zodat niets terug te rekenen is.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from lib import colors, schema
from lib.charts import FONT
from lib.i18n import t
from lib.loaders import Dataset
from lib.transforms import regions_in_province

LAG_MAX = 1  # status ≤ 1: Niet gestart of Oriënterend
AHEAD_MIN = 3  # status ≥ 3: In uitvoering of Gerealiseerd
P25 = 0.25

RULE_ABSOLUTE = "absoluut"
RULE_RELATIVE = "relatief"
RULES: dict[str, str] = {
    RULE_ABSOLUTE: "status 0 of 1 (Niet gestart of Oriënterend)",
    RULE_RELATIVE: "onder het landelijke 25e percentiel op dat thema",
}


def rules() -> dict[str, str]:
    """RULES in de huidige taal."""
    return {r: t(f"netwerken.regel_{r}") for r in RULES}


def role_label(role: str) -> str:
    """Een rol (ROLE_*) in de huidige taal."""
    return t(f"netwerken.rol_{role.replace(' ', '_')}")

KIND_CATEGORY = "categorie"
KIND_THEME = "thema"

ROLE_ASKS = "vraagt ondersteuning"
ROLE_LAGS = "loopt achter"
ROLE_AHEAD = "loopt voor"
ROLE_MIDDLE = "tussenin"
ROLE_UNKNOWN = "onbekend"
ROLE_OTHER = "overig"

ROLE_COLORS = {
    ROLE_ASKS: "#b35806",  # oranje (zelfde tint als 'verslechterd'): vraagt / loopt achter
    ROLE_LAGS: "#b35806",
    ROLE_AHEAD: colors.STATUS_COLORS["4"],  # donkerblauw, het hoogste statusniveau
    ROLE_UNKNOWN: colors.STATUS_COLORS["onbekend"],
}
ROLE_SYMBOLS = {ROLE_ASKS: "square", ROLE_LAGS: "square", ROLE_AHEAD: "circle", ROLE_UNKNOWN: "x-thin-open"}

#: Weergave van onderdrukte cellen (ook te gebruiken door de algemene geanonimiseerde modus).
DEFAULT_K = 5
HIDDEN_TEXT = "verborgen"
PRIMARY = "primair"
SECONDARY = "secundair"


def suppressed_text(k: int) -> str:
    return f"< {k}"


# --------------------------------------------------------------------------------------------
# Rollen per thema en per categorie
# --------------------------------------------------------------------------------------------
def theme_roles(assessments: pl.DataFrame, rule: str = RULE_ABSOLUTE) -> pl.DataFrame:
    """Rol van elke regio op elk thema in één peiling.

    In: regio_code, thema_code, status, status_waarde (null = onbekend/n.v.t.).
    Uit: regio_code, thema_code, status, status_waarde, p25 (landelijk, bekende statussen), rol.
    """
    if rule not in RULES:
        raise ValueError(f"onbekende regel {rule!r}; kies uit {', '.join(RULES)}")
    a = assessments.select(
        pl.col("regio_code").cast(pl.String),
        pl.col("thema_code").cast(pl.String),
        pl.col("status").cast(pl.String),
        pl.col("status_waarde").cast(pl.Int8),
    )
    p25 = a.group_by("thema_code").agg(
        pl.col("status_waarde").cast(pl.Float64).quantile(P25, interpolation="linear").alias("p25"))
    a = a.join(p25, on="thema_code", how="left")
    v = pl.col("status_waarde")
    lagging = v <= LAG_MAX if rule == RULE_ABSOLUTE else v.cast(pl.Float64) < pl.col("p25")
    return a.with_columns(
        pl.when(v.is_null()).then(pl.lit(ROLE_UNKNOWN))
        .when(lagging).then(pl.lit(ROLE_LAGS))
        .when(v >= AHEAD_MIN).then(pl.lit(ROLE_AHEAD))
        .otherwise(pl.lit(ROLE_MIDDLE))
        .alias("rol")
    ).sort("thema_code", "regio_code")


def category_roles(needs: pl.DataFrame, assessments: pl.DataFrame, category_theme: dict[str, str],
                   priority_order: tuple[str, ...] = ("hoog", "middel", "laag")) -> pl.DataFrame:
    """Per categorie de vragers en de peers (regio's die op het bijbehorende thema voorlopen en zelf niet
    om die categorie vragen). Regio's die geen van beide zijn, staan er niet in.

    In: needs (regio_code, categorie_code, prioriteit, omschrijving) en assessments (regio_code, thema_code,
    status, status_waarde), beide voor één peiling.
    Uit: categorie_code, thema_code, regio_code, rol, prioriteit, omschrijving, status, status_waarde.
    """
    status = assessments.select(
        pl.col("regio_code").cast(pl.String), pl.col("thema_code").cast(pl.String),
        pl.col("status").cast(pl.String), pl.col("status_waarde").cast(pl.Int8),
    )
    cat_theme = pl.DataFrame({"categorie_code": list(category_theme), "thema_code": list(category_theme.values())},
                             schema={"categorie_code": pl.String, "thema_code": pl.String})
    asks = needs.select(
        pl.col("regio_code").cast(pl.String), pl.col("categorie_code").cast(pl.String),
        pl.col("prioriteit").cast(pl.String), pl.col("omschrijving").cast(pl.String),
    ).unique(["regio_code", "categorie_code"], keep="first", maintain_order=True)
    asks = asks.join(cat_theme, on="categorie_code", how="left").join(
        status, on=["regio_code", "thema_code"], how="left").with_columns(pl.lit(ROLE_ASKS).alias("rol"))
    ahead = cat_theme.join(status.filter(pl.col("status_waarde") >= AHEAD_MIN), on="thema_code", how="inner")
    ahead = ahead.join(asks.select("regio_code", "categorie_code"), on=["regio_code", "categorie_code"],
                       how="anti").with_columns(
        pl.lit(ROLE_AHEAD).alias("rol"), pl.lit(None, pl.String).alias("prioriteit"),
        pl.lit(None, pl.String).alias("omschrijving"))
    cols = ["categorie_code", "thema_code", "regio_code", "rol", "prioriteit", "omschrijving", "status",
            "status_waarde"]
    prio = {p: i for i, p in enumerate(priority_order)}
    out = pl.concat([asks.select(cols), ahead.select(cols)], how="vertical")
    return out.with_columns(
        pl.col("prioriteit").replace_strict(prio, default=len(prio), return_dtype=pl.Int32).alias("_p"),
        (pl.col("rol") == ROLE_ASKS).alias("_vraagt"),
    ).sort(["categorie_code", "_vraagt", "_p", "status_waarde", "regio_code"],
           descending=[False, True, False, True, False], nulls_last=True).drop("_p", "_vraagt")


def regions_without_needs(needs: pl.DataFrame, region_codes: list[str]) -> list[str]:
    asked = set(needs["regio_code"].cast(pl.String).to_list())
    return [r for r in region_codes if r not in asked]


# --------------------------------------------------------------------------------------------
# Alles voor één peiling (met de provinciefilter)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Networks:
    peiling: str
    rule: str
    region_codes: tuple[str, ...]  # de regio's in beeld (na de provinciefilter), op naam gesorteerd
    names: dict[str, str]
    categories: pl.DataFrame  # category_roles
    themes: pl.DataFrame  # theme_roles
    without_needs: tuple[str, ...]


def build_networks(ds: Dataset, peiling: str, provincie: str | None = None, rule: str = RULE_ABSOLUTE) -> Networks:
    """Kandidaat-leernetwerken voor een peiling. De P25 van de relatieve regel is altijd landelijk (alle
    regio's); de provinciefilter beperkt daarna alleen wie er in beeld is."""
    regions = ds.regions_for(peiling).sort("regio_naam")
    names = dict(zip(regions["regio_code"], regions["regio_naam"]))
    in_view = set(regions_in_province(ds, peiling, provincie))
    codes = tuple(c for c in names if c in in_view)
    a = ds.assessments.filter(pl.col("peiling_id") == peiling)
    n = ds.needs.filter(pl.col("peiling_id") == peiling)
    themes = theme_roles(a, rule).filter(pl.col("regio_code").is_in(codes))
    cats = category_roles(n, a, ds.vocab.category_theme, ds.vocab.priority_codes).filter(
        pl.col("regio_code").is_in(codes))
    return Networks(peiling=peiling, rule=rule, region_codes=codes, names=names, categories=cats, themes=themes,
                    without_needs=tuple(regions_without_needs(n.filter(pl.col("regio_code").is_in(codes)), list(codes))))


def members(net: Networks, kind: str, code: str) -> pl.DataFrame:
    """De regio's van één netwerk: vragers/achterlopers en peers (voor thema's zonder tussenin/onbekend)."""
    if kind == KIND_CATEGORY:
        return net.categories.filter(pl.col("categorie_code") == code)
    t = net.themes.filter((pl.col("thema_code") == code) & pl.col("rol").is_in([ROLE_LAGS, ROLE_AHEAD]))
    return t.with_columns((pl.col("rol") == ROLE_LAGS).alias("_a")).sort(
        ["_a", "status_waarde", "regio_code"], descending=[True, True, False]).drop("_a")


def member_counts(net: Networks, kind: str, code: str) -> dict[str, int]:
    """Aantal vragers/achterlopers en peers in één netwerk."""
    m = members(net, kind, code)
    low = ROLE_ASKS if kind == KIND_CATEGORY else ROLE_LAGS
    return {low: m.filter(pl.col("rol") == low).height, ROLE_AHEAD: m.filter(pl.col("rol") == ROLE_AHEAD).height}


def members_table(net: Networks, kind: str, code: str, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Tabel voor scherm en export: rol, regio, status op het thema (en bij categorieën prioriteit en omschrijving)."""
    m = members(net, kind, code)
    theme = vocab.category_theme[code] if kind == KIND_CATEGORY else code
    status_col = t("netwerken.status_op", thema=vocab.theme_short.get(theme, theme))
    role_names = {r: role_label(r) for r in (ROLE_ASKS, ROLE_LAGS, ROLE_AHEAD, ROLE_MIDDLE, ROLE_UNKNOWN, ROLE_OTHER)}
    exprs = [
        pl.col("rol").replace_strict(role_names, default=pl.col("rol")).alias("Rol"),
        pl.col("regio_code").alias("Code"),
        pl.col("regio_code").replace_strict(net.names, default=None).alias("Jeugdregio"),
        pl.col("status").fill_null(schema.STATUS_UNKNOWN).replace_strict(vocab.status_labels, default=None)
        .alias(status_col),
    ]
    if kind == KIND_CATEGORY:
        exprs += [
            pl.col("prioriteit").replace_strict(vocab.priority_labels, default=None).fill_null("").alias("Prioriteit"),
            pl.col("omschrijving").fill_null("").alias("Omschrijving"),
        ]
    return m.select(exprs)


# --------------------------------------------------------------------------------------------
# Aantallen en onderdrukking van kleine aantallen
# --------------------------------------------------------------------------------------------
def suppression_mask(rows: list[list[int]], k: int = DEFAULT_K, totals: list[int] | None = None,
                     protect_columns: bool = False) -> list[list[str | None]]:
    """Welke cellen verborgen moeten worden: None (tonen), 'primair' of 'secundair'.

    - Primair: 0 < waarde < k. Nul wordt getoond (nul wijst geen regio aan).
    - `totals`: het getoonde totaal per rij, waarvan de cellen een verdeling zijn. Heeft een rij dan precies één
      verborgen cel, dan is die terug te rekenen; dus wordt ook de kleinste andere cel > 0 verborgen
      (secundair; bij gelijke waarden de meest linkse; zijn alle andere cellen 0, dan een nul). Is het totaal zelf < k, dan gaat de hele rij dicht,
      ook de nullen (`suppress_small_counts` verbergt dan ook het totaal).
    - `protect_columns`: ook kolomtotalen zijn ergens zichtbaar; dan geldt hetzelfde per kolom. Er wordt
      herhaald tot niets meer verandert.
    """
    n_rows = len(rows)
    n_cols = len(rows[0]) if rows else 0
    mask: list[list[str | None]] = [[PRIMARY if 0 < v < k else None for v in row] for row in rows]
    if totals is not None:
        for i, t in enumerate(totals):
            if 0 < t < k:  # een klein totaal: ook een 0 zou verraden waar de paar regio's zitten
                mask[i] = [PRIMARY] * n_cols

    def fix(cells: list[tuple[int, int]]) -> bool:
        hidden = [c for c in cells if mask[c[0]][c[1]]]
        if len(hidden) != 1:
            return False
        open_cells = [c for c in cells if not mask[c[0]][c[1]]]
        if not open_cells:
            return False
        # liefst een cel > 0; zijn de andere allemaal 0, dan een nul (anders is de verborgen cel = het totaal)
        candidates = [c for c in open_cells if rows[c[0]][c[1]] > 0] or open_cells
        i, j = min(candidates, key=lambda c: (rows[c[0]][c[1]], c[1], c[0]))
        mask[i][j] = SECONDARY
        return True

    changed = True
    while changed:
        changed = False
        if totals is not None:
            for i in range(n_rows):
                if not (0 < totals[i] < k):
                    changed |= fix([(i, j) for j in range(n_cols)])
        if protect_columns:
            for j in range(n_cols):
                changed |= fix([(i, j) for i in range(n_rows)])
    return mask


def suppress_small_counts(df: pl.DataFrame, count_cols: list[str], k: int = DEFAULT_K,
                          total_col: str | None = None, protect_columns: bool = False) -> pl.DataFrame:
    """Tekstversie van een aantallentabel met kleine aantallen verborgen: '< k' (primair) of 'verborgen'
    (secundair, zie `suppression_mask`). Andere kolommen blijven ongemoeid.

    Geef `total_col` als de cellen van een rij optellen tot een getoond (of elders openbaar) totaal; een totaal
    onder k wordt zelf ook '< k'. Zet `protect_columns` als kolomtotalen ergens te zien zijn.
    """
    rows = [[int(v or 0) for v in r] for r in df.select(count_cols).iter_rows()]
    totals = [int(v or 0) for v in df[total_col].to_list()] if total_col else None
    mask = suppression_mask(rows, k, totals, protect_columns)
    small = suppressed_text(k)
    out = {c: [] for c in count_cols}
    for r, m in zip(rows, mask):
        for c, v, flag in zip(count_cols, r, m):
            out[c].append(small if flag == PRIMARY else HIDDEN_TEXT if flag == SECONDARY else str(v))
    new = [pl.Series(c, out[c], dtype=pl.String) for c in count_cols]
    if total_col:
        new.append(pl.Series(total_col, [small if 0 < t < k else str(t) for t in totals], dtype=pl.String))
    return df.with_columns(new)


CATEGORY_COUNT_COLS = ("Vraagt ondersteuning", "Loopt voor op het thema", "Overige regio's")
THEME_COUNT_COLS = ("Loopt achter", "Tussenin", "Loopt voor", "Onbekend of n.v.t.")
TOTAL_COL = "Regio's in beeld"


def count_table(net: Networks, kind: str, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Aantallen per categorie of thema (geen regionamen). De tellingen van een rij zijn een verdeling van
    het aantal regio's in beeld (kolom TOTAL_COL)."""
    n = len(net.region_codes)
    rows = []
    if kind == KIND_CATEGORY:
        for code in vocab.category_codes:
            sub = net.categories.filter(pl.col("categorie_code") == code)
            asks = sub.filter(pl.col("rol") == ROLE_ASKS).height
            ahead = sub.filter(pl.col("rol") == ROLE_AHEAD).height
            rows.append({"Code": code, "Naam": vocab.category_labels[code],
                         CATEGORY_COUNT_COLS[0]: asks, CATEGORY_COUNT_COLS[1]: ahead,
                         CATEGORY_COUNT_COLS[2]: n - asks - ahead, TOTAL_COL: n})
        cols = CATEGORY_COUNT_COLS
    else:
        for code in vocab.theme_codes:
            sub = net.themes.filter(pl.col("thema_code") == code)
            counts = {r: sub.filter(pl.col("rol") == r).height for r in (ROLE_LAGS, ROLE_MIDDLE, ROLE_AHEAD)}
            known = sum(counts.values())
            rows.append({"Code": code, "Naam": vocab.theme_labels[code],
                         THEME_COUNT_COLS[0]: counts[ROLE_LAGS], THEME_COUNT_COLS[1]: counts[ROLE_MIDDLE],
                         THEME_COUNT_COLS[2]: counts[ROLE_AHEAD], THEME_COUNT_COLS[3]: n - known, TOTAL_COL: n})
        cols = THEME_COUNT_COLS
    return pl.DataFrame(rows, schema={"Code": pl.String, "Naam": pl.String, **{c: pl.Int64 for c in cols},
                                      TOTAL_COL: pl.Int64})


def aggregate_table(net: Networks, kind: str, vocab: schema.Vocabulary, k: int = DEFAULT_K) -> pl.DataFrame:
    """Alleen aantallen, met onderdrukking van kleine aantallen (en de aanvullende onderdrukking)."""
    counts = count_table(net, kind, vocab)
    cols = list(CATEGORY_COUNT_COLS if kind == KIND_CATEGORY else THEME_COUNT_COLS)
    return suppress_small_counts(counts, cols, k=k, total_col=TOTAL_COL)


def without_needs_counts(net: Networks, k: int = DEFAULT_K) -> pl.DataFrame:
    """Aantal regio's met en zonder ondersteuningsbehoefte, onderdrukt zoals de andere aantallen."""
    n = len(net.region_codes)
    without = len(net.without_needs)
    df = pl.DataFrame({"Met een behoefte": [n - without], "Zonder behoefte": [without], TOTAL_COL: [n]})
    return suppress_small_counts(df, ["Met een behoefte", "Zonder behoefte"], k=k, total_col=TOTAL_COL)


# --------------------------------------------------------------------------------------------
# Matrix: regio's × categorieën of thema's
# --------------------------------------------------------------------------------------------
def matrix_frame(net: Networks, kind: str, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Lang raster: elke regio in beeld × elke categorie/thema, met de rol (null = geen rol in dat netwerk)."""
    codes = list(vocab.category_codes if kind == KIND_CATEGORY else vocab.theme_codes)
    grid = pl.DataFrame({"regio_code": list(net.region_codes)}).join(
        pl.DataFrame({"kolom": codes}), how="cross")
    if kind == KIND_CATEGORY:
        roles = net.categories.select("regio_code", pl.col("categorie_code").alias("kolom"), "rol", "prioriteit")
    else:
        roles = net.themes.filter(pl.col("rol") != ROLE_MIDDLE).select(
            "regio_code", pl.col("thema_code").alias("kolom"), "rol", pl.lit(None, pl.String).alias("prioriteit"))
    return grid.join(roles, on=["regio_code", "kolom"], how="left")


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def matrix_figure(grid: pl.DataFrame, net: Networks, kind: str, vocab: schema.Vocabulary,
                  highlight: str | None = None, illustrative: bool = True) -> go.Figure:
    """Raster met een symbool per cel: oranje vierkant = vraagt ondersteuning / loopt achter, blauw rondje =
    loopt voor (mogelijke peer), grijs kruisje = status onbekend. De gekozen kolom is gemarkeerd."""
    codes = list(vocab.category_codes if kind == KIND_CATEGORY else vocab.theme_codes)
    # Schuine kolomkoppen (evenwijdige stroken): lange categorienamen over hoogstens twee regels.
    if kind == KIND_CATEGORY:
        col_text = {c: _wrap(vocab.category_labels[c], 28) for c in codes}
    else:
        col_text = {c: vocab.theme_short[c] for c in codes}
    x_of = {c: i for i, c in enumerate(codes)}
    y_of = {r: i for i, r in enumerate(net.region_codes)}
    fig = go.Figure()
    if highlight in x_of:
        fig.add_shape(type="rect", x0=x_of[highlight] - 0.5, x1=x_of[highlight] + 0.5, y0=-0.5,
                      y1=len(y_of) - 0.5, fillcolor="#fde7d4", line=dict(width=0), layer="below")
    low = ROLE_ASKS if kind == KIND_CATEGORY else ROLE_LAGS
    roles = [low, ROLE_AHEAD] + ([ROLE_UNKNOWN] if kind == KIND_THEME else [])
    names = {ROLE_ASKS: t("netwerken.legenda_vraagt"), ROLE_LAGS: t("netwerken.legenda_achter"),
             ROLE_AHEAD: t("netwerken.legenda_voor"), ROLE_UNKNOWN: t("netwerken.legenda_onbekend")}
    suffix = t("netwerken.suffix_voorbeeld") if illustrative else ""
    for role in roles:
        sub = grid.filter(pl.col("rol") == role)
        fig.add_trace(go.Scatter(
            x=[x_of[c] for c in sub["kolom"].to_list()], y=[y_of[r] for r in sub["regio_code"].to_list()],
            mode="markers", name=names[role],
            marker=dict(symbol=ROLE_SYMBOLS[role], size=13 if role != ROLE_UNKNOWN else 9,
                        color=ROLE_COLORS[role], line=dict(color="white" if role != ROLE_UNKNOWN else ROLE_COLORS[role],
                                                           width=1 if role != ROLE_UNKNOWN else 1.5)),
            customdata=[[net.names.get(r, r),
                         vocab.category_labels[c] if kind == KIND_CATEGORY else vocab.theme_labels[c]]
                        for r, c in zip(sub["regio_code"].to_list(), sub["kolom"].to_list())],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}: " + names[role] + suffix + "<extra></extra>",
        ))
    fig.update_xaxes(tickvals=list(range(len(codes))), ticktext=[col_text[c] for c in codes], side="top",
                     range=[-0.5, len(codes) - 0.5], showgrid=True, gridcolor="#f0f0f0", tickangle=-60,
                     tickfont=dict(size=12), automargin=True, fixedrange=True)
    # Ruimte voor de schuine koppen zelf berekend (automargin alleen liet lange koppen afsnijden).
    longest = max(len(line) for c in codes for line in col_text[c].split("<br>"))
    top = int(longest * 7.2 * 0.87) + 40
    fig.update_yaxes(tickvals=list(range(len(y_of))), ticktext=[net.names.get(r, r) for r in net.region_codes],
                     range=[len(y_of) - 0.5, -0.5], showgrid=True, gridcolor="#f0f0f0", automargin=True,
                     fixedrange=True)
    fig.update_layout(
        height=max(300, 21 * len(y_of) + top + 70), font=dict(FONT, size=12), plot_bgcolor="white",
        margin=dict(l=10, r=110 if kind == KIND_CATEGORY else 60, t=top, b=10),  # schuine koppen lopen naar rechts
        legend=dict(orientation="h", yanchor="top", y=-0.01, xanchor="left", x=0),
    )
    return fig
