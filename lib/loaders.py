"""Polars-loaders: lezen, valideren en typeren van alle databestanden.

Bruikbaar buiten Streamlit (build-scripts, benchmarks, tests). Caching gebeurt alleen aan de
I/O-grens, in `lib/data_access.py`, met het pad en de versie (mtimes) als sleutel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from lib import schema
from lib.paths import DATA_DIR
from lib.validation import (
    DataValidationError,
    Issue,
    cast_table,
    check_allowed,
    check_columns,
    check_duplicates,
    check_pattern,
    errors,
    read_csv_strings,
    validate_progress,
)

ILLUSTRATIVE_DIR = DATA_DIR / "illustrative"


@dataclass(frozen=True)
class Dataset:
    """Alles wat de pagina's nodig hebben, getypeerd en gevalideerd."""

    themes: pl.DataFrame
    status_scale: pl.DataFrame
    categories: pl.DataFrame
    priorities: pl.DataFrame
    regions: pl.DataFrame
    membership: pl.DataFrame
    peilingen: pl.DataFrame  # gesorteerd op datum
    assessments: pl.DataFrame  # met kolom status_waarde (Int8, null = onbekend/nvt)
    needs: pl.DataFrame
    vocab: schema.Vocabulary
    warnings: tuple[Issue, ...] = field(default_factory=tuple)

    @property
    def peiling_ids(self) -> list[str]:
        return self.peilingen["peiling_id"].to_list()

    @property
    def latest_peiling(self) -> str:
        return self.peiling_ids[-1]

    @property
    def kind(self) -> str:
        """'illustratief', 'geïmporteerd' of 'gemengd' — welke data de gebruiker ziet."""
        flags = set(self.peilingen["illustratief"].to_list())
        if flags == {True}:
            return "illustratief"
        if flags == {False}:
            return "geïmporteerd"
        return "gemengd"

    def is_illustrative(self, peiling_id: str | None = None) -> bool:
        df = self.peilingen if peiling_id is None else self.peilingen.filter(pl.col("peiling_id") == peiling_id)
        return bool(df["illustratief"].any())

    def regions_for(self, peiling_id: str) -> pl.DataFrame:
        year = self.peilingen.filter(pl.col("peiling_id") == peiling_id)["indeling_jaar"].item()
        return self.regions.filter(pl.col("jaar") == year)


def read_table_file(path: Path, table: schema.Table, label: str | None = None) -> tuple[pl.DataFrame | None, list[Issue]]:
    """Lees één CSV-bestand volgens `table`: codering, kolommen, typen. Geeft (frame, problemen)."""
    label = label or path.name
    if not path.exists():
        return None, [Issue(label, f"bestand ontbreekt (verwacht op {path.name})")]
    df, issues = read_csv_strings(path.read_bytes(), label)
    if df is None:
        return None, issues
    col_issues = check_columns(df, table, label)
    if errors(col_issues):
        return None, issues + col_issues
    if df.height == 0:
        return None, issues + [Issue(label, "het bestand bevat alleen een kopregel; verwacht minstens één dataregel")]
    typed, type_issues = cast_table(df, table, label)
    return typed, issues + col_issues + type_issues


def _check_reference(tables: dict[str, pl.DataFrame]) -> list[Issue]:
    issues: list[Issue] = []
    t, f = tables["themes"], schema.THEMES.file
    issues += check_pattern(t, "thema_code", schema.THEME_CODE_RE.pattern, f, "themacode (verwacht Txx)")
    issues += check_duplicates(t, schema.THEMES.key, f)
    c, f = tables["need_categories"], schema.NEED_CATEGORIES.file
    issues += check_pattern(c, "categorie_code", schema.CATEGORY_CODE_RE.pattern, f, "categoriecode (verwacht Cxx)")
    issues += check_allowed(c, "thema_code", t["thema_code"].to_list(), f, "themacode")
    issues += check_duplicates(c, schema.NEED_CATEGORIES.key, f)
    s, f = tables["status_scale"], schema.STATUS_SCALE.file
    if sorted(s["status_code"].to_list()) != sorted(schema.STATUS_CODES):
        issues.append(Issue(f, "de statusschaal moet precies de codes " + ", ".join(schema.STATUS_CODES) + " bevatten",
                            column="status_code", value=", ".join(s["status_code"].to_list())))
    r, f = tables["regions"], schema.REGIONS.file
    issues += check_pattern(r, "regio_code", schema.REGION_CODE_RE.pattern, f, "regiocode (verwacht JZxx)")
    issues += check_duplicates(r, schema.REGIONS.key, f)
    m, f = tables["membership"], schema.MEMBERSHIP.file
    issues += check_pattern(m, "gemeente_code", schema.GEMEENTE_CODE_RE.pattern, f, "gemeentecode (verwacht GMxxxx)")
    issues += check_duplicates(m, schema.MEMBERSHIP.key, f)
    for year in r["jaar"].unique().to_list():
        codes = r.filter(pl.col("jaar") == year)["regio_code"].to_list()
        sub = m.filter(pl.col("jaar") == year)
        issues += [
            Issue(f, f"gemeente hoort bij een regio die niet in {schema.REGIONS.file} ({year}) staat",
                  row=None, column="regio_code", value=f"{g} → {rc}")
            for g, rc in zip(sub["gemeente_code"], sub["regio_code"])
            if rc not in codes
        ]
    return issues


