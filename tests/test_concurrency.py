"""Gelijktijdige sessies: Streamlit draait elke sessie in een eigen thread van één proces.

De belastingtest (bench/load_test.py) liet de server vastlopen: een Python-functie in Polars' threadpool
(map_elements in de export) wachtte op de GIL, terwijl een andere sessie de GIL hield en op diezelfde
threadpool wachtte (to_pandas voor st.dataframe). Deze tests houden dat dicht.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from lib.export import FORMULA_PREFIXES, neutralise, neutralise_frame

ROOT = Path(__file__).resolve().parents[1]

THREADS = """
import sys, threading
sys.path.insert(0, {root!r})
import polars as pl
from lib.export import neutralise_frame, to_csv_bytes
df = pl.DataFrame({{"a": [f"=x{{i}}" for i in range(2000)], "b": list(range(2000)), "c": ["t"] * 2000}})
def export():
    for _ in range(150):
        neutralise_frame(df); to_csv_bytes(df, ["kop"])
def dataframe():
    for _ in range(150):
        df.to_pandas()
threads = [threading.Thread(target=f) for f in (export, dataframe, export, dataframe)]
[t.start() for t in threads]
[t.join() for t in threads]
print("klaar")
"""


def test_export_and_dataframes_in_parallel_threads_do_not_deadlock():
    # In een apart proces: bij een deadlock houdt een thread de GIL vast en zou pytest zelf hangen.
    try:
        out = subprocess.run([sys.executable, "-c", THREADS.format(root=str(ROOT))], capture_output=True,
                             text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("export en to_pandas in parallelle threads liepen vast (GIL-deadlock)")
    assert out.returncode == 0, out.stderr
    assert "klaar" in out.stdout


@pytest.mark.parametrize("value", ["=SUM(A1)", "+31", "-2", "@x", "\tx", "\rx", "", "a=b", "gewoon", "'=al veilig", None])
def test_native_neutralising_matches_the_python_rule(value):
    df = pl.DataFrame({"t": [value]}, schema={"t": pl.String})
    assert neutralise_frame(df)["t"].to_list() == [neutralise(value)]


def test_every_formula_prefix_is_neutralised():
    df = pl.DataFrame({"t": [p + "1" for p in FORMULA_PREFIXES]})
    assert all(v.startswith("'") for v in neutralise_frame(df)["t"].to_list())
