"""Browser: een vijandige tekstcel (<script>, <img onerror>, javascript:-link) wordt als tekst getoond.

Eigen server met een tijdelijke opslag (DASHBOARD_STORE_DIR) en tijdelijke secrets (STREAMLIT_SECRETS_FILES):
de echte store/ en .streamlit/secrets.toml van de repository worden niet aangeraakt. De analist logt in,
uploadt een CSV met vijandige tekst in de tekstvelden en het peilinglabel, ziet de voorvertoning,
bevestigt, en bekijkt de peiling daarna in de heatmap. Geen dialoogvenster, geen geïnjecteerd element,
de letterlijke tekst staat op het scherm.
"""

from __future__ import annotations

import pytest

from browser_support import PageWatch, streamlit_server, wait_for_app
from conftest import real_console_errors, screenshot
from lib import auth
from lib.loaders import load_dataset

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-wachtwoord"
PID = "P2025-09"
SCRIPT = "<script>alert('script')</script>"
IMG = '<img src=x onerror="alert(\'img\')">'
LINK = "[klik hier](javascript:alert('link'))"
LABEL = "Peiling sept. 2025 (test) & co – regio's"  # gewone leestekens; opmaak in een naam wordt geweigerd
BAD_LABEL = "Peiling <b>sept</b> <img src=x onerror=alert('label')>"


def _hostile_csv(label: str = LABEL) -> bytes:
    ds = load_dataset()
    regions = ds.regions_for(ds.latest_peiling)["regio_code"].to_list()
    lines = ["peiling_id;peiling_datum;peiling_label;regio_code;thema_code;status;sterke_punten;zwakke_punten;"
             "vervolgstappen"]
    for r in regions:
        for t in ds.vocab.theme_codes:
            lines.append(f'{PID};2025-09-15;"{label}";{r};{t};3;"{SCRIPT}";"{IMG.replace(chr(34), chr(34) * 2)}";'
                         f'"{LINK}"')
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def import_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("import_browser")
    secrets = tmp / "secrets.toml"
    secrets.write_text(f'[analist]\nwachtwoord_hash = "{auth.hash_password(PASSWORD)}"\n', encoding="utf-8")
    env = {"DASHBOARD_STORE_DIR": str(tmp / "store"), "STREAMLIT_SECRETS_FILES": str(secrets)}
    with streamlit_server(env=env) as url:
        yield url


