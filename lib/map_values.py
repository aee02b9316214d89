"""Pure transformaties voor de kaart: één waarde per regio voor elk van de vier kleuringen.

Elke functie geeft een frame met precies één rij per regio van de indeling (ook regio's zonder data):

    regio_code (str) · waarde (Float64, null = onbekend) · klasse (str, sleutel in de kleurschaal) ·
    tekst (str, Nederlands, voor tooltip en zijpaneel) · in_filter (bool)

Onbekend is nooit nul: een regio zonder bekende status krijgt klasse 'onbekend' en waarde null, en
telt in geen enkel gemiddelde mee. Geen st.* hier.
"""

from __future__ import annotations

import polars as pl

from lib import colors, schema
from lib.i18n import change_label, current_lang, t
from lib.loaders import Dataset
from lib.transforms import Filters, previous_peiling, regions_in_province

METRIC_STATUS = "status"
METRIC_PROGRESS = "voortgang"
METRIC_CHANGE = "verandering"
METRIC_NEEDS = "behoeften"
METRICS: tuple[str, ...] = (METRIC_STATUS, METRIC_PROGRESS, METRIC_CHANGE, METRIC_NEEDS)
METRIC_LABELS: dict[str, str] = {
    METRIC_STATUS: "Status van een thema",
    METRIC_PROGRESS: "Gemiddelde voortgang",
    METRIC_CHANGE: "Verandering sinds de vorige peiling",
    METRIC_NEEDS: "Aantal ondersteuningsbehoeften",
}


def metric_labels() -> dict[str, str]:
    """METRIC_LABELS in de huidige taal."""
    return {m: t(f"kaart.kleuring_{m}") for m in METRIC_LABELS}
#: Klassen van het aantal ondersteuningsbehoeften (de laatste is 'of meer').
NEED_CLASSES: tuple[str, ...] = ("0", "1", "2", "3", "4", "5+")
UNKNOWN = schema.STATUS_UNKNOWN
OUT_OF_FILTER = "buiten_filter"

VALUE_SCHEMA = {"regio_code": pl.String, "waarde": pl.Float64, "klasse": pl.String, "tekst": pl.String,
                "in_filter": pl.Boolean}


def fmt_number(x: float, decimals: int = 1, sign: bool = False) -> str:
    """Getal met decimale komma (Nederlands)."""
    s = f"{x:+.{decimals}f}" if sign else f"{x:.{decimals}f}"
    return s.replace(".", ",") if current_lang() == "nl" else s


def _frame(regions: list[str], df: pl.DataFrame, in_filter: list[str] | None, unknown_text: str) -> pl.DataFrame:
    """Elke regio precies één keer; ontbrekend → onbekend; regio's buiten het filter gemarkeerd."""
    base = pl.DataFrame({"regio_code": regions}, schema={"regio_code": pl.String})
    out = base.join(df.select("regio_code", "waarde", "klasse", "tekst"), on="regio_code", how="left")
    keep = set(regions if in_filter is None else in_filter)
    return out.with_columns(
        pl.col("waarde").cast(pl.Float64),
        pl.col("klasse").fill_null(UNKNOWN),
        pl.col("tekst").fill_null(unknown_text),
        pl.col("regio_code").is_in(list(keep)).alias("in_filter"),
    ).select(list(VALUE_SCHEMA))


def status_values(assessments: pl.DataFrame, regions: list[str], peiling: str, thema: str,
                  vocab: schema.Vocabulary, in_filter: list[str] | None = None) -> pl.DataFrame:
    """Status van één thema per regio: klasse = statuscode (0–4, onbekend, nvt)."""
    df = assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("thema_code").cast(pl.String) == thema))
    df = df.select(
        "regio_code",
        pl.col("status_waarde").cast(pl.Float64).alias("waarde"),
        pl.col("status").cast(pl.String).alias("klasse"),
        pl.col("status").cast(pl.String).replace_strict(vocab.status_labels, default=t("kaart.onbekend")).alias("tekst"),
    )
    return _frame(regions, df, in_filter, vocab.status_labels.get(UNKNOWN, t("kaart.onbekend")))


def _mean_per_region(assessments: pl.DataFrame, peiling: str) -> pl.DataFrame:
    return (
        assessments.filter(pl.col("peiling_id") == peiling)
        .group_by("regio_code")
        .agg(
            pl.col("status_waarde").cast(pl.Float64).mean().alias("waarde"),
            pl.col("status_waarde").is_not_null().sum().alias("bekend"),
            pl.len().alias("themas"),
        )
    )


