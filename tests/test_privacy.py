"""Onderdrukking van kleine aantallen in de geaggregeerde modus."""

from __future__ import annotations

import itertools

import polars as pl
import pytest

from lib import privacy
from lib.loaders import load_dataset


def test_small_cells_suppressed_and_zero_kept():
    assert privacy.suppress_counts([10, 3, 0, 29], 5, complementary=False) == [10, None, 0, 29]
    assert privacy.suppress_counts([10, 3, 0, 29], 5) == [None, None, 0, 29]  # 10 complementair


def test_complementary_cell_hidden_when_one_small_cell():
    # 3 is klein; zonder tweede onderdrukking volgt 3 uit 42 - 10 - 29
    out = privacy.suppress_counts([10, 3, 29], 5)
    assert out.count(None) == 2 and out[1] is None and out[0] is None


def test_no_extra_suppression_when_two_small_cells():
    assert privacy.suppress_counts([2, 3, 37], 5) == [None, None, 37]


def test_total_below_k_hides_all_nonzero():
    assert privacy.suppress_counts([1, 0, 2], 5) == [None, 0, None]


def test_non_complementary_only_hides_small():
    assert privacy.suppress_counts([10, 3, 29], 5, complementary=False) == [10, None, 29]


@pytest.mark.parametrize("counts", list(itertools.product([0, 1, 4, 5, 9], repeat=4)))
def test_suppressed_values_never_derivable(counts):
    """Voor elke combinatie: is er iets onderdrukt, dan zijn er minstens twee positieve onderdrukte cellen
    (of het totaal is zelf klein), zodat totaal min zichtbare cellen geen enkele cel verraadt."""
    k = 5
    out = privacy.suppress_counts(list(counts), k)
    hidden = [c for c, v in zip(counts, out) if v is None]
    for c, v in zip(counts, out):
        if 0 < c < k:
            assert v is None
        if v is not None:
            assert v == c
    if hidden and sum(counts) >= k:
        assert len(hidden) >= 2


def test_national_status_table_on_embedded_data():
    ds = load_dataset()
    a = ds.assessments.filter(pl.col("peiling_id") == ds.latest_peiling)
    table = privacy.national_status_table(a, ds.vocab, 5)
    assert table.frame.height == 14
    for row in table.frame.iter_rows():
        for cell in row[1:]:
            assert cell == "< 5" or int(cell) == 0 or int(cell) >= 5
    names = set(ds.regions["regio_naam"].to_list())
    assert not any(cell in names for row in table.frame.iter_rows() for cell in row)


def test_forced_by_env_and_secrets(monkeypatch):
    monkeypatch.delenv(privacy.ENV_FORCED, raising=False)
    assert privacy.forced_by_deployment({}) is False
    assert privacy.forced_by_deployment({"dashboard": {"geaggregeerd": True}}) is True
    monkeypatch.setenv(privacy.ENV_FORCED, "1")
    assert privacy.forced_by_deployment(None) is True
    monkeypatch.setenv(privacy.ENV_K, "7")
    assert privacy.min_k() == 7
    monkeypatch.setenv(privacy.ENV_K, "x")
    assert privacy.min_k() == privacy.DEFAULT_K
