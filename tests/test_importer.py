"""Import van een peiling: één geval per regel uit issue 10 (lezen, valideren, voorvertonen, opslaan)."""

from __future__ import annotations

import datetime as dt
import io

import fastexcel
import polars as pl
import pytest
import xlsxwriter
from polars.testing import assert_frame_equal

from lib import importer, schema, store
from lib.loaders import ILLUSTRATIVE_DIR, load_dataset
from lib.paths import DATA_DIR

PID = "P2027-01"
HEAD = ["peiling_id", "peiling_datum", "peiling_label", "regio_code", "thema_code", "status", "sterke_punten"]


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def parse(ds, files):
    return importer.parse_upload(files, ds.regions, ds.vocab, ds.themes)


def csv_bytes(rows: list[list[str]], head: list[str] = HEAD, sep: str = ";", encoding: str = "utf-8",
              bom: bool = False) -> bytes:
    def q(v: str) -> str:
        return f'"{v}"' if (sep in v or '"' in v or "\n" in v) else v

    text = "\n".join(sep.join(q(v.replace('"', '""')) if '"' in v else q(v) for v in r) for r in [head, *rows]) + "\n"
    return (("\ufeff" if bom else "") + text).encode(encoding)


def full_rows(ds, status: str = "3", regions: list[str] | None = None, text: str = "") -> list[list[str]]:
    regions = regions or ds.regions_for(ds.latest_peiling)["regio_code"].to_list()
    return [[PID, "2027-01-15", "Peiling januari 2027", r, t, status, text] for r in regions for t in ds.vocab.theme_codes]


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False}) as wb:
        date_fmt = wb.add_format({"num_format": "dd-mm-yyyy"})
        for name, rows in sheets.items():
            ws = wb.add_worksheet(name)
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    if isinstance(v, dt.date):
                        ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), date_fmt)
                    elif v is not None:
                        ws.write(r, c, v)
    return buf.getvalue()


def xlsx_book(ds, status: object = 3, extra: dict | None = None) -> dict[str, list[list[object]]]:
    regions = ds.regions_for(ds.latest_peiling)["regio_code"].to_list()
    sheets = {
        "toelichting": [["Uitleg die wordt overgeslagen"]],
        "peilingen": [["peiling_id", "datum", "label", "soort", "indeling_jaar"],
                      [PID, dt.date(2027, 1, 15), "Peiling januari 2027", "voortgang", 2024]],
        "beoordelingen": [["peiling_id", "regio_code", "thema_code", "status", "sterke_punten"]]
        + [[PID, r, t, status, None] for r in regions for t in ds.vocab.theme_codes],
        "ondersteuningsbehoeften": [["peiling_id", "regio_code", "categorie_code", "thema_code", "prioriteit",
                                    "omschrijving"], [PID, "JZ01", "C01", "T02", "hoog", "Hulp bij toegang"]],
    }
    sheets.update(extra or {})
    return sheets


def where(result) -> set[tuple]:
    return {(i.file, i.row, i.column) for i in result.errors}


# --------------------------------------------------------------------------------------------
# Formaten en coderingen
# --------------------------------------------------------------------------------------------
def test_xlsx_with_all_sheets_is_accepted(ds):
    r = parse(ds, [("peiling.xlsx", xlsx_bytes(xlsx_book(ds)))])
    assert r.ok, [str(i) for i in r.issues]
    p = r.tables["peilingen"]
    assert p["peiling_id"].to_list() == [PID] and p["datum"].to_list() == [dt.date(2027, 1, 15)]
    assert p["indeling_jaar"].to_list() == [2024] and p["illustratief"].to_list() == [False]
    assert r.tables["assessments"].height == 42 * 14 and set(r.tables["assessments"]["status"]) == {"3"}
    assert r.tables["support_needs"]["categorie_code"].to_list() == ["C01"]
    assert not r.tables["assessments"]["illustratief"].any()
    assert not r.warnings, "toelichting hoort stil te worden overgeslagen"


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_csv_separator_is_sniffed(ds, sep):
    r = parse(ds, [("p.csv", csv_bytes(full_rows(ds, text="a, b; c"), sep=sep))])
    assert r.ok, [str(i) for i in r.errors]
    assert set(r.tables["assessments"]["sterke_punten"]) == {"a, b; c"}


