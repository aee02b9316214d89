"""Export: round-trip van CSV en XLSX met Polars, en formule-injectie geneutraliseerd."""

from __future__ import annotations

import io

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import export

HOSTILE = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "normaal", "", None]


def test_neutralise_cases():
    assert export.neutralise("=1+1") == "'=1+1"
    assert export.neutralise("+31 6") == "'+31 6"
    assert export.neutralise("-") == "'-"
    assert export.neutralise("@x") == "'@x"
    assert export.neutralise("\t=1") == "'\t=1"
    assert export.neutralise("veilig = ok") == "veilig = ok"
    assert export.neutralise("") == "" and export.neutralise(None) is None


def test_csv_round_trip_and_header():
    df = pl.DataFrame({"Regio": ["Rijnmond", "Zeeland"], "Status": ["In uitvoering", "Gerealiseerd"], "Waarde": [3, 4]})
    header = export.header_lines("Titel", ["CBS — CC BY 4.0"], "peiling P2026-06", illustrative=True)
    data = export.to_csv_bytes(df, header)
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "# Titel"
    assert any("voorbeelddata" in line for line in text.splitlines()[:6])
    back = export.read_csv_export(data).with_columns(pl.col("Waarde").cast(pl.Int64))
    assert_frame_equal(back, df)


def test_xlsx_round_trip():
    df = pl.DataFrame({"Regio": ["Rijnmond", "Zeeland"], "Waarde": [3, 4]})
    data = export.to_xlsx_bytes(df, ["Bron: CBS"])
    back = pl.read_excel(io.BytesIO(data), sheet_name="Data")
    assert_frame_equal(back, df, check_dtypes=False)
    bron = pl.read_excel(io.BytesIO(data), sheet_name="Bron", has_header=False)
    assert bron.row(0)[0] == "Bron: CBS"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_injection_neutralised(fmt):
    df = pl.DataFrame({"tekst": HOSTILE})
    if fmt == "csv":
        back = export.read_csv_export(export.to_csv_bytes(df))["tekst"].to_list()
    else:
        back = pl.read_excel(io.BytesIO(export.to_xlsx_bytes(df)), sheet_name="Data")["tekst"].to_list()
    for value in back:
        if value:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert "'=HYPERLINK(\"http://x\")" in back and "normaal" in back


def test_xlsx_has_no_formula_cells():
    import zipfile

    data = export.to_xlsx_bytes(pl.DataFrame({"t": ["=1+1", "=SUM(A1:A2)"]}))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


def test_safe_filename():
    assert export.safe_filename("regioprofiel", "JZ13", "P2026-06", ext="csv") == "regioprofiel_JZ13_P2026-06.csv"
    name = export.safe_filename("../a/b\\c:<script>", ext="xlsx")
    assert name.endswith(".xlsx") and not any(ch in name for ch in "/\\:<>")
