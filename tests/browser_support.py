"""Hulp voor browsertests en benchmarks: een Streamlit-server starten en Debian's Chromium besturen.

Chromium wordt gevonden met shutil.which (nooit `playwright install`). Alle verzoeken naar een andere
host dan de lokale server worden geregistreerd, zodat een test kan eisen dat er niets naar buiten gaat.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(script: str = "app.py", env: dict[str, str] | None = None, cwd: Path = ROOT):
    """Start `streamlit run` op een vrije poort op 127.0.0.1; geeft de basis-URL."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit stopte meteen:\n{proc.stdout.read()}")
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit startte niet binnen 60 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class PageWatch:
    """Verzamelt consolefouten en verzoeken die de machine zouden verlaten."""

    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        host = urlparse(self.base_url).netloc

        def on_request(req):
            u = urlparse(req.url)
            if u.scheme in ("data", "blob", "about"):
                return
            if u.netloc != host:
                self.external_requests.append(req.url)

        page.on("request", on_request)
        page.on("console", lambda m: self.console_errors.append(f"{m.text} @ {m.location.get('url', '')}") if m.type == "error" else None)
        page.on("response", lambda r: self.console_errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def block_external(self, context) -> None:
        host = urlparse(self.base_url).netloc

        def route(r):
            u = urlparse(r.request.url)
            if u.netloc == host or u.scheme in ("data", "blob"):
                return r.continue_()
            self.external_requests.append(r.request.url)
            return r.abort()

        context.route("**/*", route)


def wait_for_app(page, timeout: float = 45_000, settle_ms: int = 600) -> None:
    """Wacht tot het script klaar is en dat ook blijft (`settle_ms` lang geen run meer): een run kan
    direct een nieuwe run starten (st.rerun), en daartussen is de app heel even 'notRunning'."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    script = """() => {
        const app = document.querySelector('[data-testid="stApp"]');
        if (!app) return false;
        const state = app.getAttribute('data-test-script-state');
        const running = document.querySelector('[data-testid="stStatusWidget"]');
        return state === 'notRunning' && !running;
    }"""
    deadline = time.time() + timeout / 1000
    quiet_since = None
    while time.time() < deadline:
        if page.evaluate(script):
            quiet_since = quiet_since or time.time()
            if (time.time() - quiet_since) * 1000 >= settle_ms:
                return
        else:
            quiet_since = None
        page.wait_for_timeout(50)
    raise TimeoutError("de app werd niet binnen de tijd rustig")
