"""Ondersteuningsbehoeften: transformaties op de mini-dataset (golden frames) en de grafieken zonder
Streamlit."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import export, needs
from lib.transforms import Filters
from test_heatmap import mini_dataset


@pytest.fixture(scope="module")
def ds():
    return mini_dataset()


def test_needs_in_scope_follows_filters(ds):
    assert needs.needs_in_scope(ds, Filters(peiling="P2")).height == 4
    scoped = needs.needs_in_scope(ds, Filters(peiling="P2", provincie="PV20"))
    assert sorted(set(scoped["regio_code"].to_list())) == ["JZ01", "JZ02"]
    themed = needs.needs_in_scope(ds, Filters(peiling="P2", thema="T03"))
    assert themed["categorie_code"].cast(pl.String).to_list() == ["C02", "C02"]
    # statusfilter: alleen regio's met die status (hier JZ02 met een 3)
    assert needs.needs_in_scope(ds, Filters(peiling="P2", statussen=("3",)))["regio_code"].to_list() == ["JZ02"]
    assert needs.needs_in_scope(ds, Filters(peiling="P2"), peiling="P1").height == 2


def test_category_distribution_golden(ds):
    got = needs.category_distribution(needs.needs_in_scope(ds, Filters(peiling="P2", provincie="PV20")), ds.vocab, 2)
    expected = pl.DataFrame({
        "categorie_code": ["C01", "C02"],
        "categorie": ["Toegang en lokale teams", "Regionale samenwerking"],
        "aantal_regios": [2, 1],
        "aandeel": [1.0, 0.5],
    }, schema_overrides={"aantal_regios": pl.UInt32})
    assert_frame_equal(got, expected)
    # alle categorieën blijven staan, ook met 0; sortering: aantal, dan code
    themed = needs.category_distribution(needs.needs_in_scope(ds, Filters(peiling="P2", thema="T03")), ds.vocab, 3)
    assert themed["categorie_code"].to_list() == ["C02", "C01"]
    assert themed["aantal_regios"].to_list() == [2, 0]


def test_priority_breakdown_golden(ds):
    got = needs.priority_breakdown(needs.needs_in_scope(ds, Filters(peiling="P2")), ds.vocab, ["C02", "C01"])
    expected = pl.DataFrame({
        "categorie_code": ["C02"] * 3 + ["C01"] * 3,
        "prioriteit": ["hoog", "middel", "laag"] * 2,
        "aantal": [1, 0, 1, 1, 1, 0],
    }, schema_overrides={"aantal": pl.UInt32})
    assert_frame_equal(got, expected)


def test_category_theme_matrix_golden(ds):
    got = needs.category_theme_matrix(needs.needs_in_scope(ds, Filters(peiling="P2")), ds.vocab)
    expected = pl.DataFrame({
        "categorie_code": ["C01", "C01", "C02", "C02"],
        "thema_code": ["T01", "T03", "T01", "T03"],  # T02 heeft geen categorie en geen behoeften
        "aantal": [2, 0, 0, 2],
    }, schema_overrides={"aantal": pl.UInt32})
    assert_frame_equal(got, expected)


def test_change_between_golden(ds):
    got = needs.change_between(ds, Filters(peiling="P2"), ds.vocab)
    expected = pl.DataFrame({
        "categorie_code": ["C01", "C02"], "categorie": ["Toegang en lokale teams", "Regionale samenwerking"],
        "vorige": [1, 1], "nu": [2, 2], "verschil": [1, 1],
    }, schema_overrides={"vorige": pl.UInt32, "nu": pl.UInt32, "verschil": pl.Int32})
    assert_frame_equal(got, expected)
    assert needs.change_between(ds, Filters(peiling="P1"), ds.vocab) is None


def test_regions_asking_and_region_needs(ds):
    got = needs.regions_asking(ds, Filters(peiling="P2"), "C02")
    expected = pl.DataFrame({
        "Regiocode": ["JZ03", "JZ01"], "Regio": ["Gamma", "Alfa"], "Provincie": ["Fryslân", "Groningen"],
        "Prioriteit": ["Hoog", "Laag"], "Omschrijving": ["regio", "inkoop"],
    })
    assert_frame_equal(got, expected)
    own = needs.region_needs(ds, "P2", "JZ01")
    assert own["Categorie"].to_list() == ["Toegang en lokale teams", "Regionale samenwerking"]
    assert own["Prioriteit"].to_list() == ["Hoog", "Laag"]
    assert needs.region_needs(ds, "P2", "JZ99").is_empty()


def test_csv_of_region_needs_neutralises_formulas(ds):
    own = needs.region_needs(ds, "P2", "JZ01")
    text = export.to_csv_bytes(own, export.header_lines("x", ["test"], "P2", True)).decode("utf-8-sig")
    assert "'=SOM(A1)" in text and ";=SOM" not in text


def test_tables_match_charts(ds):
    scope = needs.needs_in_scope(ds, Filters(peiling="P2"))
    dist = needs.category_distribution(scope, ds.vocab, 3)
    table = needs.distribution_table(dist)
    assert table.columns == ["Code", "Categorie", "Aantal regio's", "Aandeel regio's (%)"]
    assert table["Aandeel regio's (%)"].to_list() == [66.7, 66.7]
    fig = needs.distribution_bar(dist, 3)
    assert list(fig.data[0].y) == table["Categorie"].to_list()
    assert list(fig.data[0].x) == table["Aantal regio's"].to_list()
    assert fig.layout.yaxis.autorange == "reversed"  # grootste boven

    prio = needs.priority_breakdown(scope, ds.vocab, dist["categorie_code"].to_list())
    ptable = needs.priority_table(prio, ds.vocab)
    assert ptable.columns == ["Code", "Categorie", "Prioriteit hoog", "Prioriteit middel", "Prioriteit laag"]
    pfig = needs.priority_bar(prio, ds.vocab)
    assert [t.name for t in pfig.data] == ["Hoog", "Middel", "Laag"]
    assert [t.marker.color for t in pfig.data] == [needs.PRIORITY_COLORS[p] for p in ("hoog", "middel", "laag")]
    assert list(pfig.data[0].x) == ptable["Prioriteit hoog"].to_list()

    matrix = needs.category_theme_matrix(scope, ds.vocab)
    mtable = needs.matrix_table(matrix, ds.vocab)
    assert mtable.columns == ["Code", "Categorie", "T01 Reikwijdte", "T03 Regio en inkoop"]
    mfig = needs.matrix_heatmap(matrix, ds.vocab)
    assert [list(r) for r in mfig.data[0].z] == [[2, 0], [0, 2]]
    assert [list(r) for r in mfig.data[0].text] == [["2", ""], ["", "2"]]  # 0 blijft leeg in de cel


def test_change_dumbbell_labels(ds):
    change = needs.change_between(ds, Filters(peiling="P2"), ds.vocab)
    fig = needs.change_dumbbell(change, "Startfoto", "Peiling 2")
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert legend == ["Startfoto", "Peiling 2"]
    labels = [t for t in fig.data if t.mode == "text"][0]
    assert [s.strip() for s in labels.text] == ["2 (+1)", "2 (+1)"]
    assert needs.change_label(5, -1) == "5 (−1)" and needs.change_label(7, 0) == "7 (±0)"


def test_national_findings_are_the_verified_ones():
    text = " ".join(needs.NATIONAL_FINDINGS).lower()
    for phrase in ("lokale teams en toegang", "onderwijs", "ggz voor volwassenen", "arbeidsmarkt",
                   "lokale autonomie", "privacyregelgeving", "financiële positie van gemeenten",
                   "domeinoverstijgend werken", "draagvlak"):
        assert phrase in text
    assert "23 april 2024" in needs.NATIONAL_SOURCE and "VNG" in needs.NATIONAL_SOURCE
