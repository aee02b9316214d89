"""Toegankelijkheid (WCAG 2.1 AA): axe-core op elke pagina, in headless Chromium.

axe-core komt uit het npm-register, vastgepind in tests/a11y/package-lock.json en geïnstalleerd met
`cd tests/a11y && npm ci` (.ci/run doet dat). De test injecteert node_modules/axe-core/axe.min.js in de
pagina en eist nul overtredingen met impact 'serious' of 'critical' voor de WCAG 2.0/2.1 A- en
AA-regels. Ontbreekt axe-core, dan faalt de test in CI (CI=true) en slaat hij lokaal over.

Uitzonderingen staan in KNOWN_STREAMLIT_ISSUES: alleen een specifieke regel op een specifiek stuk van
Streamlits eigen opmaak dat we vanuit de app niet kunnen veranderen, met de oorzaak en een link.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import PageWatch, streamlit_server, wait_for_app
from conftest import screenshot
from lib import auth
from lib.navigation import PAGES

pytestmark = pytest.mark.browser

A11Y_DIR = Path(__file__).resolve().parent / "a11y"
AXE_JS = A11Y_DIR / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
# Hoog venster: axe beoordeelt kleurcontrast alleen betrouwbaar voor wat in beeld is.
VIEWPORT = (1280, 2400)

# Streamlit-interne overtredingen, per regel een JS-test op het element (geen hele regel uitzetten).
#
# list/listitem in de zijbalknavigatie: met secties in st.navigation rendert Streamlit
#   <ul data-testid="stSidebarNavItems"> <div (NavSection)> <li>…</li> </div> </ul>,
# een <div> direct in een <ul>. Dat zit in Streamlits frontend, niet in onze code:
# https://github.com/streamlit/streamlit/blob/develop/frontend/app/src/components/Navigation/NavSection.tsx
# (StyledNavSectionContainer is een div) en SidebarNav.tsx (StyledSidebarNavItems is de ul). Alleen
# precies die ul en de li's direct in zo'n sectie-div worden uitgezonderd.
KNOWN_STREAMLIT_ISSUES: dict[str, str] = {
    "list": """el => el.matches('ul[data-testid="stSidebarNavItems"]')
        && [...el.children].every(c => c.tagName === 'LI'
            || (c.tagName === 'DIV' && [...c.children].some(g => g.tagName === 'LI')))""",
    "listitem": """el => el.tagName === 'LI' && el.parentElement && el.parentElement.tagName === 'DIV'
        && el.parentElement.parentElement
        && el.parentElement.parentElement.matches('ul[data-testid="stSidebarNavItems"]')""",
}

RUN_AXE = """async ([tags, known]) => {
    const res = await axe.run(document, {runOnly: {type: 'tag', values: tags}, elementRef: true});
    const matchers = Object.fromEntries(Object.entries(known).map(([k, src]) => [k, eval(src)]));
    const violations = res.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({
            target: n.target, html: n.html.slice(0, 200),
            summary: (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300),
            known: !!(matchers[v.id] && n.element && matchers[v.id](n.element)),
        })),
    }));
    return {violations, passes: res.passes.length, version: axe.version};
}"""


def _axe_path() -> Path:
    if not AXE_JS.exists() and shutil.which("npm"):
        # Het README-testcommando installeert alles: axe-core uit de lock-file, één keer.
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=A11Y_DIR, check=False,
                       capture_output=True, timeout=300)
    if AXE_JS.exists():
        return AXE_JS
    hint = "axe-core ontbreekt: draai `cd tests/a11y && npm ci --no-audit --no-fund` (Node/npm nodig)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(hint + " — in CI moet de toegankelijkheidstest draaien")
    pytest.skip(hint)


@pytest.fixture(scope="session")
def axe_js() -> Path:
    path = _axe_path()
    locked = json.loads((A11Y_DIR / "package-lock.json").read_text())["packages"]["node_modules/axe-core"]["version"]
    installed = json.loads((path.parent / "package.json").read_text())["version"]
    assert installed == locked, f"axe-core {installed} geïnstalleerd, lock-file zegt {locked}: draai npm ci opnieuw"
    return path


@pytest.fixture(scope="session")
def analyst_app_url(tmp_path_factory):
    """Een tweede server mét analist-wachtwoord, voor pagina's die alleen dan bestaan (importeren)."""
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    secrets.write_text(f'[{auth.SECRETS_SECTION}]\n{auth.SECRETS_KEY} = "{auth.hash_password("a11y-test")}"\n')
    store_dir = tmp_path_factory.mktemp("store")
    with streamlit_server(env={"STREAMLIT_SECRETS_FILES": str(secrets), "DASHBOARD_STORE_DIR": str(store_dir)}) as url:
        yield url


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for n in v["nodes"]:
            lines.append(f"    - {' '.join(map(str, n['target']))}")
            lines.append(f"      {n['summary']}")
            lines.append(f"      {n['html']}")
    return "\n".join(lines)


