"""Benchmark: koud en warm laden + valideren van de dataset, en warme AppTest-rerun per pagina.

Gebruik:  uv run python bench/bench_data.py [--runs 5]
Meet, beweert niets: de cijfers gaan in de README en de afsluitende notitie.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cold_load_seconds(runs: int) -> list[float]:
    """Een nieuw Python-proces per run: import van polars + lezen + valideren (zonder interpreterstart)."""
    code = (
        "import time; t=time.perf_counter(); from lib.loaders import load_dataset; load_dataset(); "
        "print(time.perf_counter()-t)"
    )
    out = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        out.append(float(r.stdout.strip()))
    return out


def warm_load_seconds(runs: int) -> list[float]:
    from lib.loaders import load_dataset

    load_dataset()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        load_dataset()
        out.append(time.perf_counter() - t)
    return out


def apptest_rerun_seconds(runs: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    from lib.navigation import PAGES, visible_pages

    result = {}
    for spec in visible_pages(analyst_configured=False):  # zonder wachtwoord: Importeren niet geregistreerd
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        if spec != PAGES[0]:
            at.switch_page(spec.path).run()
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t)
        result[spec.url_path] = times
    return result


def fmt(values: list[float]) -> str:
    return f"mediaan {statistics.median(values) * 1000:7.1f} ms  (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"Koud laden + valideren (nieuw proces, incl. imports): {fmt(cold_load_seconds(args.runs))}")
    print(f"Warm laden + valideren (zelfde proces):               {fmt(warm_load_seconds(args.runs))}")
    print("Warme AppTest-rerun per pagina (app.py + pagina, data uit de cache):")
    for page, times in apptest_rerun_seconds(args.runs).items():
        print(f"  {page:<22} {fmt(times)}")


if __name__ == "__main__":
    main()