def progress_values(assessments: pl.DataFrame, regions: list[str], peiling: str,
                    in_filter: list[str] | None = None) -> pl.DataFrame:
    """Gemiddelde status (0–4) over alle thema's met een bekende status; klasse 'waarde' of 'onbekend'."""
    m = _mean_per_region(assessments, peiling)
    rows = []
    for r in m.iter_rows(named=True):
        if r["waarde"] is None:
            rows.append((r["regio_code"], None, UNKNOWN, t("kaart.onbekend_geen_thema")))
        else:
            rows.append((r["regio_code"], r["waarde"], "waarde",
                         t("kaart.voortgang_tekst", waarde=fmt_number(r["waarde"]), bekend=r["bekend"],
                           themas=r["themas"])))
    df = pl.DataFrame(rows, schema=["regio_code", "waarde", "klasse", "tekst"], orient="row")
    return _frame(regions, df, in_filter, t("kaart.onbekend_geen_beoordelingen"))


def change_class(delta: float | None) -> str:
    if delta is None:
        return UNKNOWN
    if delta > 1e-9:
        return "verbeterd"
    if delta < -1e-9:
        return "verslechterd"
    return "gelijk"


def change_values(assessments: pl.DataFrame, regions: list[str], peiling: str, previous: str | None,
                  thema: str | None, vocab: schema.Vocabulary, in_filter: list[str] | None = None) -> pl.DataFrame:
    """Verandering sinds de vorige peiling.

    Met een thema: het verschil in status van dat thema. Zonder thema: het gemiddelde verschil over de
    thema's die in béide peilingen een bekende status hebben (gepaard, dus een thema dat van onbekend
    naar bekend gaat verschuift het gemiddelde niet). Klasse: verbeterd / gelijk / verslechterd / onbekend.
    """
    if previous is None:
        return _frame(regions, pl.DataFrame(schema={"regio_code": pl.String, "waarde": pl.Float64,
                                                    "klasse": pl.String, "tekst": pl.String}),
                      in_filter, t("kaart.onbekend_eerste"))
    a = assessments.with_columns(pl.col("thema_code").cast(pl.String))
    if thema:
        a = a.filter(pl.col("thema_code") == thema)
    now = a.filter(pl.col("peiling_id") == peiling).select("regio_code", "thema_code", "status", "status_waarde")
    before = a.filter(pl.col("peiling_id") == previous).select(
        "regio_code", "thema_code", pl.col("status").alias("status_vorig"), pl.col("status_waarde").alias("vorig"))
    paired = now.join(before, on=["regio_code", "thema_code"], how="inner")
    agg = paired.group_by("regio_code").agg(
        (pl.col("status_waarde").cast(pl.Float64) - pl.col("vorig").cast(pl.Float64)).mean().alias("waarde"),
        (pl.col("status_waarde").is_not_null() & pl.col("vorig").is_not_null()).sum().alias("paren"),
        pl.col("status").cast(pl.String).first().alias("nu"),
        pl.col("status_vorig").cast(pl.String).first().alias("toen"),
    )
    rows = []
    for r in agg.iter_rows(named=True):
        klasse = change_class(r["waarde"])
        if thema:
            arrow = f"{vocab.status_labels.get(r['toen'], r['toen'])} → {vocab.status_labels.get(r['nu'], r['nu'])}"
            tekst = arrow if klasse == UNKNOWN else f"{arrow} ({change_label(klasse).lower()})"
        elif r["waarde"] is None:
            tekst = t("kaart.onbekend_beide")
        else:
            tekst = t("kaart.verandering_tekst", waarde=fmt_number(r["waarde"], 2, sign=True), paren=r["paren"],
                      klasse=change_label(klasse).lower())
        rows.append((r["regio_code"], r["waarde"], klasse, tekst))
    df = pl.DataFrame(rows, schema=["regio_code", "waarde", "klasse", "tekst"], orient="row")
    return _frame(regions, df, in_filter, t("kaart.onbekend_niet_beide"))


def need_class(n: int) -> str:
    return NEED_CLASSES[-1] if n >= len(NEED_CLASSES) - 1 else str(n)


def needs_values(needs: pl.DataFrame, assessments: pl.DataFrame, regions: list[str], peiling: str,
                 thema: str | None = None, in_filter: list[str] | None = None) -> pl.DataFrame:
    """Aantal ondersteuningsbehoeften per regio (optioneel van één thema).

    Een regio die in de peiling beoordeeld is maar geen behoefte noemt, heeft er echt 0; een regio die
    niet in de peiling voorkomt is onbekend."""
    n = needs.filter(pl.col("peiling_id") == peiling)
    if thema:
        n = n.filter(pl.col("thema_code").cast(pl.String) == thema)
    counts = dict(n.group_by("regio_code").len().iter_rows())
    took_part = set(assessments.filter(pl.col("peiling_id") == peiling)["regio_code"].to_list()) | set(counts)
    rows = []
    for code in sorted(took_part):
        c = int(counts.get(code, 0))
        rows.append((code, float(c), need_class(c), t("kaart.behoefte_1" if c == 1 else "kaart.behoeften_n", n=c)))
    df = pl.DataFrame(rows, schema=["regio_code", "waarde", "klasse", "tekst"], orient="row")
    return _frame(regions, df, in_filter, t("kaart.onbekend_niet_in_peiling"))


