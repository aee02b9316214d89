"""Generieke browserbenchmark: laadtijd, reruntijd en bytes per pagina, naast een minimale Streamlit-'vloer'.

Start de app en de vloerpagina's (bench/floors/*.py) met `streamlit run` op 127.0.0.1 en meet in headless
Chromium (Debian's /usr/bin/chromium; elke run een verse browsercontext, dus zonder cache):

- **zichtbaar (ms)**: van het begin van de navigatie (performance.timeOrigin) tot het script klaar is
  (stApp `data-test-script-state="notRunning"`, geen statusindicator, een titel op de pagina) én alle
  grafieken getekend zijn (elk pydeck-canvas heeft afmetingen, elke plotly-grafiek een plotgebied),
  plus twee animatieframes;
- **rerun (ms)**: van de klik op een andere optie in een selectbox (standaard de globale filter `thema`)
  tot het script opnieuw klaar is en de grafieken er weer staan (plus twee frames);
- **bytes**: HTTP-antwoorden (CDP Network.loadingFinished, encodedDataLength: wat er werkelijk over de
  lijn gaat) en ontvangen websocketframes (CDP Network.webSocketFrameReceived, payload), apart voor het
  laden en voor de rerun.

Per pagina de mediaan over N runs (na één opwarmrun), met de verhouding tot de passende vloer: een pagina
met een pydeck-kaart → floor_pydeck, met plotly → floor_plotly, anders floor_select (of --floor).

Gebruik:
    uv run python bench/bench_browser.py --pages kaart start --runs 5
    uv run python bench/bench_browser.py --pages heatmap --runs 3 --floor plotly --json bench/results/heatmap.json
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM_ARGS, find_chromium, streamlit_server  # noqa: E402

FLOORS = {
    "select": "bench/floors/floor_select.py",
    "plotly": "bench/floors/floor_plotly.py",
    "pydeck": "bench/floors/floor_pydeck.py",
}

# Klaar = script gestopt, titel zichtbaar, en elke grafiek getekend. `want` = minimaal aantal grafieken
# per soort (uit de opwarmrun), zodat een nog niet geladen grafiek-chunk niet als 'klaar' telt.
READY_JS = """
(want) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return null;
  if (!document.querySelector('[data-testid="stMain"] h1')) return null;
  const decks = document.querySelectorAll('[data-testid="stDeckGlJsonChart"]');
  const plots = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  if (decks.length < want.deck || plots.length < want.plotly) return null;
  for (const el of decks) { const c = el.querySelector('canvas'); if (!c || !c.width || !c.height) return null; }
  for (const el of plots) { if (!el.querySelector('.main-svg .cartesianlayer, .main-svg .plot, .main-svg .layer-above')) return null; }
  return true;
}
"""

WAIT_READY_JS = """
async ([want, since, timeoutMs]) => {
  const ready = """ + READY_JS + """;
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const t0 = performance.now();
  while (true) {
    const rerunSeen = since === null || (window.__bench.states.some(s => s.t >= since && s.state === 'running'));
    const found = rerunSeen ? ready(want) : null;
    if (found) { await frame(); await frame(); return {t: performance.now()}; }
    if (performance.now() - t0 > timeoutMs) return {t: null};
    await frame();
  }
}
"""

OBSERVER_JS = """
(() => {
  window.__bench = {states: [], clicks: []};
  const attach = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) { requestAnimationFrame(attach); return; }
    new MutationObserver(() => window.__bench.states.push(
      {t: performance.now(), state: app.getAttribute('data-test-script-state')}
    )).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  };
  attach();
  document.addEventListener('pointerdown', () => window.__bench.clicks.push(performance.now()), true);
})();
"""


@dataclass
class Run:
    visible_ms: float
    rerun_ms: float | None
    http_bytes: int
    ws_bytes_load: int
    ws_bytes_rerun: int
    charts: dict = field(default_factory=dict)


@dataclass
class Result:
    name: str
    url: str
    floor: str | None
    runs: list[Run]

    def median(self, attr: str) -> float | None:
        vals = [getattr(r, attr) for r in self.runs if getattr(r, attr) is not None]
        return statistics.median(vals) if vals else None


class ByteCounter:
    """Telt via CDP: HTTP-antwoorden (over de lijn) en ontvangen websocketframes (payload), met tijdstempel."""

    def __init__(self, context, page):
        self.http: list[tuple[float, int]] = []
        self.ws: list[tuple[float, int]] = []
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.loadingFinished", lambda e: self.http.append((time.perf_counter(), int(e["encodedDataLength"]))))
        cdp.on("Network.webSocketFrameReceived", self._ws)

    def _ws(self, e) -> None:
        resp = e["response"]
        data = resp.get("payloadData", "")
        size = len(base64.b64decode(data)) if resp.get("opcode") == 2 else len(data.encode())
        self.ws.append((time.perf_counter(), size))

    @staticmethod
    def total(items, start: float = 0.0, end: float = float("inf")) -> int:
        return sum(n for t, n in items if start <= t < end)


def _change_selectbox(page, key: str) -> bool:
    """Kies een andere optie in de selectbox met deze sleutel (de eerstvolgende die niet gekozen is)."""
    box = page.locator(f".st-key-{key} input").first
    if box.count() == 0:
        return False
    current = box.input_value()
    box.scroll_into_view_if_needed()  # scrollt de klik de zijbalk, dan sluit de keuzelijst meteen weer
    page.wait_for_timeout(200)
    box.click()
    options = page.locator('[role="option"]')
    options.first.wait_for(timeout=10_000)
    for i in range(options.count()):
        opt = options.nth(i)
        if opt.inner_text().strip() != current:
            opt.click()
            return True
    page.keyboard.press("Escape")
    return False


COUNT_JS = """() => ({deck: document.querySelectorAll('[data-testid="stDeckGlJsonChart"]').length,
                      plotly: document.querySelectorAll('[data-testid="stPlotlyChart"]').length})"""


def measure(browser, url: str, want: dict, widget_key: str, width: int, height: int,
            timeout_ms: int = 60_000, settle_ms: int = 500) -> Run:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        counter = ByteCounter(context, page)
        page.add_init_script(OBSERVER_JS)
        page.goto(url, wait_until="commit")
        loaded = page.evaluate(WAIT_READY_JS, [want, None, timeout_ms])
        if loaded["t"] is None:
            raise RuntimeError(f"{url}: niet klaar binnen {timeout_ms} ms")
        page.wait_for_timeout(settle_ms)  # nalopers (lazy chunks) nog meetellen bij het laden
        charts = page.evaluate(COUNT_JS)
        t_before = time.perf_counter()
        http = counter.total(counter.http, 0, t_before)
        ws_load = counter.total(counter.ws, 0, t_before)
        rerun_ms = None
        ws_rerun = 0
        if _change_selectbox(page, widget_key):
            since = page.evaluate("() => window.__bench.clicks.at(-1) ?? null")
            done = page.evaluate(WAIT_READY_JS, [want, since, timeout_ms])
            if done["t"] is not None and since is not None:
                rerun_ms = done["t"] - since
            page.wait_for_timeout(300)
            ws_rerun = counter.total(counter.ws, t_before)
        return Run(visible_ms=loaded["t"], rerun_ms=rerun_ms, http_bytes=http, ws_bytes_load=ws_load,
                   ws_bytes_rerun=ws_rerun, charts=charts)
    finally:
        context.close()


def bench_target(browser, name: str, url: str, runs: int, widget_key: str, width: int, height: int,
                 floor: str | None = None) -> Result:
    # Opwarmen: serverkant (imports, data-cache) en het aantal grafieken op de pagina bepalen.
    warm = measure(browser, url, {"deck": 0, "plotly": 0}, widget_key, width, height, settle_ms=3000)
    want = warm.charts
    measured = [measure(browser, url, want, widget_key, width, height) for _ in range(runs)]
    return Result(name=name, url=url, floor=floor, runs=measured)


def floor_for(charts: dict) -> str:
    if charts.get("deck"):
        return "pydeck"
    if charts.get("plotly"):
        return "plotly"
    return "select"


def _fmt(v: float | None, unit: str = "") -> str:
    return "—" if v is None else f"{v:,.0f}{unit}"


def _ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or not b else f"{a / b:.2f}×"


def print_table(results: list[Result], floors: dict[str, Result]) -> None:
    head = ("pagina", "vloer", "zichtbaar ms", "×", "rerun ms", "×", "HTTP kB", "×", "WS kB laden", "×",
            "WS kB rerun", "×")
    rows = []
    for r in [*results, *floors.values()]:
        f = floors.get(r.floor) if r.floor else None
        kb = lambda x: None if x is None else x / 1000  # noqa: E731
        rows.append((
            r.name, r.floor or "",
            _fmt(r.median("visible_ms")), _ratio(r.median("visible_ms"), f and f.median("visible_ms")),
            _fmt(r.median("rerun_ms")), _ratio(r.median("rerun_ms"), f and f.median("rerun_ms")),
            _fmt(kb(r.median("http_bytes"))), _ratio(r.median("http_bytes"), f and f.median("http_bytes")),
            f"{kb(r.median('ws_bytes_load')):,.1f}", _ratio(r.median("ws_bytes_load"), f and f.median("ws_bytes_load")),
            f"{kb(r.median('ws_bytes_rerun')):,.1f}", _ratio(r.median("ws_bytes_rerun"), f and f.median("ws_bytes_rerun")),
        ))
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i > 1 else str(c).ljust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(head))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Browserbenchmark van app-pagina's naast minimale Streamlit-pagina's.")
    ap.add_argument("--pages", nargs="+", required=True, help="url-paden van app-pagina's (bestandsnaam zonder .py)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--widget", default="thema", help="sleutel van de selectbox die voor de rerun verandert")
    ap.add_argument("--floor", choices=[*FLOORS, "auto"], default="auto")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=800)
    ap.add_argument("--json", type=Path, help="schrijf alle runs als JSON (bijv. bench/results/x.json)")
    args = ap.parse_args(argv)

    from lib.navigation import PAGES
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if not executable:
        print("Chromium niet gevonden (apt-get install chromium)", file=sys.stderr)
        return 2
    first = PAGES[0].url_path
    results: list[Result] = []
    floors: dict[str, Result] = {}
    with contextlib.ExitStack() as stack:
        app_url = stack.enter_context(streamlit_server())
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        for name in args.pages:
            path = "" if name == first else name  # de eerste pagina staat op /
            r = bench_target(browser, name, f"{app_url}/{path}", args.runs, args.widget, args.width, args.height)
            r.floor = args.floor if args.floor != "auto" else floor_for(r.runs[0].charts if r.runs else {})
            results.append(r)
            print(f"  {name}: klaar ({len(r.runs)} runs)", file=sys.stderr)
        for floor in sorted({r.floor for r in results}):
            url = stack.enter_context(streamlit_server(FLOORS[floor]))
            floors[floor] = bench_target(browser, f"vloer {floor}", url + "/", args.runs, "thema", args.width,
                                         args.height)
            print(f"  vloer {floor}: klaar", file=sys.stderr)

    print(f"\nMediaan van {args.runs} runs, {args.width}×{args.height}, verse browsercontext per run "
          f"(geen cache); rerun = andere optie in selectbox '{args.widget}'.\n")
    print_table(results, floors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                         "results": [asdict(r) for r in [*results, *floors.values()]]},
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
