"""Regioprofiel- en vergelijk-transformaties, op de ingebouwde data en op kleine frames."""

from __future__ import annotations

import polars as pl
import pytest

from lib import charts, profile
from lib.loaders import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_region_info_food_valley_spans_two_provinces(ds):
    info = profile.region_info(ds, "JZ21", ds.latest_peiling)
    assert info.name == "Food Valley"
    assert len(info.gemeenten) == 7 and "Veenendaal" in info.gemeenten
    assert info.provincies_gemeenten == ("Gelderland", "Utrecht")
    assert info.provincie == "Gelderland"


def test_region_vs_national_matches_hand_computation(ds):
    p = ds.latest_peiling
    frame = profile.region_vs_national(ds, "JZ13", p)
    assert frame.height == 14
    t02 = ds.assessments.filter((pl.col("peiling_id") == p) & (pl.col("thema_code") == "T02"))
    values = sorted(v for v in t02["status_waarde"].to_list() if v is not None)
    n = len(values)
    expected_median = (values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2)
    row = frame.filter(pl.col("thema_code") == "T02").row(0, named=True)
    assert row["mediaan"] == expected_median
    assert row["min"] == min(values) and row["max"] == max(values)
    assert row["aantal_bekend"] == n  # onbekend telt niet mee


def test_changes_since_previous_lists_real_changes(ds):
    p = ds.latest_peiling
    prev = ds.peiling_ids[-2]
    lines = profile.changes_since_previous(ds, "JZ13", p)
    a = ds.assessments.filter(pl.col("regio_code") == "JZ13")
    now = dict(zip(a.filter(pl.col("peiling_id") == p)["thema_code"].cast(pl.String), a.filter(pl.col("peiling_id") == p)["status"].cast(pl.String)))
    before = dict(zip(a.filter(pl.col("peiling_id") == prev)["thema_code"].cast(pl.String), a.filter(pl.col("peiling_id") == prev)["status"].cast(pl.String)))
    changed = [t for t in now if now[t] != before[t]]
    status_lines = [line for line in lines if "ondersteuningsbehoefte" not in line]
    assert len(status_lines) == len(changed)
    for t in changed:
        assert any(ds.vocab.theme_labels[t] in line for line in status_lines)


def test_changes_first_peiling_says_so(ds):
    lines = profile.changes_since_previous(ds, "JZ01", ds.peiling_ids[0])
    assert len(lines) == 1 and "eerste peiling" in lines[0]


def test_parse_region_list():
    assert profile.parse_region_list("jz13, JZ40,JZ13,,JZ29", {"JZ13", "JZ29"}) == (["JZ13", "JZ29"], ["JZ40"])
    assert profile.parse_region_list(None, {"JZ13"}) == ([], [])
    codes = {f"JZ0{i}" for i in range(1, 7)}
    assert len(profile.parse_region_list(",".join(sorted(codes)), codes)[0]) == 4


def test_compare_frame_and_table(ds):
    p = ds.latest_peiling
    long = profile.compare_frame(ds, ["JZ13", "JZ29"], p)
    assert long.height == 28
    table = profile.compare_table(ds, ["JZ13", "JZ29"], p)
    assert table.columns == ["Code", "Thema", "Amsterdam-Amstelland", "Rijnmond", "Landelijke mediaan (0–4)"]
    assert table.height == 14


def test_progress_over_time_excludes_unknown(ds):
    frame = profile.progress_over_time(ds, ["JZ13"])
    assert set(frame["regio_code"].to_list()) == {"JZ13", "NL"}
    assert frame.filter(pl.col("regio_code") == "JZ13").height == len(ds.peiling_ids)
    p = ds.peiling_ids[0]
    sub = ds.assessments.filter((pl.col("peiling_id") == p) & (pl.col("regio_code") == "JZ13"))
    known = [v for v in sub["status_waarde"].to_list() if v is not None]
    got = frame.filter((pl.col("regio_code") == "JZ13") & (pl.col("peiling_id") == p))["gemiddelde"].item()
    assert got == pytest.approx(sum(known) / len(known))


def test_profile_chart_colours_region_by_status(ds):
    from lib import colors

    frame = profile.region_vs_national(ds, "JZ13", ds.latest_peiling)
    fig = charts.profile_dots(frame, ds.vocab, "Amsterdam-Amstelland")
    region_trace = [t for t in fig.data if t.name == "Amsterdam-Amstelland"][0]
    expected = [colors.STATUS_COLORS[str(s)] for s in frame["status"].to_list()]
    assert list(region_trace.marker.color) == expected
    assert any(t.name == "Landelijke mediaan" for t in fig.data)


def test_compare_chart_one_trace_per_region_with_distinct_symbols(ds):
    long = profile.compare_frame(ds, ["JZ13", "JZ29", "JZ41"], ds.latest_peiling)
    names = profile.region_options(ds, ds.latest_peiling)
    fig = charts.compare_dots(long, ds.vocab, ["JZ13", "JZ29", "JZ41"], names)
    region_traces = [t for t in fig.data if t.name != "Landelijke mediaan"]
    assert [t.name for t in region_traces] == ["Amsterdam-Amstelland", "Rijnmond", "Zuid-Limburg"]
    assert len({t.marker.symbol for t in region_traces}) == 3
    assert len({t.marker.color for t in region_traces}) == 3
