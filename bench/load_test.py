"""Belastingtest: veel gelijktijdige gebruikers tegen één lokale Streamlit-server (127.0.0.1).

Twee soorten sessies, tegelijk:
- `--sessions` (standaard 30) protocolsessies: elk een eigen websocket naar /_stcore/stream die praat
  zoals de Streamlit-frontend (protobuf BackMsg/ForwardMsg uit streamlit.proto, websockets is een
  afhankelijkheid van streamlit zelf). Zo belast elke sessie de server precies als een browser, zonder
  dat deze machine (2 cores) ook nog 30 pagina's moet tekenen — in het echt heeft elke gebruiker zijn
  eigen computer. Eerste poging met 30 echte Chromium-pagina's: de pagina's kwamen op 2 cores niet
  eens binnen 60 s op het scherm, terwijl de server uit zijn neus stond te eten.
- `--browser-sessions` (standaard 2) echte headless-Chromiumpagina's die hetzelfde doen, om fouten
  te vangen die alleen in de browser zichtbaar zijn (consolefouten, paginafouten, getoonde exceptions,
  verzoeken naar buiten).

Elke sessie kijkt rond tot de golf voorbij is: pagina wisselen, peiling of thema veranderen, met 1–3 s
bedenktijd (--think-min/--think-max). Dat gebeurt in `--waves` golven; na elke golf sluiten alle sessies en wachten we tot de
server ze heeft opgeruimd, zodat te zien is of geheugen per sessie weer vrijkomt.

Gemeten:
- rerun-tijd per actie, van versturen tot `script_finished` (protocol) of tot de app weer rustig is
  (browser, MutationObserver op `data-test-script-state`): p50, p95, max; en bytes per rerun;
- fouten: getoonde exception, page_not_found, time-outs, verbroken verbindingen; in de browser ook
  consolefouten, paginafouten en verzoeken naar buiten;
- het geheugen van de server (VmRSS uit /proc/<pid>/status) elke seconde.

Opruimen: Streamlit bewaart de sessie van een verbroken websocket nog `server.disconnectedSessionTTL`
seconden (standaard 120 s) voor een herverbinding; pas daarna komt haar geheugen vrij. Deze test zet die
TTL op `--session-ttl` (standaard 15 s) zodat het opruimen binnen de looptijd valt, en wacht daarna
TTL + 15 s. Begrensd = na de laatste golf is de server na opruimen niet meer dan 10 % (min. 25 MB) groter
dan na de eerste: elke golf opent evenveel nieuwe sessies, dus geheugen dat per sessie blijft hangen zou
hier groeien.

Gebruik:  uv run python bench/load_test.py --sessions 30 --minutes 3
Begrensd: hoogstens 60 sessies en 10 minuten, alleen 127.0.0.1; stopt zelf; exitcode 1 bij fouten of
onbegrensde groei.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM_ARGS, find_chromium, free_port  # noqa: E402
from lib.loaders import load_dataset  # noqa: E402
from lib.navigation import PAGES  # noqa: E402

MAX_SESSIONS = 60
MAX_MINUTES = 10
ACTION_TIMEOUT_MS = 60_000
# Overgangen van de scriptstatus, met tijdstempels, vanaf het laden van de pagina.
# Tijden op de wandklok (Date.now), niet performance.now: laadt de browser de hele pagina opnieuw (een
# klik die als gewone navigatie afgaat), dan begint performance.now opnieuw bij 0 en zou een meting
# tegen t0 van het oude document nooit klaar zijn. Elk nieuw document zet een 'load'-merkteken.
INIT_SCRIPT = """
window.__st = [[Date.now(), 'load']];
new MutationObserver(ms => { for (const m of ms) {
    window.__st.push([Date.now(), m.target.getAttribute('data-test-script-state')]);
}}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
"""
RELOADED_AFTER = "(t0) => window.__st.some(e => e[0] >= t0 && e[1] === 'load')"
# Klaar = na de actie een 'running' en daarna 'notRunning'. Op een volle machine kunnen het start- en het
# eindbericht van een run samen binnenkomen; React zet dan in één render 'running' en weer 'notRunning' en
# het attribuut verandert nooit. Daarom telt ook de zichtbare eindtoestand: de app rustig én (pagina) een
# andere titel dan vóór de klik, of (filter) de nieuwe code in de URL. Zulke acties worden apart geteld.
FINISHED_AFTER = """([t0, key, expected, h1Before]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    const ev = window.__st.filter(e => e[0] >= t0);
    const i = ev.findIndex(e => e[1] === 'running');
    if (i >= 0) {
        const done = ev.slice(i).find(e => e[1] === 'notRunning');
        return done ? [done[0] - t0, true] : false;
    }
    const h1 = document.querySelector('[data-testid="stMain"] h1')?.innerText || '';
    const shown = key === 'pagina'
        ? location.pathname === expected && h1 !== '' && h1 !== h1Before
        : new URLSearchParams(location.search).get(key) === expected;
    return shown ? [Date.now() - t0, false] : false;
}"""
APP_READY = """() => { const a = document.querySelector('[data-testid="stApp"]');
    return !!a && a.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-testid="stStatusWidget"]'); }"""
IGNORED_CONSOLE = ("/_stcore/health", "/_stcore/host-config")


# --------------------------------------------------------------------------------------------
# Server en geheugen
# --------------------------------------------------------------------------------------------
@contextlib.contextmanager
def server(session_ttl: int):
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.disconnectedSessionTTL", str(session_ttl)]
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    log = open(ROOT / "bench" / "results" / "load_test_server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError("streamlit stopte meteen; zie bench/results/load_test_server.log")
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("streamlit startte niet binnen 60 s") from None
                time.sleep(0.3)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class MemorySampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 1.0):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float, str]] = []
        self.phase = "start"
        self._halt = threading.Event()
        self.t0 = time.time()

    def run(self) -> None:
        while not self._halt.is_set():
            with contextlib.suppress(OSError):
                self.samples.append((time.time() - self.t0, rss_mb(self.pid), self.phase))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