def run_axe(page, axe_path: Path) -> dict:
    if page.evaluate("typeof window.axe") == "undefined":
        page.add_script_tag(path=str(axe_path))
    result = page.evaluate(RUN_AXE, [TAGS, KNOWN_STREAMLIT_ISSUES])
    # Alleen de knopen die niet onder een bekende Streamlit-uitzondering vallen tellen.
    for v in result["violations"]:
        v["nodes"] = [n for n in v["nodes"] if not n["known"]]
    result["violations"] = [v for v in result["violations"] if v["nodes"]]
    return result


@pytest.fixture(scope="module")
def app_page(browser, app_url):
    """Eén browserpagina voor alle pagina's: wisselen via de zijbalk is veel sneller dan steeds opnieuw
    laden (de JavaScript-bundels van Streamlit, plotly en deck.gl worden maar één keer geparsed)."""
    ctx = browser.new_context(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
    watch = PageWatch(app_url)
    watch.block_external(ctx)
    page = ctx.new_page()
    watch.attach(page)
    page.goto(app_url)
    wait_for_app(page)
    yield page
    ctx.close()


def _go(page, spec) -> None:
    suffix = "/" if spec == PAGES[0] else f"/{spec.url_path}"
    link = page.locator(f'[data-testid="stSidebarNavLink"][href$="{suffix}"]')
    if link.count() == 0 and page.get_by_test_id("stSidebarNavViewButton").count():
        page.get_by_test_id("stSidebarNavViewButton").click()  # Streamlit klapt lange paginalijsten in
    link.first.click()
    wait_for_app(page)


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_has_no_serious_axe_violations(spec, axe_js, browser, request):
    path = "" if spec == PAGES[0] else spec.url_path
    ctx = None
    if spec.requires_analyst:
        url = request.getfixturevalue("analyst_app_url")
        ctx = browser.new_context(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
        page = ctx.new_page()
        # Eerst de startpagina: een directe link als allereerste bezoek aan een verse server draait
        # anders in Streamlits oude pages/-modus (importeren.py roept ui.load_or_stop pas na de login aan).
        page.goto(url)
        wait_for_app(page)
        page.goto(f"{url}/{path}")
        wait_for_app(page)
        assert page.locator('[data-testid="stSidebarNavItems"] a').count() == len(PAGES), "niet via app.py"
    else:
        page = request.getfixturevalue("app_page")
        _go(page, spec)
    try:
        assert page.get_by_text("Page not found").count() == 0, f"{spec.path} is niet bereikbaar"
        assert urlparse(page.url).path.rstrip("/").endswith(path), f"niet op {spec.path} beland: {page.url}"
        result = run_axe(page, axe_js)
        screenshot(page, f"a11y_{spec.url_path}")
    finally:
        if ctx is not None:
            ctx.close()
    assert result["passes"] > 0, "axe-core controleerde niets: is het script wel geladen?"
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
    other = [v for v in result["violations"] if v["impact"] not in BLOCKING]
    if other:
        print(f"\n{spec.url_path}: niet-blokkerende axe-meldingen:\n{format_violations(other)}")
    assert not blocking, (
        f"{spec.path}: {len(blocking)} ernstige WCAG 2.1 AA-overtreding(en) (axe-core {result['version']}):\n"
        + format_violations(blocking)
    )
