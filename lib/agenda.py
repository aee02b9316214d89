"""Wie is aan zet: verantwoordelijkheden per thema en de tijdlijn van de Hervormingsagenda. Puur (geen st.*).

Twee configureerbare tabellen in `data/`, met de kolommen uit `lib/schema.py`:

- `responsibilities.csv`: per thema een of meer regels met niveau (lokaal/regionaal/landelijk), de partijen
  van de vijfhoek die trekken of betrokken zijn, een bron met URL en een vlag `geverifieerd`. Een regel is
  alleen geverifieerd als niveau én trekker in een gelezen bron staan; anders blijven die leeg of staat de
  vlag op false en zegt `bron`/`toelichting` waarop de regel berust. Niets is verzonnen.
- `milestones.csv`: mijlpalen 2023–2028 uit het domeinonderzoek (tag V = geverifieerd), met datum, precisie
  (dag/maand/kwartaal/jaar), status (gebeurd of verwacht) en bron-URL.

Laden valideert met Nederlandse meldingen (`DataValidationError`), zoals `lib/loaders.py`. De tijdlijn zet de
peilingen van de geladen data op dezelfde as; zijn die illustratief, dan heet die rij 'peiling (voorbeelddata)'.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from functools import lru_cache
from pathlib import Path

import plotly.graph_objects as go
import polars as pl

from lib import colors, schema
from lib.charts import FONT
from lib.i18n import t
from lib.loaders import Dataset, read_table_file
from lib.paths import DATA_DIR
from lib.validation import (
    DataValidationError,
    Issue,
    check_allowed,
    check_duplicates,
    errors,
)

RESPONSIBILITIES_PATH = DATA_DIR / schema.RESPONSIBILITIES.file
MILESTONES_PATH = DATA_DIR / schema.MILESTONES.file

#: Een URL zonder spaties, haakjes of punthaken: veilig in een markdown-link `[tekst](url)`.
URL_RE = re.compile(r"^https?://[^\s()<>\[\]\"']+$")
NOT_IN_SOURCES = "niet in de bronnen"
VERIFIED_YES = "ja"
VERIFIED_NO = "⚠️ niet geverifieerd"
VERIFIED_PARTLY = "deels"
MONTHS_NL = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


def _line(idx: int) -> int:
    return idx + 2  # kopregel = regel 1


def split_list(value: str | None) -> list[str]:
    """'Rijk; gemeenten' → ['Rijk', 'gemeenten']; leeg of None → []."""
    if value is None:
        return []
    return [p.strip() for p in str(value).split(schema.LIST_SEPARATOR) if p.strip()]


# --------------------------------------------------------------------------------------------
# Validatie
# --------------------------------------------------------------------------------------------
def _check_list(df: pl.DataFrame, column: str, allowed: tuple[str, ...], file: str, what: str) -> list[Issue]:
    issues = []
    for idx, value in enumerate(df[column].to_list()):
        for item in split_list(value):
            if item not in allowed:
                issues.append(Issue(file, f"onbekende {what} ‘{item}’; toegestaan: {', '.join(allowed)} "
                                    f"(meerdere gescheiden door ‘{schema.LIST_SEPARATOR}’)",
                                    row=_line(idx), column=column, value=str(value)))
    return issues


def _check_urls(df: pl.DataFrame, file: str) -> list[Issue]:
    issues = []
    for idx, value in enumerate(df["bron_url"].to_list()):
        urls = split_list(value)
        if not urls:
            issues.append(Issue(file, "geen bron-URL; elke regel heeft minstens één bron", row=_line(idx),
                                column="bron_url"))
        for url in urls:
            if not URL_RE.match(url):
                issues.append(Issue(file, "ongeldige URL; verwacht http(s)://… zonder spaties of haakjes",
                                    row=_line(idx), column="bron_url", value=url[:60]))
    return issues


def validate_responsibilities(df: pl.DataFrame, theme_codes: tuple[str, ...],
                              file: str = schema.RESPONSIBILITIES.file) -> list[Issue]:
    issues = check_duplicates(df, schema.RESPONSIBILITIES.key, file)
    issues += check_allowed(df, "thema_code", theme_codes, file, "themacode")
    issues += _check_list(df, "niveau", schema.NIVEAUS, file, "niveau")
    issues += _check_list(df, "trekker", schema.PARTIES, file, "partij")
    issues += _check_list(df, "betrokken", schema.PARTIES, file, "partij")
    issues += _check_urls(df, file)
    for idx, row in enumerate(df.iter_rows(named=True)):
        both = set(split_list(row["trekker"])) & set(split_list(row["betrokken"]))
        if both:
            issues.append(Issue(file, f"partij staat zowel bij trekker als bij betrokken: {', '.join(sorted(both))}",
                                row=_line(idx), column="betrokken", value=row["betrokken"]))
        if row["geverifieerd"]:
            for col, what in (("niveau", "het niveau"), ("trekker", "de trekker")):
                if not split_list(row[col]):
                    issues.append(Issue(
                        file, f"regel staat op geverifieerd, maar {what} ontbreekt; vul in wat de bron zegt of "
                        "zet geverifieerd op false", row=_line(idx), column=col))
    present = set(df["thema_code"].drop_nulls().to_list())
    for code in theme_codes:
        if code not in present:
            issues.append(Issue(file, f"thema {code} heeft geen regel; elk thema hoort er minstens één te hebben "
                                "(met geverifieerd = false als de bronnen niets zeggen)", column="thema_code",
                                value=code))
    return issues


def validate_milestones(df: pl.DataFrame, theme_codes: tuple[str, ...],
                        file: str = schema.MILESTONES.file) -> list[Issue]:
    issues = check_duplicates(df, schema.MILESTONES.key, file)
    issues += check_allowed(df, "precisie", schema.MILESTONE_PRECISIONS, file, "precisie")
    issues += check_allowed(df, "status", schema.MILESTONE_STATUSES, file, "status")
    issues += check_allowed(df, "tag", schema.SOURCE_TAGS, file, "tag")
    issues += _check_list(df, "thema_codes", theme_codes, file, "themacode")
    issues += _check_urls(df, file)
    return issues


def _theme_codes(theme_codes: tuple[str, ...] | None) -> tuple[str, ...]:
    return tuple(theme_codes) if theme_codes is not None else schema.vocabulary().theme_codes


def load_responsibilities(path: Path = RESPONSIBILITIES_PATH,
                          theme_codes: tuple[str, ...] | None = None) -> pl.DataFrame:
    """Lees en valideer de verantwoordelijkheden. Bij fouten: DataValidationError met álle problemen."""
    df, issues = read_table_file(Path(path), schema.RESPONSIBILITIES)
    if df is not None and not errors(issues):
        issues += validate_responsibilities(df, _theme_codes(theme_codes), Path(path).name)
    if df is None or errors(issues):
        raise DataValidationError(issues)
    return df


def load_milestones(path: Path = MILESTONES_PATH, theme_codes: tuple[str, ...] | None = None) -> pl.DataFrame:
    """Lees en valideer de mijlpalen (gesorteerd op datum). Bij fouten: DataValidationError."""
    df, issues = read_table_file(Path(path), schema.MILESTONES)
    if df is not None and not errors(issues):
        issues += validate_milestones(df, _theme_codes(theme_codes), Path(path).name)
    if df is None or errors(issues):
        raise DataValidationError(issues)
    return df.sort("datum", "mijlpaal_id")


def _version(path: Path) -> int:
    try:
        return Path(path).stat().st_mtime_ns
    except FileNotFoundError:
        return -1


@lru_cache(maxsize=8)
def _cached_responsibilities(path: str, version: int) -> pl.DataFrame:  # noqa: ARG001 - versie = sleutel
    return load_responsibilities(Path(path))


@lru_cache(maxsize=8)
def _cached_milestones(path: str, version: int) -> pl.DataFrame:  # noqa: ARG001 - versie = sleutel
    return load_milestones(Path(path))


def get_responsibilities(path: Path = RESPONSIBILITIES_PATH) -> pl.DataFrame:
    """Gecachet op pad en wijzigingstijd (opnieuw gelezen als het bestand verandert)."""
    return _cached_responsibilities(str(path), _version(path))


def get_milestones(path: Path = MILESTONES_PATH) -> pl.DataFrame:
    return _cached_milestones(str(path), _version(path))


# --------------------------------------------------------------------------------------------
# Verantwoordelijkheden: tabellen voor het scherm
# --------------------------------------------------------------------------------------------
def _ordered(items: set[str], order: tuple[str, ...]) -> list[str]:
    return [x for x in order if x in items]


def _join(items: list[str]) -> str:
    return ", ".join(items) if items else NOT_IN_SOURCES


def responsibility_table(resp: pl.DataFrame, vocab: schema.Vocabulary, thema: str | None = None) -> pl.DataFrame:
    """Eén rij per regel, met Nederlandse kolomnamen; 'niet geverifieerd' staat in elke rij waar het geldt."""
    df = resp if thema is None else resp.filter(pl.col("thema_code") == thema)
    order = {c: i for i, c in enumerate(vocab.theme_codes)}
    df = df.with_columns(pl.col("thema_code").replace_strict(order, default=len(order)).alias("_o")).sort(
        "_o", "regel_id")
    rows = []
    for r in df.iter_rows(named=True):
        urls = split_list(r["bron_url"])
        rows.append({
            "Code": r["thema_code"],
            "Thema": vocab.theme_short.get(r["thema_code"], r["thema_code"]),
            "Geverifieerd": VERIFIED_YES if r["geverifieerd"] else VERIFIED_NO,
            "Wat": r["onderdeel"],
            "Niveau": _join(_ordered(set(split_list(r["niveau"])), schema.NIVEAUS)),
            "Trekker": _join(_ordered(set(split_list(r["trekker"])), schema.PARTIES)),
            "Betrokken": ", ".join(_ordered(set(split_list(r["betrokken"])), schema.PARTIES)),
            "Link": urls[0] if urls else None,
            "Bron": r["bron"],
            "Toelichting": r["toelichting"] or "",
        })
    schema_ = {c: pl.String for c in ("Code", "Thema", "Geverifieerd", "Wat", "Niveau", "Trekker", "Betrokken",
                                      "Link", "Bron", "Toelichting")}
    return pl.DataFrame(rows, schema=schema_)


def count_unverified(table: pl.DataFrame) -> int:
    """Aantal regels in een `responsibility_table` dat niet (volledig) geverifieerd is."""
    return table.filter(pl.col("Geverifieerd") != VERIFIED_YES).height


def theme_summary(resp: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Per thema één rij: niveaus, trekkers en betrokkenen samengevoegd over de regels, en of dat
    geverifieerd is (ja / deels / niet geverifieerd). Een partij die ergens trekker is, telt als trekker."""
    rows = []
    for code in vocab.theme_codes:
        sub = resp.filter(pl.col("thema_code") == code)
        niveaus, trekkers, betrokken = set(), set(), set()
        for r in sub.iter_rows(named=True):
            niveaus |= set(split_list(r["niveau"]))
            trekkers |= set(split_list(r["trekker"]))
            betrokken |= set(split_list(r["betrokken"]))
        flags = sub["geverifieerd"].to_list()
        verified = (VERIFIED_YES if flags and all(flags) else VERIFIED_PARTLY if any(flags) else VERIFIED_NO)
        rows.append({
            "thema_code": code,
            "niveau": _join(_ordered(niveaus, schema.NIVEAUS)),
            "trekker": _join(_ordered(trekkers, schema.PARTIES)),
            "betrokken": ", ".join(_ordered(betrokken - trekkers, schema.PARTIES)),
            "geverifieerd": verified,
            "regels": sub.height,
        })
    return pl.DataFrame(rows, schema={"thema_code": pl.String, "niveau": pl.String, "trekker": pl.String,
                                      "betrokken": pl.String, "geverifieerd": pl.String, "regels": pl.Int64})