def test_utf8_with_bom_and_excel_sep_line(ds):
    raw = b"sep=;\n" + csv_bytes(full_rows(ds, text="één café"), bom=False)
    r = parse(ds, [("p.csv", raw)])
    assert r.ok
    r2 = parse(ds, [("p.csv", csv_bytes(full_rows(ds, text="één café"), bom=True))])
    assert r2.ok and not [w for w in r2.warnings if "Windows-1252" in w.message]
    assert set(r2.tables["assessments"]["sterke_punten"]) == {"één café"}


def test_windows_1252_is_read_with_a_warning(ds):
    r = parse(ds, [("ansi.csv", csv_bytes(full_rows(ds, text="één café"), encoding="cp1252"))])
    assert r.ok
    assert set(r.tables["assessments"]["sterke_punten"]) == {"één café"}
    assert any("Windows-1252" in w.message and w.file == "ansi.csv" for w in r.warnings)


def test_undecodable_bytes_are_an_error(ds):
    raw = csv_bytes(full_rows(ds)[:2]) + b"P1;x;y;JZ01;T01;3;\x81\x8d\n"
    r = parse(ds, [("kapot.csv", raw)])
    assert not r.ok and "UTF-8" in r.errors[0].message and r.errors[0].row == 4


def test_headers_are_lenient_about_case_spaces_and_accents(ds):
    head = ["Peiling ID", " Peiling datum ", "PEILING-LABEL", "Regio", "Thema code", "Status", "Sterke punten"]
    r = parse(ds, [("p.csv", csv_bytes(full_rows(ds), head=head))])
    assert r.ok, [str(i) for i in r.errors]


def test_duplicate_header_is_named(ds):
    head = HEAD + ["STATUS"]
    r = parse(ds, [("p.csv", csv_bytes([row + ["2"] for row in full_rows(ds)], head=head))])
    assert not r.ok
    assert any("meer dan één keer" in i.message and i.column for i in r.errors)


# --------------------------------------------------------------------------------------------
# Regio's, thema's, status
# --------------------------------------------------------------------------------------------
def test_region_by_cbs_name_is_matched_leniently_and_reported(ds):
    rows = full_rows(ds)
    names = {"JZ02": "FRIESLAND (FRYSLÂN)", "JZ01": "regio groningen", "JZ03": "jz3"}
    rows = [[*r[:3], names.get(r[3], r[3]), *r[4:]] for r in rows]
    rows[14 * 1][3] = "Fryslan"  # eerste regel van JZ02: de naam tussen haakjes, zonder accent
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert r.ok, [str(i) for i in r.errors]
    assert set(r.tables["assessments"]["regio_code"]) == set(ds.regions_for(ds.latest_peiling)["regio_code"])
    guessed = {w.value for w in r.warnings if "gelezen als" in w.message}
    assert guessed == {"FRIESLAND (FRYSLÂN)", "Fryslan", "regio groningen"}, "een code ('jz3') is geen gok"
    w = next(w for w in r.warnings if w.value == "regio groningen")
    assert w.row == 2 and w.column == "regio_code" and "JZ01 Groningen" in w.message and "14 regels" in w.message


def test_unknown_region_names_row_column_value_and_allowed(ds):
    rows = full_rows(ds)
    rows[4][3] = "JZ40"
    rows[7][3] = "Atlantis"
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert not r.ok
    bad = {(i.row, i.column, i.value) for i in r.errors}
    assert {(6, "regio_code", "JZ40"), (9, "regio_code", "Atlantis")} <= bad
    msg = next(i.message for i in r.errors if i.value == "JZ40")
    assert "JZ01–JZ43 zonder JZ40" in msg and "CBS-naam" in msg


def test_theme_code_or_name(ds):
    rows = full_rows(ds)
    rows[0][4] = "t1"  # zelfde als T01
    rows[1][4] = "T99"
    rows[10][4] = "jeugdbescherming"  # T11 als naam
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert [(i.row, i.column, i.value) for i in r.errors if i.column == "thema_code"] == [(3, "thema_code", "T99")]
    assert "T01, T02" in next(i.message for i in r.errors if i.value == "T99")
    assert any(w.value == "jeugdbescherming" and "T11" in w.message for w in r.warnings)


