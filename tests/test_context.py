"""CBS-contextcijfers: aggregatie tegen met de hand uitgerekende waarden, totalen, dekking en validatie.

De verwachte waarden zijn hieronder met de hand uit de CSV-regels van ../shared/context uitgeschreven
(sommen en gewogen gemiddelden als rekenkundige uitdrukkingen), niet met de code die getest wordt.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import charts_context, context, schema
from lib.paths import DATA_DIR
from lib.validation import DataValidationError

# --------------------------------------------------------------------------------------------
# Kleine invoer: JZ13 Amsterdam-Amstelland (met Weesp, in 2022 nog apart) en JZ03 Kop van Noord-Holland
# (ongewijzigd), letterlijk uit gemeente_kerncijfers_2024.csv / _2022.csv en data/membership.csv.
# --------------------------------------------------------------------------------------------
CBS_2024_CSV = """gemeente_code,gemeente_naam,jaar,inwoners,percentage_inwoners_0_15,percentage_inwoners_15_25
GM0358,Aalsmeer,2024,33279,16,13
GM0362,Amstelveen,2024,95014,17,13
GM0363,Amsterdam,2024,931298,13,13
GM0384,Diemen,2024,32977,15,15
GM0400,Den Helder,2024,56432,14,10
GM0437,Ouder-Amstel,2024,14447,16,11
GM0441,Schagen,2024,47744,14,12
GM0448,Texel,2024,13815,13,9
GM0451,Uithoorn,2024,31685,17,11
GM1911,Hollands Kroon,2024,49522,15,12
"""
CBS_2022_CSV = """gemeente_code,gemeente_naam,jaar,inwoners,percentage_inwoners_0_15,percentage_inwoners_15_25,percentage_jongeren_met_jeugdzorg
GM0358,Aalsmeer,2022,32452,17,12,10.7
GM0362,Amstelveen,2022,92331,18,12,8.8
GM0363,Amsterdam,2022,882633,14,13,10.5
GM0384,Diemen,2022,31822,15,16,7.3
GM0400,Den Helder,2022,56334,14,11,14.0
GM0437,Ouder-Amstel,2022,14212,16,12,9.4
GM0441,Schagen,2022,46833,14,12,9.2
GM0448,Texel,2022,13687,13,10,11.1
GM0451,Uithoorn,2022,31018,17,12,10.3
GM0457,Weesp,2022,20766,18,9,7.6
GM1911,Hollands Kroon,2022,48778,15,12,11.4
"""
MEMBERSHIP = {
    "GM0358": ("Aalsmeer", "JZ13"), "GM0362": ("Amstelveen", "JZ13"), "GM0363": ("Amsterdam", "JZ13"),
    "GM0384": ("Diemen", "JZ13"), "GM0437": ("Ouder-Amstel", "JZ13"), "GM0451": ("Uithoorn", "JZ13"),
    "GM0400": ("Den Helder", "JZ03"), "GM0441": ("Schagen", "JZ03"), "GM0448": ("Texel", "JZ03"),
    "GM1911": ("Hollands Kroon", "JZ03"),
}
HERINDELING_CSV = """gemeente_code_2022,gemeente_naam_2022,gemeente_code_2024,gemeente_naam_2024,datum_wijziging,toelichting
GM0363,Amsterdam,GM0363,Amsterdam,2022-03-24,Weesp in Amsterdam
GM0457,Weesp,GM0363,Amsterdam,2022-03-24,Weesp in Amsterdam
"""

# Met de hand: JZ13 ---------------------------------------------------------------------------
JZ13_INW_2024 = 33279 + 95014 + 931298 + 32977 + 14447 + 31685  # = 1 138 700
JZ13_0_15_2024 = (33279 * 16 + 95014 * 17 + 931298 * 13 + 32977 * 15 + 14447 * 16 + 31685 * 17) / JZ13_INW_2024
JZ13_15_25_2024 = (33279 * 13 + 95014 * 13 + 931298 * 13 + 32977 * 15 + 14447 * 11 + 31685 * 11) / JZ13_INW_2024
# 2022 op de grenzen van 2024: Weesp (20 766) telt mee bij Amsterdam.
JZ13_INW_2022 = 32452 + 92331 + 882633 + 31822 + 14212 + 31018 + 20766  # = 1 105 234
JZ13_0_15_2022 = (32452 * 17 + 92331 * 18 + 882633 * 14 + 31822 * 15 + 14212 * 16 + 31018 * 17 + 20766 * 18) / JZ13_INW_2022
JZ13_15_25_2022 = (32452 * 12 + 92331 * 12 + 882633 * 13 + 31822 * 16 + 14212 * 12 + 31018 * 12 + 20766 * 9) / JZ13_INW_2022
JZ13_JZ_2022 = (32452 * 10.7 + 92331 * 8.8 + 882633 * 10.5 + 31822 * 7.3 + 14212 * 9.4 + 31018 * 10.3
                + 20766 * 7.6) / JZ13_INW_2022
# Amsterdam op de grenzen van 2024 (Amsterdam + Weesp, 2022):
AMS_INW_2022 = 882633 + 20766  # = 903 399
AMS_JZ_2022 = (882633 * 10.5 + 20766 * 7.6) / AMS_INW_2022

# Met de hand: JZ03 (geen wijziging) ------------------------------------------------------------
JZ03_INW_2024 = 56432 + 47744 + 13815 + 49522  # = 167 513
JZ03_0_15_2024 = (56432 * 14 + 47744 * 14 + 13815 * 13 + 49522 * 15) / JZ03_INW_2024
JZ03_15_25_2024 = (56432 * 10 + 47744 * 12 + 13815 * 9 + 49522 * 12) / JZ03_INW_2024
JZ03_INW_2022 = 56334 + 46833 + 13687 + 48778  # = 165 632
JZ03_0_15_2022 = (56334 * 14 + 46833 * 14 + 13687 * 13 + 48778 * 15) / JZ03_INW_2022
JZ03_15_25_2022 = (56334 * 11 + 46833 * 12 + 13687 * 10 + 48778 * 12) / JZ03_INW_2022
JZ03_JZ_2022 = (56334 * 14.0 + 46833 * 9.2 + 13687 * 11.1 + 48778 * 11.4) / JZ03_INW_2022

# Voorne aan Zee (JZ29): Brielle + Hellevoetsluis + Westvoorne, 2022
VAZ_INW_2022 = 17704 + 40574 + 14960  # = 73 238
VAZ_0_15_2022 = (17704 * 14 + 40574 * 15 + 14960 * 13) / VAZ_INW_2022
VAZ_JZ_2022 = (17704 * 7.3 + 40574 * 8.8 + 14960 * 5.7) / VAZ_INW_2022


def _typed(csv: str, table: schema.Table) -> pl.DataFrame:
    df, issues = context.read_typed(csv.encode(), table, table.file)
    assert df is not None and not issues, [str(i) for i in issues]
    return df


def _membership() -> pl.DataFrame:
    return pl.DataFrame({
        "jaar": [2024] * len(MEMBERSHIP),
        "gemeente_code": list(MEMBERSHIP),
        "gemeente_naam": [v[0] for v in MEMBERSHIP.values()],
        "regio_code": [v[1] for v in MEMBERSHIP.values()],
    })


def _small_gemeenten(herindeling_csv: str = HERINDELING_CSV) -> pl.DataFrame:
    return context.gemeenten_on_boundaries(
        _typed(CBS_2024_CSV, context.CBS_2024), _typed(CBS_2022_CSV, context.CBS_2022), _membership(),
        _typed(herindeling_csv, context.HERINDELING),
    )


# --------------------------------------------------------------------------------------------
# Aggregatie op kleine invoer
# --------------------------------------------------------------------------------------------
def test_regions_match_hand_computed_values():
    got = context.aggregate_regions(_small_gemeenten()).select(
        "jaar", "regio_code", "inwoners", "aantal_gemeenten", "pct_0_15", "pct_15_25", "pct_jeugdzorg_2022",
        "benadering")
    expected = pl.DataFrame(
        [
            (2024, "JZ03", JZ03_INW_2024, 4, JZ03_0_15_2024, JZ03_15_25_2024, JZ03_JZ_2022, True),
            (2024, "JZ13", JZ13_INW_2024, 6, JZ13_0_15_2024, JZ13_15_25_2024, JZ13_JZ_2022, True),
            (2022, "JZ03", JZ03_INW_2022, 4, JZ03_0_15_2022, JZ03_15_25_2022, JZ03_JZ_2022, True),
            (2022, "JZ13", JZ13_INW_2022, 6, JZ13_0_15_2022, JZ13_15_25_2022, JZ13_JZ_2022, True),
        ],
        schema={"jaar": pl.Int16, "regio_code": pl.String, "inwoners": pl.Int64, "aantal_gemeenten": pl.Int16,
                "pct_0_15": pl.Float64, "pct_15_25": pl.Float64, "pct_jeugdzorg_2022": pl.Float64,
                "benadering": pl.Boolean},
        orient="row",
    )
    assert_frame_equal(got, expected, check_exact=False, rel_tol=1e-12)
    assert JZ13_INW_2024 == 1_138_700 and JZ13_INW_2022 == 1_105_234  # rekenkundige controle van de hand-som


def test_merged_gemeente_is_combined_and_flagged():
    g = _small_gemeenten()
    ams = g.filter(pl.col("gemeente_code") == "GM0363").sort("jaar")
    assert ams["jaar"].to_list() == [2022, 2024]
    assert ams["inwoners"].to_list() == [AMS_INW_2022, 931298]
    assert ams["pct_jeugdzorg_2022"].to_list() == pytest.approx([AMS_JZ_2022, AMS_JZ_2022])
    assert ams["gemeente_codes_2022"].to_list() == ["GM0363;GM0457"] * 2
    assert ams["benadering"].to_list() == [True, True]
    assert all("Weesp" in t for t in ams["toelichting"].to_list())
    # Weesp heeft geen eigen regel: opgegaan in Amsterdam, niet weggevallen.
    assert "GM0457" not in g["gemeente_code"].to_list()
    assert g.filter(pl.col("jaar") == 2022)["inwoners"].sum() == sum(
        _typed(CBS_2022_CSV, context.CBS_2022)["inwoners"])
    # Een ongewijzigde gemeente is geen benadering en houdt haar hele procenten.
    texel = g.filter((pl.col("gemeente_code") == "GM0448") & (pl.col("jaar") == 2024)).row(0, named=True)
    assert (texel["benadering"], texel["pct_0_15"], texel["pct_jeugdzorg_2022"]) == (False, 13.0, 11.1)


def test_unmapped_2022_gemeente_is_an_error_not_dropped():
    only_amsterdam = "\n".join(HERINDELING_CSV.splitlines()[:2]) + "\n"  # zonder de regel voor Weesp
    with pytest.raises(DataValidationError) as exc:
        _small_gemeenten(only_amsterdam)
    text = "; ".join(str(i) for i in exc.value.issues)
    assert "gemeente_kerncijfers_2022.csv" in text and "GM0457" in text and "Weesp" in text
    assert "herindeling_2022_2024.csv" in text


def test_2024_gemeente_without_2022_figures_is_an_error():
    cbs_2022 = _typed(CBS_2022_CSV, context.CBS_2022).filter(pl.col("gemeente_code") != "GM0448")
    with pytest.raises(DataValidationError) as exc:
        context.gemeenten_on_boundaries(_typed(CBS_2024_CSV, context.CBS_2024), cbs_2022, _membership(),
                                        _typed(HERINDELING_CSV, context.HERINDELING))
    assert any(i.value == "GM0448" and "geen cijfers voor 2022" in i.message for i in exc.value.issues)


def test_weighted_mean_ignores_missing_values():
    df = pl.DataFrame({"p": [10.0, None, 20.0], "inwoners": [1, 1000, 3]})
    assert df.select(context.weighted_mean("p")).item() == pytest.approx((10 * 1 + 20 * 3) / 4)


# --------------------------------------------------------------------------------------------
# Het gebouwde bestand (data/context) tegen dezelfde handberekening en de landelijke totalen
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built() -> context.ContextData:
    return context.load_context()


def _region(built, code: str, year: int) -> dict:
    return built.regios.filter((pl.col("regio_code") == code) & (pl.col("jaar") == year)).row(0, named=True)


@pytest.mark.parametrize("code, year, inw, n, p015, p1525, jz", [
    ("JZ13", 2024, JZ13_INW_2024, 6, JZ13_0_15_2024, JZ13_15_25_2024, JZ13_JZ_2022),
    ("JZ13", 2022, JZ13_INW_2022, 6, JZ13_0_15_2022, JZ13_15_25_2022, JZ13_JZ_2022),
    ("JZ03", 2024, JZ03_INW_2024, 4, JZ03_0_15_2024, JZ03_15_25_2024, JZ03_JZ_2022),
])
def test_built_regions_match_hand_computed(built, code, year, inw, n, p015, p1525, jz):
    r = _region(built, code, year)
    assert (r["inwoners"], r["aantal_gemeenten"]) == (inw, n)
    # het bestand is afgerond op 2 decimalen
    assert r["pct_0_15"] == pytest.approx(p015, abs=0.0051)
    assert r["pct_15_25"] == pytest.approx(p1525, abs=0.0051)
    assert r["pct_jeugdzorg_2022"] == pytest.approx(jz, abs=0.0051)
    assert r["benadering"] is True and "jongeren onder 23" in r["toelichting"]
    assert r["bron"] == context.SOURCE_LINE


def test_built_voorne_aan_zee_from_three_2022_gemeenten(built):
    g = built.gemeenten.filter(pl.col("gemeente_code") == "GM1992").sort("jaar")
    assert g["regio_code"].to_list() == ["JZ29", "JZ29"]
    assert g["inwoners"].to_list() == [VAZ_INW_2022, 74304]
    assert g["pct_0_15"][0] == pytest.approx(VAZ_0_15_2022, abs=0.0051)
    assert g["pct_jeugdzorg_2022"].to_list() == pytest.approx([VAZ_JZ_2022] * 2, abs=0.0051)
    assert g["gemeente_codes_2022"].to_list() == ["GM0501;GM0530;GM0614"] * 2
    assert g["benadering"].to_list() == [True, True]
    assert "Voorne aan Zee" in _region(built, "JZ29", 2024)["herindeling"]
    # Dijk en Waard staat al in 2022 als één gemeente: wel toelichting, geen samenvoeging.
    dw = built.gemeenten.filter(pl.col("gemeente_code") == "GM1980")
    assert dw["gemeente_codes_2022"].to_list() == ["GM1980"] * 2 and not dw["benadering"].any()
    assert dw["herindeling"].str.contains("Heerhugowaard").all()


def test_national_totals(built):
    for year, total in ((2024, 17_942_942), (2022, 17_590_672)):
        assert built.gemeenten.filter(pl.col("jaar") == year)["inwoners"].sum() == total
        assert built.regios.filter(pl.col("jaar") == year)["inwoners"].sum() == total
    assert context.national_context(built.gemeenten, 2024)["inwoners"] == 17_942_942


def test_every_2024_gemeente_and_region_present(built):
    membership = pl.read_csv(DATA_DIR / "membership.csv", infer_schema=False).filter(pl.col("jaar") == "2024")
    expected = sorted(membership["gemeente_code"].to_list())
    assert len(expected) == 342
    for year in (2024, 2022):
        g = built.gemeenten.filter(pl.col("jaar") == year)
        assert sorted(g["gemeente_code"].to_list()) == expected
        # de regio komt uit de eigen indeling
        joined = g.join(membership.select("gemeente_code", pl.col("regio_code").alias("m")), on="gemeente_code")
        assert (joined["regio_code"] == joined["m"]).all()
        r = built.regios.filter(pl.col("jaar") == year)
        assert r.height == 42 and "JZ40" not in r["regio_code"].to_list()
        assert r["aantal_gemeenten"].sum() == 342
        assert r["regio_naam"].null_count() == 0
    assert (built.gemeenten["bron"] == context.SOURCE_LINE).all()


def test_region_context_accessor_columns():
    df = context.region_context(2024)
    assert df.columns[:8] == ["regio_code", "regio_naam", "jaar", "inwoners", "aantal_gemeenten", "pct_0_15",
                              "pct_15_25", "pct_jeugdzorg_2022"]
    assert {"benadering", "bron", "toelichting", "herindeling"} <= set(df.columns)
    assert df.height == 42 and df["jaar"].unique().to_list() == [2024]


# --------------------------------------------------------------------------------------------
# Validatie van een kapot bestand: Nederlandse meldingen met bestand, regel en kolom
# --------------------------------------------------------------------------------------------
def _copy_context(tmp_path: Path) -> Path:
    for name in ("gemeente_kerncijfers.csv", "regio_kerncijfers.csv"):
        shutil.copy(context.CONTEXT_DIR / name, tmp_path / name)
    return tmp_path


def _edit_cell(path: Path, line: int, column: str, value: str) -> None:
    df = pl.read_csv(path, infer_schema=False)
    df = df.with_columns(
        pl.when(pl.int_range(pl.len()) == line - 2).then(pl.lit(value)).otherwise(pl.col(column)).alias(column))
    path.write_text(df.write_csv())


def test_bad_file_gives_dutch_messages_with_file_row_column(tmp_path):
    d = _copy_context(tmp_path)
    _edit_cell(d / "gemeente_kerncijfers.csv", 5, "pct_0_15", "twaalf")
    _edit_cell(d / "gemeente_kerncijfers.csv", 7, "inwoners", "12,5")
    with pytest.raises(DataValidationError) as exc:
        context.load_context(d)
    messages = [str(i) for i in exc.value.issues]
    assert ("gemeente_kerncijfers.csv, regel 5, kolom 'pct_0_15': verwacht een getal "
            "(met een punt als decimaalteken) (gevonden: 'twaalf')") in messages
    assert any(m.startswith("gemeente_kerncijfers.csv, regel 7, kolom 'inwoners': verwacht een geheel getal")
               for m in messages)
    # regio-bestand: typen zijn goed, dus ook het bereik wordt gecontroleerd zodra de gemeenten kloppen
    (tmp_path / "b").mkdir()
    d2 = _copy_context(tmp_path / "b")
    _edit_cell(d2 / "regio_kerncijfers.csv", 3, "pct_jeugdzorg_2022", "140")
    _edit_cell(d2 / "regio_kerncijfers.csv", 4, "inwoners", "1")
    with pytest.raises(DataValidationError) as exc2:
        context.load_context(d2)
    messages2 = [str(i) for i in exc2.value.issues]
    assert ("regio_kerncijfers.csv, regel 3, kolom 'pct_jeugdzorg_2022': een percentage moet tussen 0 en 100 zijn "
            "(gevonden: '140.0')") in messages2
    assert any(m.startswith("regio_kerncijfers.csv, regel 4, kolom 'inwoners': inwoners wijken af van de som")
               for m in messages2)


def test_missing_column_and_missing_file(tmp_path):
    d = _copy_context(tmp_path)
    pl.read_csv(d / "regio_kerncijfers.csv", infer_schema=False).drop("bron").write_csv(d / "regio_kerncijfers.csv")
    (d / "gemeente_kerncijfers.csv").unlink()
    with pytest.raises(DataValidationError) as exc:
        context.load_context(d)
    messages = [str(i) for i in exc.value.issues]
    assert any(m.startswith("gemeente_kerncijfers.csv: bestand ontbreekt") for m in messages)
    assert any("regio_kerncijfers.csv, kolom 'bron': verplichte kolom 'bron' ontbreekt" in m for m in messages)
    assert context.issues_table(exc.value.issues).columns == ["bestand", "regel", "kolom", "probleem", "gevonden"]


def test_gemeente_missing_a_year_is_reported(tmp_path):
    d = _copy_context(tmp_path)
    g = pl.read_csv(d / "gemeente_kerncijfers.csv", infer_schema=False)
    g.filter(~((pl.col("gemeente_code") == "GM0448") & (pl.col("jaar") == "2022"))).write_csv(
        d / "gemeente_kerncijfers.csv")
    with pytest.raises(DataValidationError) as exc:
        context.load_context(d)
    assert any("zonder regel voor jaar 2022: GM0448" in str(i) for i in exc.value.issues)


# --------------------------------------------------------------------------------------------
# Voortgang naast context en de grafiek
# --------------------------------------------------------------------------------------------
def _assessments(rows):
    df = pl.DataFrame(rows, schema=["regio_code", "status"], orient="row")
    return df.with_columns(schema.status_value_expr("status").alias("status_waarde"))


def test_region_progress_excludes_unknown():
    got = context.region_progress(_assessments([
        ("JZ13", "4"), ("JZ13", "onbekend"), ("JZ13", "2"), ("JZ03", "nvt"), ("JZ03", "0"), ("JZ01", "onbekend"),
    ]))
    expected = pl.DataFrame({
        "regio_code": ["JZ01", "JZ03", "JZ13"], "gemiddelde": [None, 0.0, 3.0],
        "aantal_bekend": [0, 1, 2], "aantal_onbekend": [1, 1, 1],
    }, schema={"regio_code": pl.String, "gemiddelde": pl.Float64, "aantal_bekend": pl.UInt32,
               "aantal_onbekend": pl.UInt32})
    assert_frame_equal(got, expected)


def test_scatter_mixes_labelled_sources_and_skips_unknown(built):
    progress = context.region_progress(_assessments([("JZ13", "3"), ("JZ03", "1"), ("JZ01", "onbekend")]))
    combined = context.progress_with_context(progress, built.regios.filter(pl.col("jaar") == 2024))
    assert combined["regio_code"].to_list() == ["JZ01", "JZ03", "JZ13"]
    labels = {str(i): f"L{i}" for i in range(5)}
    fig = charts_context.progress_vs_care_scatter(combined, labels, national_care=10.66)
    trace = fig.data[0]
    assert list(trace.customdata) == ["JZ03", "JZ13"]  # JZ01 heeft geen bekende status
    assert list(trace.y) == [1.0, 3.0]
    assert list(trace.x) == [_region(built, "JZ03", 2024)["pct_jeugdzorg_2022"],
                             _region(built, "JZ13", 2024)["pct_jeugdzorg_2022"]]
    assert "voorbeelddata" in fig.layout.yaxis.title.text and "CBS" in fig.layout.xaxis.title.text
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "fictieve cijfers" in notes and "85984NED" in notes and "Nederland 10,7%" in notes
    assert list(fig.layout.yaxis.ticktext) == [f"{i} L{i}" for i in range(5)]


def test_display_table_filters_regions_and_names_year(built):
    t = context.display_table(built.regios.filter(pl.col("jaar") == 2022), ["JZ13", "JZ03"])
    assert t["Code"].to_list() == ["JZ03", "JZ13"]
    assert "Inwoners (1-1-2022)" in t.columns and "Jongeren met jeugdzorg 2022 (%)" in t.columns
    assert t["Benadering"].to_list() == ["ja", "ja"]
    csv = io.StringIO(t.write_csv())
    assert pl.read_csv(csv)["Inwoners (1-1-2022)"].to_list() == [JZ03_INW_2022, JZ13_INW_2022]
