"""Globale filters: opties, onbekende waarden uit een link, link → status → link, beschrijving."""

from __future__ import annotations

import pytest

from lib import filters, schema
from lib.loaders import load_dataset
from lib.transforms import Filters


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_options_are_codes_with_all_first(ds):
    opts = filters.options(ds)
    assert opts["peiling"] == ds.peiling_ids
    assert opts["provincie"][0] == filters.ALL and len(opts["provincie"]) == 13  # alle + 12 provincies
    assert all(p.startswith("PV") for p in opts["provincie"][1:])
    assert opts["thema"] == [filters.ALL, *ds.vocab.theme_codes]
    assert opts["status"] == list(schema.STATUS_CODES)


def test_invalid_query_values_lists_every_unknown_value(ds):
    opts = filters.options(ds)
    query = {"peiling": ["P1999-01"], "provincie": ["PV27"], "thema": ["T99"], "status": ["3", "zz", "4"]}
    assert filters.invalid_query_values(query, opts) == [("peiling", "P1999-01"), ("thema", "T99"), ("status", "zz")]
    assert filters.invalid_query_values({}, opts) == []
    # labels zijn geen geldige waarden: in de URL staan codes
    assert filters.invalid_query_values({"peiling": ["Peiling juni 2025"]}, opts) == [("peiling", "Peiling juni 2025")]


def test_query_to_state_keeps_valid_values_only(ds):
    opts = filters.options(ds)
    query = {"peiling": ["P2025-06"], "provincie": ["PV99"], "thema": ["T02"], "status": ["4", "zz", "3", "4"]}
    assert filters.query_to_state(query, opts) == {"peiling": "P2025-06", "thema": "T02", "status": ["3", "4"]}
    # bij een herhaalde enkelvoudige sleutel telt de laatste geldige waarde (zoals st.query_params)
    assert filters.query_to_state({"peiling": ["P2024-03", "P2024-11"]}, opts) == {"peiling": "P2024-11"}


def test_state_to_query_leaves_defaults_out(ds):
    dflt = filters.defaults(ds)
    assert filters.state_to_query(dict(dflt), dflt) == {}
    values = {**dflt, "peiling": "P2025-06", "provincie": "PV27", "status": ["3", "4"]}
    assert filters.state_to_query(values, dflt) == {"peiling": ["P2025-06"], "provincie": ["PV27"], "status": ["3", "4"]}


def test_round_trip_link_state_link(ds):
    opts, dflt = filters.options(ds), filters.defaults(ds)
    query = {"peiling": ["P2024-11"], "thema": ["T10"], "status": ["onbekend"]}
    state = {**dflt, **filters.query_to_state(query, opts)}
    assert filters.state_to_query(state, dflt) == query


def test_describe_for_file_names(ds):
    assert filters.describe(ds, Filters(peiling="P2025-06")) == "P2025-06"
    f = Filters(peiling="P2025-06", provincie="PV27", thema="T02", statussen=("3", "4"))
    assert filters.describe(ds, f) == "P2025-06_Noord-Holland_T02_status-3-4"


def test_link_notice_is_short_dutch_and_harmless():
    assert filters.link_notice("thema", "T99") == "Het thema ‘T99’ uit de link bestaat niet; de standaardwaarde wordt getoond."
    assert filters.link_notice("status", "zz") == "De status ‘zz’ uit de link bestaat niet en wordt genegeerd."
    # de melding is markdown: een link of plaatje uit de URL mag niet werken
    shown = filters.link_notice("peiling", "![x](http://example.com/p.png)[a](http://x)")
    assert "(" not in shown and "[" not in shown and "://" not in shown
    assert len(filters.shown_value("A" * 500)) == 40
