"""Validatie van databestanden met Nederlandse meldingen die bestand, regel en kolom noemen.

Alle controles verzamelen hun problemen in een lijst (niet alleen het eerste), zodat een analist in één
keer ziet wat er mis is. Regelnummers zijn die van het bestand zoals een spreadsheet ze toont: de
kopregel is regel 1, de eerste dataregel regel 2.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Iterable

import polars as pl

from lib import schema

MAX_ISSUES = 200


@dataclass(frozen=True)
class Issue:
    file: str
    message: str
    row: int | None = None  # regelnummer in het bestand (kopregel = 1)
    column: str | None = None
    value: str | None = None
    severity: str = "fout"  # "fout" of "waarschuwing"

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"regel {self.row}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        prefix = ", ".join(where)
        found = f" (gevonden: '{self.value}')" if self.value is not None else ""
        return f"{prefix}: {self.message}{found}"


class DataValidationError(Exception):
    """Eén of meer fouten in de data; `issues` bevat ze allemaal."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        errors = [i for i in issues if i.severity == "fout"]
        super().__init__(f"{len(errors)} fout(en) in de data: " + "; ".join(str(i) for i in errors[:5]))


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "fout"]


def _line(idx: int) -> int:
    return idx + 2


def _preview(value: object, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Lezen: codering en kolommen
# --------------------------------------------------------------------------------------------
def decode_text(raw: bytes, file: str) -> tuple[str | None, list[Issue]]:
    """UTF-8 (met of zonder BOM). Andere codering → duidelijke melding met de plek van de eerste fout."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Issue(
                file,
                "het bestand is geen geldige UTF-8-tekst; sla het op als 'CSV UTF-8' "
                f"(ongeldige byte 0x{raw[exc.start]:02x} op positie {exc.start})",
                row=line,
            )
        ]


def read_csv_strings(raw: bytes, file: str, separator: str = ",") -> tuple[pl.DataFrame | None, list[Issue]]:
    """Lees een CSV met alle kolommen als tekst. Geeft (frame, problemen)."""
    text, issues = decode_text(raw, file)
    if text is None:
        return None, issues
    if not text.strip():
        return None, [Issue(file, "het bestand is leeg; verwacht een kopregel en minstens één dataregel")]
    try:
        df = pl.read_csv(
            io.StringIO(text),
            separator=separator,
            infer_schema=False,
        )
    except pl.exceptions.PolarsError as exc:
        msg = str(exc).splitlines()[0]
        return None, [Issue(file, f"het bestand is geen leesbare CSV met scheidingsteken '{separator}': {msg}")]
    stripped = [c.strip() for c in df.columns]
    dupes = sorted({c for c in stripped if stripped.count(c) > 1})
    if dupes:
        return None, [Issue(file, "de kopregel noemt dezelfde kolom meer dan één keer (spaties tellen niet mee); "
                                  "laat er één over", row=1, column=dupes[0] or "(kolom zonder naam)")]
    df = df.rename(dict(zip(df.columns, stripped)))
    return df, []


def check_columns(df: pl.DataFrame, table: schema.Table, file: str) -> list[Issue]:
    issues = []
    expected = table.column_names
    for col in table.required_names:
        if col not in df.columns:
            issues.append(
                Issue(file, f"verplichte kolom '{col}' ontbreekt; verwacht de kolommen: {', '.join(expected)}",
                      column=col)
            )
    for col in df.columns:
        if col not in expected:
            issues.append(
                Issue(file, f"onbekende kolom '{col}'; toegestaan zijn: {', '.join(expected)}", column=col)
            )
    return issues


# --------------------------------------------------------------------------------------------
# Typen
# --------------------------------------------------------------------------------------------
_TRUE = {"true", "waar", "ja", "1"}
_FALSE = {"false", "onwaar", "nee", "0"}


def cast_table(df: pl.DataFrame, table: schema.Table, file: str) -> tuple[pl.DataFrame, list[Issue]]:
    """Zet tekstkolommen om naar de schema-typen. Elke cel die niet past, wordt gemeld."""
    issues: list[Issue] = []
    out = {}
    for col in table.columns:
        if col.name not in df.columns:
            out[col.name] = pl.Series(col.name, [None] * df.height, dtype=col.dtype)
            continue
        s = df[col.name].str.strip_chars()
        empty = s.is_null() | (s == "")
        if col.required and col.dtype != pl.String:
            for idx in empty.arg_true().to_list()[:MAX_ISSUES]:
                issues.append(Issue(file, "lege cel; deze kolom is verplicht", row=_line(idx), column=col.name))
        s = pl.when(empty).then(None).otherwise(s).alias(col.name)
        s = df.select(s).to_series()
        if col.dtype == pl.String:
            out[col.name] = s
            if col.required:
                for idx in empty.arg_true().to_list()[:MAX_ISSUES]:
                    issues.append(Issue(file, "lege cel; deze kolom is verplicht", row=_line(idx), column=col.name))
            continue
        if col.dtype == pl.Boolean:
            low = s.str.to_lowercase()
            bad = ~(low.is_null() | low.is_in(list(_TRUE | _FALSE)))
            converted = low.is_in(list(_TRUE)).cast(pl.Boolean)
            converted = df.select(pl.when(low.is_null()).then(None).otherwise(converted)).to_series()
            expected = "true of false (of ja/nee)"
        elif col.dtype == pl.Date:
            converted = s.str.to_date("%Y-%m-%d", strict=False)
            bad = converted.is_null() & s.is_not_null()
            expected = "een datum als JJJJ-MM-DD"
        else:
            converted = s.cast(col.dtype, strict=False)
            bad = converted.is_null() & s.is_not_null()
            expected = "een geheel getal"
        for idx in bad.arg_true().to_list()[:MAX_ISSUES]:
            issues.append(
                Issue(file, f"verwacht {expected}", row=_line(idx), column=col.name, value=_preview(s[idx]))
            )
        out[col.name] = converted.alias(col.name).cast(col.dtype)
    return pl.DataFrame(out), issues


# --------------------------------------------------------------------------------------------
# Inhoud
# --------------------------------------------------------------------------------------------
def check_allowed(df: pl.DataFrame, column: str, allowed: Iterable[str], file: str, what: str,
                  allow_empty: bool = False) -> list[Issue]:
    allowed_list = list(allowed)
    s = df[column]
    bad = ~s.is_in(allowed_list)
    if allow_empty:
        bad = bad & s.is_not_null()
    else:
        bad = bad | s.is_null()
    shown = ", ".join(allowed_list) if len(allowed_list) <= 16 else ", ".join(allowed_list[:14]) + ", …"
    return [
        Issue(file, f"onbekende {what}; toegestaan: {shown}", row=_line(idx), column=column,
              value=_preview(s[idx]))
        for idx in bad.arg_true().to_list()[:MAX_ISSUES]
    ]


def check_pattern(df: pl.DataFrame, column: str, pattern: str, file: str, what: str) -> list[Issue]:
    s = df[column]
    bad = ~s.str.contains(pattern).fill_null(False)
    return [
        Issue(file, f"ongeldige {what}", row=_line(idx), column=column, value=_preview(s[idx]))
        for idx in bad.arg_true().to_list()[:MAX_ISSUES]
    ]


def check_duplicates(df: pl.DataFrame, key: Iterable[str], file: str) -> list[Issue]:
    key = list(key)
    if not all(k in df.columns for k in key):
        return []
    dup = df.with_row_index("_i").filter(pl.struct(key).is_duplicated())
    issues = []
    seen: dict[tuple, int] = {}
    for row in dup.iter_rows(named=True):
        k = tuple(row[c] for c in key)
        if k in seen:
            issues.append(
                Issue(file, f"dubbele regel: de combinatie {', '.join(key)} kwam al voor op regel {seen[k]}",
                      row=_line(row["_i"]), column=key[-1], value=" / ".join(str(v) for v in k))
            )
        else:
            seen[k] = _line(row["_i"])
        if len(issues) >= MAX_ISSUES:
            break
    return issues


def validate_progress(
    peilingen: pl.DataFrame,
    assessments: pl.DataFrame,
    needs: pl.DataFrame,
    regions: pl.DataFrame,
    vocab: schema.Vocabulary,
    files: dict[str, str] | None = None,
    missing_regions_severity: str = "fout",
) -> list[Issue]:
    """Controleer de samenhang van de drie progressietabellen (na `cast_table`).

    Ontbrekende regio's in een peiling zijn standaard een fout (de ingebedde data moet compleet
    zijn); bij het importeren van een peiling kan de aanroeper er een waarschuwing van maken.
    """
    files = files or {}
    f_p = files.get("peilingen", schema.PEILINGEN.file)
    f_a = files.get("assessments", schema.ASSESSMENTS.file)
    f_n = files.get("support_needs", schema.SUPPORT_NEEDS.file)
    issues: list[Issue] = []

    issues += check_pattern(peilingen, "peiling_id", schema.PEILING_ID_RE.pattern, f_p,
                            "peilingcode (letters, cijfers, '-' of '_', hoogstens 40 tekens)")
    issues += check_pattern(peilingen, "label", schema.PEILING_LABEL_PATTERN, f_p,
                            f"naam van de peiling ({schema.PEILING_LABEL_RULE})")
    issues += check_allowed(peilingen, "soort", schema.PEILING_KINDS, f_p, "soort peiling")
    issues += check_duplicates(peilingen, schema.PEILINGEN.key, f_p)

    peiling_ids = peilingen["peiling_id"].drop_nulls().to_list()
    year_of = dict(zip(peilingen["peiling_id"], peilingen["indeling_jaar"]))
    region_sets = {
        int(y): set(regions.filter(pl.col("jaar") == y)["regio_code"].to_list())
        for y in regions["jaar"].unique().to_list()
    }
    for idx, (pid, year) in enumerate(zip(peilingen["peiling_id"], peilingen["indeling_jaar"])):
        if year is not None and int(year) not in region_sets:
            issues.append(Issue(f_p, f"geen regio-indeling voor jaar {year}; beschikbaar: "
                                + ", ".join(str(y) for y in sorted(region_sets)),
                                row=_line(idx), column="indeling_jaar", value=str(year)))
    all_regions = sorted(set().union(*region_sets.values())) if region_sets else []

    for df, f in ((assessments, f_a), (needs, f_n)):
        issues += check_allowed(df, "peiling_id", peiling_ids, f, "peiling (niet in peilingen)")
        issues += check_allowed(df, "regio_code", all_regions, f, "regiocode")
        issues += check_allowed(df, "thema_code", vocab.theme_codes, f, "themacode")

    issues += check_allowed(assessments, "status", schema.STATUS_CODES, f_a,
                            "status (schaal 0–4, of onbekend / nvt)", allow_empty=True)
    issues += check_duplicates(assessments, schema.ASSESSMENTS.key, f_a)
    issues += check_allowed(needs, "categorie_code", vocab.category_codes, f_n, "categorie")
    issues += check_allowed(needs, "prioriteit", vocab.priority_codes, f_n, "prioriteit")
    issues += check_duplicates(needs, schema.SUPPORT_NEEDS.key, f_n)

    # Regio's per peiling: elke regio van de indeling hoort in elke peiling voor te komen, en
    # regio's van een andere indeling horen er niet in.
    for pid in peiling_ids:
        year = year_of.get(pid)
        expected = region_sets.get(int(year)) if year is not None else None
        if not expected:
            continue
        present = set(assessments.filter(pl.col("peiling_id") == pid)["regio_code"].drop_nulls().to_list())
        missing = sorted(expected - present)
        if missing:
            issues.append(Issue(
                f_a,
                f"peiling {pid}: verwacht {len(expected)} regio's, gevonden {len(present & expected)}; "
                f"ontbrekend: {', '.join(missing[:12])}{' …' if len(missing) > 12 else ''}",
                column="regio_code", severity=missing_regions_severity,
            ))
        extra = sorted(present - expected)
        sub = assessments.with_row_index("_i").filter(
            (pl.col("peiling_id") == pid) & pl.col("regio_code").is_in(extra)
        )
        for row in sub.head(MAX_ISSUES).iter_rows(named=True):
            issues.append(Issue(f_a, f"regio hoort niet bij de indeling {year} van peiling {pid}",
                                row=_line(row["_i"]), column="regio_code", value=row["regio_code"]))
    return issues[: MAX_ISSUES * 5]
