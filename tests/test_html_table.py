"""Leestabellen (lib/html_table): echte tabelopmaak, alle tekst ge-escaped, getallen rechts."""

from __future__ import annotations

import polars as pl

from lib import html_table


def test_structure_header_scope_and_rows():
    df = pl.DataFrame({"Thema": ["Reikwijdte", "Regeldruk"], "Aantal": [3, 12]})
    out = html_table.to_html(df, caption="Per thema")
    assert out.count("<table") == 1 and out.count("<tr>") == 3  # kop + twee rijen
    assert '<th scope="col">Thema</th><th scope="col">Aantal</th>' in out
    assert "<caption>Per thema</caption>" in out
    assert '<td class="getal">12</td>' in out and "<td>Regeldruk</td>" in out


def test_hostile_text_is_escaped_everywhere():
    evil = '<img src=x onerror="alert(1)"> & <script>x</script>'
    df = pl.DataFrame({evil: [evil], "b": ["'s-Hertogenbosch"]})
    out = html_table.to_html(df, caption=evil)
    body = out.split("</style>", 1)[1]
    assert "<img" not in body and "<script" not in body and "onerror=\"" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;" in body
    assert "&#x27;s-Hertogenbosch" in body


def test_cell_text_formats_missing_and_decimals():
    assert html_table.cell_text(None) == ""
    assert html_table.cell_text(float("nan")) == ""
    assert html_table.cell_text(2.26) == "2,3"
    assert html_table.cell_text(1.5) == "1,5"
    assert html_table.cell_text(True) == "ja"
    assert html_table.cell_text(7) == "7"
    df = pl.DataFrame({"x": [None, 1.5]}, schema={"x": pl.Float64})
    out = html_table.to_html(df)
    assert '<td class="getal"></td>' in out and '<td class="getal">1,5</td>' in out


def test_empty_table_keeps_header():
    out = html_table.to_html(pl.DataFrame(schema={"Categorie": pl.String}))
    assert '<th scope="col">Categorie</th>' in out and "<tbody></tbody>" in out


def test_scrolling_frame_is_a_named_keyboard_region():
    df = pl.DataFrame({"Regio": [f"R{i}" for i in range(40)]})
    out = html_table.to_html(df, max_height=300, label='Regio\'s die om "C05" vragen')
    assert 'style="max-height:300px"' in out and 'tabindex="0"' in out and 'role="region"' in out
    assert 'aria-label="Regio&#x27;s die om &quot;C05&quot; vragen"' in out
    assert "schuif" not in html_table.to_html(df).split("</style>", 1)[1]  # zonder max_height geen kader


def test_nowrap_columns_are_marked():
    df = pl.DataFrame({"Code": ["JZ01"], "Omschrijving": ["lang verhaal"], "Aantal": [2]})
    out = html_table.to_html(df, nowrap=["Code", "Aantal"])
    assert '<th scope="col" class="kort">Code</th>' in out and '<th scope="col">Omschrijving</th>' in out
    assert '<td class="kort">JZ01</td><td>lang verhaal</td><td class="getal kort">2</td>' in out