def indeling_jaar(ds: Dataset, peiling: str) -> int:
    """Het jaar van de regio-indeling waarop de peiling is gebaseerd (bepaalt welke grenzen de kaart toont)."""
    return int(ds.peilingen.filter(pl.col("peiling_id") == peiling)["indeling_jaar"].item())


def default_metric(f: Filters) -> str:
    """Met een gekozen thema kleurt de kaart standaard naar de status van dat thema."""
    return METRIC_STATUS if f.thema else METRIC_PROGRESS


def region_values(ds: Dataset, f: Filters, metric: str, thema: str | None = None) -> pl.DataFrame:
    """De waarde per regio voor de gekozen kleuring, met de globale filters toegepast.

    `thema` is het thema voor de statuskleuring (verplicht bij METRIC_STATUS); bij de andere kleuringen
    beperkt het de verandering en de behoeften tot dat thema. Regio's buiten de provinciefilter (en bij
    de statuskleuring: met een status buiten de statusfilter) krijgen in_filter = False."""
    regions = ds.regions_for(f.peiling)["regio_code"].to_list()
    keep = regions_in_province(ds, f.peiling, f.provincie)
    if metric == METRIC_STATUS:
        if not thema:
            raise ValueError("de statuskleuring vraagt een thema")
        out = status_values(ds.assessments, regions, f.peiling, thema, ds.vocab, keep)
        if f.statussen:
            out = out.with_columns(pl.col("in_filter") & pl.col("klasse").is_in(list(f.statussen)))
        return out
    if metric == METRIC_PROGRESS:
        return progress_values(ds.assessments, regions, f.peiling, keep)
    if metric == METRIC_CHANGE:
        return change_values(ds.assessments, regions, f.peiling, previous_peiling(ds, f.peiling), thema,
                             ds.vocab, keep)
    if metric == METRIC_NEEDS:
        return needs_values(ds.needs, ds.assessments, regions, f.peiling, thema, keep)
    raise ValueError(f"onbekende kleuring: {metric}")


# --------------------------------------------------------------------------------------------
# Zijpaneel en gemeente zoeken
# --------------------------------------------------------------------------------------------
#: Namen die mensen typen maar die niet in de CBS-naam staan.
GEMEENTE_ALIASES: dict[str, str] = {"GM0518": "Den Haag", "GM0796": "Den Bosch"}


def gemeente_options(ds: Dataset, peiling: str) -> pl.DataFrame:
    """Gemeenten van de indeling van de peiling: gemeente_code, label (met bekende bijnaam), regio_code;
    gesorteerd op naam zonder het voorvoegsel 's-."""
    year = indeling_jaar(ds, peiling)
    m = ds.membership.filter(pl.col("jaar") == year)
    return (
        m.select(
            "gemeente_code",
            # geen map_elements (GIL in Polars' threadpool, zie lib/export.py): bijnamen via replace
            (pl.col("gemeente_naam") + pl.col("gemeente_code").replace_strict(
                {code: f" ({alias})" for code, alias in GEMEENTE_ALIASES.items()}, default="",
                return_dtype=pl.String,
            )).alias("label"),
            "regio_code",
        )
        .with_columns(pl.col("label").str.replace(r"^'s-", "").str.to_lowercase().alias("_sort"))
        .sort("_sort")
        .drop("_sort")
    )


def region_summary(ds: Dataset, peiling: str, code: str) -> dict:
    """Kerncijfers van één regio in één peiling (onbekend telt nergens als nul)."""
    reg = ds.regions_for(peiling).filter(pl.col("regio_code") == code)
    if reg.height == 0:
        raise KeyError(code)
    row = reg.row(0, named=True)
    year = indeling_jaar(ds, peiling)
    gemeenten = ds.membership.filter((pl.col("jaar") == year) & (pl.col("regio_code") == code))
    a = ds.assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == code))
    known = a["status_waarde"].drop_nulls()
    return {
        "regio_code": code,
        "regio_naam": row["regio_naam"],
        "provincie_naam": row["provincie_naam"],
        "aantal_gemeenten": int(row["aantal_gemeenten"]),
        "gemeenten": sorted(gemeenten["gemeente_naam"].to_list(), key=lambda s: s.removeprefix("'s-").lower()),
        "themas": a.height,
        "bekend": known.len(),
        "onbekend": a.height - known.len(),
        "gemiddelde": float(known.mean()) if known.len() else None,
        "in_uitvoering_of_verder": int((known >= 3).sum()),
        "behoeften": ds.needs.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == code)).height,
    }
