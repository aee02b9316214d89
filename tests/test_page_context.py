"""AppTest en browsertest voor 'Voortgang en context': geen exception, bronregel en markering zichtbaar."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib import context, schema

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/context.py"


def _run(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE)
    at.run()
    return at


def _text(at: AppTest) -> str:
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "warning", "info", "error"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def test_page_renders_with_source_line_and_marker():
    at = _run()
    assert not at.exception
    assert at.title[0].value == "Voortgang en context"
    text = _text(at)
    assert context.SOURCE_LINE in text
    assert "jeugdzorg 2022" in text and "1 januari 2024" in text  # het jaar staat bij de bron
    assert schema.ILLUSTRATIVE_MARKER in text  # de voortgang is voorbeelddata
    assert "mengt twee soorten cijfers" in text
    table = at.dataframe[0].value
    assert table.shape[0] == 42
    assert "Inwoners (1-1-2024)" in table.columns
    assert int(table["Inwoners (1-1-2024)"].sum()) == 17_942_942


def test_year_switch_and_province_filter():
    at = _run({"provincie": "PV27"})  # Noord-Holland
    assert not at.exception
    rows_nh = at.dataframe[0].value.shape[0]
    assert 0 < rows_nh < 42
    at.segmented_control(key="context_jaar").set_value(2022).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "Inwoners (1-1-2022)" in table.columns and table.shape[0] == rows_nh
    assert "1 januari 2022 (op de grenzen van 2024)" in _text(at)


def test_context_error_is_explained_not_a_traceback(monkeypatch, tmp_path):
    """Ontbrekende contextbestanden geven een Nederlandse foutlijst, geen exception."""
    real_load = context.load_context
    monkeypatch.setattr(context, "get_context", lambda *_a, **_k: real_load(tmp_path))  # lege map
    at = _run()
    assert not at.exception
    assert "contextcijfers konden niet worden geladen" in at.error[0].value
    problems = at.dataframe[0].value
    assert "bestand ontbreekt" in " ".join(problems["probleem"].to_list())
    assert "gemeente_kerncijfers.csv" in problems["bestand"].to_list()


@pytest.mark.browser
def test_page_in_browser_offline(open_page):
    from conftest import real_console_errors, screenshot

    page, watch = open_page("context", 1280, 900)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Voortgang en context").first.is_visible()
    page.wait_for_selector(".js-plotly-plot", timeout=20_000)  # plotly tekent na het einde van het script
    assert page.get_by_text(context.SOURCE_LINE, exact=False).count() >= 1
    screenshot(page, "context_page")
    assert watch.page_errors == []
    assert real_console_errors(watch) == []
    assert watch.external_requests == []
