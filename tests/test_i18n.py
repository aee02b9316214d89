"""Taal: vertaalbestanden compleet (sleutels en {plekken}), geen losse UI-tekst in de pagina's, elke pagina
in het Nederlands en het Engels zonder fout, en de taalkeuze via session_state en ?taal=."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import polars as pl
import pytest

from apptest_support import ROOT, all_text, run_app
from lib import i18n, schema, ui
from lib.loaders import load_dataset
from lib.navigation import PAGES


# --------------------------------------------------------------------------------------------
# Vertaalbestanden
# --------------------------------------------------------------------------------------------
def _flat(lang: str) -> dict[str, str]:
    return i18n.flatten(i18n.catalog(lang))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_in_both_languages():
    nl, en = _flat("nl"), _flat("en")
    assert sorted(set(nl) - set(en)) == [], "ontbreekt in en.toml"
    assert sorted(set(en) - set(nl)) == [], "ontbreekt in nl.toml (Nederlands is de bron)"
    assert len(nl) > 300


def test_placeholders_match():
    nl, en = _flat("nl"), _flat("en")
    wrong = {k: (_placeholders(nl[k]), _placeholders(en[k])) for k in nl if k in en
             and _placeholders(nl[k]) != _placeholders(en[k])}
    assert wrong == {}


def test_all_values_are_nonempty_text():
    for lang in i18n.LANGS:
        empty = [k for k, v in _flat(lang).items() if not isinstance(v, str) or not v.strip()]
        assert empty == [], lang


def test_english_differs_where_it_should():
    """Een vergeten vertaling (Engels = Nederlands) bij een lange zin is bijna altijd een fout."""
    nl, en = _flat("nl"), _flat("en")
    same = [k for k in nl if len(nl[k]) > 30 and nl[k] == en[k] and not k.startswith("kolommen.")]
    assert same == []


def test_t_formats_falls_back_and_is_strict_in_tests(monkeypatch):
    assert i18n.t("start.landelijk_beeld", lang="en", peiling="X") == "National picture — X"
    assert i18n.t("start.landelijk_beeld", peiling="X") == "Landelijk beeld — X"  # buiten Streamlit: nl
    with pytest.raises(KeyError, match="bestaat.niet"):
        i18n.t("bestaat.niet")
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    assert i18n.t("bestaat.niet") == "bestaat.niet"  # in de app: geen traceback


def test_normalize_and_columns():
    assert i18n.normalize("EN") == "en" and i18n.normalize("fr") == "nl" and i18n.normalize(None) == "nl"
    df = pl.DataFrame({"Thema": ["x"], "Zwakke punten": ["y"], "onbekende_kolom": [1]})
    assert i18n.columns(df, lang="en").columns == ["Theme", "Weaknesses", "onbekende_kolom"]
    assert i18n.columns(df, lang="nl").columns == df.columns


def test_marker_constants_unchanged():
    assert schema.ILLUSTRATIVE_MARKER == "Voorbeelddata — fictieve cijfers"
    assert i18n.t("ui.voorbeeld_marker", lang="nl") == schema.ILLUSTRATIVE_MARKER
    assert i18n.t("ui.voorbeeld_uitleg", lang="nl") == schema.ILLUSTRATIVE_EXPLANATION


def test_english_vocabulary_from_data_files():
    en = schema.vocabulary(lang="en")
    nl = schema.vocabulary()
    assert en.theme_labels["T02"] == "Local teams and access"
    assert nl.theme_labels["T02"] == "Lokale teams en toegang"
    assert en.status_labels["4"] == "Realised" and en.status_short["nvt"] == "n/a"
    assert en.category_labels["C01"] == "Access and local teams"
    assert en.priority_labels["hoog"] == "High"
    assert en.theme_codes == nl.theme_codes and set(en.theme_short) == set(nl.theme_short)
    assert all(en.theme_short.values()) and all(en.status_short.values())


def test_dataset_in_language_swaps_labels_only():
    ds = load_dataset()
    en = ui.in_language(ds, "en")
    assert ui.in_language(ds, "nl") is ds
    assert en.vocab.theme_labels["T02"] == "Local teams and access"
    assert en.peilingen["label"].to_list()[0] == "Baseline (March 2024)"
    assert en.peilingen.drop("label").equals(ds.peilingen.drop("label"))
    assert en.assessments is ds.assessments


# --------------------------------------------------------------------------------------------
# Geen losse UI-tekst in de pagina's
# --------------------------------------------------------------------------------------------
UI_CALLS = {
    "title", "header", "subheader", "markdown", "caption", "write", "text", "info", "warning", "error", "success",
    "button", "download_button", "selectbox", "multiselect", "radio", "toggle", "checkbox", "text_input",
    "expander", "tabs", "metric", "page_link", "segmented_control", "toast", "form_submit_button", "file_uploader",
}
UI_KEYWORDS = {"label", "help", "placeholder", "body"}
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _literal_text(node: ast.AST) -> str | None:
    """De letterlijke tekst als die met een woord begint (of een woord bevat bij een gewone string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _WORD.search(node.value) else None
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        head = str(node.values[0].value)
        return head if _WORD.match(head.lstrip()) else None
    if isinstance(node, ast.BinOp):  # "tekst" + ...
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):  # st.tabs(["A", "B"])
        return next((x for x in (_literal_text(e) for e in node.elts) if x), None)
    return None


