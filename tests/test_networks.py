"""Leernetwerken: groepering op kleine, handgemaakte frames (gelijke standen, regio's zonder behoeften,
onbekende statussen) en de onderdrukking van kleine aantallen, ook de aanvullende onderdrukking."""

from __future__ import annotations

import random

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import networks as nw
from lib.loaders import load_dataset

P, S = nw.PRIMARY, nw.SECONDARY


def _assessments(theme: str, statuses: dict[str, str]) -> pl.DataFrame:
    codes = list(statuses)
    values = [int(s) if s.isdigit() else None for s in statuses.values()]
    return pl.DataFrame({"regio_code": codes, "thema_code": [theme] * len(codes), "status": list(statuses.values()),
                         "status_waarde": values}, schema_overrides={"status_waarde": pl.Int8})


# --------------------------------------------------------------------------------------------
# Rollen per thema
# --------------------------------------------------------------------------------------------
T01 = _assessments("T01", {"JZ01": "0", "JZ02": "1", "JZ03": "2", "JZ04": "3", "JZ05": "4",
                           "JZ06": "onbekend", "JZ07": "nvt"})


def _roles(df: pl.DataFrame) -> dict[str, str]:
    return dict(zip(df["regio_code"], df["rol"]))


def test_absolute_rule_and_unknown_is_never_lagging_or_ahead():
    roles = _roles(nw.theme_roles(T01, nw.RULE_ABSOLUTE))
    assert roles == {"JZ01": nw.ROLE_LAGS, "JZ02": nw.ROLE_LAGS, "JZ03": nw.ROLE_MIDDLE, "JZ04": nw.ROLE_AHEAD,
                     "JZ05": nw.ROLE_AHEAD, "JZ06": nw.ROLE_UNKNOWN, "JZ07": nw.ROLE_UNKNOWN}


def test_relative_rule_p25_over_known_values_and_tie_is_not_lagging():
    out = nw.theme_roles(T01, nw.RULE_RELATIVE)
    assert out["p25"].unique().to_list() == [1.0]  # P25 van 0,1,2,3,4 (onbekend telt niet mee, ook niet als 0)
    roles = _roles(out)
    assert roles["JZ01"] == nw.ROLE_LAGS
    assert roles["JZ02"] == nw.ROLE_MIDDLE  # precies op het percentiel: niet achter
    assert roles["JZ06"] == roles["JZ07"] == nw.ROLE_UNKNOWN


def test_relative_rule_lagging_wins_over_ahead_when_everyone_is_far():
    df = _assessments("T02", {"JZ01": "3", "JZ02": "4", "JZ03": "4", "JZ04": "4"})  # P25 = 3.75
    roles = _roles(nw.theme_roles(df, nw.RULE_RELATIVE))
    assert roles == {"JZ01": nw.ROLE_LAGS, "JZ02": nw.ROLE_AHEAD, "JZ03": nw.ROLE_AHEAD, "JZ04": nw.ROLE_AHEAD}


def test_relative_rule_all_equal_means_nobody_lags():
    df = _assessments("T02", {"JZ01": "1", "JZ02": "1", "JZ03": "1"})
    assert set(_roles(nw.theme_roles(df, nw.RULE_RELATIVE)).values()) == {nw.ROLE_MIDDLE}
    assert set(_roles(nw.theme_roles(df, nw.RULE_ABSOLUTE)).values()) == {nw.ROLE_LAGS}


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError):
        nw.theme_roles(T01, "gevoel")


# --------------------------------------------------------------------------------------------
# Rollen per categorie
# --------------------------------------------------------------------------------------------
NEEDS = pl.DataFrame({
    "regio_code": ["JZ03", "JZ01", "JZ04", "JZ06"],
    "categorie_code": ["C01", "C01", "C01", "C02"],
    "prioriteit": ["laag", "hoog", "middel", "hoog"],
    "omschrijving": ["c", "a", "d", "e"],
})
T02 = _assessments("T02", {"JZ01": "0", "JZ02": "3", "JZ03": "1", "JZ04": "4", "JZ05": "4", "JZ06": "onbekend",
                           "JZ07": "3"})
CAT_THEME = {"C01": "T02", "C02": "T10"}


