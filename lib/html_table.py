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
from collections.abc import Sequence

import polars as pl

CLASS = "hj-tabel"

CSS = f"""
.{CLASS}-kader {{ overflow-x: auto; margin-bottom: 0.5rem; }}
table.{CLASS} {{ border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.4; }}
table.{CLASS} th, table.{CLASS} td {{ border: 1px solid #d5d7dc; padding: 0.3rem 0.6rem; text-align: left;
  vertical-align: top; }}
table.{CLASS} thead th {{ background: #f3f4f6; font-weight: 600; }}
table.{CLASS} .kort {{ white-space: nowrap; }}
table.{CLASS} td:not(.kort):not(.getal) {{ min-width: 6rem; }}
table.{CLASS} td.getal {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.{CLASS}-kader.schuif {{ overflow-y: auto; border: 1px solid #d5d7dc; }}
.{CLASS}-kader.schuif table.{CLASS} thead th {{ position: sticky; top: 0; z-index: 1; }}
.{CLASS}-kader:focus-visible {{ outline: 2px solid #1c5fb4; outline-offset: 2px; }}
table.{CLASS} caption {{ caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3rem; }}
"""


def _cls(classes: str) -> str:
    return f' class="{classes}"' if classes else ""


def cell_text(value: object) -> str:
    """Weergave van één waarde: leeg voor None/NaN, Nederlandse komma voor kommagetallen."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def to_html(df: pl.DataFrame, caption: str | None = None, max_height: int | None = None,
            label: str | None = None, nowrap: Sequence[str] = ()) -> str:
    """De tabel als HTML: <table> met <thead> (th scope=col) en <tbody>; getallen rechts uitgelijnd.

    Met `max_height` (px) schuift een lange tabel binnen een kader met vaste koprij; dat kader is met
    het toetsenbord te bereiken (tabindex, role=region met `label` of het bijschrift als naam). Kolommen
    in `nowrap` (korte codes, namen) breken niet af, zodat lange tekstkolommen de breedte krijgen."""
    short = [name in nowrap for name in df.columns]
    classes = [" ".join((["getal"] if dtype.is_numeric() else []) + (["kort"] if k else []))
               for dtype, k in zip(df.dtypes, short)]
    head = "".join(f'<th scope="col"{_cls("kort" if k else "")}>{html.escape(str(name))}</th>'
                   for name, k in zip(df.columns, short))
    rows = []
    for row in df.iter_rows():
        cells = "".join(f"<td{_cls(c)}>{html.escape(cell_text(v))}</td>" for v, c in zip(row, classes))
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    frame = f'<div class="{CLASS}-kader">'
    if max_height:
        name = html.escape(label or caption or "")
        frame = (f'<div class="{CLASS}-kader schuif" style="max-height:{int(max_height)}px" tabindex="0" '
                 f'role="region" aria-label="{name}">')
    return (f"<style>{CSS}</style>{frame}<table class=\"{CLASS}\">{cap}"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