def ui_literals(path: Path) -> list[str]:
    hits = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in UI_CALLS):
            continue
        args = node.args[:1] + [kw.value for kw in node.keywords if kw.arg in UI_KEYWORDS]
        for arg in args:
            text = _literal_text(arg)
            if text:
                hits.append(f"{path.name}:{node.lineno} {node.func.attr}({text[:40]!r})")
    return hits


def test_lint_finds_literals(tmp_path):
    p = tmp_path / "x.py"
    p.write_text('st.title("Hallo")\nc1.metric(f"Aantal {n}", 3)\nst.tabs(["Een", t("x")])\n'
                 'st.info(t("a"))\nst.markdown(f"**{t(\'b\')}**")\nst.caption("")\nst.button("→", help="Uitleg")\n')
    assert len(ui_literals(p)) == 4


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_have_no_ui_literals(path):
    assert ui_literals(path) == []


def test_app_and_sidebar_have_no_ui_literals():
    assert ui_literals(ROOT / "app.py") == []
    assert ui_literals(ROOT / "lib" / "filters.py") == []
    assert ui_literals(ROOT / "lib" / "ui.py") == []


# --------------------------------------------------------------------------------------------
# Elke pagina in beide talen
# --------------------------------------------------------------------------------------------
PAGE_PATHS = [p.path for p in PAGES if not p.requires_analyst]


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("page", PAGE_PATHS)
def test_every_page_renders_in_both_languages(page, lang):
    at = run_app(page, state={"taal": lang})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, page
    if lang == "en":
        # de titel komt uit en.toml (de presentatie: uit titel_en in data/presentatie.toml)
        if page != "pages/presentatie.py":
            assert at.title[0].value in set(_flat("en").values()), at.title[0].value
        assert "Voorbeelddata — fictieve cijfers" not in all_text(at)


def test_english_start_page():
    at = run_app(state={"taal": "en"})
    assert not at.exception
    assert at.title[0].value == "Youth Care Reform Agenda 2023–2028"
    text = all_text(at)
    assert "Example data — fictitious figures" in text and "Survey June 2026" in text
    assert {m.label for m in at.metric} >= {"Youth care regions", "Themes", "Support needs"}
    theme = at.sidebar.selectbox(key="thema")
    assert "T02 Local teams and access" in theme.options
    assert at.sidebar.selectbox(key="provincie").options[0] == "All provinces"
    assert at.session_state["taal"] == "en"


def test_dutch_is_default():
    at = run_app()
    assert at.session_state["taal"] == "nl"
    assert at.title[0].value == "Hervormingsagenda Jeugd 2023–2028"
    assert "T02 Lokale teams en toegang" in at.sidebar.selectbox(key="thema").options


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), ("EN", "en"), ("nl", "nl"), ("fr", "nl")])
def test_language_from_url(value, expected):
    at = run_app(query={"taal": value})
    assert not at.exception
    assert at.session_state["taal"] == expected
    got = at.query_params.get("taal")
    assert (got if got is None or isinstance(got, str) else got[-1]) == ("en" if expected == "en" else None)


def test_heatmap_in_english_has_english_theme_and_status_labels():
    at = run_app("pages/heatmap.py", state={"taal": "en"})
    assert not at.exception
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Local teams" in spec and "Realised" in spec and "Lokale teams" not in spec
    assert "Free text from the data is shown in Dutch." not in all_text(at)  # pas bij een gekozen cel
    at.selectbox(key="heatmap_regio").set_value("JZ13").run()
    at.selectbox(key="heatmap_thema").set_value("T02").run()
    assert not at.exception
    assert "Free text from the data is shown in Dutch." in all_text(at)


def test_presentation_in_english_from_url():
    at = run_app(query={"presentatie": "1", "taal": "en"})
    assert not at.exception
    assert at.title[0].value == "The national picture"
    assert any("Slide 1 of" in m.value for m in at.markdown)


def test_import_page_in_english(tmp_path, monkeypatch):
    """De analistenpagina (alleen met een wachtwoord ingesteld) ook in het Engels, ingelogd."""
    from lib import auth, store
    from test_page_importeren import HASH

    monkeypatch.setenv(store.ENV_DIR, str(tmp_path / "store"))
    from streamlit.testing.v1 import AppTest

    from apptest_support import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets[auth.SECRETS_SECTION] = {auth.SECRETS_KEY: HASH}
    at.session_state["taal"] = "en"
    at.session_state["importeren_ingelogd"] = True
    at.run()
    at.switch_page("pages/importeren.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Import a survey"
    assert "1. Download the template" in [h.value for h in at.header]