def test_category_groups_with_ties_unknowns_and_askers_not_peers():
    got = nw.category_roles(NEEDS, T02, CAT_THEME)
    expected = pl.DataFrame({
        "categorie_code": ["C01"] * 6 + ["C02"],
        "thema_code": ["T02"] * 6 + ["T10"],
        # vragers op prioriteit; JZ04 loopt voor maar vraagt zelf: vrager, geen peer.
        # peers op status, bij gelijke status (JZ02, JZ07: 3) op code; JZ06 (onbekend) is nooit peer.
        "regio_code": ["JZ01", "JZ04", "JZ03", "JZ05", "JZ02", "JZ07", "JZ06"],
        "rol": [nw.ROLE_ASKS] * 3 + [nw.ROLE_AHEAD] * 3 + [nw.ROLE_ASKS],
        "prioriteit": ["hoog", "middel", "laag", None, None, None, "hoog"],
        "omschrijving": ["a", "d", "c", None, None, None, "e"],
        "status": ["0", "4", "1", "4", "3", "3", None],
        "status_waarde": [0, 4, 1, 4, 3, 3, None],
    }, schema_overrides={"status_waarde": pl.Int8})
    assert_frame_equal(got, expected)


def test_regions_without_needs_are_listed_and_can_still_be_peers():
    regions = [f"JZ0{i}" for i in range(1, 8)]
    assert nw.regions_without_needs(NEEDS, regions) == ["JZ02", "JZ05", "JZ07"]
    peers = nw.category_roles(NEEDS, T02, CAT_THEME).filter(pl.col("rol") == nw.ROLE_AHEAD)
    assert {"JZ02", "JZ05", "JZ07"} == set(peers["regio_code"])
    empty = NEEDS.head(0)
    assert nw.category_roles(empty, T02, CAT_THEME).filter(pl.col("rol") == nw.ROLE_ASKS).height == 0
    assert nw.regions_without_needs(empty, regions) == regions


# --------------------------------------------------------------------------------------------
# Onderdrukking van kleine aantallen
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("row,total,expected", [
    ([10, 3, 29], 42, [S, P, None]),  # één klein aantal → ook de kleinste andere cel
    ([2, 3, 37], 42, [P, P, None]),  # al twee verborgen: niets terug te rekenen
    ([0, 4, 38], 42, [None, P, S]),  # nul blijft zichtbaar; de aanvulling is een cel > 0
    ([7, 3, 7, 25], 42, [S, P, None, None]),  # gelijke kandidaten: de meest linkse
    ([3, 0, 0], 3, [P, P, P]),  # totaal < k: alles dicht, ook de nullen
    ([10, 12, 20], 42, [None, None, None]),
    ([5, 37], 42, [None, None]),  # k zelf is niet klein
    ([0, 0, 3, 9], 12, [None, None, P, S]),
])
def test_suppression_mask_rows(row, total, expected):
    assert nw.suppression_mask([row], k=5, totals=[total]) == [expected]


def test_complement_falls_back_to_a_zero_when_all_other_cells_are_zero():
    # kolombescherming verbergt de 5; de rij [0, 5] met totaal 5 zou hem dan verraden → de nul gaat ook dicht
    rows = [[6, 6], [1, 6], [0, 5]]
    mask = nw.suppression_mask(rows, k=5, totals=[12, 7, 5], protect_columns=True)
    assert mask[2] == [S, S]


def test_without_a_shown_total_only_primary_suppression():
    assert nw.suppression_mask([[3, 40]], k=5) == [[P, None]]


def test_column_protection_cascades_until_nothing_is_derivable():
    rows = [[3, 10, 20], [8, 9, 30]]
    mask = nw.suppression_mask(rows, k=5, totals=[33, 47], protect_columns=True)
    assert mask == [[P, S, None], [S, S, None]]
    assert nw.suppression_mask([[10, 20], [3, 30], [12, 25]], k=5, protect_columns=True) == \
        [[S, None], [P, None], [None, None]]


