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


def html_tables(at: AppTest) -> list:
    """De leestabellen (lib/html_table, via st.html) van de laatste run als polars-DataFrames met
    tekstcellen, zoals een lezer ze ziet (HTML-entiteiten omgezet)."""
    from html.parser import HTMLParser

    import polars as pl

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tables: list[list[list[str]]] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag, attrs) -> None:
            if tag == "table":
                self.tables.append([])
            elif tag == "tr":
                self.tables[-1].append([])
            elif tag in ("th", "td"):
                self.cell = []

        def handle_endtag(self, tag) -> None:
            if tag in ("th", "td") and self.cell is not None:
                self.tables[-1][-1].append("".join(self.cell))
                self.cell = None

        def handle_data(self, data) -> None:
            if self.cell is not None:
                self.cell.append(data)

    out = []
    for node in all_nodes(at):
        if type(node).__name__ == "Html" and "<table" in node.proto.body:
            parser = Tables()
            parser.feed(node.proto.body)
            for rows in parser.tables:
                header, body = rows[0], rows[1:]
                out.append(pl.DataFrame({h: [r[i] for r in body] for i, h in enumerate(header)},
                                        schema={h: pl.String for h in header}))
    return out
