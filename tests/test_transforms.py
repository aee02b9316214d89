"""Transformaties op kleine, met de hand gemaakte frames (golden frames)."""

from __future__ import annotations

import polars as pl
from polars.testing import assert_frame_equal

from lib import schema, transforms


def _frame(rows):
    df = pl.DataFrame(rows, schema=["thema_code", "status"], orient="row")
    return df.with_columns(
        pl.col("thema_code").cast(pl.Enum(["T01", "T02"])),
        pl.col("status").cast(schema.StatusEnum),
    ).with_columns(schema.status_value_expr("status").alias("status_waarde"))


def test_status_value_never_zero_for_unknown():
    df = _frame([("T01", "0"), ("T01", "onbekend"), ("T01", "nvt"), ("T01", "4")])
    assert df["status_waarde"].to_list() == [0, None, None, 4]


def test_theme_progress_excludes_unknown():
    df = _frame([("T01", "0"), ("T01", "onbekend"), ("T01", "4"), ("T02", "nvt"), ("T02", "2")])
    got = transforms.theme_progress(df)
    expected = pl.DataFrame(
        {
            "thema_code": ["T01", "T02"],
            "gemiddelde": [2.0, 2.0],
            "mediaan": [2.0, 2.0],
            "aantal_bekend": [2, 1],
            "aantal_onbekend": [1, 1],
        }
    ).with_columns(pl.col("thema_code").cast(pl.Enum(["T01", "T02"])),
                   pl.col("aantal_bekend").cast(pl.UInt32), pl.col("aantal_onbekend").cast(pl.UInt32))
    assert_frame_equal(got, expected, check_dtypes=False)


def test_status_distribution_has_all_codes_in_order():
    df = _frame([("T01", "1"), ("T01", "1"), ("T02", "onbekend"), ("T02", "3")])
    got = transforms.status_distribution(df)
    assert got["status"].cast(pl.String).to_list() == list(schema.STATUS_CODES)
    assert got["aantal"].to_list() == [0, 2, 0, 1, 0, 1, 0]
    assert abs(got["aandeel"].sum() - 1.0) < 1e-9


def test_theme_status_counts_complete_grid():
    df = _frame([("T01", "1"), ("T02", "4")])
    got = transforms.theme_status_counts(df)
    assert got.height == 2 * len(schema.STATUS_CODES)
    assert got["aantal"].sum() == 2


def test_filters_on_embedded_data():
    from lib.loaders import load_dataset

    ds = load_dataset()
    f = transforms.Filters(peiling=ds.latest_peiling, provincie="PV25", thema="T02", statussen=("3", "4"))
    got = transforms.filtered_assessments(ds, f)
    gelderland = ds.regions.filter(pl.col("provincie_code") == "PV25")["regio_code"].to_list()
    assert set(got["regio_code"].to_list()) <= set(gelderland)
    assert "JZ12" in gelderland and "JZ21" in gelderland and "JZ32" in gelderland  # regel: meeste gemeenten
    assert set(got["thema_code"].cast(pl.String).to_list()) <= {"T02"}
    assert set(got["status"].cast(pl.String).to_list()) <= {"3", "4"}
    assert transforms.previous_peiling(ds, ds.peiling_ids[0]) is None
    assert transforms.previous_peiling(ds, ds.peiling_ids[1]) == ds.peiling_ids[0]


def test_previous_peiling_never_mixes_imported_and_illustrative():
    """Na een import staan echte en voorbeeldpeilingen door elkaar: 'sinds de vorige peiling' vergelijkt
    alleen binnen dezelfde soort, anders zou een verzonnen verschil als feit verschijnen."""
    import dataclasses

    from lib.loaders import load_dataset

    ds = load_dataset()
    ids = ds.peiling_ids  # vijf voorbeeldpeilingen; maak de laatste twee 'geïmporteerd'
    flags = [True] * (len(ids) - 2) + [False, False]
    mixed = dataclasses.replace(ds, peilingen=ds.peilingen.with_columns(pl.Series("illustratief", flags)))
    assert transforms.previous_peiling(mixed, ids[-2]) is None  # eerste echte: niet met voorbeelddata
    assert transforms.previous_peiling(mixed, ids[-1]) == ids[-2]
    assert transforms.previous_peiling(mixed, ids[-3]) == ids[-4]
    # ook als de soorten elkaar afwisselen: de laatste eerdere van dezelfde soort
    alternating = [i % 2 == 0 for i in range(len(ids))]
    alt = dataclasses.replace(ds, peilingen=ds.peilingen.with_columns(pl.Series("illustratief", alternating)))
    assert transforms.previous_peiling(alt, ids[2]) == ids[0]
    assert transforms.previous_peiling(alt, ids[3]) == ids[1]
    assert transforms.previous_peiling(alt, ids[1]) is None