# --------------------------------------------------------------------------------------------
# Sessies
# --------------------------------------------------------------------------------------------
@dataclass
class SessionResult:
    first_load_ms: float | None = None
    reruns: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    bytes: list[int] = field(default_factory=list)
    kind: str = "protocol"
    reloads: list[str] = field(default_factory=list)  # acties waarna de browser de hele pagina opnieuw laadde
    merged: list[str] = field(default_factory=list)  # klaar zonder zichtbare 'running' (zie FINISHED_AFTER)


async def _wait_ready(page, timeout_ms: int = ACTION_TIMEOUT_MS) -> None:
    await page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    await page.wait_for_function(APP_READY, timeout=timeout_ms, polling=100)


async def run_browser_session(idx: int, browser, url: str, deadline: float, choices: dict, rng: random.Random) -> SessionResult:
    res = SessionResult(kind="browser")
    host = urlparse(url).netloc
    ctx = await browser.new_context(viewport={"width": 1100, "height": 800})

    async def route(r):
        u = urlparse(r.request.url)
        if u.netloc == host or u.scheme in ("data", "blob"):
            return await r.continue_()
        res.errors.append(f"verzoek naar buiten: {r.request.url}")
        return await r.abort()

    await ctx.route("**/*", route)
    await ctx.add_init_script(INIT_SCRIPT)
    page = await ctx.new_page()
    # Voor de diagnose van een time-out: volledige documentladingen en gesloten websockets (wandklok, ms)
    loads: list[tuple[float, str]] = []
    closed: list[float] = []
    page.on("load", lambda p: loads.append((time.time() * 1000, urlparse(p.url).path)))
    page.on("websocket", lambda ws: ws.on("close", lambda _ws: closed.append(time.time() * 1000)))
    page.on("pageerror", lambda e: res.errors.append(f"paginafout: {e}"))
    page.on("console", lambda m: res.errors.append(f"console op {urlparse(page.url).path}: {m.text[:150]}")
            if m.type == "error" and not any(i in (m.location or {}).get("url", "") + m.text for i in IGNORED_CONSOLE)
            else None)
    peiling, thema = choices["peiling_default"], choices["thema_default"]
    try:
        t = time.perf_counter()
        start_page = rng.choice(choices["pages"])
        await page.goto(f"{url}/{start_page}", timeout=ACTION_TIMEOUT_MS)
        await _wait_ready(page)
        res.first_load_ms = (time.perf_counter() - t) * 1000
        while time.time() < deadline:
            action = rng.choices(["pagina", "peiling", "thema"], weights=[4, 3, 3])[0]
            if action == "pagina":
                links = page.locator('[data-testid="stSidebarNavLink"]')
                n = await links.count()
                current = await page.evaluate("location.pathname")
                targets = [i for i in range(n) if urlparse(await links.nth(i).get_attribute("href") or "").path != current]
                pick = rng.choice(targets)
                target = urlparse(await links.nth(pick).get_attribute('href') or '').path
                detail = f"van {current} naar {target}"
                key, expected = "pagina", target
                h1_before = await page.evaluate("() => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText || ''")
                t0 = await page.evaluate("Date.now()")
                await links.nth(pick).click()
            else:
                options = choices[action]
                now = peiling if action == "peiling" else thema
                value, typed = rng.choice([o for o in options if o[0] != now])
                detail = f"{now} → {value}"
                # de standaardwaarde staat niet in de URL (lib/filters.py haalt de parameter dan weg)
                default = choices["peiling_default"] if action == "peiling" else choices["thema_default"]
                key, expected, h1_before = action, (None if value == default else value), ""
                box = page.get_by_test_id("stSidebarUserContent").get_by_role(
                    "combobox", name="Peiling" if action == "peiling" else "Thema")
                await box.click()
                await page.keyboard.type(typed)
                t0 = await page.evaluate("Date.now()")
                await page.keyboard.press("Enter")
                if action == "peiling":
                    peiling = value
                else:
                    thema = value
            try:
                handle = await page.wait_for_function(FINISHED_AFTER, arg=[t0, key, expected, h1_before],
                                                      timeout=ACTION_TIMEOUT_MS, polling=50)
                took, seen_running = await handle.json_value()
                res.reruns.setdefault(action, []).append(float(took))
                if not seen_running:
                    res.merged.append(f"{action} ({detail})")
                if await page.evaluate(RELOADED_AFTER, t0):
                    res.reloads.append(f"{action} ({detail})")
            except Exception as exc:  # noqa: BLE001 - elke time-out telt als fout
                # wat de pagina deed: de scriptstatussen sinds de actie (ms na de actie) en waar ze nu staat
                states = await page.evaluate("(t0) => window.__st.filter(e => e[0] >= t0 - 50)"
                                             ".slice(-6).map(e => `${Math.round(e[0] - t0)}:${e[1]}`).join(' ')", t0)
                now_state = await page.evaluate(
                    "() => [document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state'),"
                    " !!document.querySelector('[data-testid=\"stStatusWidget\"]'), window.__st.length,"
                    " document.querySelector('[data-testid=\"stConnectionStatus\"]')?.innerText || '']")
                last_load = f"{t0 - loads[-1][0]:.0f} ms vóór de actie ({loads[-1][1]})" if len(loads) > 1 else "alleen de eerste"
                ws_closed = [f"{c - t0:+.0f}" for c in closed]
                res.errors.append(f"browser: time-out na {action} ({detail}) op {urlparse(page.url).path}: "
                                  f"{type(exc).__name__}; scriptstatus sinds de actie: {states or 'geen'}; "
                                  f"nu: {now_state}; documentladingen {len(loads)}, laatste {last_load}; "
                                  f"websocket gesloten (ms t.o.v. actie): {ws_closed or 'nooit'}")
                await _wait_ready(page)
            if await page.locator('[data-testid="stException"]').count():
                res.errors.append(f"exception getoond na {action} op {await page.evaluate('location.pathname')}")
            await asyncio.sleep(rng.uniform(*choices["think"]))
    except Exception as exc:  # noqa: BLE001
        res.errors.append(f"browsersessie {idx} afgebroken: {type(exc).__name__}: {str(exc)[:200]}")
    finally:
        await ctx.close()
    return res