@pytest.mark.parametrize("value", ["5", "-1", "x", "3,5", "44"])
def test_status_outside_the_scale_is_an_error(ds, value):
    rows = full_rows(ds)
    rows[3][5] = value
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert not r.ok
    (err,) = r.errors
    assert (err.row, err.column, err.value) == (5, "status", value)
    assert "0, 1, 2, 3, 4, onbekend, nvt" in err.message


def test_status_labels_decimals_and_empty(ds):
    rows = full_rows(ds)
    rows[0][5], rows[1][5], rows[2][5], rows[3][5], rows[4][5] = "In uitvoering", "2.0", "", "n.v.t.", "ONBEKEND"
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert r.ok
    a = r.tables["assessments"].sort("regio_code", "thema_code")
    assert a["status"].head(5).to_list() == ["3", "2", "onbekend", "nvt", "onbekend"]


def test_duplicate_rows_name_both_lines(ds):
    rows = full_rows(ds)
    rows.append(list(rows[5]))
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert not r.ok
    (err,) = r.errors
    assert err.row == len(rows) + 1 and "regel 7" in err.message and "dubbele regel" in err.message


# --------------------------------------------------------------------------------------------
# Ontbrekende regio's: een waarschuwing, aangevuld als onbekend
# --------------------------------------------------------------------------------------------
def test_missing_regions_are_a_warning_and_filled_as_unknown(ds):
    regions = ds.regions_for(ds.latest_peiling)["regio_code"].to_list()
    r = parse(ds, [("p.csv", csv_bytes(full_rows(ds, regions=regions[:40])))])
    assert r.ok
    assert any("verwacht 42 regio's, gevonden 40" in w.message and "JZ42" in w.message for w in r.warnings)
    assert r.filled == {PID: 2 * 14}
    assert any("28 combinaties" in w.message and "'onbekend'" in w.message for w in r.warnings)
    a = r.tables["assessments"]
    assert a.height == 42 * 14
    filled = a.filter(pl.col("regio_code").is_in(regions[40:]))
    assert set(filled["status"]) == {schema.STATUS_UNKNOWN}, "ontbrekend is onbekend, nooit 0"


def test_peiling_without_any_filled_in_status_is_refused(ds):
    r = parse(ds, [("p.csv", csv_bytes(full_rows(ds, status="")))])
    assert not r.ok and "geen enkele ingevulde status" in r.errors[0].message and r.errors[0].row == 2


# --------------------------------------------------------------------------------------------
# Bestand als geheel
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw", [b"", b"   \r\n", b"\xef\xbb\xbf"])
def test_empty_file(ds, raw):
    r = parse(ds, [("leeg.csv", raw)])
    assert not r.ok and "leeg" in r.errors[0].message


def test_header_only(ds):
    r = parse(ds, [("kop.csv", csv_bytes([]))])
    assert not r.ok and r.errors[0].row == 2 and "geen dataregels" in r.errors[0].message


@pytest.mark.parametrize("name,raw,fragment", [
    ("oud.xls", b"\xd0\xcf\x11\xe0rest", "'.xls' wordt niet ondersteund"),
    ("rapport.pdf", b"%PDF-1.4", "'.pdf' wordt niet ondersteund"),
    ("nep.xlsx", b"peiling_id;status\n", "geen Excel-werkmap"),
    ("kapot.xlsx", b"PK\x03\x04" + b"\x00" * 50, "geen leesbaar Excel-bestand"),
    ("binair.csv", b"PK\x03\x04\x00\x00", "geen tekstbestand"),
    ("zonder_extensie", b"a;b\n", "geen extensie"),
])
def test_wrong_file_type(ds, name, raw, fragment):
    r = parse(ds, [(name, raw)])
    assert not r.ok and fragment in r.errors[0].message and r.errors[0].file == name


def test_file_over_the_size_limit(ds):
    raw = b"x" * (importer.MAX_UPLOAD_BYTES + 1)
    r = parse(ds, [("groot.csv", raw)])
    assert not r.ok and f"hoogstens {importer.MAX_UPLOAD_MB} MB" in r.errors[0].message


def test_size_limit_matches_streamlit_config():
    import tomllib

    from lib.paths import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert importer.MAX_UPLOAD_MB == config["server"]["maxUploadSize"]


