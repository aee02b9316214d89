"""AppTest voor de start- en datapagina: geen exception, markering zichtbaar, één interactie elk."""

from __future__ import annotations

from apptest_support import all_text, run_app
from lib import schema


def test_start_page_renders_with_marker():
    at = run_app()
    assert not at.exception
    assert at.title[0].value.startswith("Hervormingsagenda Jeugd")
    assert schema.ILLUSTRATIVE_MARKER in all_text(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Jeugdregio's"] == "42"
    assert metrics["Thema's"] == "14"


def test_start_page_follows_peiling_filter():
    # Zijbalkfilters worden in AppTest via session_state gezet (zie apptest_support.run_app).
    before = {m.label: m.value for m in run_app().metric}
    at = run_app(state={"peiling": "P2024-03"})
    assert not at.exception
    after = {m.label: m.value for m in at.metric}
    assert "Startfoto (maart 2024)" in all_text(at)
    assert after["In uitvoering of gerealiseerd"] != before["In uitvoering of gerealiseerd"]


def test_data_page_renders_sources_and_format():
    at = run_app("pages/over_de_data.py")
    assert not at.exception
    text = all_text(at)
    assert "CC BY 4.0" in text and "Kadaster" in text
    assert schema.ILLUSTRATIVE_MARKER in text
    assert "JZ40" in text  # uitleg dat JZ40 niet bestaat
    # de themetabel en de statusschaal staan er
    assert any(df.value.shape[0] == 14 for df in at.dataframe)
    at.expander[0]  # formaat-uitleg per bestand is aanwezig
    assert len(at.expander) >= 3