@pytest.fixture()
def open_import(browser, import_url):
    contexts = []

    def _open(path: str, width: int = 1280, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        watch = PageWatch(import_url)
        watch.block_external(ctx)
        page = ctx.new_page()
        watch.attach(page)
        dialogs: list[str] = []

        def on_dialog(d):
            dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(f"{import_url}/{path.lstrip('/')}")
        wait_for_app(page)
        return page, watch, dialogs

    yield _open
    for ctx in contexts:
        ctx.close()


def _no_injection(page) -> None:
    assert page.locator("img[src='x']").count() == 0, "een <img> uit de data staat als element in de pagina"
    assert page.locator("script:has-text('alert')").count() == 0, "een <script> uit de data staat in de pagina"
    assert page.locator("a[href^='javascript']").count() == 0, "een javascript:-link uit de data is klikbaar"
    assert page.locator("b:has-text('sept')").count() == 0, "HTML uit het label is opgemaakt"


def test_hostile_text_is_shown_as_text_through_the_whole_flow(open_import):
    page, watch, dialogs = open_import("importeren", 1280, 2600)
    assert page.locator("h1").first.inner_text().strip() == "Peiling importeren"
    # eerste bezoeker na de start met een directe link: toch de navigatie van app.py, niet de oude paginalijst
    nav = page.locator("[data-testid='stSidebarNav']")
    assert nav.get_by_text("Importeren", exact=True).count() == 1 and nav.get_by_text("app", exact=True).count() == 0

    # inloggen
    page.get_by_label("Analist-wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    wait_for_app(page)
    page.get_by_text("1. Sjabloon downloaden").wait_for()

    # een naam met opmaak → een Nederlandse melding met bestand, regel en kolom; niets te bevestigen
    upload = page.locator("[data-testid='stFileUploader'] input[type='file']")
    upload.set_input_files(files=[{"name": "naam.csv", "mimeType": "text/csv", "buffer": _hostile_csv(BAD_LABEL)}])
    wait_for_app(page)
    # de meldingen staan in een tabel (st.dataframe: de toegankelijke cellen naast het canvas)
    cells = page.locator("[data-testid='stDataFrame'] [role='gridcell']")
    cells.filter(has_text="naam van de peiling").first.wait_for(state="attached", timeout=30_000)
    assert cells.filter(has_text="peiling_label").count() > 0 and cells.filter(has_text="naam.csv").count() > 0
    assert page.get_by_role("button", name="Importeren bevestigen").count() == 0
    screenshot(page, "import_naam_geweigerd")
    _no_injection(page)

    # het geweigerde bestand weghalen, dan het goede uploaden → voorvertoning met de tekst als tekst
    delete = page.locator("[data-testid='stFileChipDeleteBtn']").first
    (delete.locator("button") if delete.locator("button").count() else delete).first.click()
    wait_for_app(page)
    page.locator("[data-testid='stFileChipName']", has_text="naam.csv").wait_for(state="detached", timeout=30_000)
    upload.set_input_files(files=[{"name": "vijandig.csv", "mimeType": "text/csv", "buffer": _hostile_csv()}])
    wait_for_app(page)
    page.get_by_text("3. Controleren wat er verandert").wait_for(timeout=30_000)
    # st.dataframe tekent op een canvas; de toegankelijke tabel ernaast bevat de celtekst letterlijk
    cells = page.locator("[data-testid='stDataFrame'] [role='gridcell']")
    for literal in (SCRIPT, IMG, LINK):
        assert cells.filter(has_text=literal).count() > 0, f"letterlijke tekst niet in de tabel: {literal}"
    assert page.locator("[data-testid='stDataFrame']").filter(has_text=SCRIPT).first.is_visible()
    _no_injection(page)
    page.get_by_text("3. Controleren wat er verandert").scroll_into_view_if_needed()
    screenshot(page, "import_voorvertoning")

    # bevestigen
    page.get_by_label("Uw naam (komt in het logboek bij import en terugzetten)").fill("Browsertest")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Importeren bevestigen").click()
    wait_for_app(page)
    page.get_by_text("Opgeslagen als versie").wait_for(timeout=30_000)
    _no_injection(page)
    screenshot(page, "import_opgeslagen")
    assert dialogs == [], f"dialoogvenster geopend: {dialogs}"
    assert watch.page_errors == [] and real_console_errors(watch) == []
    assert watch.external_requests == []


def test_imported_hostile_text_in_the_heatmap_stays_text(open_import):
    """Na de import (vorige test): de peiling in de heatmap, met een cel open; het label staat in markdown."""
    page, watch, dialogs = open_import(f"heatmap?peiling={PID}", 1280, 1000)
    assert page.get_by_text("Page not found").count() == 0
    main = page.locator("[data-testid='stMain']")
    # wacht op de inhoud zelf (wait_for_app kan klaar zijn vóór de eerste run begint)
    main.get_by_text("Detail: één regio op één thema").wait_for(timeout=90_000)
    assert main.get_by_text(LABEL, exact=False).count() > 0, "het label hoort letterlijk zichtbaar te zijn"
    assert page.get_by_text("Voorbeelddata — fictieve cijfers").count() == 0
    # één cel openen via de keuzelijsten (toetsenbordpad van de heatmap)
    for label, typed, option in (("Regio", "Groningen", "Groningen"), ("Thema", "T01", "T01 Reikwijdte")):
        page.get_by_role("combobox", name=label).last.click()
        page.keyboard.type(typed)  # filtert de (gevirtualiseerde) lijst
        page.get_by_role("option", name=option).first.click()
        wait_for_app(page)
    main.get_by_text("Sterke punten").first.wait_for(timeout=90_000)
    for literal in (SCRIPT, IMG, LINK):
        assert main.get_by_text(literal, exact=True).first.is_visible(), f"letterlijke tekst niet zichtbaar: {literal}"
    _no_injection(page)
    page.get_by_text("Sterke punten").first.scroll_into_view_if_needed()
    screenshot(page, "import_heatmap_vijandige_tekst")
    assert dialogs == [], f"dialoogvenster geopend: {dialogs}"
    assert watch.page_errors == []
    assert watch.external_requests == []
