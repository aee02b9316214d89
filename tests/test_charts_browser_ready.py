"""charts.for_browser (geen sjabloon, vaste uid's, datarevision) en lib.heap (heap bevriezen)."""

from __future__ import annotations

import gc
import json
import re
import sys
import types
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from lib import charts, colors, heap, heatmap
from lib.loaders import load_dataset
from lib.transforms import Filters

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def _heatmap(ds, thema):
    peiling = ds.peilingen["peiling_id"][-1]
    f = Filters(peiling=peiling, thema=thema)
    grid = heatmap.change_grid(ds, f)
    themes = heatmap.national_theme_order(ds, peiling)
    regions = heatmap.order_regions(grid, next(iter(heatmap.sorts())), themes, heatmap.value_column("status"))
    return heatmap.heatmap_figure(grid, ds.vocab, heatmap.VARIANT_STATUS, regions, themes, highlight_theme=thema)


def _spec(fig: go.Figure) -> dict:
    return json.loads(pio.to_json(fig, validate=False))


def test_no_template_reaches_the_browser(ds):
    plain = _spec(_heatmap(ds, "T01"))
    assert "template" in plain["layout"]  # zonder for_browser zit het sjabloon erin (plotly.py-standaard)
    ready = _spec(charts.for_browser(_heatmap(ds, "T01")))
    assert "template" not in ready["layout"]
    assert len(json.dumps(ready)) < len(json.dumps(plain)) - 2_000  # plotly-sjabloon ~3 kB, Streamlits ~6,5 kB


def test_datarevision_follows_the_data_not_the_layout(ds):
    a = charts.for_browser(_heatmap(ds, "T01"))
    b = charts.for_browser(_heatmap(ds, "T02"))  # alleen het kader om het thema verschilt
    assert a.layout.shapes != b.layout.shapes
    assert a.layout.datarevision == b.layout.datarevision
    c = go.Figure(a)
    c.data[0].z = [[0] * len(row) for row in c.data[0].z]
    assert charts.for_browser(c).layout.datarevision != a.layout.datarevision


def test_traces_get_stable_uids():
    fig = charts.for_browser(go.Figure([go.Bar(x=[1], y=[2]), go.Scatter(x=[1], y=[2], uid="eigen")]))
    assert [t.uid for t in fig.data] == ["spoor0", "eigen"]


def test_figure_settings_win_over_the_defaults(ds):
    fig = charts.for_browser(_heatmap(ds, "T01"))
    assert fig.layout.xaxis.automargin is False  # de heatmap rekent zijn marges zelf uit
    assert fig.layout.font.size == charts.FONT["size"]
    assert fig.layout.font.color == colors.TEXT  # niet gezet door de heatmap: de standaard


def test_defaults_reach_every_subplot_axis():
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=2, cols=2)
    for r in (1, 2):
        for c in (1, 2):
            fig.add_trace(go.Scatter(x=[1], y=[1]), row=r, col=c)
    fig.update_yaxes(gridcolor="#ff0000", row=1, col=1)
    fig = charts.for_browser(fig)
    axes = {a.plotly_name: a for a in (*fig.select_xaxes(), *fig.select_yaxes())}
    assert len(axes) == 8
    assert axes["yaxis"].gridcolor == "#ff0000"
    assert all(a.gridcolor == colors.GRID for name, a in axes.items() if name != "yaxis")
    assert all(a.automargin for a in axes.values())


def test_pages_draw_plotly_only_through_ui():
    """Elke plotly-grafiek gaat via ui.plotly_chart, anders komt het sjabloon terug (zie charts.for_browser)."""
    direct = [p.name for p in (ROOT / "pages").glob("*.py") if re.search(r"\bst\.plotly_chart\(", p.read_text())]
    assert direct == []


def test_heap_freezes_only_when_modules_were_added():
    try:
        heap.freeze_when_new_modules()  # wat er nu geladen is
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert heap.freeze_when_new_modules() is False
        sys.modules["_test_heap_nieuwe_module"] = types.ModuleType("_test_heap_nieuwe_module")
        assert heap.freeze_when_new_modules() is True
        assert heap.freeze_when_new_modules() is False
    finally:
        sys.modules.pop("_test_heap_nieuwe_module", None)
        gc.unfreeze()
