"""AppTest van de importpagina: inloggen → upload → voorvertoning → bevestigen → zichtbaar in de heatmap.

Elke test krijgt een eigen opslagmap (DASHBOARD_STORE_DIR) en eigen secrets; de echte store/ van de
repository wordt nooit aangeraakt.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from apptest_support import APP, all_text
from lib import auth, schema, store, ui
from lib.loaders import load_dataset
from lib.navigation import PAGES, visible_pages

ENSURE_NAVIGATION = ui._ensure_app_navigation
PASSWORD = "correct horse battery staple"
HASH = auth.hash_password(PASSWORD)
NEW_ID = "P2025-09"
HEATMAP = "pages/heatmap.py"
CSV_HEADER = "peiling_id;peiling_datum;peiling_label;regio_code;thema_code;status;sterke_punten\n"


@pytest.fixture()
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ENV_DIR, str(tmp_path / "store"))
    return tmp_path / "store"


@pytest.fixture()
def clicks_survive(monkeypatch):
    """Knopkliks op een pagina laten aankomen in AppTest.

    AppTest zet vóór elke run `PagesManager.uses_pages_directory` terug op None; omdat er een map pages/
    is, draait de eerste uitvoering dan als losse pagina en herstart `ui._ensure_app_navigation` de run
    via app.py. Bij die herstart gaat de klik (een trigger) verloren. In de echte server gebeurt dat
    alleen bij de allereerste run na een herstart. Hier: de vlag uitzetten zonder herstart.
    """
    from streamlit.runtime.pages_manager import PagesManager

    def _no_rerun() -> None:
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(ui, "_ensure_app_navigation", _no_rerun)


def _csv(rows: list[str]) -> bytes:
    return (CSV_HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def _valid_csv() -> bytes:
    ds = load_dataset()
    regions = ds.regions_for(ds.latest_peiling)["regio_code"].to_list()
    rows = [f"{NEW_ID};2025-09-15;Peiling september 2025;{r};{t};4;Sterk in {r}"
            for r in regions for t in ds.vocab.theme_codes]
    return _csv(rows)


def _frame(at: AppTest, column: str):
    """De eerste st.dataframe met deze kolom (dataframes hebben in AppTest geen opvraagbare key)."""
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"geen tabel met kolom {column!r}")


def _app(secrets: bool = True, state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets:
        at.secrets[auth.SECRETS_SECTION] = {auth.SECRETS_KEY: HASH}
    for k, v in (state or {}).items():
        at.session_state[k] = v
    return at


def _logged_in(store_dir) -> AppTest:
    at = _app(state={"importeren_ingelogd": True})
    at.run()
    at.switch_page("pages/importeren.py")
    at.run()
    assert not at.exception
    return at


def test_page_absent_without_credential(store_dir):
    assert "pages/importeren.py" in [p.path for p in PAGES]
    assert "pages/importeren.py" not in [p.path for p in visible_pages(False)]
    at = _app(secrets=False)
    at.run()
    assert not at.exception
    # zonder secrets is de pagina niet geregistreerd: AppTest kent haar niet eens
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/importeren.py")


def test_login_required_and_rate_limited(store_dir, clicks_survive):
    at = _app()
    at.run()
    at.switch_page("pages/importeren.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Peiling importeren"
    assert not at.file_uploader, "uploader zichtbaar vóór het inloggen"
    for _ in range(auth.MAX_FREE_ATTEMPTS):
        at.text_input(key="importeren_wachtwoord").input("fout")
        at.button[0].click()
        at.run()
    assert "moet wachten" not in all_text(at)
    assert "Probeer het over" in at.error[0].value
    # ook het juiste wachtwoord helpt niet tijdens de wachttijd
    at.text_input(key="importeren_wachtwoord").input(PASSWORD)
    at.button[0].click()
    at.run()
    assert "Te veel mislukte pogingen" in at.error[0].value
    assert not at.file_uploader
    assert not store_dir.exists()


def test_login_with_correct_password(store_dir, clicks_survive):
    at = _app()
    at.run()
    at.switch_page("pages/importeren.py")
    at.run()
    at.text_input(key="importeren_wachtwoord").input(PASSWORD)
    at.button[0].click()
    at.run()
    assert not at.exception
    assert at.file_uploader, "na inloggen hoort de uploader er te zijn"


def test_invalid_upload_shows_all_problems_and_stores_nothing(store_dir):
    at = _logged_in(store_dir)
    bad = _csv([f"{NEW_ID};2027-01-15;Peiling;JZ40;T01;7;x", f"{NEW_ID};2027-01-15;Peiling;JZ01;T99;2;"])
    at.file_uploader[0].set_value(("fout.csv", bad, "text/csv"))
    at.run()
    assert not at.exception
    assert "niets opgeslagen" in at.error[0].value
    problems = _frame(at, "probleem")
    found = set(zip(problems["regel"], problems["kolom"]))
    assert {("2", "regio_code"), ("2", "status"), ("3", "thema_code")} <= found
    assert "importeren_bevestigen" not in [b.key for b in at.button]
    assert not store_dir.exists() or not any((store_dir / "versions").glob("*.zip"))


def test_upload_preview_confirm_visible_in_heatmap(store_dir, clicks_survive, monkeypatch):
    at = _logged_in(store_dir)
    at.text_input(key="importeren_naam").input("Analist A")
    at.run()
    at.file_uploader[0].set_value(("peiling.csv", _valid_csv(), "text/csv"))
    at.run()
    assert not at.exception
    pv = _frame(at, "wijziging")
    assert pv["peiling"].tolist() == [NEW_ID]
    assert pv["wijziging"].tolist() == ["nieuw"]
    assert int(pv["regio's met gegevens"][0]) == 42
    counts = _frame(at, f"{NEW_ID} nieuw")
    assert int(counts.loc[counts["status"] == "Gerealiseerd", f"{NEW_ID} nieuw"].iloc[0]) == 42 * 14
    # nog niets opgeslagen vóór de bevestiging
    assert store.LocalStore(store_dir).manifest().active is None

    at.button(key="importeren_bevestigen").click()
    at.run()
    assert not at.exception
    assert "Opgeslagen als versie" in at.success[0].value
    m = store.LocalStore(store_dir).manifest()
    assert m.active is not None and m.versions[0].user == "Analist A" and m.versions[0].changed == (NEW_ID,)
    assert _frame(at, "actief")["actief"].tolist() == ["ja"]

    # zichtbaar in elke weergave: via app.py (zonder omweg) de nieuwe peiling kiezen en naar de heatmap gaan.
    # De peiling ligt tussen twee voorbeeldpeilingen in: alleen de filter maakt haar zichtbaar.
    monkeypatch.setattr(ui, "_ensure_app_navigation", ENSURE_NAVIGATION)
    target = HEATMAP if HEATMAP in [p.path for p in PAGES] else "pages/start.py"
    view = _app(state={"peiling": NEW_ID, "heatmap_tabel": True})  # tabelalternatief open
    view.run()
    view.switch_page(target)
    view.run()
    assert not view.exception
    text = all_text(view)
    assert "Peiling september 2025" in text
    assert schema.ILLUSTRATIVE_MARKER not in text, "geïmporteerde peiling gemarkeerd als voorbeelddata"
    assert "geïmporteerde data" in text
    if target == HEATMAP:  # elke regio staat op 4 in de import: het gemiddelde per regio is overal 4,0
        table = _frame(view, "Gemiddelde voortgang")
        regions = table[table["Regiocode"].str.startswith("JZ")]
        assert len(regions) == 42 and set(regions["Gemiddelde voortgang"]) == {"4,0"}


def test_restore_previous_version(store_dir, clicks_survive):
    at = _logged_in(store_dir)
    at.text_input(key="importeren_naam").input("Analist B")
    at.file_uploader[0].set_value(("peiling.csv", _valid_csv(), "text/csv"))
    at.run()
    at.button(key="importeren_bevestigen").click()
    at.run()
    assert store.LocalStore(store_dir).manifest().active is not None
    assert at.selectbox(key="importeren_terugzetten_versie").value == store.LocalStore(store_dir).manifest().active
    at.selectbox(key="importeren_terugzetten_versie").select_index(0)  # 0 = geen import (alleen voorbeelddata)
    at.button(key="importeren_terugzetten").click()
    at.run()
    assert not at.exception
    m = store.LocalStore(store_dir).manifest()
    assert m.active is None and len(m.versions) == 1 and m.events[-1].action == "terugzetten"
    assert "alleen voorbeelddata" in at.success[0].value


@pytest.fixture(scope="module")
def imported_store(tmp_path_factory):
    """Een opslag met een geïmporteerde, onvolledige peiling (2 regio's ontbreken → onbekend) met vijandige tekst."""
    from lib import importer

    root = tmp_path_factory.mktemp("store_alle_paginas")
    ds = load_dataset()
    regions = ds.regions_for(ds.latest_peiling)["regio_code"].to_list()[:-2]
    rows = [f"{NEW_ID};2025-09-15;Peiling september 2025;{r};{t};{(i + j) % 5};<b>{r}</b>"
            for i, r in enumerate(regions) for j, t in enumerate(ds.vocab.theme_codes)]
    result = importer.parse_upload([("p.csv", _csv(rows))], ds.regions, ds.vocab, ds.themes)
    assert result.ok
    importer.import_into_store(store.LocalStore(root), result, user="test")
    return root


@pytest.mark.parametrize("spec", visible_pages(True), ids=[p.url_path for p in visible_pages(True)])
def test_every_page_shows_an_imported_peiling_without_error(spec, imported_store, monkeypatch):
    monkeypatch.setenv(store.ENV_DIR, str(imported_store))
    at = _app(state={"peiling": NEW_ID, "importeren_ingelogd": True})
    at.run()
    if spec != PAGES[0]:
        at.switch_page(spec.path)
        at.run()
    assert not at.exception, f"{spec.path}: {at.exception}"
    text = all_text(at)
    assert "Traceback" not in text