def test_too_many_rows(ds, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 100)
    r = parse(ds, [("veel.csv", csv_bytes(full_rows(ds)))])
    assert not r.ok and "te veel regels (588)" in r.errors[0].message and r.errors[0].row == 102
    r = parse(ds, [("veel.xlsx", xlsx_bytes(xlsx_book(ds)))])
    assert not r.ok and any("te veel regels" in i.message and i.file == "blad 'beoordelingen'" for i in r.errors)


def test_all_problems_at_once_up_to_a_limit(ds, monkeypatch):
    rows = full_rows(ds)
    for i in range(0, 60, 2):
        rows[i][5] = "9"
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert len(r.errors) == 30 and {i.row for i in r.errors} == {i + 2 for i in range(0, 60, 2)}
    monkeypatch.setattr(importer, "MAX_SHOWN", 10)
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert len(r.issues) == 10 and r.total_issues >= 30


def test_missing_and_unknown_columns(ds):
    head = ["peiling_id", "peiling_label", "regio_code", "status", "opmerking"]
    r = parse(ds, [("p.csv", csv_bytes([[PID, "x", "JZ01", "3", "y"]], head=head))])
    cols = {i.column for i in r.errors}
    assert {"peiling_datum", "thema_code", "opmerking"} <= cols
    assert all(i.row is None for i in r.errors)


def test_conflicting_peiling_columns_in_csv(ds):
    rows = full_rows(ds)
    rows[3][2] = "Andere naam"
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    (err,) = r.errors
    assert (err.row, err.column, err.value) == (5, "peiling_label", "Andere naam")


def test_dutch_dates_and_excel_date_cells(ds):
    rows = [[PID, "15-1-2027", *r[2:]] for r in full_rows(ds)]
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert r.tables["peilingen"]["datum"].to_list() == [dt.date(2027, 1, 15)]
    r = parse(ds, [("p.csv", csv_bytes([[PID, "15 januari", *x[2:]] for x in full_rows(ds)]))])
    assert not r.ok and r.errors[0].column == "peiling_datum" and "JJJJ-MM-DD" in r.errors[0].message


# --------------------------------------------------------------------------------------------
# XLSX: bladen en regelnummers
# --------------------------------------------------------------------------------------------
def test_xlsx_missing_sheet_and_unknown_sheet(ds):
    book = xlsx_book(ds, extra={"notities": [["vrij"]]})
    del book["peilingen"]
    r = parse(ds, [("p.xlsx", xlsx_bytes(book))])
    assert not r.ok and "het blad 'peilingen' ontbreekt" in r.errors[0].message
    assert any(w.file == "blad 'notities'" and "overgeslagen" in w.message for w in r.warnings)


def test_xlsx_errors_use_sheet_row_numbers(ds):
    book = xlsx_book(ds)
    book["beoordelingen"][10][3] = 7  # rij 11 in Excel
    book["beoordelingen"].insert(5, [None, None, None, None, None])  # lege rij: nummering blijft die van het blad
    book["ondersteuningsbehoeften"][1][2] = "C77"
    r = parse(ds, [("p.xlsx", xlsx_bytes(book))])
    assert where(r) == {("blad 'beoordelingen'", 12, "status"), ("blad 'ondersteuningsbehoeften'", 2, "categorie_code")}


def test_needs_theme_follows_category_and_names_are_accepted(ds):
    book = xlsx_book(ds)
    book["ondersteuningsbehoeften"] = [["peiling_id", "regio", "categorie", "prioriteit", "omschrijving"],
                                      [PID, "Friesland", "Privacy en gegevensdeling", "Hoog", "x"]]
    r = parse(ds, [("p.xlsx", xlsx_bytes(book))])
    assert r.ok, [str(i) for i in r.errors]
    n = r.tables["support_needs"]
    assert n.row(0, named=True) | {"illustratief": False} == {
        "peiling_id": PID, "regio_code": "JZ02", "categorie_code": "C06", "thema_code": "T12",
        "prioriteit": "hoog", "omschrijving": "x", "illustratief": False}


