"""AppTest-hulp: de hele app (app.py met navigatie en filters) laden en naar een pagina gaan."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


# Let op: een widget in de zijbalk (de globale filters) aanklikken en .run() werkt in AppTest niet
# samen met st.navigation (de zijbalk is daarna leeg), en AppTest past URL-parameters van gebonden
# widgets niet betrouwbaar toe. Zet filters daarom via `state` (session_state vóór de eerste run); de
# URL-binding zelf wordt in de browsertests gecontroleerd. Widgets in het hoofdgedeelte werken gewoon.
def run_app(page: str | None = None, query: dict[str, str] | None = None, timeout: float = 60,
            state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (state or {}).items():
        at.session_state[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def all_text(at: AppTest) -> str:
    """Alle zichtbare tekst van markdown, captions, alerts en titels samen (om op te zoeken)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error", "success",
                 "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def all_nodes(at: AppTest) -> list:
    """Alle elementen van de laatste run (ook in kolommen, uitklapvakken en de zijbalk), diepte eerst."""
    out: list = []

    def walk(node) -> None:
        out.append(node)
        for child in getattr(node, "children", {}).values():
            walk(child)

    for root in at._tree.children.values():
        walk(root)
    return out
