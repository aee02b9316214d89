"""Benchmark in de browser: 'Thema's per regio' en 'Ondersteuningsbehoeften' naast een minimale pagina.

Start de app en een minimale Streamlit-pagina (titel + selectbox + één kleine plotly-grafiek, in een
tijdelijke map) met `streamlit run` op 127.0.0.1 en meet in headless Chromium (Debian's /usr/bin/chromium,
elke run een verse browsercontext):

- zichtbaar (ms): van de start van de navigatie (performance.timeOrigin) tot het script klaar is
  (stApp data-test-script-state="notRunning", geen statusindicator), de titel er staat en elke
  plotly-grafiek een plotgebied heeft, plus twee animatieframes;
- rerun (ms): van de klik op een andere optie in een selectbox (app: de globale filter Provincie in de
  zijbalk; minimale pagina: haar selectbox) tot het script opnieuw klaar is en de grafieken er weer staan.

Per doel: de eerste (koude) run apart, daarna de mediaan en het bereik over N warme runs.

Gebruik:  uv run python bench/bench_heatmap.py [--runs 5]
Meet, beweert niets.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM_ARGS, find_chromium, streamlit_server  # noqa: E402

MINIMAL_APP = textwrap.dedent('''
    import plotly.graph_objects as go
    import streamlit as st

    st.title("Minimale pagina")
    keuze = st.selectbox("Keuze", [f"T{i:02d}" for i in range(1, 15)], key="keuze")
    n = int(keuze[1:])
    fig = go.Figure(go.Bar(x=["0", "1", "2", "3", "4"], y=[(n * k) % 7 + 1 for k in range(1, 6)]))
    fig.update_layout(height=300, margin=dict(l=10, r=10, t=10, b=10))
    st.plotly_chart(fig, key="minimaal")
''')

OBSERVER_JS = """
() => {
  // Elke wissel van de scripttoestand, met de oude waarde: een snelle rerun (running → notRunning in
  // één batch) blijft zo zichtbaar.
  window.__states = [];
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(records => {
    for (const r of records) {
      window.__states.push({t: performance.now(), old: r.oldValue, state: app.getAttribute('data-test-script-state')});
    }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
}
"""

WAIT_READY_JS = """
async ([nplots, since, timeoutMs]) => {
  const ready = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    if (!document.querySelector('[data-testid="stMain"] h1')) return false;
    const plots = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    if (plots.length < nplots) return false;
    for (const el of plots) { if (!el.querySelector('.main-svg .cartesianlayer')) return false; }
    return true;
  };
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    const rerunSeen = since === null || (window.__states || []).some(
      s => s.t >= since && (s.state === 'running' || s.old === 'running'));
    if (rerunSeen && ready()) { await frame(); await frame(); return performance.now(); }
    await frame();
  }
  return null;
}
"""


def change_selectbox(page, scope: str, label: str, option: str) -> float:
    """Kies een optie met het toetsenbord (typen filtert de lijst, Enter kiest de eerste treffer) en
    controleer dat de keuze is aangekomen; geeft het tijdstip (performance.now) vlak voor Enter."""
    from playwright.sync_api import expect

    box = page.locator(scope).get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).wait_for(timeout=10_000)
    t = page.evaluate("() => performance.now()")
    box.press("Enter")
    expect(box).to_have_value(option, timeout=10_000)
    return t


def measure(browser, url: str, nplots: int, scope: str, label: str, option: str) -> tuple[float, float]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(url)
        page.wait_for_selector('[data-testid="stApp"]')
        page.evaluate(OBSERVER_JS)
        visible = page.evaluate(WAIT_READY_JS, [nplots, None, 60_000])
        t_click = change_selectbox(page, scope, label, option)
        done = page.evaluate(WAIT_READY_JS, [nplots, t_click, 60_000])
        if visible is None or done is None:
            states = page.evaluate("() => (window.__states || []).slice(-5)")
            raise RuntimeError(f"{url}: niet binnen de tijd klaar (zichtbaar={visible}, rerun={done}, "
                               f"laatste toestanden={states})")
        return visible, done - t_click
    finally:
        ctx.close()


def summarize(name: str, cold: tuple[float, float], warm: list[tuple[float, float]]) -> dict:
    vis, rer = [w[0] for w in warm], [w[1] for w in warm]
    return {"naam": name, "koud_zichtbaar": cold[0], "koud_rerun": cold[1],
            "zichtbaar": statistics.median(vis), "zichtbaar_bereik": (min(vis), max(vis)),
            "rerun": statistics.median(rer), "rerun_bereik": (min(rer), max(rer))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    chromium = find_chromium()
    if not chromium:
        print("Chromium niet gevonden (apt-get install chromium)")
        return 2
    from playwright.sync_api import sync_playwright

    sidebar = '[data-testid="stSidebar"]'
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        (Path(tmp) / "minimaal.py").write_text(MINIMAL_APP, encoding="utf-8")
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        with streamlit_server("minimaal.py", cwd=Path(tmp)) as floor_url, streamlit_server() as app_url:
            targets = [
                ("minimale pagina", floor_url, dict(nplots=1, scope='[data-testid="stMain"]', label="Keuze",
                                                    option="T07")),
                ("Thema's per regio (42 rijen)", f"{app_url}/heatmap",
                 dict(nplots=1, scope=sidebar, label="Provincie", option="Noord-Holland")),
                ("Ondersteuningsbehoeften", f"{app_url}/behoeften",
                 dict(nplots=4, scope=sidebar, label="Provincie", option="Noord-Holland")),
            ]
            cold = {name: measure(browser, url, **kw) for name, url, kw in targets}
            warm: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in targets}
            for _ in range(args.runs):  # om en om, zodat wisselende belasting alle doelen gelijk raakt
                for name, url, kw in targets:
                    warm[name].append(measure(browser, url, **kw))
        browser.close()
    results = [summarize(name, cold[name], warm[name]) for name, _, _ in targets]

    base = results[0]
    print(f"{'doel':32} {'koud zichtbaar':>15} {'zichtbaar':>10} {'bereik':>13} {'× min.':>7} "
          f"{'rerun':>7} {'bereik':>11} {'× min.':>7}")
    for r in results:
        print(f"{r['naam']:32} {r['koud_zichtbaar']:>12.0f} ms {r['zichtbaar']:>7.0f} ms "
              f"{r['zichtbaar_bereik'][0]:>5.0f}–{r['zichtbaar_bereik'][1]:<5.0f} "
              f"{r['zichtbaar'] / base['zichtbaar']:>6.1f}× {r['rerun']:>4.0f} ms "
              f"{r['rerun_bereik'][0]:>4.0f}–{r['rerun_bereik'][1]:<4.0f} {r['rerun'] / base['rerun']:>6.1f}×")
    print(f"\n{args.runs} warme runs per doel (mediaan, doelen om en om), elk in een verse browsercontext; "
          "'koud' = de eerste bezoeker na de serverstart. Belasting (loadavg) bij het einde: "
          + Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