def test_two_csvs_assessments_and_needs(ds):
    needs = csv_bytes([[PID, "JZ01", "C05", "middel", "Capaciteit"], [PID, "JZ01", "C05", "laag", "dubbel"]],
                      head=["peiling_id", "regio_code", "categorie_code", "prioriteit", "omschrijving"])
    r = parse(ds, [("beoordelingen.csv", csv_bytes(full_rows(ds))), ("behoeften.csv", needs)])
    assert not r.ok
    (err,) = r.errors
    assert err.file == "behoeften.csv" and err.row == 3 and "dubbele regel" in err.message
    r = parse(ds, [("behoeften.csv", needs)])
    assert not r.ok and "beoordelingen" in r.errors[0].message


def test_illustratief_column_is_ignored_with_warning(ds):
    head = HEAD + ["illustratief"]
    r = parse(ds, [("p.csv", csv_bytes([row + ["true"] for row in full_rows(ds)], head=head))])
    assert r.ok and not r.tables["assessments"]["illustratief"].any()
    assert any(w.column == "illustratief" for w in r.warnings)


# --------------------------------------------------------------------------------------------
# Tekst blijft tekst
# --------------------------------------------------------------------------------------------
HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', "=HYPERLINK(\"http://x\")",
           "**vet** [link](javascript:alert(3))"]


def test_hostile_text_is_stored_verbatim(ds, tmp_path):
    rows = full_rows(ds)
    for i, text in enumerate(HOSTILE):
        rows[i][6] = text
    rows[10][6] = "'=1+1"  # apostrof van een eerdere export: hoort niet bij de tekst
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert r.ok
    s = store.LocalStore(tmp_path)
    info = importer.import_into_store(s, r, user="<b>analist</b>")
    back = s.read_version(info.version_id)["assessments"].filter(pl.col("sterke_punten").is_not_null())
    assert set(back["sterke_punten"]) == set(HOSTILE) | {"=1+1"}
    assert s.manifest().versions[0].user == "<b>analist</b>"


def test_text_longer_than_limit(ds):
    rows = full_rows(ds)
    rows[2][6] = "x" * (importer.MAX_TEXT_CHARS + 1)
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    (err,) = r.errors
    assert (err.row, err.column) == (4, "sterke_punten")


# --------------------------------------------------------------------------------------------
# Voorvertoning, samenvoegen en de gecombineerde dataset
# --------------------------------------------------------------------------------------------
def test_preview_says_what_changes(ds):
    rows = full_rows(ds, status="4")
    replaced = [["P2024-03", "2024-03-01", "Startfoto (echt)", *r[3:]] for r in full_rows(ds, status="1")]
    r = parse(ds, [("p.csv", csv_bytes(rows + replaced))])
    assert r.ok
    pv = importer.preview(r, ds)
    change = dict(zip(pv.peilingen["peiling"], pv.peilingen["wijziging"]))
    assert change == {"P2024-03": "vervangt voorbeelddata", PID: "nieuw"}
    counts = pv.status_counts
    old = ds.assessments.filter(pl.col("peiling_id") == "P2024-03")
    assert counts.columns == ["status", "P2024-03 nieuw", "P2024-03 nu", f"{PID} nieuw"]
    assert counts["P2024-03 nieuw"].sum() == 588 and counts["P2024-03 nu"].sum() == old.height
    assert counts.filter(pl.col("status") == "Oriënterend")["P2024-03 nieuw"].item() == 588
    assert counts.filter(pl.col("status") == "Gerealiseerd")[f"{PID} nieuw"].item() == 588
    assert counts["status"].to_list()[-2:] == ["Onbekend", "Niet van toepassing"]


