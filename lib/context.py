"""Echte CBS-contextcijfers per gemeente en per jeugdregio: aggregeren, laden en valideren.

Twee soorten functies:

- **aggregatie** (puur, gebruikt door de bouwstap `data/build_context.py` en getest in
  `tests/test_context.py`): CBS-cijfers per gemeente → gemeenten op de grenzen van 2024 → jeugdregio's;
- **laden** (`load_context`, puur) met een gecachete toegang (`get_context`, `region_context`) voor de app.

Wat exact is en wat een benadering:

- *inwoners* van een regio: exacte som van de gemeenten.
- *aandeel 0–15 en 15–25 jaar* van een regio: met inwoners gewogen gemiddelde van de gemeentecijfers.
  CBS publiceert die als hele procenten; per gemeente kan de afronding ±0,5 procentpunt zijn.
- *jongeren met jeugdzorg (2022)*: het nieuwste beschikbare jaar. Een regio- of samengevoegd
  gemeentecijfer is gewogen met het aantal **inwoners 2022**, niet met het (niet beschikbare) aantal
  jongeren onder 23 — het echte noemergetal van dit percentage. En de cijfers van 2022 zijn op de
  gemeentegrenzen en de regio-indeling van 2024 gezet.

Gemeenten die tussen 2022 en 2024 veranderden, staan in `data/context/herindeling_2022_2024.csv`
(Weesp → Amsterdam, Brielle + Hellevoetsluis + Westvoorne → Voorne aan Zee, en Dijk en Waard, dat in de
CBS-laag van 2022 al als één gemeente staat). Een gemeente van 2022 die niet in de indeling van 2024
voorkomt en niet in die tabel staat, is een fout: niets wordt stil weggelaten.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import streamlit as st

from lib import schema
from lib.paths import DATA_DIR
from lib.validation import (
    DataValidationError,
    Issue,
    cast_table,
    check_columns,
    check_duplicates,
    check_pattern,
    errors,
    read_csv_strings,
)

CONTEXT_DIR = DATA_DIR / "context"

SOURCE_TEXT = (
    "CBS, Kerncijfers wijken en buurten 2024 (85984NED) en Wijk- en buurtkaart 2022/2024 (via PDOK) — CC BY 4.0"
)
SOURCE_LINE = f"Bron: {SOURCE_TEXT}"

BOUNDARY_YEAR = 2024  # gemeentegrenzen en regio-indeling van de contextbestanden
CARE_YEAR = 2022  # nieuwste jaar met het percentage jongeren met jeugdzorg
YEARS: tuple[int, ...] = (2024, 2022)
YEAR_NOTES: dict[int, str] = {
    2024: "inwoners en leeftijdsaandelen op 1 januari 2024; jeugdzorg 2022",
    2022: "inwoners en leeftijdsaandelen op 1 januari 2022 (op de grenzen van 2024); jeugdzorg 2022",
}

APPROX_REGION = (
    "Benadering: leeftijdsaandelen zijn met inwoners gewogen gemiddelden van hele procenten per gemeente "
    "(afronding tot ±0,5 procentpunt per gemeente); het jeugdzorgpercentage is uit 2022, gewogen met het "
    "aantal inwoners 2022 in plaats van het (niet gepubliceerde) aantal jongeren onder 23, en op de "
    "gemeentegrenzen en regio-indeling van 2024 gezet."
)
APPROX_EXPLANATION = """
**Waarom ‘benadering’?**
- **Inwoners** van een regio zijn een exacte optelling van de gemeenten.
- **Aandeel 0–15 en 15–25 jaar:** CBS publiceert deze aandelen per gemeente als hele procenten. Het
  regiocijfer is het met inwoners gewogen gemiddelde; per gemeente kan de afronding tot 0,5 procentpunt schelen.
- **Jongeren met jeugdzorg:** het nieuwste openbare cijfer per gemeente is van **2022**. Het percentage gaat
  over jongeren onder 23 (jeugdhulp in natura, jeugdbescherming, jeugdreclassering; zonder pgb). Hoeveel
  jongeren onder 23 een gemeente heeft, is niet openbaar beschikbaar; daarom is gewogen met het aantal
  inwoners in 2022. Regio's met relatief veel of weinig jongeren wijken daardoor iets af.
