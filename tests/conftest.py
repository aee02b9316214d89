"""Gedeelde fixtures: een Streamlit-server en Debian's Chromium voor de browsertests.

In CI (CI=true) moeten de browsertests draaien: ontbreekt Chromium, dan faalt de test in plaats van
over te slaan. Lokaal zonder Chromium worden ze overgeslagen met een duidelijke reden.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import CHROMIUM_ARGS, PageWatch, find_chromium, streamlit_server, wait_for_app  # noqa: E402

OUTPUT_DIR = ROOT / "test-output"


def _require_chromium() -> str:
    path = find_chromium()
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("Chromium ontbreekt, maar in CI moeten de browsertests draaien (apt-get install chromium)")
    pytest.skip("Chromium niet gevonden (apt-get install chromium); browsertests overgeslagen")


@pytest.fixture(scope="session")
def app_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _new_page(browser, base_url: str, path: str, width: int, height: int):
    """Nieuwe context + pagina die elk extern verzoek blokkeert en registreert; wacht tot de app rustig is."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    watch = PageWatch(base_url)
    watch.block_external(ctx)
    page = ctx.new_page()
    watch.attach(page)
    page.goto(f"{base_url}/{path.lstrip('/')}")
    wait_for_app(page)
    return ctx, page, watch


@pytest.fixture()
def open_page(browser, app_url):
    """open_page(pad, breedte, hoogte) → (page, watch). Blokkeert en registreert elk extern verzoek."""
    contexts = []

    def _open(path: str = "", width: int = 1280, height: int = 800):
        ctx, page, watch = _new_page(browser, app_url, path, width, height)
        contexts.append(ctx)
        return page, watch

    yield _open
    for ctx in contexts:
        ctx.close()


def screenshot(page, name: str) -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    path = OUTPUT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def real_console_errors(watch: PageWatch) -> list[str]:
    """Consolefouten, zonder de 404's van Streamlits eigen basispad-detectie bij een directe link
    (de frontend probeert eerst /<pagina>/_stcore/health en /_stcore/host-config)."""
    ignored = ("/_stcore/health", "/_stcore/host-config")
    return [
        e for e in watch.console_errors
        if not any(i in e for i in ignored)
        and not (e.startswith("Failed to load resource: the server responded with a status of 404")
                 and any(i in e for i in ignored))
    ]


@pytest.fixture()
def fresh_server_page(browser):
    """fresh_server_page(pad, env=None, breedte, hoogte) → (page, watch) op een NIEUWE server (eigen
    omgeving, bijv. de afgedwongen geaggregeerde modus; of om het allereerste verzoek te testen)."""
    stack = []

    def _open(path: str = "", env: dict[str, str] | None = None, width: int = 1280, height: int = 900):
        server = streamlit_server(env=env)
        url = server.__enter__()
        stack.append(server)
        ctx, page, watch = _new_page(browser, url, path, width, height)
        stack.append(ctx)
        return page, watch

    yield _open
    for item in reversed(stack):
        if hasattr(item, "__exit__"):
            item.__exit__(None, None, None)
        else:
            item.close()