def test_merge_replaces_whole_peiling_and_keeps_others(ds, tmp_path):
    rows = [["P2024-03", "2024-03-01", "Startfoto (echt)", *r[3:]] for r in full_rows(ds, status="2")]
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    s = store.LocalStore(tmp_path)
    info = importer.import_into_store(s, r, user="a")
    combined = importer.load_combined_dataset(DATA_DIR, ILLUSTRATIVE_DIR, s, info.version_id)
    assert combined.kind == "gemengd"
    assert not combined.is_illustrative("P2024-03") and combined.is_illustrative("P2024-11")
    a = combined.assessments.filter(pl.col("peiling_id") == "P2024-03")
    assert a.height == 588 and set(a["status"].cast(pl.String)) == {"2"} and not a["illustratief"].any()
    assert combined.needs.filter(pl.col("peiling_id") == "P2024-03").height == 0
    other = combined.assessments.filter(pl.col("peiling_id") == "P2024-11").drop("status_waarde")
    assert_frame_equal(other, ds.assessments.filter(pl.col("peiling_id") == "P2024-11").drop("status_waarde"))
    # een tweede import voegt toe aan de actieve import (momentopname van alle geïmporteerde peilingen)
    r2 = parse(ds, [("p2.csv", csv_bytes(full_rows(ds)))])
    info2 = importer.import_into_store(s, r2, user="b")
    assert info2.peilingen == ("P2024-03", PID) and info2.changed == (PID,)


def test_all_illustrative_replaced_gives_kind_imported(ds, tmp_path):
    rows = []
    for pid, date in zip(ds.peilingen["peiling_id"], ds.peilingen["datum"]):
        rows += [[pid, date.isoformat(), f"Echt {pid}", *r[3:]] for r in full_rows(ds)]
    r = parse(ds, [("alles.csv", csv_bytes(rows))])
    s = store.LocalStore(tmp_path)
    info = importer.import_into_store(s, r, user="a")
    assert importer.load_combined_dataset(DATA_DIR, ILLUSTRATIVE_DIR, s, info.version_id).kind == "geïmporteerd"


def test_unusable_stored_version_falls_back_with_warning(ds, tmp_path):
    r = parse(ds, [("p.csv", csv_bytes(full_rows(ds)))])
    s = store.LocalStore(tmp_path)
    info = importer.import_into_store(s, r, user="a")
    (tmp_path / "versions" / f"{info.version_id}.zip").write_bytes(b"kapot")
    combined = importer.load_combined_dataset(DATA_DIR, ILLUSTRATIVE_DIR, s, info.version_id)
    assert combined.kind == "illustratief"
    assert any(w.file == "opslag" and info.version_id in w.message for w in combined.warnings)


def test_invalid_result_is_never_stored(ds, tmp_path):
    r = parse(ds, [("p.csv", csv_bytes([[PID, "x", "y", "JZ99", "T01", "3", ""]]))])
    with pytest.raises(ValueError):
        importer.import_into_store(store.LocalStore(tmp_path), r, user="a")
    assert not tmp_path.joinpath("manifest.json").exists()


# --------------------------------------------------------------------------------------------
# Sjablonen
# --------------------------------------------------------------------------------------------
def test_xlsx_template_explains_every_column_and_code(ds):
    raw = importer.template_xlsx(ds, today=dt.date(2027, 1, 20))
    reader = fastexcel.read_excel(raw)
    assert reader.sheet_names == ["toelichting", "peilingen", "beoordelingen", "ondersteuningsbehoeften"]
    text = " ".join(str(v) for row in reader.load_sheet_by_name("toelichting", header_row=None, dtypes="string")
                    .to_polars().rows() for v in row if v)
    for name in ("peilingen", "assessments", "support_needs"):
        for col in importer.IMPORT_COLUMNS[name]:
            assert col in text
    for code in (*schema.STATUS_CODES, *ds.vocab.theme_codes, *ds.vocab.category_codes, "JZ43", "Noord-Veluwe"):
        assert code in text
    grid = reader.load_sheet_by_name("beoordelingen", dtypes="string").to_polars()
    assert grid.height == 42 * 14 and grid["peiling_id"].unique().to_list() == ["P2027-01"]


def test_xlsx_template_filled_in_is_accepted(ds):
    raw = importer.template_xlsx(ds, today=dt.date(2027, 1, 20))
    r = parse(ds, [("sjabloon.xlsx", raw)])
    assert not r.ok and "geen enkele ingevulde status" in r.errors[0].message  # leeg sjabloon: nog niets ingevuld
    reader = fastexcel.read_excel(raw)
    sheets = {n: reader.load_sheet_by_name(n, header_row=None, dtypes="string").to_polars().rows()
              for n in reader.sheet_names}
    sheets["beoordelingen"] = [list(sheets["beoordelingen"][0])] + [
        [*row[:5], "2", *row[6:]] for row in sheets["beoordelingen"][1:]]
    r = parse(ds, [("ingevuld.xlsx", xlsx_bytes(sheets))])
    assert r.ok, [str(i) for i in r.errors]
    assert r.tables["peilingen"]["label"].to_list() == ["Peiling januari 2027"]