- **Grenzen van 2022 en 2024:** de cijfers van 2022 zijn op de gemeenten en regio's van 2024 gezet.
  Weesp (in 2022 bij Amsterdam gevoegd) telt mee bij Amsterdam en dus bij Amsterdam-Amstelland; Brielle,
  Hellevoetsluis en Westvoorne tellen samen als Voorne aan Zee (2024); Dijk en Waard staat in de CBS-cijfers
  van 2022 al als één gemeente.
"""

# De tabeldefinities staan in het ene schema-module.
from lib.schema import CBS_2022, CBS_2024, GEMEENTE_CONTEXT, HERINDELING, REGIO_CONTEXT  # noqa: E402

PCT_COLUMNS: tuple[str, ...] = ("pct_0_15", "pct_15_25", "pct_jeugdzorg_2022")
OUTPUT_DECIMALS = 2


# --------------------------------------------------------------------------------------------
# Lezen en valideren
# --------------------------------------------------------------------------------------------
def _line(idx: int) -> int:
    return idx + 2  # kopregel = regel 1


def read_typed(raw: bytes, table: schema.Table, file: str) -> tuple[pl.DataFrame | None, list[Issue]]:
    """Lees een CSV volgens `table`: codering, kolommen, typen (ook decimale getallen). Geeft (frame, problemen)."""
    df, issues = read_csv_strings(raw, file)
    if df is None:
        return None, issues
    col_issues = check_columns(df, table, file)
    issues += col_issues
    if errors(col_issues):
        return None, issues
    if df.height == 0:
        return None, issues + [Issue(file, "het bestand bevat alleen een kopregel; verwacht minstens één dataregel")]
    floats = [c.name for c in table.columns if c.dtype == pl.Float64]
    as_text = dataclasses.replace(table, columns=tuple(
        dataclasses.replace(c, dtype=pl.String) if c.name in floats else c for c in table.columns
    ))
    typed, type_issues = cast_table(df, as_text, file)
    issues += type_issues
    for name in floats:
        s = typed[name]
        converted = s.cast(pl.Float64, strict=False)
        bad = converted.is_null() & s.is_not_null()
        issues += [
            Issue(file, "verwacht een getal (met een punt als decimaalteken)", row=_line(i), column=name, value=s[i])
            for i in bad.arg_true().to_list()[:50]
        ]
        typed = typed.with_columns(converted.alias(name))
    return typed, issues


def read_file(path: Path, table: schema.Table) -> tuple[pl.DataFrame | None, list[Issue]]:
    if not path.exists():
        return None, [Issue(path.name, f"bestand ontbreekt (verwacht in {path.parent.name}/)")]
    return read_typed(path.read_bytes(), table, path.name)


def check_range(df: pl.DataFrame, column: str, lo: float, hi: float | None, file: str, what: str) -> list[Issue]:
    s = df[column]
    bad = s < lo if hi is None else (s < lo) | (s > hi)
    rule = f"minstens {lo}" if hi is None else f"tussen {lo} en {hi}"
    return [
        Issue(file, f"{what} moet {rule} zijn", row=_line(i), column=column, value=str(s[i]))
        for i in bad.fill_null(False).arg_true().to_list()[:50]
    ]


def _check_values(df: pl.DataFrame, file: str, code_col: str, code_re: str, code_what: str) -> list[Issue]:
    issues = check_pattern(df, code_col, code_re, file, code_what)
    issues += check_range(df, "inwoners", 1, None, file, "het aantal inwoners")
    for col in PCT_COLUMNS:
        issues += check_range(df, col, 0, 100, file, "een percentage")
    bad_year = ~df["jaar"].is_in(list(YEARS))
    issues += [
        Issue(file, f"onbekend jaar; verwacht een van {', '.join(map(str, YEARS))}", row=_line(i), column="jaar",
              value=str(df["jaar"][i]))
        for i in bad_year.fill_null(False).arg_true().to_list()[:50]
    ]
    return issues


def validate_gemeenten(df: pl.DataFrame, file: str = GEMEENTE_CONTEXT.file) -> list[Issue]:
    issues = _check_values(df, file, "gemeente_code", schema.GEMEENTE_CODE_RE.pattern, "gemeentecode (verwacht GMxxxx)")
    issues += check_pattern(df, "regio_code", schema.REGION_CODE_RE.pattern, file, "regiocode (verwacht JZxx)")
    issues += check_duplicates(df, GEMEENTE_CONTEXT.key, file)
    # Elke gemeente hoort voor elk jaar een regel te hebben (niets stil weggelaten).
    for (indeling,), sub in df.group_by(["indeling_jaar"]):
        sets = {y: set(sub.filter(pl.col("jaar") == y)["gemeente_code"].to_list()) for y in YEARS}
        for y in YEARS:
            other = set().union(*(s for yy, s in sets.items() if yy != y))
            missing = sorted(other - sets[y])
            if missing:
                issues.append(Issue(file, f"indeling {indeling}: {len(missing)} gemeente(n) zonder regel voor jaar {y}: "
                                    + ", ".join(missing[:10]), column="jaar", value=str(y)))
    return issues


def validate_regios(df: pl.DataFrame, gemeenten: pl.DataFrame | None = None,
                    file: str = REGIO_CONTEXT.file) -> list[Issue]:
    issues = _check_values(df, file, "regio_code", schema.REGION_CODE_RE.pattern, "regiocode (verwacht JZxx)")
    issues += check_range(df, "aantal_gemeenten", 1, None, file, "het aantal gemeenten")
    issues += check_duplicates(df, REGIO_CONTEXT.key, file)
    if gemeenten is None:
        return issues
    # Samenhang: inwoners en aantal gemeenten van elke regio = de som van haar gemeenten.
    keys = ["indeling_jaar", "jaar", "regio_code"]
    sums = gemeenten.group_by(keys).agg(pl.col("inwoners").sum().alias("_som"), pl.len().alias("_n"))
    check = df.with_row_index("_i").join(sums, on=keys, how="left")
    for row in check.iter_rows(named=True):
        if row["_som"] is None:
            issues.append(Issue(file, f"regio heeft geen gemeenten in {GEMEENTE_CONTEXT.file} (jaar {row['jaar']})",
                                row=_line(row["_i"]), column="regio_code", value=row["regio_code"]))
            continue
        if row["inwoners"] != row["_som"]:
            issues.append(Issue(file, f"inwoners wijken af van de som van de gemeenten ({row['_som']})",
                                row=_line(row["_i"]), column="inwoners", value=str(row["inwoners"])))
        if row["aantal_gemeenten"] != row["_n"]:
            issues.append(Issue(file, f"aantal gemeenten wijkt af van {GEMEENTE_CONTEXT.file} ({row['_n']})",
                                row=_line(row["_i"]), column="aantal_gemeenten", value=str(row["aantal_gemeenten"])))
    return issues


@dataclass(frozen=True)
class ContextData:
    gemeenten: pl.DataFrame  # GEMEENTE_CONTEXT
    regios: pl.DataFrame  # REGIO_CONTEXT


def load_context(context_dir: Path = CONTEXT_DIR) -> ContextData:
    """Lees en valideer de twee contextbestanden. Bij fouten: DataValidationError met álle problemen."""
    context_dir = Path(context_dir)
    gem, issues = read_file(context_dir / GEMEENTE_CONTEXT.file, GEMEENTE_CONTEXT)
    reg, r_issues = read_file(context_dir / REGIO_CONTEXT.file, REGIO_CONTEXT)
    issues += r_issues
    if gem is not None and not errors(issues):
        issues += validate_gemeenten(gem)
    if reg is not None and not errors(issues):
        issues += validate_regios(reg, gem)
    if errors(issues) or gem is None or reg is None:
        raise DataValidationError(issues)
    return ContextData(gemeenten=gem.sort("indeling_jaar", "jaar", "gemeente_code"),
                       regios=reg.sort("indeling_jaar", "jaar", "regio_code"))


def context_version(context_dir: Path = CONTEXT_DIR) -> str:
    parts = []
    for p in sorted(Path(context_dir).glob("*.csv")):
        stat = p.stat()
        parts.append(f"{p.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached(context_dir: str, version: str) -> ContextData:  # noqa: ARG001 - version is de cachesleutel
    return load_context(Path(context_dir))


def get_context(context_dir: Path = CONTEXT_DIR) -> ContextData:
    """Gecachete toegang (gedeeld door alle sessies; opnieuw geladen als een bestand verandert)."""
    return _cached(str(context_dir), context_version(context_dir))


def region_context(year: int = BOUNDARY_YEAR, context_dir: Path = CONTEXT_DIR) -> pl.DataFrame:
    """Contextcijfers per jeugdregio voor `year` (2024 of 2022), indeling 2024.

    Kolommen: regio_code, regio_naam, jaar, inwoners, aantal_gemeenten, pct_0_15, pct_15_25,
    pct_jeugdzorg_2022, herindeling, benadering, toelichting, bron. Raises DataValidationError.
    """
    regios = get_context(context_dir).regios
    return regios.filter(pl.col("jaar") == year).select(
        "regio_code", "regio_naam", "jaar", "inwoners", "aantal_gemeenten", *PCT_COLUMNS,
        "herindeling", "benadering", "toelichting", "bron",
    )


def gemeente_context(year: int = BOUNDARY_YEAR, context_dir: Path = CONTEXT_DIR) -> pl.DataFrame:
    """Contextcijfers per gemeente (grenzen 2024) voor `year` (2024 of 2022)."""
    return get_context(context_dir).gemeenten.filter(pl.col("jaar") == year).drop("indeling_jaar")


def issues_table(issues: list[Issue]) -> pl.DataFrame:
    return pl.DataFrame({
        "bestand": [i.file for i in issues],
        "regel": [i.row for i in issues],
        "kolom": [i.column or "" for i in issues],
        "probleem": [i.message for i in issues],
        "gevonden": [i.value or "" for i in issues],
    }, schema={"bestand": pl.String, "regel": pl.Int64, "kolom": pl.String, "probleem": pl.String,
               "gevonden": pl.String})


# --------------------------------------------------------------------------------------------
# Aggregatie (puur)
# --------------------------------------------------------------------------------------------
def weighted_mean(value: str, weight: str = "inwoners") -> pl.Expr:
    """Σ(waarde × gewicht) / Σ gewicht, over de rijen met een waarde."""
    w = pl.when(pl.col(value).is_not_null()).then(pl.col(weight))
    return ((pl.col(value) * pl.col(weight)).sum() / w.sum()).alias(value)


def _combine(value: str) -> pl.Expr:
    """Eén bron: de gepubliceerde waarde ongewijzigd; meerdere: met inwoners gewogen."""
    return pl.when(pl.len() == 1).then(pl.col(value).first().cast(pl.Float64)).otherwise(weighted_mean(value))


def gemeenten_on_boundaries(cbs_2024: pl.DataFrame, cbs_2022: pl.DataFrame, membership: pl.DataFrame,
                            herindeling: pl.DataFrame, indeling_jaar: int = BOUNDARY_YEAR) -> pl.DataFrame:
    """Gemeentecijfers op de grenzen van `indeling_jaar`: één regel per gemeente per jaar (2024 en 2022).

    2022 → 2024: codes uit `herindeling` worden omgezet; de rest blijft. Per gemeente van 2024 worden de
    regels van 2022 samengevoegd: inwoners opgeteld, percentages gewogen met inwoners 2022 (benadering als
    er meer dan één gemeente van 2022 in opgaat). Een gemeente die nergens heen kan of geen cijfers heeft,
    geeft een DataValidationError: er valt niets stil weg. Percentages zijn niet afgerond.
    """
    m = membership.filter(pl.col("jaar") == indeling_jaar).select("gemeente_code", "gemeente_naam", "regio_code")
    names = dict(zip(m["gemeente_code"], m["gemeente_naam"]))
    codes = set(names)
    f24, f22, fh = CBS_2024.file, CBS_2022.file, HERINDELING.file
    issues: list[Issue] = []
    got_24 = set(cbs_2024["gemeente_code"].to_list())
    issues += [Issue(f24, f"gemeente {c} ({names[c]}) uit de indeling {indeling_jaar} ontbreekt", column="gemeente_code",
                     value=c) for c in sorted(codes - got_24)]
    issues += [Issue(f24, f"gemeente staat niet in de indeling {indeling_jaar}", row=_line(i), column="gemeente_code",
                     value=c) for i, c in enumerate(cbs_2024["gemeente_code"]) if c not in codes]
    issues += [Issue(fh, f"gemeente van 2024 bestaat niet in de indeling {indeling_jaar}", row=_line(i),
                     column="gemeente_code_2024", value=c)
               for i, c in enumerate(herindeling["gemeente_code_2024"]) if c not in codes]
    remap = dict(zip(herindeling["gemeente_code_2022"], herindeling["gemeente_code_2024"]))
    k22 = cbs_2022.with_columns(pl.col("gemeente_code").replace(remap).alias("code_doel"))
    issues += [
        Issue(f22, f"gemeente {c} ({n}) van 2022 komt niet voor in de indeling {indeling_jaar} en staat niet in {fh}; "
              "voeg haar daar toe (met de gemeente waarin ze opging)", row=_line(i), column="gemeente_code", value=c)
        for i, (c, n, d) in enumerate(zip(k22["gemeente_code"], k22["gemeente_naam"], k22["code_doel"]))
        if d not in codes
    ]
    covered = set(k22["code_doel"].to_list())
    issues += [Issue(f22, f"gemeente {c} ({names[c]}) van {indeling_jaar} heeft geen cijfers voor 2022; "
                     f"vul {fh} aan met de gemeenten van 2022 waaruit ze ontstond", column="gemeente_code", value=c)
               for c in sorted(codes - covered)]
    if errors(issues):
        raise DataValidationError(issues)

    notes = herindeling.group_by("gemeente_code_2024").agg(
        pl.col("toelichting").unique(maintain_order=True).str.join(" ").alias("herindeling")
    ).rename({"gemeente_code_2024": "gemeente_code"})
    y22 = (
        k22.group_by("code_doel")
        .agg(
            pl.col("inwoners").sum(),
            _combine("percentage_inwoners_0_15").alias("pct_0_15"),
            _combine("percentage_inwoners_15_25").alias("pct_15_25"),
            _combine("percentage_jongeren_met_jeugdzorg").alias("pct_jeugdzorg_2022"),
            pl.col("gemeente_code").sort().str.join(";").alias("gemeente_codes_2022"),
            pl.col("gemeente_naam").sort_by("gemeente_code").str.join(", ").alias("_namen_2022"),
            (pl.len() > 1).alias("benadering"),
        )
        .rename({"code_doel": "gemeente_code"})
    )
    base = m.join(notes, on="gemeente_code", how="left")
    rows_2022 = base.join(y22, on="gemeente_code").with_columns(
        pl.lit(2022, pl.Int16).alias("jaar"),
        pl.when(pl.col("benadering")).then(
            pl.lit("Cijfers 2022 van ") + pl.col("_namen_2022")
            + pl.lit(" samengevoegd: inwoners opgeteld, percentages gewogen met inwoners 2022 (benadering).")
        ).alias("toelichting"),
    )
    care = y22.select("gemeente_code", "pct_jeugdzorg_2022", "gemeente_codes_2022", "_namen_2022", "benadering")
    rows_2024 = base.join(
        cbs_2024.select(
            "gemeente_code", "inwoners",
            pl.col("percentage_inwoners_0_15").cast(pl.Float64).alias("pct_0_15"),
            pl.col("percentage_inwoners_15_25").cast(pl.Float64).alias("pct_15_25"),
        ),
        on="gemeente_code",
    ).join(care, on="gemeente_code").with_columns(
        pl.lit(2024, pl.Int16).alias("jaar"),
        pl.when(pl.col("benadering")).then(
            pl.lit("Jeugdzorg 2022 van ") + pl.col("_namen_2022")
            + pl.lit(" gewogen met inwoners 2022 (benadering: het echte aandeel hangt af van het aantal "
                     "jongeren onder 23 per gemeente).")
        ).alias("toelichting"),
    )
    cols = GEMEENTE_CONTEXT.column_names
    return (
        pl.concat([rows_2024, rows_2022], how="diagonal_relaxed")
        .with_columns(
            pl.lit(indeling_jaar, pl.Int16).alias("indeling_jaar"),
            pl.col("inwoners").cast(pl.Int64),
            pl.lit(SOURCE_LINE).alias("bron"),
        )
        .select(cols)
        .sort("indeling_jaar", pl.col("jaar"), "gemeente_code", descending=[False, True, False])
    )


def aggregate_regions(gemeenten: pl.DataFrame, regions: pl.DataFrame | None = None) -> pl.DataFrame:
    """Per jeugdregio en jaar: inwoners (exacte som), aantal gemeenten, leeftijdsaandelen gewogen met de
    inwoners van dat jaar, jeugdzorg 2022 gewogen met de inwoners van 2022. Alles gemarkeerd als benadering.

    `gemeenten` heeft de vorm van GEMEENTE_CONTEXT (beide jaren); `regions` (data/regions.csv) levert de namen.
    """
    keys = ["indeling_jaar", "jaar", "regio_code"]
    base = gemeenten.group_by(keys).agg(
        pl.col("inwoners").sum().cast(pl.Int64),
        pl.len().cast(pl.Int16).alias("aantal_gemeenten"),
        weighted_mean("pct_0_15"),
        weighted_mean("pct_15_25"),
        pl.col("herindeling").drop_nulls().sort().str.join(" ").alias("herindeling"),
    ).with_columns(pl.when(pl.col("herindeling") != "").then(pl.col("herindeling")).alias("herindeling"))
    care = (
        gemeenten.filter(pl.col("jaar") == CARE_YEAR)
        .group_by("indeling_jaar", "regio_code")
        .agg(weighted_mean("pct_jeugdzorg_2022"))
    )
    out = base.join(care, on=["indeling_jaar", "regio_code"], how="left").with_columns(
        pl.lit(True).alias("benadering"),
        pl.lit(APPROX_REGION).alias("toelichting"),
        pl.lit(SOURCE_LINE).alias("bron"),
    )
    if regions is not None:
        out = out.join(
            regions.select(pl.col("jaar").cast(pl.Int16).alias("indeling_jaar"), "regio_code", "regio_naam"),
            on=["indeling_jaar", "regio_code"], how="left",
        )
    else:
        out = out.with_columns(pl.col("regio_code").alias("regio_naam"))
    return out.select(REGIO_CONTEXT.column_names).sort(
        "indeling_jaar", "jaar", "regio_code", descending=[False, True, False]
    )


def round_output(df: pl.DataFrame, decimals: int = OUTPUT_DECIMALS) -> pl.DataFrame:
    """Percentages afronden voor het bestand (de aggregatie zelf rekent onafgerond)."""
    return df.with_columns(pl.col(c).round(decimals) for c in PCT_COLUMNS if c in df.columns)


def national_context(gemeenten: pl.DataFrame, year: int = BOUNDARY_YEAR) -> dict[str, float | int]:
    """Landelijke totalen uit de gemeenteregels: inwoners (som) en gewogen percentages."""
    g = gemeenten.filter(pl.col("jaar") == year)
    care = gemeenten.filter(pl.col("jaar") == CARE_YEAR)
    row = g.select(pl.col("inwoners").sum(), weighted_mean("pct_0_15"), weighted_mean("pct_15_25")).row(0, named=True)
    row["pct_jeugdzorg_2022"] = care.select(weighted_mean("pct_jeugdzorg_2022")).item() if care.height else None
    row["aantal_gemeenten"] = g.height
    return row


# --------------------------------------------------------------------------------------------
# Voortgang naast context (voor de pagina 'Voortgang en context')
# --------------------------------------------------------------------------------------------
def region_progress(assessments: pl.DataFrame) -> pl.DataFrame:
    """Gemiddelde status (0–4) per regio over de bekende waarden; onbekend en n.v.t. tellen niet mee."""
    return (
        assessments.group_by("regio_code")
        .agg(
            pl.col("status_waarde").cast(pl.Float64).mean().alias("gemiddelde"),
            pl.col("status_waarde").is_not_null().sum().cast(pl.UInt32).alias("aantal_bekend"),
            pl.col("status_waarde").is_null().sum().cast(pl.UInt32).alias("aantal_onbekend"),
        )
        .sort("regio_code")
    )


def progress_with_context(progress: pl.DataFrame, regios: pl.DataFrame) -> pl.DataFrame:
    """Voortgang per regio naast de contextcijfers van één jaar (inner join op regio_code)."""
    return progress.join(
        regios.select("regio_code", "regio_naam", "inwoners", "pct_jeugdzorg_2022"), on="regio_code", how="inner"
    ).select("regio_code", "regio_naam", "gemiddelde", "aantal_bekend", "aantal_onbekend", "pct_jeugdzorg_2022",
             "inwoners").sort("regio_code")


def display_table(regios: pl.DataFrame, region_codes: list[str] | None = None) -> pl.DataFrame:
    """Tabel met Nederlandse kolomnamen voor scherm en download (één jaar)."""
    df = regios if region_codes is None else regios.filter(pl.col("regio_code").is_in(region_codes))
    year = df["jaar"].first() if df.height else BOUNDARY_YEAR
    return df.sort("regio_code").select(
        pl.col("regio_code").alias("Code"),
        pl.col("regio_naam").alias("Jeugdregio"),
        pl.col("inwoners").alias(f"Inwoners (1-1-{year})"),
        pl.col("aantal_gemeenten").alias("Gemeenten"),
        pl.col("pct_0_15").round(1).alias(f"0–15 jaar {year} (%)"),
        pl.col("pct_15_25").round(1).alias(f"15–25 jaar {year} (%)"),
        pl.col("pct_jeugdzorg_2022").round(1).alias("Jongeren met jeugdzorg 2022 (%)"),
        pl.col("herindeling").fill_null("").alias("Herindeling 2022→2024"),
        pl.when(pl.col("benadering")).then(pl.lit("ja")).otherwise(pl.lit("nee")).alias("Benadering"),
    )


def scatter_export_table(combined: pl.DataFrame) -> pl.DataFrame:
    return combined.select(
        pl.col("regio_code").alias("Code"),
        pl.col("regio_naam").alias("Jeugdregio"),
        pl.col("gemiddelde").round(2).alias("Gemiddelde voortgang 0-4 (voorbeelddata)"),
        pl.col("aantal_bekend").alias("Thema's met bekende status"),
        pl.col("aantal_onbekend").alias("Thema's onbekend of n.v.t."),
        pl.col("pct_jeugdzorg_2022").round(1).alias("Jongeren met jeugdzorg 2022 (%, CBS)"),
    )


def region_facts(regio: str, year: int = BOUNDARY_YEAR) -> dict | None:
    """Eén regio: inwoners en aandelen van `year`, jeugdzorg 2022. None als de contextbestanden ontbreken
    of niet kloppen (het regioprofiel toont dan gewoon geen contextcijfers)."""
    try:
        now = region_context(year).filter(pl.col("regio_code") == regio)
        jz = region_context(2022).filter(pl.col("regio_code") == regio)
    except DataValidationError:
        return None
    if now.height != 1 or jz.height != 1:
        return None
    row = now.row(0, named=True)
    row["pct_jeugdzorg_2022"] = jz["pct_jeugdzorg_2022"].item()
    return row
