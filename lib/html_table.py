"""Kleine leestabellen als gewone HTML-tabel (voor st.html), naast st.dataframe voor grote tabellen.

Waarom: lange tekst (zwakke punten, vervolgstappen, omschrijvingen) loopt door op een nieuwe regel in
plaats van afgekapt te worden in een rastercel; een schermlezer leest een echte <table> met kolomkoppen;
en een pagina zonder st.dataframe laadt de DataFrame-JavaScript (~1,6 MB) niet (bench/bench_browser.py).

Alle tekst gaat door html.escape: tekst uit databestanden of uploads wordt nooit opmaak. Zoeken,
sorteren en downloaden horen bij de CSV-knoppen en de tabellen in de tabelalternatieven.
"""

from __future__ import annotations

import html
import math

import polars as pl

CLASS = "hj-tabel"

CSS = f"""
.{CLASS}-kader {{ overflow-x: auto; margin-bottom: 0.5rem; }}
table.{CLASS} {{ border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.4; }}
table.{CLASS} th, table.{CLASS} td {{ border: 1px solid #d5d7dc; padding: 0.3rem 0.6rem; text-align: left;
  vertical-align: top; }}
table.{CLASS} thead th {{ background: #f3f4f6; font-weight: 600; }}
table.{CLASS} td.getal {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
table.{CLASS} caption {{ caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3rem; }}
"""


def cell_text(value: object) -> str:
    """Weergave van één waarde: leeg voor None/NaN, Nederlandse komma voor kommagetallen."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def to_html(df: pl.DataFrame, caption: str | None = None) -> str:
    """De tabel als HTML: <table> met <thead> (th scope=col) en <tbody>; getallen rechts uitgelijnd."""
    numeric = [dtype.is_numeric() for dtype in df.dtypes]
    head = "".join(f'<th scope="col">{html.escape(str(name))}</th>' for name in df.columns)
    rows = []
    for row in df.iter_rows():
        cells = "".join(
            f'<td class="getal">{html.escape(cell_text(v))}</td>' if is_num else f"<td>{html.escape(cell_text(v))}</td>"
            for v, is_num in zip(row, numeric)
        )
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f"<style>{CSS}</style><div class=\"{CLASS}-kader\"><table class=\"{CLASS}\">{cap}"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