def test_csv_templates_filled_in_are_accepted(ds):
    text = importer.template_csv(ds, today=dt.date(2027, 1, 20)).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("peiling_id;peiling_datum;peiling_label") and len(lines) == 1 + 588
    filled = "\n".join([lines[0]] + [line.replace(";;;;", ";1;;;", 1) if line.endswith(";;;;") else line
                                     for line in lines[1:]]).encode("utf-8")
    needs = importer.template_needs_csv(ds, today=dt.date(2027, 1, 20))
    r = parse(ds, [("b.csv", filled), ("n.csv", needs)])
    assert r.ok, [str(i) for i in r.errors]
    assert set(r.tables["assessments"]["status"]) == {"1"} and r.tables["support_needs"].height == 1


def test_templates_neutralise_formulas(ds):
    from dataclasses import replace

    regions = ds.regions.with_columns(pl.when(pl.col("regio_code") == "JZ01").then(pl.lit("=cmd|' /C calc'!A0"))
                                      .otherwise(pl.col("regio_naam")).alias("regio_naam"))
    evil = replace(ds, regions=regions)
    assert "'=cmd" in importer.template_csv(evil).decode("utf-8-sig")
    reader = fastexcel.read_excel(importer.template_xlsx(evil))
    names = reader.load_sheet_by_name("beoordelingen", dtypes="string").to_polars()["regio_naam"]
    assert "'=cmd|' /C calc'!A0" in names.to_list()


def test_headers_equal_after_stripping_do_not_crash(ds):
    # gevonden door hypothesis: lib.validation.read_csv_strings gooit dan een DuplicateError
    r = parse(ds, [("a.csv", b"\t;\n1;2\n")])
    assert not r.ok and r.errors[0].row == 1 and "meer dan één keer" in r.errors[0].message
    r = parse(ds, [("b.csv", b"status; status\n1;2\n")])
    assert not r.ok and r.errors[0].column == "status"


def test_get_dataset_combines_store_and_survives_an_unreadable_manifest(ds, tmp_path, monkeypatch):
    from lib import data_access

    monkeypatch.setenv(store.ENV_DIR, str(tmp_path))
    r = parse(ds, [("p.csv", csv_bytes(full_rows(ds)))])
    importer.import_into_store(store.LocalStore(tmp_path), r, user="a")
    combined = data_access.get_dataset()
    assert PID in combined.peiling_ids and combined.kind == "gemengd"
    (tmp_path / "manifest.json").write_text("{kapot", encoding="utf-8")
    fallback = data_access.get_dataset()
    assert PID not in fallback.peiling_ids and fallback.kind == "illustratief"
    assert any(w.file == "opslag" and "niet leesbaar" in w.message for w in fallback.warnings)


@pytest.mark.parametrize("label", ["Peiling **juni** 2027", "[klik](https://voorbeeld.nl)", "<b>Peiling</b>",
                                   "Peiling_2027", "# Kop", "x" * 81])
def test_peiling_label_with_markup_is_refused_with_row_and_column(ds, label):
    """De naam komt in koppen en zinnen (markdown): opmaaktekens of een link uit een upload worden geweigerd."""
    rows = [[PID, "2027-01-15", label, *r[3:]] for r in full_rows(ds)]
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert not r.ok
    (err,) = [e for e in r.errors if e.column == "peiling_label"]
    assert err.file == "p.csv" and err.row == 2 and "naam van de peiling" in err.message
    assert "geen opmaaktekens" in err.message


@pytest.mark.parametrize("label", ["Peiling januari 2027", "Tussenmeting (voorjaar) 2027 – regio's & gemeenten",
                                   "Peiling 1.2: één, twee/drie"])
def test_ordinary_peiling_labels_pass(ds, label):
    rows = [[PID, "2027-01-15", label, *r[3:]] for r in full_rows(ds)]
    r = parse(ds, [("p.csv", csv_bytes(rows))])
    assert r.ok, r.errors
    assert r.tables["peilingen"]["label"].to_list() == [label]
