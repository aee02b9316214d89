"""Printbare één-pagina 'startfoto' van een regio: HTML met een print-stylesheet voor A4.

Alle tekst uit de data gaat door html.escape; er staat geen script in het document. De gebruiker
opent het bestand in de browser en drukt af (of bewaart als PDF).
"""

from __future__ import annotations

import html

import polars as pl

from lib import colors, schema
from lib.loaders import Dataset
from lib.profile import changes_since_previous, region_info, region_needs, region_vs_national

CSS = """
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 8.2pt;
       color: #1a1a1a; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 1mm 0; }
h2 { font-size: 10.5pt; margin: 3mm 0 1.2mm 0; border-bottom: 1px solid #bbb; padding-bottom: 0.5mm; }
.sub { color: #444; margin: 0 0 2mm 0; }
.marker { border: 2px solid #b35806; color: #7a3b00; background: #fff4e5; padding: 1.5mm 2.5mm; font-weight: 600;
          margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 0.5mm 1.2mm; border-bottom: 1px solid #e3e3e3; }
th { font-size: 8.5pt; color: #333; }
td.status { font-weight: 600; border: 1px solid #fff; text-align: center; vertical-align: middle; font-size: 8pt; }
td.num { text-align: center; vertical-align: middle; }
th, td { line-height: 1.25; }
.cols { display: flex; gap: 5mm; }
.cols > div { flex: 1; }
ul { margin: 0; padding-left: 4mm; }
footer { margin-top: 3mm; font-size: 7.5pt; color: #555; }
@media screen { body { max-width: 186mm; margin: 12mm auto; } }
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def region_onepager_html(ds: Dataset, regio: str, peiling: str) -> str:
    info = region_info(ds, regio, peiling)
    label = ds.peilingen.filter(pl.col("peiling_id") == peiling)["label"].item()
    rows = region_vs_national(ds, regio, peiling)
    texts = ds.assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == regio))
    text_by_theme = {str(r["thema_code"]): r for r in texts.iter_rows(named=True)}
    body_rows = []
    for r in rows.iter_rows(named=True):
        code = str(r["status"])
        t = text_by_theme.get(str(r["thema_code"]), {})
        med = "–" if r["mediaan"] is None else f"{r['mediaan']:.1f}".replace(".", ",")
        body_rows.append(
            f"<tr><td>{_e(r['thema'])}</td>"
            f"<td class='status' style='background:{colors.STATUS_COLORS[code]};color:{colors.STATUS_TEXT_COLORS[code]}'>"
            f"{_e(ds.vocab.status_short[code])}</td><td class='num'>{med}</td>"
            f"<td>{_e(t.get('zwakke_punten') or '')}</td><td>{_e(t.get('vervolgstappen') or '')}</td></tr>"
        )
    strengths = sorted({v for v in texts["sterke_punten"].drop_nulls().to_list() if v})
    needs = region_needs(ds, regio, peiling)
    need_items = "".join(
        f"<li><b>{_e(n['Categorie'])}</b> ({_e(n['Prioriteit'].lower())}): {_e(n['Omschrijving'])}</li>"
        for n in needs.iter_rows(named=True)
    ) or "<li>Geen ondersteuningsbehoeften gemeld.</li>"
    changes = "".join(f"<li>{_e(c)}</li>" for c in changes_since_previous(ds, regio, peiling))
    marker = (
        f"<div class='marker'>{_e(schema.ILLUSTRATIVE_MARKER)}: {_e(schema.ILLUSTRATIVE_EXPLANATION)}</div>"
        if ds.is_illustrative(peiling) else ""
    )
    gemeenten = ", ".join(info.gemeenten)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<title>Startfoto {_e(info.name)} ({_e(info.code)}) — {_e(label)}</title>
<style>{CSS}</style></head>
<body>
<h1>{_e(info.name)} <span style="font-weight:400;color:#555">({_e(info.code)})</span></h1>
<p class="sub">Jeugdregio · {_e(label)} · {len(info.gemeenten)} gemeenten ({_e(', '.join(info.provincies_gemeenten))}): {_e(gemeenten)}</p>
{marker}
<h2>Stand per thema</h2>
<table><colgroup><col style="width:27%"><col style="width:15%"><col style="width:9%"><col style="width:24%"><col style="width:25%"></colgroup>
<thead><tr><th>Thema</th><th>Status</th><th>Mediaan NL (0–4)</th><th>Zwakke punten</th><th>Vervolgstappen</th></tr></thead>
<tbody>{''.join(body_rows)}</tbody></table>
<div class="cols">
<div><h2>Ondersteuningsbehoeften</h2><ul>{need_items}</ul></div>
<div><h2>Wat is er veranderd sinds de vorige peiling</h2><ul>{changes}</ul></div>
</div>
<h2>Sterke punten</h2><p>{_e(' · '.join(strengths)) or 'Geen genoemd.'}</p>
<footer>Statusschaal: 0 Niet gestart · 1 Oriënterend · 2 In voorbereiding · 3 In uitvoering · 4 Gerealiseerd;
onbekend en n.v.t. tellen niet mee. {_e(schema.ATTRIBUTION_MEMBERSHIP)}. Dashboard Hervormingsagenda Jeugd.</footer>
</body></html>"""