def test_no_row_or_column_ever_has_exactly_one_hidden_cell():
    rng = random.Random(7)
    for _ in range(300):
        n_rows, n_cols = rng.randint(1, 6), rng.randint(2, 5)
        rows = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 30]) for _ in range(n_cols)] for _ in range(n_rows)]
        totals = [sum(r) for r in rows]
        mask = nw.suppression_mask(rows, k=5, totals=totals, protect_columns=True)
        for r in mask:
            assert sum(1 for m in r if m) != 1, (rows, mask)
        for j in range(n_cols):
            col = [mask[i][j] for i in range(n_rows)]
            assert n_rows == 1 or sum(1 for m in col if m) != 1, (rows, mask)


def test_suppress_small_counts_formats_cells_and_total():
    df = pl.DataFrame({"naam": ["a", "b", "c"], "x": [10, 2, 1], "y": [3, 3, 0], "z": [29, 37, 2],
                       "totaal": [42, 42, 3]})
    out = nw.suppress_small_counts(df, ["x", "y", "z"], k=5, total_col="totaal")
    expected = pl.DataFrame({"naam": ["a", "b", "c"], "x": [nw.HIDDEN_TEXT, "< 5", "< 5"],
                             "y": ["< 5", "< 5", "< 5"], "z": ["29", "37", "< 5"], "totaal": ["42", "42", "< 5"]})
    assert_frame_equal(out, expected)


# --------------------------------------------------------------------------------------------
# Op de ingebouwde (illustratieve) data
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_counts_partition_the_regions_and_aggregate_hides_small_numbers(ds):
    net = nw.build_networks(ds, ds.latest_peiling)
    for kind, cols in ((nw.KIND_CATEGORY, nw.CATEGORY_COUNT_COLS), (nw.KIND_THEME, nw.THEME_COUNT_COLS)):
        counts = nw.count_table(net, kind, ds.vocab)
        assert (counts.select(pl.sum_horizontal(list(cols))).to_series() == counts[nw.TOTAL_COL]).all()
        shown = nw.aggregate_table(net, kind, ds.vocab)
        assert "Jeugdregio" not in shown.columns
        cells = [v for c in cols for v in shown[c].to_list()]
        assert not {"1", "2", "3", "4"} & set(cells)
        for row in shown.select(cols).iter_rows():  # nooit precies één verborgen cel in een rij
            assert sum(v in ("< 5", nw.HIDDEN_TEXT) for v in row) != 1


def test_relative_rule_is_national_even_with_a_province_filter(ds):
    p = ds.latest_peiling
    whole = nw.build_networks(ds, p, rule=nw.RULE_RELATIVE)
    zeeland = nw.build_networks(ds, p, provincie="PV29", rule=nw.RULE_RELATIVE)
    assert zeeland.region_codes == ("JZ38",)
    a = whole.themes.filter(pl.col("regio_code") == "JZ38")
    assert_frame_equal(a, zeeland.themes)
    # één regio in beeld: de geanonimiseerde tabel toont niets
    shown = nw.aggregate_table(zeeland, nw.KIND_CATEGORY, ds.vocab)
    assert set(shown[nw.TOTAL_COL]) == {"< 5"}
    assert set(v for c in nw.CATEGORY_COUNT_COLS for v in shown[c]) == {"< 5"}


def test_members_and_matrix(ds):
    net = nw.build_networks(ds, ds.latest_peiling)
    table = nw.members_table(net, nw.KIND_CATEGORY, "C01", ds.vocab)
    assert table.columns == ["Rol", "Code", "Jeugdregio", "Status op Lokale teams", "Prioriteit", "Omschrijving"]
    counts = nw.member_counts(net, nw.KIND_CATEGORY, "C01")
    assert counts[nw.ROLE_ASKS] == (table["Rol"] == nw.ROLE_ASKS).sum() > 0
    grid = nw.matrix_frame(net, nw.KIND_THEME, ds.vocab)
    assert grid.height == 42 * 14
    assert nw.ROLE_MIDDLE not in set(grid["rol"].drop_nulls())
    fig = nw.matrix_figure(grid, net, nw.KIND_THEME, ds.vocab, highlight="T02")
    assert [t.name for t in fig.data] == ["loopt achter", "loopt voor (mogelijke peer)", "status onbekend of n.v.t."]
    assert sum(len(t.x) for t in fig.data) == grid["rol"].drop_nulls().len()
    assert len(fig.layout.yaxis.ticktext) == 42 and len(fig.layout.shapes) == 1
