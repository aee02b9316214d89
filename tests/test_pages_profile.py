"""AppTest: regioprofiel en vergelijken, met een interactie elk."""

from __future__ import annotations

import polars as pl

from apptest_support import all_text, html_tables, run_app
from lib import schema


def test_region_profile_default_and_switch_region():
    at = run_app("pages/regio.py")
    assert not at.exception
    assert at.title[0].value == "Regioprofiel"
    first = at.header[0].value
    sb = at.selectbox(key="regio_sel")
    sb.select("JZ38").run()
    assert not at.exception
    assert at.header[0].value == "Zeeland (JZ38)" != first
    text = all_text(at)
    assert schema.ILLUSTRATIVE_MARKER in text
    assert "13 gemeenten" in text
    assert at.query_params["regio"] in ("JZ38", ["JZ38"])
    labels = [b.label for b in at.get("download_button")]
    assert any("startfoto" in label.lower() for label in labels)
    assert any("CSV" in label for label in labels) and any("Excel" in label for label in labels)


def test_region_profile_from_link():
    at = run_app("pages/regio.py", query={"regio": "jz21"})
    assert not at.exception
    assert at.header[0].value == "Food Valley (JZ21)"
    assert "Gelderland, Utrecht" in all_text(at)


def test_region_profile_bad_link_falls_back_with_notice():
    at = run_app("pages/regio.py", query={"regio": "JZ40"})
    assert not at.exception
    assert any("JZ40" in w.value for w in at.warning)
    assert at.header[0].value.endswith(")")


def test_region_profile_first_peiling_has_no_changes():
    at = run_app("pages/regio.py", state={"peiling": "P2024-03"})
    assert not at.exception
    assert "eerste peiling" in all_text(at)


def test_compare_page_and_change_selection():
    at = run_app("pages/vergelijken.py", query={"regios": "JZ13,JZ29"}, state={"vergelijken_tabel": True})
    assert not at.exception
    ms = at.multiselect(key="vergelijk_regios")
    assert ms.value == ["JZ13", "JZ29"]
    ms.select("JZ41").run()
    assert not at.exception
    assert at.query_params["regios"] in ("JZ13,JZ29,JZ41", ["JZ13,JZ29,JZ41"])
    table = at.dataframe[0].value
    assert "Zuid-Limburg" in table.columns and table.shape[0] == 14


def test_compare_page_needs_two_regions():
    at = run_app("pages/vergelijken.py", query={"regios": "JZ13"})
    assert not at.exception
    assert any("minstens twee" in i.value for i in at.info)


def test_region_profile_reading_tables_show_full_texts():
    """Zwakke punten en ondersteuningsbehoeften staan als leestabel (lib/html_table) met de volledige
    tekst uit de data, niet afgekapt in een rastercel; de pagina heeft bij het laden geen st.dataframe."""
    from lib import loaders, profile

    at = run_app("pages/regio.py", query={"regio": "JZ38"})
    assert not at.exception
    assert len(at.dataframe) == 0  # geen DataFrame-JavaScript nodig tot iemand een tabelalternatief opent
    weak, own = html_tables(at)
    ds = loaders.load_dataset()
    texts = profile.region_texts(ds, "JZ38", ds.latest_peiling).filter(pl.col("Zwakke punten") != "")
    assert weak.columns == ["Thema", "Status", "Zwakke punten", "Vervolgstappen"]
    assert weak["Zwakke punten"].to_list() == texts["Zwakke punten"].to_list()
    assert weak["Vervolgstappen"].to_list() == texts["Vervolgstappen"].to_list()
    expected = profile.region_needs(ds, "JZ38", ds.latest_peiling)
    assert own["Omschrijving"].to_list() == expected["Omschrijving"].fill_null("").to_list()