async def run_protocol_session(idx: int, url: str, deadline: float, choices: dict, rng: random.Random) -> SessionResult:
    """Eén gebruiker via het websocketprotocol van Streamlit (zoals de frontend het spreekt)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    res = SessionResult()
    widgets: dict[str, str] = {}  # label → widget-id (sidebarfilters)
    pages: dict[str, str] = {}  # url-pad → page_script_hash
    state = {"query": "", "page": rng.choice(choices["pages"])}
    sent_values: dict[str, str] = {}  # widget-id → gekozen tekst (zoals de frontend: alle gezette waarden)

    async def rerun(ws, page_hash: str = "", page_name: str = "") -> tuple[float, int]:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = state["query"]
        cs.page_script_hash = page_hash
        cs.page_name = page_name
        for wid, value in sent_values.items():
            w = cs.widget_states.widgets.add()
            w.id = wid
            w.string_value = value
        t = time.perf_counter()
        await ws.send(msg.SerializeToString())
        nbytes = 0
        while True:
            data = await asyncio.wait_for(ws.recv(), timeout=ACTION_TIMEOUT_MS / 1000)
            nbytes += len(data)
            fm = ForwardMsg()
            fm.ParseFromString(data)
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                if el.WhichOneof("type") == "selectbox":
                    widgets[el.selectbox.label] = el.selectbox.id
                elif el.WhichOneof("type") == "exception":
                    res.errors.append(f"exception getoond: {el.exception.type}: {el.exception.message[:80]}")
            elif kind == "navigation":
                pages.update({p.url_pathname: p.page_script_hash for p in fm.navigation.app_pages})
            elif kind == "page_info_changed":
                state["query"] = fm.page_info_changed.query_string
            elif kind == "page_not_found":
                res.errors.append(f"page_not_found: {fm.page_not_found.page_name}")
            elif kind == "script_finished" and fm.script_finished in (
                    ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                if fm.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    res.errors.append("script met compileerfout")
                return (time.perf_counter() - t) * 1000, nbytes

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    peiling, thema = choices["peiling_label_default"], choices["thema_label_default"]
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=60) as ws:
            ms, nbytes = await rerun(ws, page_name=state["page"])
            res.first_load_ms = ms
            res.bytes.append(nbytes)
            while time.time() < deadline:
                await asyncio.sleep(rng.uniform(*choices["think"]))
                action = rng.choices(["pagina", "peiling", "thema"], weights=[4, 3, 3])[0]
                try:
                    if action == "pagina":
                        target = rng.choice([p for p in choices["pages"] if p != state["page"] and p in pages])
                        state["page"] = target
                        ms, nbytes = await rerun(ws, page_hash=pages[target])
                    else:
                        label = "Peiling" if action == "peiling" else "Thema"
                        now = peiling if action == "peiling" else thema
                        value = rng.choice([o for o in choices[action + "_labels"] if o != now])
                        sent_values[widgets[label]] = value
                        if action == "peiling":
                            peiling = value
                        else:
                            thema = value
                        ms, nbytes = await rerun(ws, page_hash=pages.get(state["page"], ""))
                    res.reruns.setdefault(action, []).append(ms)
                    res.bytes.append(nbytes)
                except asyncio.TimeoutError:
                    res.errors.append(f"protocol: time-out (>{ACTION_TIMEOUT_MS // 1000} s geen bericht) na {action} "
                                      f"op /{state['page']}")
    except Exception as exc:  # noqa: BLE001 - een verbroken verbinding telt als fout
        res.errors.append(f"protocolsessie {idx} afgebroken: {type(exc).__name__}: {str(exc)[:150]}")
    return res


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    k = (len(s) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


async def main_async(args) -> int:
    from playwright.async_api import async_playwright

    ds = load_dataset()
    labels = dict(zip(ds.peilingen["peiling_id"], ds.peilingen["label"]))
    theme_text = {t: f"{t} {ds.vocab.theme_labels.get(t, t)}" for t in ds.vocab.theme_codes}
    choices = {
        "pages": [p.url_path for p in PAGES if not p.requires_analyst and p != PAGES[0]] + [""],
        # browser: (waarde, wat je typt); protocol: de tekst van de optie (zoals de frontend hem stuurt)
        "peiling": [(p, labels[p]) for p in ds.peiling_ids],
        "thema": [("alle", "Alle thema")] + [(t, t) for t in ds.vocab.theme_codes],
        "peiling_default": ds.latest_peiling,
        "thema_default": "alle",
        "peiling_labels": [labels[p] for p in ds.peiling_ids],
        "thema_labels": ["Alle thema's", *theme_text.values()],
        "peiling_label_default": labels[ds.latest_peiling],
        "thema_label_default": "Alle thema's",
        "think": (args.think_min, args.think_max),
    }
    rng = random.Random(args.seed)
    chromium = find_chromium()
    if args.browser_sessions and not chromium:
        print("Chromium ontbreekt (apt-get install chromium); of draai met --browser-sessions 0")
        return 2
    all_results: list[SessionResult] = []
    wave_memory: list[dict[str, float]] = []
    wave_seconds = args.minutes * 60 / args.waves
    with server(args.session_ttl) as (url, pid):
        sampler = MemorySampler(pid)
        sampler.start()
        try:
            async with async_playwright() as p:
                browsers = [await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                            for _ in range(min(args.browser_sessions, 2))] if args.browser_sessions else []
                # Opwarmen: één sessie bezoekt elke pagina (imports, caches, geometrie).
                sampler.phase = "opwarmen"
                warm = await run_protocol_session(-1, url, 0, {**choices, "pages": [""]}, random.Random(0))
                for path in choices["pages"]:
                    warm_choices = {**choices, "pages": [path]}
                    warm = await run_protocol_session(-1, url, 0, warm_choices, random.Random(0))
                    if warm.errors:
                        print(f"Opwarmen /{path}: {warm.errors}")
                await asyncio.sleep(args.session_ttl + 15)
                baseline = rss_mb(pid)
                print(f"Belasting van de machine (load average 1/5/15 min): {os.getloadavg()}; {os.cpu_count()} cores")
                print(f"Server opgewarmd: {baseline:.0f} MB RSS. Per golf {args.sessions} protocolsessies + "
                      f"{args.browser_sessions} browsersessies, {args.waves} golven van {wave_seconds:.0f} s, "
                      f"bedenktijd {args.think_min:g}–{args.think_max:g} s.", flush=True)
                for wave in range(args.waves):
                    sampler.phase = f"golf {wave + 1}"
                    deadline = time.time() + wave_seconds
                    tasks = []
                    for i in range(args.sessions):
                        # gebruikers komen binnen over de eerste 10 s, niet allemaal in dezelfde milliseconde
                        tasks.append(_delayed(rng.uniform(0, 10), run_protocol_session(
                            i, url, deadline, choices, random.Random(rng.random()))))
                    for i in range(args.browser_sessions):
                        tasks.append(run_browser_session(i, browsers[i % len(browsers)], url, deadline, choices,
                                                         random.Random(rng.random())))
                    results = await asyncio.gather(*tasks)
                    all_results += results
                    peak = max(m for _, m, ph in sampler.samples if ph == sampler.phase)
                    at_close = rss_mb(pid)
                    sampler.phase = f"opruimen {wave + 1}"
                    await asyncio.sleep(args.session_ttl + 15)
                    after = rss_mb(pid)
                    wave_memory.append({"piek": peak, "bij sluiten": at_close, "na opruimen": after})
                    n_rr = sum(len(v) for r in results for v in r.reruns.values())
                    n_err = sum(len(r.errors) for r in results)
                    print(f"Golf {wave + 1}: {n_rr} reruns, {n_err} fouten; geheugen piek {peak:.0f} MB, bij sluiten "
                          f"{at_close:.0f} MB, na opruimen {after:.0f} MB", flush=True)
                for b in browsers:
                    await b.close()
        finally:
            sampler.stop()
    return report(args, all_results, wave_memory, baseline, sampler)


async def _delayed(seconds: float, coro):
    await asyncio.sleep(seconds)
    return await coro


def report(args, all_results: list[SessionResult], wave_memory: list[dict[str, float]], baseline: float,
           sampler: MemorySampler) -> int:
    errors = [e for r in all_results for e in r.errors]
    for kind in ("protocol", "browser"):
        results = [r for r in all_results if r.kind == kind]
        if not results:
            continue
        reruns: dict[str, list[float]] = {}
        for r in results:
            for k, v in r.reruns.items():
                reruns.setdefault(k, []).extend(v)
        every = [x for v in reruns.values() for x in v]
        loads = [r.first_load_ms for r in results if r.first_load_ms is not None]
        title = "protocolsessies (server: versturen → script klaar)" if kind == "protocol" else \
            "browsersessies (toets/klik → app rustig)"
        print(f"\n{len(results)} {title}")
        print(f"{'actie':<18}{'aantal':>8}{'p50':>10}{'p95':>10}{'max':>10}")
        for name, values in [*sorted(reruns.items()), ("alle reruns", every), ("eerste run", loads)]:
            if values:
                print(f"{name:<18}{len(values):>8}{statistics.median(values):>8.0f}ms"
                      f"{percentile(values, 0.95):>8.0f}ms{max(values):>8.0f}ms")
        reloads = [x for r in results for x in r.reloads]
        merged = [x for r in results for x in r.merged]
        if kind == "browser":
            print(f"acties waarna de browser de hele pagina opnieuw laadde: {len(reloads)}"
                  + (f" ({', '.join(reloads[:5])})" if reloads else ""))
            print(f"acties klaar zonder zichtbare 'running' (start en eind in één render; tijd = eerste "
                  f"waarneming van de eindtoestand): {len(merged)}" + (f" ({', '.join(merged[:5])})" if merged else ""))
        sizes = [b for r in results for b in r.bytes]
        if sizes:
            print(f"bytes per run (websocket, zonder cache): mediaan {statistics.median(sizes) / 1024:.0f} KB, "
                  f"max {max(sizes) / 1024:.0f} KB")
    print(f"\nFouten: {len(errors)}")
    for e in sorted(set(errors))[:15]:
        print(f"  - {e} (×{errors.count(e)})")
    print("\nServergeheugen (VmRSS, MB) per 15 s:")
    last = -15.0
    for t, mb, phase in sampler.samples:
        if t - last >= 15:
            print(f"  {t:6.0f} s  {mb:7.0f}  {phase}")
            last = t
    print(f"\nLoad average aan het eind: {os.getloadavg()}")
    print(f"Na opwarmen: {baseline:.0f} MB")
    for i, m in enumerate(wave_memory, 1):
        print(f"Golf {i}: piek {m['piek']:.0f} MB, bij sluiten {m['bij sluiten']:.0f} MB, "
              f"na opruimen {m['na opruimen']:.0f} MB")
    bounded = True
    if len(wave_memory) >= 2:
        first, last_after = wave_memory[0]["na opruimen"], wave_memory[-1]["na opruimen"]
        allowed = max(0.10 * first, 25.0)
        bounded = last_after - first <= allowed
        print(f"Groei tussen golf 1 en {len(wave_memory)} na opruimen: {last_after - first:+.0f} MB "
              f"(toegestaan {allowed:.0f} MB) → {'begrensd' if bounded else 'NIET begrensd'}")
    return 0 if not errors and bounded else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--minutes", type=float, default=3.0, help="totale looptijd van de golven samen")
    parser.add_argument("--browser-sessions", type=int, default=2, help="echte Chromium-pagina's erbij (0 = geen)")
    parser.add_argument("--waves", type=int, default=2)
    parser.add_argument("--session-ttl", type=int, default=15, help="server.disconnectedSessionTTL in seconden")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--think-min", type=float, default=1.0, help="bedenktijd tussen acties, ondergrens (s)")
    parser.add_argument("--think-max", type=float, default=3.0, help="bedenktijd tussen acties, bovengrens (s)")
    args = parser.parse_args()
    if not (1 <= args.sessions + args.browser_sessions <= MAX_SESSIONS and 0 < args.minutes <= MAX_MINUTES and args.waves >= 1):
        parser.error(f"begrensd: 1–{MAX_SESSIONS} sessies, hoogstens {MAX_MINUTES} minuten")
    hard_limit = args.minutes * 60 + args.waves * (args.session_ttl + 60) + 300
    code = asyncio.run(asyncio.wait_for(main_async(args), timeout=hard_limit))
    sys.exit(code)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