def party_matrix(resp: pl.DataFrame, vocab: schema.Vocabulary) -> pl.DataFrame:
    """Thema × partij van de vijfhoek: 'trekker' of 'betrokken', met '(niet geverifieerd)' als dat alleen uit
    niet-geverifieerde regels komt. Leeg = niet gevonden in de gelezen bronnen (niet: geen rol)."""
    rows = []
    for code in vocab.theme_codes:
        sub = resp.filter(pl.col("thema_code") == code)
        row = {"Code": code, "Thema": vocab.theme_short.get(code, code)}
        for party in schema.PARTIES:
            best = ""
            for role, col in (("trekker", "trekker"), ("betrokken", "betrokken")):
                hits = [r["geverifieerd"] for r in sub.iter_rows(named=True) if party in split_list(r[col])]
                if hits:
                    best = t(f"agenda.{role}") if any(hits) else t("agenda.niet_geverifieerd", rol=t(f"agenda.{role}"))
                    break
            row[party] = best
        rows.append(row)
    return pl.DataFrame(rows, schema={"Code": pl.String, "Thema": pl.String, **{p: pl.String for p in schema.PARTIES}})


def region_responsibilities(ds: Dataset, regio: str, peiling: str, resp: pl.DataFrame | None = None) -> pl.DataFrame:
    """Voor het regioprofiel: per thema wie aan zet is (niveau, trekker(s), betrokken, geverifieerd) en waar
    de regio staat in deze peiling (status; 'Onbekend' als er geen beoordeling is — nooit 0).

    Kolommen: Code, Thema, Niveau, Trekker(s), Betrokken, Geverifieerd, Status regio, status_waarde (Int8,
    null = onbekend/n.v.t.). Laadt de verantwoordelijkheden zelf als `resp` ontbreekt (DataValidationError
    bij een fout in het bestand).
    """
    resp = get_responsibilities() if resp is None else resp
    summary = theme_summary(resp, ds.vocab)
    own = ds.assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio)).select(
        pl.col("thema_code").cast(pl.String), pl.col("status").cast(pl.String), "status_waarde")
    out = summary.join(own, on="thema_code", how="left").with_columns(
        pl.col("status").fill_null(schema.STATUS_UNKNOWN))
    return out.select(
        pl.col("thema_code").alias("Code"),
        pl.col("thema_code").replace_strict(ds.vocab.theme_labels, default=None).alias("Thema"),
        pl.col("niveau").alias("Niveau"),
        pl.col("trekker").alias("Trekker(s)"),
        pl.col("betrokken").alias("Betrokken"),
        pl.col("geverifieerd").alias("Geverifieerd"),
        pl.col("status").replace_strict(ds.vocab.status_labels, default=None).alias("Status regio"),
        pl.col("status_waarde").cast(pl.Int8),
    )


