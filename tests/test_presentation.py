"""Presentatiemodus en de schakelaar voor de geaggregeerde modus."""

from __future__ import annotations

import pytest

from apptest_support import all_text, run_app
from lib import presentation, privacy
from lib.loaders import load_dataset
from lib.validation import DataValidationError


def _codes():
    ds = load_dataset()
    return ds.vocab.theme_codes, tuple(ds.regions["regio_code"])


def test_configured_sequence_loads():
    themes, regions = _codes()
    slides = presentation.load_slides(theme_codes=themes, region_codes=regions)
    kinds = [s.soort for s in slides]
    assert kinds[0] == "verdeling" and "behoeften" in kinds and "thema_uitgelicht" in kinds


def test_aggregate_sequence_drops_region_slides():
    themes, regions = _codes()
    slides = presentation.load_slides(theme_codes=themes, region_codes=regions)
    agg = presentation.slides_for_mode(slides, aggregate=True)
    assert not {s.soort for s in agg} & presentation.REGION_LEVEL
    assert len(agg) == len([s for s in slides if s.soort not in presentation.REGION_LEVEL])


def test_bad_config_gets_dutch_messages(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[[dia]]\nsoort = "taart"\ntitel = "x"\n[[dia]]\nsoort = "regio"\ntitel = ""\nregio = "JZ40"\n')
    with pytest.raises(DataValidationError) as exc:
        presentation.load_slides(p, ("T01",), ("JZ01",))
    text = " | ".join(str(i) for i in exc.value.issues)
    assert "onbekende soort" in text and "taart" in text and "titel ontbreekt" in text and "JZ40" in text


def test_clamp_index():
    assert presentation.clamp_index("3", 5) == 2
    assert presentation.clamp_index("99", 5) == 4
    assert presentation.clamp_index("x", 5) == 0


def test_presentation_next_and_previous_apptest():
    at = run_app(None, query={"presentatie": "1"})
    assert not at.exception
    first = at.title[0].value
    assert at.button(key="dia_vorige").disabled
    at.button(key="dia_volgende").click().run()
    assert not at.exception and at.title[0].value != first
    assert "Dia 2 van" in all_text(at)
    at.button(key="dia_vorige").click().run()
    assert at.title[0].value == first


def test_aggregate_toggle_hides_region_pages():
    at = run_app()
    assert not at.exception
    toggle = at.sidebar.toggle(key=privacy.STATE_KEY) if hasattr(at.sidebar, "toggle") else at.toggle(key=privacy.STATE_KEY)
    assert toggle.value is False
    at2 = run_app(state={privacy.STATE_KEY: True})
    assert not at2.exception
    with pytest.raises(ValueError):
        at2.switch_page("pages/heatmap.py")
    at3 = run_app("pages/heatmap.py")  # zonder de modus wel bereikbaar
    assert not at3.exception
