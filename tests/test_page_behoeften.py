"""AppTest voor 'Ondersteuningsbehoeften': echte context naast voorbeelddata, elke grafiek met tabel en
CSV, filters (zijbalk en URL, geldig en ongeldig), de lijst en kaart per categorie en de behoeften per regio."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

from apptest_support import all_nodes, all_text, html_tables, run_app
from lib import colors, needs, schema
from test_page_heatmap import open_link

PAGE = "pages/behoeften.py"


def _highlighted(at) -> set[str]:
    """De gemarkeerde regio's in de SVG-kaart (st.image met een data-URL)."""
    images = [n for n in all_nodes(at) if getattr(n, "type", None) == "image"]
    assert len(images) == 1
    url = images[0].proto.imgs[0].url
    assert url.startswith("data:image/svg+xml;base64,")
    root = ET.fromstring(base64.b64decode(url.split(",", 1)[1]))
    return {p.get("data-regio") for p in root.iter("{http://www.w3.org/2000/svg}path")
            if p.get("fill") == colors.HIGHLIGHT}


def test_renders_context_marker_and_every_chart_with_table_and_csv():
    at = run_app(PAGE, state={"behoeften_dist_tabel": True})  # het tabelalternatief is lui: open het eerste
    assert not at.exception
    text = all_text(at)
    assert at.title[0].value == "Ondersteuningsbehoeften"
    assert needs.NATIONAL_SOURCE in text and "toegang en lokale teams" in text
    assert schema.ILLUSTRATIVE_MARKER in text
    charts = at.get("plotly_chart")
    assert len(charts) == 4  # verdeling, prioriteit, matrix, verandering
    expanders = [e for e in at.expander if e.label == "Tabel bij deze grafiek"]
    assert len(expanders) == len(charts)
    # elke grafiek een CSV, plus de lijst per categorie en de behoeften van één regio
    assert len(at.get("download_button")) == len(charts) + 2
    # alleen het geopende tabelalternatief is gemaakt; de lijst per categorie en de eigen behoeften van
    # één regio zijn leestabellen
    assert len(at.dataframe) == 1
    assert len(html_tables(at)) == 2
    dist = at.dataframe[0].value
    assert list(dist.columns) == ["Code", "Categorie", "Aantal regio's", "Aandeel regio's (%)"]
    assert dist["Aantal regio's"].tolist() == sorted(dist["Aantal regio's"].tolist(), reverse=True)


def test_category_list_and_map_agree():
    at = run_app(PAGE)
    at.selectbox(key="behoeften_categorie").set_value("C05").run()
    assert not at.exception
    asking = html_tables(at)[0]  # een leestabel; de tabelalternatieven zijn dicht en dus niet verstuurd
    assert set(asking.columns) == {"Regiocode", "Regio", "Provincie", "Prioriteit", "Omschrijving"}
    assert len(asking) > 0
    assert _highlighted(at) == set(asking["Regiocode"])
    assert f"{len(asking)} van de 42 regio's" in all_text(at)


def test_region_needs():
    at = run_app(PAGE)
    at.selectbox(key="behoeften_regio").set_value("JZ13").run()
    assert not at.exception
    own = html_tables(at)[-1]  # een leestabel (lib/html_table), geen st.dataframe
    assert own.columns == ["Categorie", "Thema", "Prioriteit", "Omschrijving"]
    assert own.height > 0 and all(own["Omschrijving"].str.len_chars() > 0)


def test_sidebar_filters_narrow_the_view():
    at = run_app(PAGE, state={"behoeften_dist_tabel": True})
    at.selectbox(key="provincie").set_value("PV30").run()  # Noord-Brabant
    assert not at.exception
    assert "5 regio's in beeld" in all_text(at)
    at.selectbox(key="thema").set_value("T10").run()
    assert "alleen bij thema T10" in all_text(at)
    dist = at.dataframe[0].value
    nonzero = set(dist.loc[dist["Aantal regio's"] > 0, "Code"])
    assert nonzero <= {"C02", "C03", "C04"}  # de categorieën bij T10


def test_valid_link_and_first_peiling():
    at = open_link(PAGE, {"peiling": "P2024-03", "provincie": "PV27"})
    assert not at.exception
    assert len(at.sidebar.warning) == 0
    assert "9 regio's in beeld" in all_text(at)
    assert any("eerste peiling" in i.value for i in at.info)  # geen vorige peiling: uitleg, geen grafiek
    assert len(at.get("plotly_chart")) == 3


def test_invalid_link_notice_and_default_view():
    at = open_link(PAGE, {"thema": "T77", "provincie": "Noord-Holland"})  # label in plaats van code
    assert not at.exception
    notices = [w.value for w in at.sidebar.warning]
    assert len(notices) == 2 and all("bestaat niet" in n for n in notices)
    assert "42 regio's in beeld" in all_text(at)
    assert at.query_params == {}


def test_no_regions_for_filters():
    at = run_app(PAGE, query={"provincie": "PV29", "thema": "T02", "status": "nvt"})
    assert not at.exception
    assert any("Geen regio's voor deze filters" in i.value for i in at.info)


def test_filters_kept_when_switching_pages():
    at = run_app("pages/heatmap.py", query={"provincie": "PV27"})
    at.selectbox(key="thema").set_value("T05").run()
    at.switch_page("pages/behoeften.py").run()
    assert not at.exception
    assert at.selectbox(key="provincie").value == "PV27" and at.selectbox(key="thema").value == "T05"
    assert "9 regio's in beeld" in all_text(at)
    assert at.query_params == {"provincie": "PV27", "thema": "T05"}
