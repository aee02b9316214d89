"""Bouwstap: echte CBS-contextcijfers uit ../shared/context naar de eigen databestanden.

Leest `gemeente_kerncijfers_2024.csv` en `gemeente_kerncijfers_2022.csv` (CBS, CC BY 4.0; zie
../shared/context/README.md), de eigen indeling `data/membership.csv` en `data/regions.csv`, en de
herindelingstabel `data/context/herindeling_2022_2024.csv`. Schrijft:

- `data/context/gemeente_kerncijfers.csv`: per gemeente van 2024 en per jaar (2024, 2022) de cijfers op de
  grenzen van 2024, met de gemeenten van 2022 waaruit ze komen en een vlag `benadering`;
- `data/context/regio_kerncijfers.csv`: per jeugdregio en per jaar inwoners (exacte som), aantal gemeenten,
  gewogen leeftijdsaandelen en het gewogen jeugdzorgpercentage 2022 (benadering, met reden).

De aggregatie zelf staat in lib/context.py (getest in tests/test_context.py). Dit script wordt door een
ontwikkelaar gedraaid, niet door de app.

Gebruik:  uv run python data/build_context.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from lib import context, schema  # noqa: E402
from lib.io import write_csv_atomic  # noqa: E402
from lib.loaders import read_table_file  # noqa: E402
from lib.paths import DATA_DIR, SHARED_DIR  # noqa: E402
from lib.validation import DataValidationError, Issue, check_duplicates, check_pattern, errors  # noqa: E402

SOURCE_DIR = SHARED_DIR / "context"
#: sha256 volgens ../shared/context/README.md; een andere waarde is een waarschuwing (nieuwe levering?).
SHA256 = {
    context.CBS_2024.file: "bd16f49285f85b05d56fa1a78a2a6da9bb85e62b9d34d39b4ff4294bd93dda9c",
    context.CBS_2022.file: "53850dd85e09a14b8be2edf303168c5c968e9adcabde8a6e387a1a35c5b2b034",
}
#: CBS-bevolking op 1 januari (README van de bron): de som over alle gemeenten moet dit zijn.
NATIONAL_TOTALS = {2024: 17_942_942, 2022: 17_590_672}


def read_source(table: schema.Table) -> pl.DataFrame:
    path = SOURCE_DIR / table.file
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    if digest and digest != SHA256[table.file]:
        print(f"LET OP: {table.file} heeft een andere sha256 dan in de README ({digest[:12]}…)")
    df, issues = context.read_file(path, table)
    if df is not None:
        issues += check_pattern(df, "gemeente_code", schema.GEMEENTE_CODE_RE.pattern, table.file,
                                "gemeentecode (verwacht GMxxxx)")
        issues += check_duplicates(df, table.key, table.file)
        issues += context.check_range(df, "inwoners", 1, None, table.file, "het aantal inwoners")
        for col in [c.name for c in table.columns if c.name.startswith("percentage_")]:
            issues += context.check_range(df, col, 0, 100, table.file, "een percentage")
    if errors(issues) or df is None:
        raise DataValidationError(issues)
    return df


def read_own(path: Path, table: schema.Table) -> pl.DataFrame:
    df, issues = read_table_file(path, table)
    if errors(issues) or df is None:
        raise DataValidationError(issues)
    return df


def main() -> None:
    try:
        cbs_2024 = read_source(context.CBS_2024)
        cbs_2022 = read_source(context.CBS_2022)
        membership = read_own(DATA_DIR / schema.MEMBERSHIP.file, schema.MEMBERSHIP)
        regions = read_own(DATA_DIR / schema.REGIONS.file, schema.REGIONS)
        herindeling, h_issues = context.read_file(context.CONTEXT_DIR / context.HERINDELING.file, context.HERINDELING)
        if errors(h_issues) or herindeling is None:
            raise DataValidationError(h_issues)

        gemeenten = context.gemeenten_on_boundaries(cbs_2024, cbs_2022, membership, herindeling)
        regios = context.aggregate_regions(gemeenten, regions)

        issues: list[Issue] = []
        for year, expected in NATIONAL_TOTALS.items():
            got = gemeenten.filter(pl.col("jaar") == year)["inwoners"].sum()
            if got != expected:
                issues.append(Issue(context.GEMEENTE_CONTEXT.file, f"inwoners {year}: som {got}, verwacht {expected}"))
        gem_out, reg_out = context.round_output(gemeenten), context.round_output(regios)
        issues += context.validate_gemeenten(gem_out) + context.validate_regios(reg_out, gem_out)
        if errors(issues):
            raise DataValidationError(issues)
    except DataValidationError as exc:
        for issue in exc.issues:
            print(f"FOUT: {issue}", file=sys.stderr)
        raise SystemExit(1) from None

    write_csv_atomic(gem_out, context.CONTEXT_DIR / context.GEMEENTE_CONTEXT.file)
    write_csv_atomic(reg_out, context.CONTEXT_DIR / context.REGIO_CONTEXT.file)
    for year in context.YEARS:
        nat = context.national_context(gemeenten, year)
        print(f"{year}: {nat['aantal_gemeenten']} gemeenten, {nat['inwoners']:,} inwoners, "
              f"0–15 {nat['pct_0_15']:.2f}%, 15–25 {nat['pct_15_25']:.2f}%, "
              f"jeugdzorg 2022 {nat['pct_jeugdzorg_2022']:.2f}%")
    merged = gem_out.filter(pl.col("benadering") & (pl.col("jaar") == context.BOUNDARY_YEAR))
    print("samengevoegd (2022 → 2024):", ", ".join(f"{c} ← {s}" for c, s in
                                                  zip(merged["gemeente_code"], merged["gemeente_codes_2022"])))
    print(f"{context.GEMEENTE_CONTEXT.file}: {gem_out.height} regels; {context.REGIO_CONTEXT.file}: "
          f"{reg_out.height} regels")


if __name__ == "__main__":
    main()