# --------------------------------------------------------------------------------------------
# Bronnen als markdown (URL's uit ons eigen, gevalideerd bestand; tekst wordt ge-escaped)
# --------------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$])")


def md_escape(text: str) -> str:
    """Maak tekst veilig als gewone markdown-tekst (geen opmaak, geen links, geen HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text or "")


def format_date(d: dt.date, precision: str) -> str:
    if precision == "dag":
        return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"
    if precision == "maand":
        return f"{MONTHS_NL[d.month - 1]} {d.year}"
    if precision == "kwartaal":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    return str(d.year)


def milestone_sources_markdown(milestones: pl.DataFrame) -> str:
    """Markdown-lijst: per mijlpaal datum, titel en de bron(nen) als link."""
    lines = []
    for r in milestones.sort("datum", "mijlpaal_id").iter_rows(named=True):
        when = r["datum_tekst"] or format_date(r["datum"], r["precisie"])
        links = " · ".join(f"[{t('agenda.bron') if i == 0 else t('agenda.bron_n', n=i + 1)}]({url})"
                           for i, url in enumerate(split_list(r["bron_url"])) if URL_RE.match(url))
        status = f" *({t('agenda.verwacht')})*" if r["status"] == "verwacht" else ""
        lines.append(f"- **{md_escape(when)}** — {md_escape(r['titel'])}{status}: {links}")
    return "\n".join(lines)


def responsibility_sources_markdown(resp: pl.DataFrame) -> str:
    """Markdown-lijst met alle bron-URL's per regel (de tabel toont alleen de eerste)."""
    lines = []
    for r in resp.iter_rows(named=True):
        links = " · ".join(f"[{t('agenda.bron_n', n=i + 1)}]({url})" for i, url in enumerate(split_list(r["bron_url"]))
                           if URL_RE.match(url))
        lines.append(f"- **{md_escape(r['thema_code'])}** {md_escape(r['onderdeel'])}: {links}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Tijdlijn
# --------------------------------------------------------------------------------------------
def period_end(start: dt.date, precision: str) -> dt.date:
    """Laatste dag van de periode die de bron noemt (dag → dezelfde dag)."""
    if precision == "dag":
        return start
    if precision == "jaar":
        return dt.date(start.year, 12, 31)
    months = 1 if precision == "maand" else 3
    m = start.month - 1 + months
    first_next = dt.date(start.year + m // 12, m % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def timeline_frame(milestones: pl.DataFrame, peilingen: pl.DataFrame) -> pl.DataFrame:
    """Mijlpalen en peilingen in één lang frame op dezelfde tijdas.

    Kolommen: soort ('mijlpaal'/'peiling'), id, start, eind, moment (waar de stip staat: het midden van de
    periode), datum_tekst, label, titel, status ('gebeurd'/'verwacht'/'peiling'), illustratief, bron_url.
    """
    rows = []
    for r in milestones.iter_rows(named=True):
        end = period_end(r["datum"], r["precisie"])
        urls = split_list(r["bron_url"])
        rows.append({
            "soort": "mijlpaal", "id": r["mijlpaal_id"], "start": r["datum"], "eind": end,
            "moment": r["datum"] + (end - r["datum"]) / 2,
            "datum_tekst": r["datum_tekst"] or format_date(r["datum"], r["precisie"]),
            "label": r["label_kort"], "titel": r["titel"], "status": r["status"], "illustratief": False,
            "bron_url": urls[0] if urls else None,
        })
    for r in peilingen.sort("datum").iter_rows(named=True):
        rows.append({
            "soort": "peiling", "id": r["peiling_id"], "start": r["datum"], "eind": r["datum"], "moment": r["datum"],
            "datum_tekst": format_date(r["datum"], "maand"), "label": r["label"], "titel": r["label"],
            "status": "peiling", "illustratief": bool(r["illustratief"]), "bron_url": None,
        })
    return pl.DataFrame(rows, schema={
        "soort": pl.String, "id": pl.String, "start": pl.Date, "eind": pl.Date, "moment": pl.Date,
        "datum_tekst": pl.String, "label": pl.String, "titel": pl.String, "status": pl.String,
        "illustratief": pl.Boolean, "bron_url": pl.String,
    }).sort("soort", "moment", "id")


def assign_levels(starts: list[float], widths: list[float], slots: list[int], gap: float = 0.0) -> list[int]:
    """Kies voor elk label (op volgorde van `starts`) het eerste niveau uit `slots` waar het niet overlapt met
    het vorige label op dat niveau. Een label beslaat [start, start + breedte]. Zijn alle niveaus bezet, dan
    het niveau dat het eerst vrij is (de overlap is dan zo klein mogelijk)."""
    free_from: dict[int, float] = {s: float("-inf") for s in slots}
    out = []
    for start, width in zip(starts, widths):
        level = next((s for s in slots if free_from[s] + gap <= start), None)
        if level is None:
            level = min(slots, key=lambda s: free_from[s])
        free_from[level] = start + width
        out.append(level)
    return out


def wrap_label(text: str, width: int = 16) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False) or [text]


CHAR_PX = 7.0  # gemiddelde tekenbreedte bij 12 px
LEVEL_PX = 52  # hoogte van één labelniveau
MILESTONE_COLOR = colors.STATUS_COLORS["4"]
PEILING_COLOR = "#6a6a6a"
STEM_COLOR = "#c4c4c4"
LABEL_BG = "rgba(255,255,255,0.92)"  # labels bedekken stelen en hulplijnen die erachter lopen


def timeline_figure(frame: pl.DataFrame, *, today: dt.date | None = None, plot_px: int = 640,
                    x_range: tuple[dt.date, dt.date] = (dt.date(2023, 1, 1), dt.date(2028, 12, 31)),
                    max_levels: int = 4) -> go.Figure:
    """Tijdlijn: mijlpalen als stippen op één as, labels afwisselend boven en onder de as op zoveel hoogtes
    als nodig om niet te overlappen; daaronder een aparte rij met de peilingen van de geladen data
    ('peiling (voorbeelddata)' als ze illustratief zijn). Een periode (maand, kwartaal, jaar) is een balkje.

    `plot_px` is de verwachte breedte van het tekengebied; daarmee wordt de labelbreedte in dagen geschat."""
    days_per_px = (x_range[1] - x_range[0]).days / plot_px
    ms = frame.filter(pl.col("soort") == "mijlpaal").sort("moment", "id")
    ps = frame.filter(pl.col("soort") == "peiling").sort("moment")
    illustrative = bool(ps["illustratief"].any()) if ps.height else False
    peiling_name = t("agenda.peiling_voorbeeld") if illustrative else t("agenda.peiling")

    def label_lines(r) -> list[str]:
        return wrap_label(r["label"]) + [r["datum_tekst"]]

    def width_days(lines: list[str]) -> float:
        return (max(len(s) for s in lines) * CHAR_PX + 10) * days_per_px

    # Labels van mijlpalen: +1, -1, +2, -2, ... (boven, onder, hoger, lager)
    slots = [s for k in range(1, max_levels + 1) for s in (k, -k)]
    m_lines = [label_lines(r) for r in ms.iter_rows(named=True)]
    starts = [(d - x_range[0]).days for d in ms["moment"].to_list()]
    m_levels = assign_levels(starts, [width_days(lines) for lines in m_lines], slots, gap=4 * days_per_px)
    top = max([lv for lv in m_levels if lv > 0], default=1)
    bottom = -max([-lv for lv in m_levels if lv < 0], default=0)
    peiling_y = bottom - 1.2
    # Labels van peilingen: onder de peilingrij, afwisselend op twee hoogtes
    p_lines = [wrap_label(r["label"], 14) for r in ps.iter_rows(named=True)]
    p_starts = [(d - x_range[0]).days for d in ps["moment"].to_list()]
    p_levels = assign_levels(p_starts, [width_days(lines) for lines in p_lines], [1, 2, 3], gap=4 * days_per_px)
    p_depth = max(p_levels, default=1)

    fig = go.Figure()
    # Vormen en teksten eerst verzamelen en in één keer zetten: elke fig.add_shape/add_annotation valideert
    # de hele (groeiende) lijst opnieuw, kwadratisch in het aantal peilingen (bench/bench_scale.py).
    shapes: list[dict] = []
    annotations: list[dict] = []
    # as en stelen
    shapes.append(dict(type="line", x0=x_range[0], x1=x_range[1], y0=0, y1=0, line=dict(color="#9e9e9e", width=1.5)))
    for r, lv in zip(ms.iter_rows(named=True), m_levels):
        y_label = lv * 1.0
        shapes.append(dict(type="line", x0=r["moment"], x1=r["moment"], y0=0, y1=y_label, layer="below",
                           line=dict(color=STEM_COLOR, width=1)))
        if r["eind"] != r["start"]:
            shapes.append(dict(type="line", x0=r["start"], x1=r["eind"], y0=0, y1=0,
                               line=dict(color=MILESTONE_COLOR, width=7), opacity=0.35))
    for r, lines, lv in zip(ms.iter_rows(named=True), m_lines, m_levels):
        text = "<br>".join(lines[:-1]) + f"<br><span style='color:#555555;font-size:11px'>{lines[-1]}</span>"
        annotations.append(dict(x=r["moment"], y=lv, text=text, showarrow=False, xanchor="left", xshift=-3,
                                yanchor="bottom" if lv > 0 else "top", align="left",
                                font=dict(size=12, color="#1a1a1a"), bgcolor=LABEL_BG))
    for status, name, symbol in (("gebeurd", t("agenda.mijlpaal_gebeurd"), "circle"),
                                 ("verwacht", t("agenda.mijlpaal_verwacht"), "circle-open")):
        sub = ms.filter(pl.col("status") == status)
        if not sub.height:
            continue
        fig.add_trace(go.Scatter(
            x=sub["moment"].to_list(), y=[0] * sub.height, mode="markers", name=name,
            marker=dict(symbol=symbol, size=12, color=MILESTONE_COLOR, line=dict(color=MILESTONE_COLOR, width=2)),
            customdata=list(zip(sub["datum_tekst"].to_list(), sub["titel"].to_list())),
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        ))
    # peilingen
    if ps.height:
        shapes.append(dict(type="line", x0=x_range[0], x1=x_range[1], y0=peiling_y, y1=peiling_y,
                           line=dict(color="#dddddd", width=1, dash="dot")))
        fig.add_trace(go.Scatter(
            x=ps["moment"].to_list(), y=[peiling_y] * ps.height, mode="markers", name=peiling_name,
            marker=dict(symbol="diamond-open" if illustrative else "diamond", size=12, color=PEILING_COLOR,
                        line=dict(color=PEILING_COLOR, width=2)),
            customdata=list(zip(ps["datum_tekst"].to_list(), ps["label"].to_list())),
            hovertemplate="%{customdata[1]} (%{customdata[0]})" + (t("netwerken.suffix_voorbeeld") if illustrative else "")
            + "<extra></extra>",
        ))
        for r, lines, lv in zip(ps.iter_rows(named=True), p_lines, p_levels):
            annotations.append(dict(x=r["moment"], y=peiling_y - 0.25 - 0.75 * (lv - 1), text="<br>".join(lines),
                               showarrow=False, xanchor="left", xshift=-3, yanchor="top", align="left",
                                    font=dict(size=11, color="#404040"), bgcolor=LABEL_BG))
    if today is not None and x_range[0] <= today <= x_range[1]:
        shapes.append(dict(type="line", x0=today, x1=today, y0=peiling_y - 0.6 - 0.75 * p_depth, y1=top + 0.9, layer="below",
                           line=dict(color=colors.HIGHLIGHT, width=1.5, dash="dash")))
        annotations.append(dict(x=today, y=top + 0.9, text=t("agenda.vandaag"), showarrow=False, yanchor="bottom",
                                font=dict(size=11, color=colors.HIGHLIGHT)))
    y_lo, y_hi = peiling_y - 0.7 - 0.75 * p_depth, top + 1.25
    fig.update_yaxes(range=[y_lo, y_hi], tickvals=[0, peiling_y] if ps.height else [0],
                     ticktext=[t("agenda.mijlpaal"), peiling_name] if ps.height else [t("agenda.mijlpaal")], showgrid=False,
                     zeroline=False, fixedrange=True)
    fig.update_xaxes(range=[x_range[0], x_range[1]], dtick="M12", tickformat="%Y", ticklabelmode="period",
                     showgrid=True, gridcolor=colors.GRID, side="top")
    fig.update_layout(
        height=int(LEVEL_PX * (y_hi - y_lo) + 90), font=FONT, plot_bgcolor="white",
        margin=dict(l=10, r=20, t=30, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.02, xanchor="left", x=0),
        shapes=shapes, annotations=annotations,
    )
    return fig
