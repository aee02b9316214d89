"""AppTest voor 'Thema's per regio': filters (zijbalk en URL, geldig en ongeldig), weergave, sortering en
het detail van één cel."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from apptest_support import APP, all_text, run_app
from lib import schema

PAGE = "pages/heatmap.py"


def open_link(page: str, query: dict) -> AppTest:
    """Zoals een gedeelde link: de eerste run van de sessie opent meteen de pagina, met de URL-parameters."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(page)
    return at.run()


def _figure(at) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def _row_labels(at) -> list[str]:
    return list(_figure(at)["layout"]["yaxis"]["ticktext"][:-1])  # laatste = 'Gemiddeld'


def test_renders_all_regions_with_marker():
    at = run_app(PAGE)
    assert len(at.dataframe) == 0 and [e.label for e in at.expander] == ["Tabel bij deze grafiek"]  # lui: dicht
    at.session_state["heatmap_tabel"] = True
    at.run()
    assert not at.exception
    assert at.title[0].value == "Thema's per regio"
    assert schema.ILLUSTRATIVE_MARKER in all_text(at)
    labels = _row_labels(at)
    assert len(labels) == 42 and labels[0] == "Achterhoek"  # standaard op naam
    assert "42 regio's" in all_text(at)
    assert len(at.get("download_button")) == 1  # CSV bij de heatmap
    assert at.dataframe[0].value.shape == (43, 3 + 14 + 1)  # 42 regio's + themagemiddelden


def test_sidebar_filter_narrows_rows():
    at = run_app(PAGE)
    at.selectbox(key="provincie").set_value("PV27").run()
    assert not at.exception
    assert "9 regio's" in all_text(at)
    assert "Amsterdam-Amstelland" in _row_labels(at) and "Groningen" not in _row_labels(at)
    assert at.query_params.get("provincie") == "PV27"  # de link volgt de keuze


def test_valid_link_gives_filtered_view():
    at = open_link(PAGE, {"peiling": "P2025-06", "provincie": "PV27", "thema": "T02"})
    assert at.title[0].value == "Thema's per regio"
    assert not at.exception
    assert len(at.sidebar.warning) == 0
    assert "Peiling juni 2025" in all_text(at)
    assert len(_row_labels(at)) == 9
    fig = _figure(at)
    assert len(fig["layout"]["shapes"]) == 1  # kader om het gekozen thema
    assert at.query_params == {"peiling": "P2025-06", "provincie": "PV27", "thema": "T02"}


def test_invalid_link_falls_back_with_notice():
    at = open_link(PAGE, {"peiling": "P1999-01", "provincie": "PV99", "status": ["3", "xx"]})
    assert not at.exception
    notices = [w.value for w in at.sidebar.warning]
    assert len(notices) == 3 and all("bestaat niet" in n for n in notices)
    assert "Peiling juni 2026" in all_text(at)  # standaardpeiling
    assert at.query_params == {"status": "3"}  # onbekende waarden zijn uit de link verdwenen
    assert "Lichte cellen vallen buiten de statusfilter" in all_text(at)
    at.run()
    assert len(at.sidebar.warning) == 0  # een korte melding: weg bij de volgende run


def test_variant_sort_and_detail():
    at = run_app(PAGE, state={"heatmap_tabel": True})
    at.button_group(key="heatmap_variant").set_value("verandering").run()
    assert not at.exception
    assert "Gemiddelde verandering" in at.dataframe[0].value.columns
    at.selectbox(key="heatmap_sort").set_value("voortgang").run()
    first_by_progress = _row_labels(at)[0]
    at.selectbox(key="heatmap_sort").set_value("naam").run()
    assert _row_labels(at)[0] == "Achterhoek" and first_by_progress != "Achterhoek"

    assert "Klik op een cel" in all_text(at)
    at.selectbox(key="heatmap_regio").set_value("JZ13")
    at.selectbox(key="heatmap_thema").set_value("T02").run()
    assert not at.exception
    history = at.dataframe[-1].value
    assert history.shape[0] == 5 and list(history.columns)[:3] == ["Peiling", "Datum", "Status"]
    status = {m.label: m.value for m in at.metric}
    assert status["Status in Peiling juni 2026"] == history["Status"].iloc[-1]  # laatste peiling = de gekozen
    texts = [t.value for t in at.text]  # sterke en zwakke punten, vervolgstappen: als platte tekst
    assert len(texts) == 3 and texts[2] == (history["Vervolgstappen"].iloc[-1] or "—")
    shapes = _figure(at)["layout"]["shapes"]
    assert len(shapes) == 1  # de gekozen cel is gemarkeerd
    assert len(at.get("download_button")) == 2


def test_empty_filter_result_explains():
    at = run_app(PAGE, query={"provincie": "PV29", "thema": "T02", "status": "nvt"})
    assert not at.exception
    assert any("Geen regio's voor deze filters" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0
