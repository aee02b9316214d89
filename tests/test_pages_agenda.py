"""AppTest: 'Wie is aan zet' en 'Leernetwerken', met een interactie elk (widgets in het hoofdgedeelte)."""

from __future__ import annotations

from apptest_support import all_text, run_app
from lib import schema


def _frames(at):
    return [df.value for df in at.dataframe]


def _frame_with(at, column: str):
    """De (eerste) tabel met deze kolom: st.dataframe zonder selectie heeft in AppTest geen sleutel."""
    return next(df for df in _frames(at) if column in df.columns)


def test_aan_zet_renders_table_timeline_and_sources():
    at = run_app("pages/aan_zet.py")
    assert not at.exception
    assert at.title[0].value == "Wie is aan zet"
    table = _frames(at)[0]
    assert set(table["Code"]) == {f"T{i:02d}" for i in range(1, 15)}
    assert any("niet geverifieerd" in v for v in table["Geverifieerd"])
    text = all_text(at)
    assert "voorbeelddata" in text  # de peilingen op de tijdlijn zijn illustratief
    assert "https://zoek.officielebekendmakingen.nl/stb-2024-69.html" in text  # bronlink onder de tijdlijn
    assert len(at.get("plotly_chart")) == 1


def test_aan_zet_choose_region_shows_status_and_marker():
    at = run_app("pages/aan_zet.py")
    assert schema.ILLUSTRATIVE_MARKER not in all_text(at)  # nog geen regio: geen voortgangscijfers in beeld
    at.selectbox(key="aanzet_regio").select("JZ38").run()
    assert not at.exception
    region = _frame_with(at, "Status regio")
    assert region.shape[0] == 14 and "Status regio" in region.columns
    assert schema.ILLUSTRATIVE_MARKER in all_text(at)


def test_aan_zet_follows_theme_filter():
    at = run_app("pages/aan_zet.py", state={"thema": "T03"})
    assert not at.exception
    assert set(_frames(at)[0]["Code"]) == {"T03"}


def test_leernetwerken_category_then_anonymous_counts():
    at = run_app("pages/leernetwerken.py")
    assert not at.exception
    assert schema.ILLUSTRATIVE_MARKER in all_text(at)
    at.selectbox(key="ln_categorie").select("C06").run()
    assert not at.exception
    members = _frame_with(at, "Rol")
    assert set(members["Rol"]) == {"vraagt ondersteuning", "loopt voor"}
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Vragen om ondersteuning"]) == (members["Rol"] == "vraagt ondersteuning").sum() > 0
    assert int(metrics["Lopen voor (mogelijke peers)"]) == (members["Rol"] == "loopt voor").sum()
    labels = [b.label for b in at.get("download_button")]
    assert any("CSV" in label for label in labels) and any("Excel" in label for label in labels)

    at.toggle(key="ln_aggregaat").set_value(True).run()
    assert not at.exception
    counts = _frame_with(at, "Regio's in beeld")
    assert "Jeugdregio" not in counts.columns and counts.shape[0] == 10
    shown = " ".join(str(v) for v in counts.drop(columns=["Code", "Naam"]).to_numpy().ravel())
    for n in range(1, 5):  # geen enkel klein aantal zichtbaar
        assert f" {n} " not in f" {shown} "
    assert len(at.get("plotly_chart")) == 0  # geen matrix met regionamen in de geanonimiseerde weergave


def test_leernetwerken_theme_with_relative_rule():
    at = run_app("pages/leernetwerken.py", state={"thema": "T02"})
    at.radio(key="ln_soort").set_value("thema").run()
    assert not at.exception
    assert at.selectbox(key="ln_thema").value == "T02"
    at.radio(key="ln_regel").set_value("relatief").run()
    assert not at.exception
    members = _frame_with(at, "Rol")
    assert set(members["Rol"]) <= {"loopt achter", "loopt voor"}


def test_dashboard_aggregate_mode_forces_counts_and_hides_regions():
    # De schakelaar 'Geanonimiseerd (metarapportage)' in de zijbalk (lib/privacy.STATE_KEY) via session_state.
    from lib import privacy

    at = run_app("pages/leernetwerken.py", state={privacy.STATE_KEY: True})
    assert not at.exception
    toggle = at.toggle(key="ln_aggregaat")
    assert toggle.value is True and toggle.disabled
    assert all("Jeugdregio" not in df.value.columns for df in at.dataframe)
    assert len(at.get("plotly_chart")) == 0
    at = run_app("pages/aan_zet.py", state={privacy.STATE_KEY: True})
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "aanzet_regio"]
    assert any("geanonimiseerde weergave" in i.value for i in at.info)
