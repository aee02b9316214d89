"""Heatmap 'Thema's per regio': transformaties op een mini-dataset (golden frames) en de figuur zonder
Streamlit (kleur per status, tekst in de cellen, de onzichtbare selecteerbare scatter)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import colors, export, heatmap, schema
from lib.loaders import build_dataset, load_dataset
from lib.transforms import Filters

REAL = schema.vocabulary()


def mini_vocab() -> schema.Vocabulary:
    themes = ("T01", "T02", "T03")
    return schema.Vocabulary(
        theme_codes=themes,
        theme_labels={t: REAL.theme_labels[t] for t in themes},
        theme_short={t: REAL.theme_short[t] for t in themes},
        status_labels=REAL.status_labels,
        status_short=REAL.status_short,
        category_codes=("C01", "C02"),
        category_labels={"C01": "Toegang en lokale teams", "C02": "Regionale samenwerking"},
        category_theme={"C01": "T01", "C02": "T03"},
        priority_codes=REAL.priority_codes,
        priority_labels=REAL.priority_labels,
    )


def mini_dataset():
    """Drie regio's in twee provincies, twee peilingen, drie thema's; een paar beoordelingen ontbreken."""
    vocab = mini_vocab()
    s = pl.String
    regions = pl.DataFrame(
        {"jaar": [2024] * 3, "regio_code": ["JZ01", "JZ02", "JZ03"], "regio_naam": ["Alfa", "Beta", "Gamma"],
         "provincie_code": ["PV20", "PV20", "PV21"], "provincie_naam": ["Groningen", "Groningen", "Fryslân"],
         "aantal_gemeenten": [3, 2, 4], "bron": ["test"] * 3},
        schema={"jaar": pl.Int16, "regio_code": s, "regio_naam": s, "provincie_code": s, "provincie_naam": s,
                "aantal_gemeenten": pl.Int16, "bron": s},
    )
    peilingen = pl.DataFrame(
        {"peiling_id": ["P1", "P2"], "datum": [dt.date(2024, 3, 1), dt.date(2024, 11, 1)],
         "label": ["Startfoto", "Peiling 2"], "soort": ["startfoto", "voortgang"], "indeling_jaar": [2024, 2024],
         "illustratief": [True, True]},
        schema_overrides={"indeling_jaar": pl.Int16},
    )
    rows = [  # peiling, regio, thema, status
        ("P1", "JZ01", "T01", "3"), ("P1", "JZ01", "T02", "2"), ("P1", "JZ01", "T03", "1"),
        ("P1", "JZ02", "T01", "2"), ("P1", "JZ02", "T02", "onbekend"), ("P1", "JZ02", "T03", "3"),
        ("P1", "JZ03", "T01", "0"), ("P1", "JZ03", "T02", "1"), ("P1", "JZ03", "T03", "2"),
        ("P2", "JZ01", "T01", "4"), ("P2", "JZ01", "T02", "2"), ("P2", "JZ01", "T03", "onbekend"),
        ("P2", "JZ02", "T01", "1"), ("P2", "JZ02", "T02", "2"), ("P2", "JZ02", "T03", "3"),
        ("P2", "JZ03", "T01", "0"), ("P2", "JZ03", "T03", "nvt"),  # JZ03 × T02 ontbreekt in P2
    ]
    assessments = pl.DataFrame(rows, schema=["peiling_id", "regio_code", "thema_code", "status"], orient="row")
    assessments = assessments.with_columns(
        pl.format("sterk {} {}", "regio_code", "thema_code").alias("sterke_punten"),
        pl.format("zwak {} {}", "regio_code", "thema_code").alias("zwakke_punten"),
        pl.format("stap {} {}", "regio_code", "thema_code").alias("vervolgstappen"),
        pl.lit(True).alias("illustratief"),
    )
    needs = pl.DataFrame(
        [("P1", "JZ01", "C01", "T01", "hoog", "eerder"), ("P1", "JZ02", "C02", "T03", "middel", "eerder"),
         ("P2", "JZ01", "C01", "T01", "hoog", "=SOM(A1)"), ("P2", "JZ01", "C02", "T03", "laag", "inkoop"),
         ("P2", "JZ02", "C01", "T01", "middel", "toegang"), ("P2", "JZ03", "C02", "T03", "hoog", "regio")],
        schema=["peiling_id", "regio_code", "categorie_code", "thema_code", "prioriteit", "omschrijving"],
        orient="row",
    ).with_columns(pl.lit(True).alias("illustratief"))
    reference = {"themes": pl.DataFrame(), "status_scale": pl.DataFrame(), "need_categories": pl.DataFrame(),
                 "priorities": pl.DataFrame(), "regions": regions, "membership": pl.DataFrame({"jaar": [], "gemeente_code": []})}
    progress = {"peilingen": peilingen, "assessments": assessments, "support_needs": needs}
    return build_dataset(reference, progress, vocab)


@pytest.fixture(scope="module")
def ds():
    return mini_dataset()


@pytest.fixture(scope="module")
def real():
    return load_dataset()


# ---------------------------------------------------------------------------------------------
# Transformaties
# ---------------------------------------------------------------------------------------------
def test_status_grid_golden(ds):
    got = heatmap.status_grid(ds, Filters(peiling="P2"))
    expected = pl.DataFrame(
        {
            "regio_code": ["JZ01"] * 3 + ["JZ02"] * 3 + ["JZ03"] * 3,
            "regio_naam": ["Alfa"] * 3 + ["Beta"] * 3 + ["Gamma"] * 3,
            "provincie_naam": ["Groningen"] * 6 + ["Fryslân"] * 3,
            "thema_code": ["T01", "T02", "T03"] * 3,
            "status": ["4", "2", "onbekend", "1", "2", "3", "0", "onbekend", "nvt"],
            "status_waarde": [4, 2, None, 1, 2, 3, 0, None, None],
            "doorgelaten": [True] * 9,
        },
        schema_overrides={"status_waarde": pl.Int8},
    )
    assert_frame_equal(got, expected)


def test_change_grid_golden(ds):
    got = heatmap.change_grid(ds, Filters(peiling="P2")).select(
        "regio_code", "thema_code", "vorige_status", "status", "verschil", "verandering"
    )
    expected = pl.DataFrame(
        {
            "regio_code": ["JZ01"] * 3 + ["JZ02"] * 3 + ["JZ03"] * 3,
            "thema_code": ["T01", "T02", "T03"] * 3,
            "vorige_status": ["3", "2", "1", "2", "onbekend", "3", "0", "1", "2"],
            "status": ["4", "2", "onbekend", "1", "2", "3", "0", "onbekend", "nvt"],
            "verschil": [1, 0, None, -1, None, 0, 0, None, None],
            "verandering": ["verbeterd", "gelijk", "onbekend", "verslechterd", "onbekend", "gelijk", "gelijk",
                            "onbekend", "onbekend"],
        },
        schema_overrides={"verschil": pl.Int8},
    )
    assert_frame_equal(got, expected)


def test_change_grid_first_peiling_is_all_unknown(ds):
    got = heatmap.change_grid(ds, Filters(peiling="P1"))
    assert got["verandering"].unique().to_list() == ["onbekend"]
    assert got["verschil"].null_count() == got.height


def test_filters_province_and_status(ds):
    assert heatmap.regions_passing(ds, Filters(peiling="P2", provincie="PV20"))["regio_code"].to_list() == ["JZ01", "JZ02"]
    # status zonder thema: minstens één thema met die status
    assert heatmap.regions_passing(ds, Filters(peiling="P2", statussen=("3",)))["regio_code"].to_list() == ["JZ02"]
    # status met thema: de status op dat thema
    f = Filters(peiling="P2", thema="T01", statussen=("0", "4"))
    assert heatmap.regions_passing(ds, f)["regio_code"].to_list() == ["JZ01", "JZ03"]
    grid = heatmap.status_grid(ds, f)
    passed = grid.filter(pl.col("doorgelaten")).select("regio_code", "thema_code").rows()
    assert passed == [("JZ01", "T01"), ("JZ03", "T01")]


def test_margins_exclude_unknown(ds):
    grid = heatmap.status_grid(ds, Filters(peiling="P2"))
    expected_regions = pl.DataFrame(
        {"regio_code": ["JZ01", "JZ02", "JZ03"], "gemiddelde": [3.0, 2.0, 0.0], "aantal_bekend": [2, 3, 1]},
        schema_overrides={"aantal_bekend": pl.UInt32},
    )
    assert_frame_equal(heatmap.region_means(grid), expected_regions)
    expected_themes = pl.DataFrame(
        {"thema_code": ["T01", "T02", "T03"], "gemiddelde": [5 / 3, 2.0, 3.0], "aantal_bekend": [3, 2, 1]},
        schema_overrides={"aantal_bekend": pl.UInt32},
    )
    assert_frame_equal(heatmap.theme_means(grid), expected_themes)


def test_theme_order_by_national_progress(ds):
    assert heatmap.national_theme_order(ds, "P2") == ["T03", "T02", "T01"]


def test_region_orders(ds):
    grid = heatmap.status_grid(ds, Filters(peiling="P2"))
    themes = ["T03", "T02", "T01"]
    assert heatmap.order_regions(grid, "naam", themes) == ["JZ01", "JZ02", "JZ03"]
    assert heatmap.order_regions(grid, "voortgang", themes) == ["JZ01", "JZ02", "JZ03"]
    assert heatmap.order_regions(grid, "provincie", themes) == ["JZ03", "JZ01", "JZ02"]  # Fryslân < Groningen
    assert heatmap.order_regions(grid, "profiel", themes) == ["JZ01", "JZ02", "JZ03"]


def test_profile_distance_handles_unknown():
    assert heatmap.profile_distance([None, 2], [None, 4]) == 2.0  # beide onbekend telt niet mee
    assert heatmap.profile_distance([1, None], [1, 3]) == 1.0  # één onbekend: straf 2, niet 0
    assert heatmap.profile_distance([None], [None]) == 0.0


def test_similarity_order_differs_from_mean_order():
    profiles = {"A": [4, 4, 0, 0], "B": [0, 0, 4, 4], "C": [4, 4, 1, 0], "D": [0, 1, 4, 4]}
    # gemiddelden: C = D = 2,25 > A = B = 2; gretig vanaf C: A lijkt het meest, dan D, dan B
    assert heatmap.similarity_order(profiles) == ["C", "A", "D", "B"]
    assert heatmap.similarity_order({}) == []


def test_heatmap_table_is_what_is_shown(ds):
    grid = heatmap.change_grid(ds, Filters(peiling="P2"))
    got = heatmap.heatmap_table(grid, ds.vocab, heatmap.VARIANT_STATUS, ["JZ02", "JZ01", "JZ03"], ["T03", "T01", "T02"])
    expected = pl.DataFrame({
        "Regiocode": ["JZ02", "JZ01", "JZ03", ""],
        "Regio": ["Beta", "Alfa", "Gamma", "Gemiddelde per thema (getoonde regio's)"],
        "Provincie": ["Groningen", "Groningen", "Fryslân", ""],
        "T03 Regio en inkoop": ["In uitvoering", "Onbekend", "Niet van toepassing", "3,0"],
        "T01 Reikwijdte": ["Oriënterend", "Gerealiseerd", "Niet gestart", "1,7"],
        "T02 Lokale teams": ["In voorbereiding", "In voorbereiding", "Onbekend", "2,0"],
        "Gemiddelde voortgang": ["2,0", "3,0", "0,0", ""],
    })
    assert_frame_equal(got, expected)
    change = heatmap.heatmap_table(grid, ds.vocab, heatmap.VARIANT_CHANGE, ["JZ01"] * 0 + ["JZ01", "JZ02", "JZ03"],
                                   ["T01", "T02", "T03"])
    assert change.row(0) == ("JZ01", "Alfa", "Groningen", "Verbeterd (+1)", "Gelijk", "Onbekend", "+0,5")
    assert change.row(1)[3] == "Verslechterd (−1)"


def test_table_csv_has_filters_and_rows(ds):
    grid = heatmap.status_grid(ds, Filters(peiling="P2"))
    table = heatmap.heatmap_table(grid, ds.vocab, heatmap.VARIANT_STATUS, ["JZ01", "JZ02", "JZ03"], ["T01", "T02", "T03"])
    data = export.to_csv_bytes(table, export.header_lines("Thema's per regio", ["test"], "P2_Groningen", True))
    text = data.decode("utf-8-sig")
    assert "# Filters: P2_Groningen" in text and "voorbeelddata" in text
    assert_frame_equal(export.read_csv_export(data), table)


def test_history_and_detail(ds):
    hist = heatmap.region_theme_history(ds, "JZ03", "T02")
    assert hist["Peiling"].to_list() == ["Startfoto", "Peiling 2"]
    assert hist["Status"].to_list() == ["Oriënterend", "Onbekend"]  # ontbreekt in P2 → onbekend, niet 0
    assert hist["Sterke punten"].to_list() == ["sterk JZ03 T02", ""]
    detail = heatmap.cell_detail(ds, "P2", "JZ01", "T01")
    assert detail == {"status": "Gerealiseerd", "sterke_punten": "sterk JZ01 T01", "zwakke_punten": "zwak JZ01 T01",
                      "vervolgstappen": "stap JZ01 T01"}
    assert heatmap.cell_detail(ds, "P2", "JZ03", "T02")["status"] == "Onbekend"


def test_cell_from_selection_shapes():
    point = {"customdata": ["JZ13", "T02", "Amsterdam", "Lokale teams", "3"], "x": 5, "y": 2}
    assert heatmap.cell_from_selection({"selection": {"points": [point]}}) == ("JZ13", "T02")
    assert heatmap.cell_from_selection({"selection": {"points": []}}) is None
    assert heatmap.cell_from_selection(None) is None
    assert heatmap.cell_from_selection({"selection": {"points": [{"x": 1}]}}) is None

    class Attr:  # zoals Streamlit het teruggeeft: attribuuttoegang
        selection = {"points": [point]}

    assert heatmap.cell_from_selection(Attr()) == ("JZ13", "T02")


# ---------------------------------------------------------------------------------------------
# Figuur
# ---------------------------------------------------------------------------------------------
def _color_at(trace, z: int) -> str:
    """De kleur die de discrete colorscale van een heatmap-laag aan waarde z geeft."""
    pos = (z - trace.zmin) / (trace.zmax - trace.zmin)
    for (p0, c0), (p1, _c1) in zip(trace.colorscale, trace.colorscale[1:]):
        if p0 <= pos <= p1 and c0 == _c1:
            return c0
    raise AssertionError(f"geen kleur voor z={z}")


def _cells(fig, name="cellen"):
    """{(y, x): (vulkleur, tekst, tekstkleur)} over alle heatmap-lagen met deze naam (posities op de assen)."""
    out = {}
    for tr in fig.data:
        if tr.type != "heatmap" or tr.name != name:
            continue
        for i, row in enumerate(tr.z):
            for j, z in enumerate(row):
                if z is not None:
                    pos = (tr.y0 + i, tr.x0 + j)
                    assert pos not in out, "cel in twee lagen"
                    out[pos] = (_color_at(tr, z), tr.text[i][j], tr.textfont.color)
                else:
                    assert tr.text[i][j] == "", "tekst in een lege cel zou over een andere laag vallen"
    return out


def test_figure_colours_and_text_per_status(ds):
    grid = heatmap.change_grid(ds, Filters(peiling="P2"))
    rows, cols = ["JZ01", "JZ02", "JZ03"], ["T01", "T02", "T03"]
    fig = heatmap.heatmap_figure(grid, ds.vocab, heatmap.VARIANT_STATUS, rows, cols)
    cells = _cells(fig)
    status = {(r, t): s for r, t, s in grid.select("regio_code", "thema_code", "status").iter_rows()}
    assert len(cells) == 9
    for (i, j), (fill, text, text_color) in cells.items():
        s = status[(rows[i], cols[j])]
        assert fill == colors.STATUS_COLORS[s]
        assert text == heatmap.STATUS_CELL_TEXT[s]
        assert text_color == colors.STATUS_TEXT_COLORS[s]
    assert cells[(0, 0)][1] == "4" and cells[(0, 2)][1] == "?" and cells[(2, 2)][1] == "nvt"
    # marges: gemiddelde per regio en per thema, in Nederlandse notatie
    margins = {pos: text for pos, (_, text, _) in _cells(fig, "gemiddelde").items()}
    assert margins == {(0, 4): "3,0", (1, 4): "2,0", (2, 4): "0,0",  # rechts: per regio (na een lege kolom)
                       (4, 0): "1,7", (4, 1): "2,0", (4, 2): "3,0"}  # onder: per thema


def test_figure_change_variant_and_filtered_cells(ds):
    f = Filters(peiling="P2", statussen=("2",))
    grid = heatmap.change_grid(ds, f)
    rows = heatmap.order_regions(grid, "naam", ["T01", "T02", "T03"])
    assert rows == ["JZ01", "JZ02"]
    fig = heatmap.heatmap_figure(grid, ds.vocab, heatmap.VARIANT_CHANGE, rows, ["T01", "T02", "T03"])
    cells = _cells(fig)
    assert cells[(0, 1)] == (colors.CHANGE_COLORS["gelijk"], "=", colors.CHANGE_TEXT_COLORS["gelijk"])  # JZ01 T02: 2 → 2
    assert cells[(1, 1)][0] == colors.CHANGE_COLORS["onbekend"]  # JZ02 T02: onbekend → 2
    # buiten de statusfilter: licht, tekst blijft
    assert cells[(0, 0)] == (heatmap.FILTERED_OUT_COLOR, "+1", heatmap.FILTERED_OUT_TEXT_COLOR)
    assert cells[(1, 0)][1] == "−1"
    legend = [tr.name for tr in fig.data if tr.type == "scatter" and tr.showlegend is not False]
    assert "Buiten de statusfilter" in legend and "+ Verbeterd" in legend


def test_invisible_selectable_scatter_covers_every_cell(ds):
    grid = heatmap.status_grid(ds, Filters(peiling="P2"))
    fig = heatmap.heatmap_figure(grid, ds.vocab, heatmap.VARIANT_STATUS, ["JZ02", "JZ01", "JZ03"], ["T03", "T01", "T02"])
    sel = [tr for tr in fig.data if tr.name == "selectie"]
    assert len(sel) == 1
    tr = sel[0]
    assert tr.type == "scatter" and tr.mode == "markers"
    assert tr.marker.opacity == 0 and tr.selected.marker.opacity == 0 and tr.unselected.marker.opacity == 0
    assert len(tr.x) == 9
    cells = {(c[0], c[1]): (x, y) for c, x, y in zip(tr.customdata, tr.x, tr.y)}
    assert cells[("JZ02", "T03")] == (0, 0) and cells[("JZ03", "T02")] == (2, 2)
    assert fig.layout.clickmode == "event+select"
    # heatmaps zelf reageren niet (hover komt van de scatter)
    assert all(t.hoverinfo == "skip" for t in fig.data if t.type == "heatmap" and t.name == "cellen")


def test_highlight_shapes(ds):
    grid = heatmap.status_grid(ds, Filters(peiling="P2"))
    fig = heatmap.heatmap_figure(grid, ds.vocab, heatmap.VARIANT_STATUS, ["JZ01", "JZ02", "JZ03"], ["T01", "T02", "T03"],
                                 highlight_theme="T02", selected=("JZ03", "T01"))
    shapes = [(s.x0, s.x1, s.y0, s.y1, s.line.color) for s in fig.layout.shapes]
    assert (0.5, 1.5, -0.5, 2.5, colors.NEUTRAL_LINE) in shapes
    assert (-0.5, 0.5, 1.5, 2.5, colors.HIGHLIGHT) in shapes


def test_42_rows_readable(real):
    f = Filters(peiling=real.latest_peiling)
    grid = heatmap.status_grid(real, f)
    themes = heatmap.national_theme_order(real, f.peiling)
    rows = heatmap.order_regions(grid, "profiel", themes)
    assert len(rows) == 42 and sorted(rows) == sorted(grid["regio_code"].unique().to_list())
    fig = heatmap.heatmap_figure(grid, real.vocab, heatmap.VARIANT_STATUS, rows, themes)
    # elke rij minstens ROW_PX hoog, alle namen als label, celtekst klein genoeg voor de rij
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot_height / (len(rows) + 2) >= heatmap.ROW_PX
    assert heatmap.CELL_FONT_SIZE <= heatmap.ROW_PX - 6
    assert list(fig.layout.yaxis.ticktext[:42]) == [grid.filter(pl.col("regio_code") == r)["regio_naam"][0] for r in rows]
    assert max(len(t) for t in heatmap.STATUS_CELL_TEXT.values()) <= 3  # past in een smalle kolom


def test_margin_text_colour_has_contrast():
    assert heatmap.text_color_on("#ffffff") == heatmap.DARK_TEXT
    assert heatmap.text_color_on(colors.STATUS_COLORS["4"]) == heatmap.LIGHT_TEXT
    assert heatmap.text_color_on(colors.STATUS_COLORS["0"]) == heatmap.DARK_TEXT
    assert heatmap.mean_color(None, heatmap.VARIANT_STATUS) == colors.STATUS_COLORS["onbekend"]
    assert heatmap.mean_color(4.0, heatmap.VARIANT_STATUS) == colors.STATUS_COLORS["4"]
    assert heatmap.mean_color(1.0, heatmap.VARIANT_CHANGE) == colors.CHANGE_COLORS["verbeterd"]
    assert heatmap.mean_color(-3.0, heatmap.VARIANT_CHANGE) == colors.CHANGE_COLORS["verslechterd"]


# ---------------------------------------------------------------------------------------------
# Statusverloop van één regio (regioprofiel): thema × peiling
# ---------------------------------------------------------------------------------------------
def _history(labels=("Startfoto (maart 2024)", "Peiling juni 2025"), dates=(dt.date(2024, 3, 1), dt.date(2025, 6, 1))):
    """Twee peilingen in omgekeerde volgorde aangeleverd; T02 ontbreekt in de tweede, T03 is n.v.t."""
    rows = [("P2", "T01", "3"), ("P2", "T03", "nvt"), ("P1", "T01", "1"), ("P1", "T02", "0"), ("P1", "T03", "onbekend")]
    meta = {"P1": (labels[0], dates[0]), "P2": (labels[1], dates[1])}
    return pl.DataFrame({
        "peiling_id": [r[0] for r in rows], "thema_code": [r[1] for r in rows], "status": [r[2] for r in rows],
        "label": [meta[r[0]][0] for r in rows], "datum": [meta[r[0]][1] for r in rows],
    })


def _history_cells(fig):
    """(rij, kolom) → (statuscategorie, tekst, tekstkleur, hovertekst) uit de lagen van de figuur."""
    categories = list(heatmap.category_colors(heatmap.VARIANT_STATUS))
    out = {}
    for trace in fig.data:
        for i, row in enumerate(trace.z):
            for j, v in enumerate(row):
                if v is not None:
                    assert (i, j) not in out, "cel in twee lagen"
                    out[(i, j)] = (categories[v], trace.text[i][j], trace.textfont.color, trace.hovertext[i][j])
    return out


def test_history_grid_one_cell_per_theme_and_peiling_in_date_order():
    vocab = mini_vocab()
    fig = heatmap.history_grid(_history(), vocab)
    cells = _history_cells(fig)
    assert len(cells) == 3 * 2
    # rijen = thema's in vocabulairevolgorde, kolommen = peilingen op datum (P1 eerst)
    assert cells[(0, 0)][:2] == ("1", "1") and cells[(0, 1)][:2] == ("3", "3")
    assert cells[(1, 0)][:2] == ("0", "0")
    assert cells[(1, 1)][:2] == ("onbekend", "?")  # ontbrekende beoordeling telt als onbekend
    assert cells[(2, 0)][:2] == ("onbekend", "?") and cells[(2, 1)][:2] == ("nvt", "nvt")
    for category, _, text_color, _ in cells.values():
        assert text_color == colors.STATUS_TEXT_COLORS[category]
    hover = cells[(0, 1)][3]
    assert "Peiling juni 2025" in hover and vocab.theme_labels["T01"] in hover and REAL.status_labels["3"] in hover
    assert list(fig.layout.yaxis.ticktext) == [vocab.theme_short[c] for c in ("T01", "T02", "T03")]
    assert list(fig.layout.xaxis.ticktext) == ["Startfoto<br>(maart 2024)", "Peiling<br>juni 2025"]


def test_history_grid_thins_column_labels_for_many_peilingen():
    n = 40
    rows = [(f"P{k:02d}", "T01", str(k % 5)) for k in range(n)]
    history = pl.DataFrame({
        "peiling_id": [r[0] for r in rows], "thema_code": [r[1] for r in rows], "status": [r[2] for r in rows],
        "label": [f"P{k}" for k in range(n)], "datum": [dt.date(2024, 1, 1) + dt.timedelta(days=30 * k) for k in range(n)],
    })
    fig = heatmap.history_grid(history, mini_vocab())
    cells = _history_cells(fig)
    assert len(cells) == n
    assert len(fig.layout.xaxis.tickvals) <= heatmap.HISTORY_MAX_TICKS
    assert fig.layout.xaxis.tickvals[0] == 0
    # te smal voor cijfers: alleen kleur, in één laag; de hovertekst noemt de status nog steeds
    assert n > heatmap.HISTORY_MAX_DIGIT_COLUMNS and len(fig.data) == 1
    assert all(text == "" for _, text, _, _ in cells.values())
    assert REAL.status_labels["3"] in cells[(0, 3)][3]


def test_history_table_matches_grid():
    from lib import profile

    table = profile.history_table(_history(), mini_vocab())
    assert table.columns == ["Thema", "Startfoto (maart 2024)", "Peiling juni 2025"]
    assert table.row(1) == (REAL.theme_labels["T02"], REAL.status_labels["0"], REAL.status_labels["onbekend"])
    assert table.row(2)[2] == REAL.status_labels["nvt"]