def load_reference(data_dir: Path = DATA_DIR) -> tuple[dict[str, pl.DataFrame], list[Issue]]:
    tables, issues = _read_tables(data_dir, schema.REFERENCE_TABLES)
    if not errors(issues):
        issues += _check_reference(tables)
    return tables, issues


def read_progress(progress_dir: Path) -> tuple[dict[str, pl.DataFrame], list[Issue]]:
    return _read_tables(progress_dir, schema.PROGRESS_TABLES)


def _read_tables(folder: Path, tables: tuple[schema.Table, ...]) -> tuple[dict[str, pl.DataFrame], list[Issue]]:
    """Lees elke tabel uit `folder`; de problemen van alle bestanden samen (nooit alleen het eerste)."""
    issues: list[Issue] = []
    frames: dict[str, pl.DataFrame] = {}
    for table in tables:
        df, found = read_table_file(folder / table.file, table)
        issues += found
        if df is not None:
            frames[table.name] = df
    return frames, issues


def build_dataset(reference: dict[str, pl.DataFrame], progress: dict[str, pl.DataFrame],
                  vocab: schema.Vocabulary, warnings: list[Issue] | None = None) -> Dataset:
    """Zet gevalideerde tabellen om naar een Dataset (met geordende categorieën)."""
    theme_enum = pl.Enum(list(vocab.theme_codes))
    assessments = progress["assessments"].with_columns(
        pl.col("status").fill_null(schema.STATUS_UNKNOWN).cast(schema.StatusEnum),
        pl.col("thema_code").cast(theme_enum),
    ).with_columns(schema.status_value_expr("status").alias("status_waarde"))
    needs = progress["support_needs"].with_columns(
        pl.col("categorie_code").cast(pl.Enum(list(vocab.category_codes))),
        pl.col("thema_code").cast(theme_enum),
        pl.col("prioriteit").cast(pl.Enum(list(vocab.priority_codes))),
    )
    return Dataset(
        themes=reference["themes"],
        status_scale=reference["status_scale"],
        categories=reference["need_categories"],
        priorities=reference["priorities"],
        regions=reference["regions"].sort("jaar", "regio_code"),
        membership=reference["membership"].sort("jaar", "gemeente_code"),
        peilingen=progress["peilingen"].sort("datum"),
        assessments=assessments,
        needs=needs,
        vocab=vocab,
        warnings=tuple(warnings or ()),
    )


def read_validated(data_dir: Path, progress_dir: Path) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame],
                                                                  schema.Vocabulary, list[Issue]]:
    """Referentie- en progressietabellen lezen en valideren. Bij een fout: DataValidationError met álle
    problemen; anders (referentie, progressie, vocabulaire, waarschuwingen)."""
    reference, issues = load_reference(data_dir)
    if errors(issues):
        raise DataValidationError(issues)
    vocab = schema.vocabulary(data_dir)
    progress, p_issues = read_progress(progress_dir)
    issues += p_issues
    if not errors(issues):
        issues += validate_progress(progress["peilingen"], progress["assessments"], progress["support_needs"],
                                    reference["regions"], vocab)
    if errors(issues):
        raise DataValidationError(issues)
    return reference, progress, vocab, [i for i in issues if i.severity != "fout"]


def load_dataset(data_dir: Path = DATA_DIR, progress_dir: Path | None = None) -> Dataset:
    """Lees en valideer alles. Bij fouten: DataValidationError met álle problemen."""
    reference, progress, vocab, warnings = read_validated(data_dir, progress_dir or data_dir / "illustrative")
    return build_dataset(reference, progress, vocab, warnings)


def data_version(*dirs: Path) -> str:
    """Versiesleutel voor de cache: namen, groottes en mtimes van alle CSV-bestanden."""
    parts = []
    for d in dirs:
        for p in sorted(Path(d).glob("*.csv")):
            st = p.stat()
            parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)
