"""Benchmark: groeien laden, transformaties en reruns niet sneller dan de data?

Maakt met `data/generate_illustrative.generate()` datasets van 1×, 10× en 100× de standaardomvang in een
tijdelijke map (nooit in data/) en meet per omvang:
- laden + valideren (`lib.loaders.load_dataset` met die map als data_dir/progress_dir);
- typische transformaties (lib/transforms.py, lib/profile.py) voor de nieuwste peiling en één regio;
- een warme AppTest-rerun per pagina (app.py + pagina, dataset uit het geheugen).

Twee varianten (--variant):
- gemeente (standaard): beoordelingen per gemeente in plaats van per regio (342 eenheden), met meer
  peilingen en thema's. De code-regel voor regio's (JZxx) wordt in dit proces verruimd met GMxxxx; de kaart
  heeft voor die eenheden geen vlakken (hij toont dan niets), dus haar rerun zegt hier weinig.
- regio: de 42 echte regio's met veel meer thema's en peilingen; elke pagina werkt zoals in het echt.

Gebruik:  uv run python bench/bench_scale.py [--variant gemeente|regio] [--runs 3] [--no-apptest]
Meet, beweert niets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from lib import schema  # noqa: E402
from lib.io import write_csv_atomic  # noqa: E402
from lib.paths import DATA_DIR  # noqa: E402

sys.path.insert(0, str(ROOT / "data"))
from generate_illustrative import generate  # noqa: E402

BASE_ROWS = 42 * 14 * 5  # standaard: 42 regio's × 14 thema's × 5 peilingen


@dataclass(frozen=True)
class Size:
    name: str
    unit: str  # 'regio' of 'gemeente'
    themes: int
    peilingen: int


SIZES = {
    "gemeente": (Size("1×", "regio", 14, 5), Size("10×", "gemeente", 14, 6), Size("100×", "gemeente", 28, 30)),
    "regio": (Size("1×", "regio", 14, 5), Size("10×", "regio", 28, 25), Size("100×", "regio", 70, 100)),
}


def _peilingen(n: int) -> list[tuple[str, dt.date, str, str]]:
    out = []
    for i in range(n):
        year, month = 2024 + (i + 2) // 12, (i + 2) % 12 + 1  # maandelijks vanaf maart 2024
        out.append((f"P{year}-{month:02d}", dt.date(year, month, 1),
                    "Startfoto" if i == 0 else f"Peiling {month:02d}-{year}", "startfoto" if i == 0 else "voortgang"))
    return out


def build_data_dir(target: Path, size: Size, seed: int = 2023) -> tuple[Path, Path, int]:
    """Referentiebestanden + gegenereerde voortgang in `target`. Geeft (data_dir, progress_dir, regels)."""
    target.mkdir(parents=True, exist_ok=True)
    for table in schema.REFERENCE_TABLES:
        shutil.copy(DATA_DIR / table.file, target / table.file)
    themes = pl.read_csv(target / schema.THEMES.file, infer_schema=False)
    extra = [f"T{i:02d}" for i in range(themes.height + 1, size.themes + 1)]
    if extra:
        known = {"thema_code": lambda c: c, "label_nl": lambda c: f"Synthetisch thema {c}",
                 "label_kort": lambda c: f"Thema {c}", "label_en": lambda c: f"Synthetic theme {c}",
                 "label_kort_en": lambda c: f"Theme {c}", "geverifieerd": lambda c: "false",
                 "omschrijving": lambda c: "Alleen voor de schaalbenchmark.", "bron": lambda c: "bench/bench_scale.py"}
        themes = pl.concat([themes, pl.DataFrame(
            {col: [known.get(col, lambda c: "")(c) for c in extra] for col in themes.columns})])
    themes = themes.head(size.themes)
    write_csv_atomic(themes, target / schema.THEMES.file)

    if size.unit == "gemeente":
        m = pl.read_csv(target / schema.MEMBERSHIP.file, infer_schema=False)
        regions = pl.read_csv(target / schema.REGIONS.file, infer_schema=False)
        units = m.select(
            "jaar", pl.col("gemeente_code").alias("regio_code"), pl.col("gemeente_naam").alias("regio_naam"),
            "provincie_code", "provincie_naam", pl.lit("1").alias("aantal_gemeenten"), "bron",
        ).select(regions.columns)
        write_csv_atomic(units, target / schema.REGIONS.file)
        write_csv_atomic(m.with_columns(pl.col("gemeente_code").alias("regio_code")), target / schema.MEMBERSHIP.file)

    regions = pl.read_csv(target / schema.REGIONS.file, infer_schema=False)
    codes = regions.filter(pl.col("jaar") == "2024")["regio_code"].sort().to_list()
    frames = generate(codes, themes["thema_code"].to_list(), seed=seed, peilingen=_peilingen(size.peilingen))
    progress = target / "voortgang"
    for table in schema.PROGRESS_TABLES:
        write_csv_atomic(frames[table.name].select(table.column_names), progress / table.file)
    return target, progress, frames["assessments"].height


def allow_gemeente_units() -> None:
    """In dit benchmarkproces mogen eenheden ook gemeentecodes zijn (schema kent alleen JZxx)."""
    schema.REGION_CODE_RE = re.compile(r"^(JZ\d{2}|GM\d{4})$")


def timed(fn, runs: int) -> float:
    """Mediaan in seconden (na één opwarmronde)."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def transform_timings(ds, runs: int) -> dict[str, float]:
    from lib import profile, transforms
    from lib.transforms import Filters

    peiling = ds.latest_peiling
    regio = profile.region_options(ds, peiling)
    regio = list(regio)[len(regio) // 2]
    thema = ds.vocab.theme_codes[1]
    f = Filters(peiling=peiling)
    cases = {
        "filtered_assessments + theme_progress": lambda: transforms.theme_progress(transforms.filtered_assessments(ds, f)),
        "theme_status_counts (thema-filter)": lambda: transforms.theme_status_counts(
            transforms.filtered_assessments(ds, Filters(peiling=peiling, thema=thema))),
        "national_summary": lambda: transforms.national_summary(ds, peiling),
        "theme_history_counts": lambda: transforms.theme_history_counts(ds, thema),
        "profile.region_vs_national": lambda: profile.region_vs_national(ds, regio, peiling),
        "profile.region_history": lambda: profile.region_history(ds, regio),
        "profile.region_texts": lambda: profile.region_texts(ds, regio, peiling),
        "profile.changes_since_previous": lambda: profile.changes_since_previous(ds, regio, peiling),
    }
    return {name: timed(fn, runs) for name, fn in cases.items()}


def apptest_timings(ds, runs: int) -> dict[str, float | str]:
    import lib.data_access
    import lib.ui
    from streamlit.testing.v1 import AppTest

    from lib.navigation import PAGES

    lib.ui.get_dataset = lambda: ds  # type: ignore[assignment]
    lib.data_access.get_dataset = lambda: ds  # type: ignore[assignment]
    out: dict[str, float | str] = {}
    for spec in PAGES:
        if spec.requires_analyst:
            continue
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        if spec != PAGES[0]:
            at.switch_page(spec.path).run()
        if at.exception:
            out[spec.url_path] = "exception: " + str(at.exception[0].value)[:60]
            continue
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t)
        out[spec.url_path] = statistics.median(times) if not at.exception else "exception"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=sorted(SIZES), default="gemeente")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-apptest", action="store_true", help="alleen laden en transformaties")
    args = parser.parse_args()

    from lib.loaders import load_dataset

    if args.variant == "gemeente":
        allow_gemeente_units()
    rows: dict[str, dict[str, float | str]] = {}
    data_rows: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        for size in SIZES[args.variant]:
            t = time.perf_counter()
            data_dir, progress_dir, n = build_data_dir(Path(tmp) / size.name, size)
            data_rows[size.name] = n
            units = "gemeenten" if size.unit == "gemeente" else "regio's"
            print(f"{size.name}: {n:,} beoordelingen ({units} × {size.themes} thema's × {size.peilingen} "
                  f"peilingen), gemaakt in {time.perf_counter() - t:.1f} s", flush=True)
            ds = load_dataset(data_dir, progress_dir)
            col = rows.setdefault("laden + valideren", {})
            col[size.name] = timed(lambda: load_dataset(data_dir, progress_dir), args.runs)
            for name, value in transform_timings(ds, args.runs).items():
                rows.setdefault(name, {})[size.name] = value
            if not args.no_apptest:
                for page, value in apptest_timings(ds, args.runs).items():
                    rows.setdefault(f"rerun {page}", {})[size.name] = value
            print(f"  klaar: laden {col[size.name] * 1000:.0f} ms", flush=True)

    names = [s.name for s in SIZES[args.variant]]
    base = names[0]
    print(f"\nVariant {args.variant}; mediaan van {args.runs} warme runs; groei = tijd / tijd bij {base} "
          f"(data: {', '.join(f'{k} {v / data_rows[base]:.1f}×' for k, v in data_rows.items())})")
    header = f"{'meting':<40}" + "".join(f"{n:>11}" for n in names) + "".join(f"{'groei ' + n:>13}" for n in names[1:])
    print(header)
    print("-" * len(header))
    for name, values in rows.items():
        cells = "".join(f"{values[n] * 1000:>9.1f}ms" if isinstance(values.get(n), float) else f"{str(values.get(n, '-'))[:10]:>11}"
                        for n in names)
        growth = "".join(
            f"{values[n] / values[base]:>12.1f}×" if isinstance(values.get(n), float) and isinstance(values.get(base), float)
            else f"{'-':>13}" for n in names[1:])
        print(f"{name:<40}{cells}{growth}")


if __name__ == "__main__":
    main()
