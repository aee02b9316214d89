"""Wie is aan zet: de data (bronnen, datums, dekking), de validatie, de transformaties en de tijdlijn."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import agenda, schema
from lib.loaders import load_dataset
from lib.paths import DATA_DIR, SHARED_DIR
from lib.validation import DataValidationError

THEMES = tuple(f"T{i:02d}" for i in range(1, 15))


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def resp():
    return agenda.load_responsibilities()


@pytest.fixture(scope="module")
def milestones():
    return agenda.load_milestones()


# --------------------------------------------------------------------------------------------
# De databestanden zelf
# --------------------------------------------------------------------------------------------
def test_every_milestone_has_a_source_url_and_a_valid_date(milestones):
    assert milestones.height >= 15
    assert milestones["datum"].null_count() == 0
    assert milestones["datum"].min() >= dt.date(2023, 1, 1)
    assert milestones["datum"].max() <= dt.date(2028, 12, 31)
    for row in milestones.iter_rows(named=True):
        urls = agenda.split_list(row["bron_url"])
        assert urls, f"{row['mijlpaal_id']} heeft geen bron"
        assert all(agenda.URL_RE.match(u) for u in urls), row["mijlpaal_id"]
        assert row["bron"].strip() and row["titel"].strip() and row["label_kort"].strip()
        assert row["precisie"] in schema.MILESTONE_PRECISIONS
        assert row["tag"] in schema.SOURCE_TAGS


def test_key_milestones_are_present_with_the_researched_dates(milestones):
    by_date = dict(zip(milestones["datum"].to_list(), milestones["titel"].to_list()))
    assert "ondertekend" in by_date[dt.date(2023, 6, 19)]
    assert "Implementatieplan" in by_date[dt.date(2023, 11, 16)]
    assert "reële prijzen" in by_date[dt.date(2024, 3, 11)]
    assert "geïnstalleerd" in by_date[dt.date(2024, 4, 2)]
    assert "startfoto" in by_date[dt.date(2024, 4, 23)]
    assert "Groeipijn" in by_date[dt.date(2025, 1, 30)]
    assert "Eerste Kamer" in by_date[dt.date(2025, 9, 30)]
    second = milestones.filter(pl.col("titel").str.contains("Tweede advies")).row(0, named=True)
    assert second["status"] == "verwacht" and second["datum_tekst"] == "begin 2027"
    # Alles wat na vandaag ligt, is 'verwacht' (niets in de toekomst als gebeurd gemarkeerd).
    future = milestones.filter(pl.col("datum") > dt.date.today())
    assert (future["status"] == "verwacht").all()


def test_responsibilities_cover_all_themes_with_source_and_flag(resp):
    assert set(resp["thema_code"]) == set(THEMES)
    assert resp["geverifieerd"].null_count() == 0
    assert resp["bron"].null_count() == 0 and (resp["bron"].str.strip_chars() != "").all()
    for row in resp.iter_rows(named=True):
        urls = agenda.split_list(row["bron_url"])
        assert urls and all(agenda.URL_RE.match(u) for u in urls), row["regel_id"]
        if row["geverifieerd"]:  # geverifieerd = niveau én trekker uit de bron
            assert agenda.split_list(row["niveau"]) and agenda.split_list(row["trekker"]), row["regel_id"]
    # de voorbeelden uit het domeinonderzoek
    verified = resp.filter(pl.col("geverifieerd"))
    t03 = verified.filter((pl.col("thema_code") == "T03") & (pl.col("niveau") == "regionaal"))
    assert t03["trekker"].to_list() == ["gemeenten"]
    t07 = verified.filter(pl.col("thema_code") == "T07").row(0, named=True)
    assert (t07["trekker"], t07["betrokken"]) == ("Rijk", "gemeenten")
    assert resp.filter(~pl.col("geverifieerd")).height > 0  # wat niet in de bronnen staat, is gemarkeerd


def _research_urls() -> set[str] | None:
    path = SHARED_DIR / "domain-research.md"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"https?://[^\s;)]+", text[text.index("## Sources"):]))


def test_every_url_comes_from_the_research_sources_list(resp, milestones):
    known = _research_urls()
    if known is None:
        pytest.skip("domain-research.md niet naast de repository")
    used = {u for df in (resp, milestones) for v in df["bron_url"].to_list() for u in agenda.split_list(v)}
    assert used <= known, f"URL's die niet in de bronnenlijst van het onderzoek staan: {sorted(used - known)}"


# --------------------------------------------------------------------------------------------
# Validatie: Nederlandse meldingen bij een fout bestand
# --------------------------------------------------------------------------------------------
HEADER = "regel_id,thema_code,onderdeel,niveau,trekker,betrokken,geverifieerd,bron,bron_url,toelichting\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _messages(exc: DataValidationError) -> list[str]:
    return [str(i) for i in exc.issues]


def test_missing_column_gives_a_dutch_message(tmp_path):
    p = _write(tmp_path, "responsibilities.csv", "regel_id,thema_code,onderdeel\nR1,T01,x\n")
    with pytest.raises(DataValidationError) as exc:
        agenda.load_responsibilities(p, THEMES[:1])
    msgs = _messages(exc.value)
    assert any("verplichte kolom 'bron' ontbreekt" in m for m in msgs)
    assert any("verplichte kolom 'geverifieerd' ontbreekt" in m for m in msgs)


def test_bad_rows_are_all_reported_with_line_and_column(tmp_path):
    p = _write(tmp_path, "responsibilities.csv", HEADER
               + "R1,T01,x,landelijk,Rijk,,true,b,https://example.org/a,\n"
               + "R2,T99,x,provinciaal,Rijk;VWS,Rijk,true,b,niet-een-url,\n"
               + "R3,T01,x,,,,ja,b,https://example.org/b,\n")
    with pytest.raises(DataValidationError) as exc:
        agenda.load_responsibilities(p, ("T01", "T02"))
    msgs = _messages(exc.value)
    assert any("regel 3, kolom 'thema_code': onbekende themacode" in m and "T99" in m for m in msgs)
    assert any("regel 3, kolom 'niveau': onbekende niveau ‘provinciaal’" in m for m in msgs)
    assert any("onbekende partij ‘VWS’" in m for m in msgs)
    assert any("zowel bij trekker als bij betrokken: Rijk" in m for m in msgs)
    assert any("regel 3, kolom 'bron_url': ongeldige URL" in m for m in msgs)
    assert any("regel 4, kolom 'niveau': regel staat op geverifieerd, maar het niveau ontbreekt" in m for m in msgs)
    assert any("thema T02 heeft geen regel" in m for m in msgs)


def test_bad_milestone_date_and_precision(tmp_path):
    header = ",".join(schema.MILESTONES.column_names) + "\n"
    p = _write(tmp_path, "milestones.csv", header
               + "M1,19-06-2023,dag,,Titel,Kort,,,gebeurd,b,https://example.org/a,V\n"
               + "M2,2024-01-01,week,,Titel,Kort,,T01;T77,misschien,b,https://example.org/a,I\n")
    with pytest.raises(DataValidationError) as exc:
        agenda.load_milestones(p, ("T01",))
    msgs = _messages(exc.value)
    assert any("regel 2, kolom 'datum': verwacht een datum als JJJJ-MM-DD (gevonden: '19-06-2023')" in m for m in msgs)


def test_bad_milestone_values(tmp_path):
    header = ",".join(schema.MILESTONES.column_names) + "\n"
    p = _write(tmp_path, "milestones.csv", header
               + "M2,2024-01-01,week,,Titel,Kort,,T01;T77,misschien,b,https://example.org/a,I\n")
    with pytest.raises(DataValidationError) as exc:
        agenda.load_milestones(p, ("T01",))
    msgs = " | ".join(_messages(exc.value))
    assert "onbekende precisie" in msgs and "onbekende status" in msgs and "onbekende tag" in msgs
    assert "onbekende themacode ‘T77’" in msgs


def test_milestone_without_source_is_refused(tmp_path):
    header = ",".join(schema.MILESTONES.column_names) + "\n"
    p = _write(tmp_path, "milestones.csv", header + "M1,2024-01-01,dag,,Titel,Kort,,,gebeurd,b,,V\n")
    with pytest.raises(DataValidationError) as exc:
        agenda.load_milestones(p, ("T01",))
    assert any("kolom 'bron_url': lege cel; deze kolom is verplicht" in m for m in _messages(exc.value))


# --------------------------------------------------------------------------------------------
# Transformaties
# --------------------------------------------------------------------------------------------
def _vocab(ds, codes=("T01", "T02", "T03")):
    return dataclasses.replace(ds.vocab, theme_codes=codes)


def test_theme_summary_merges_rows_and_marks_partial_verification(ds):
    small = pl.DataFrame({
        "regel_id": ["a", "b", "c"], "thema_code": ["T01", "T01", "T02"], "onderdeel": ["x", "y", "z"],
        "niveau": ["landelijk", "regionaal;landelijk", None], "trekker": ["Rijk", "gemeenten", None],
        "betrokken": ["gemeenten", "Rijk;aanbieders", None], "geverifieerd": [True, False, False],
        "bron": ["b"] * 3, "bron_url": ["https://x.nl"] * 3, "toelichting": [None] * 3,
    })
    got = agenda.theme_summary(small, _vocab(ds))
    expected = pl.DataFrame({
        "thema_code": ["T01", "T02", "T03"],
        "niveau": ["regionaal, landelijk", agenda.NOT_IN_SOURCES, agenda.NOT_IN_SOURCES],
        "trekker": ["Rijk, gemeenten", agenda.NOT_IN_SOURCES, agenda.NOT_IN_SOURCES],
        "betrokken": ["aanbieders", "", ""],  # wie ergens trekker is, telt als trekker
        "geverifieerd": [agenda.VERIFIED_PARTLY, agenda.VERIFIED_NO, agenda.VERIFIED_NO],
        "regels": [2, 1, 0],
    })
    assert_frame_equal(got, expected)
    matrix = agenda.party_matrix(small, _vocab(ds))
    row = matrix.filter(pl.col("Code") == "T01").row(0, named=True)
    assert row["Rijk"] == "trekker" and row["gemeenten"] == "trekker (niet geverifieerd)"
    assert row["aanbieders"] == "betrokken (niet geverifieerd)" and row["professionals"] == ""


def test_responsibility_table_marks_every_unverified_row(resp, ds):
    table = agenda.responsibility_table(resp, ds.vocab)
    assert table.height == resp.height
    assert (table["Geverifieerd"] == agenda.VERIFIED_NO).sum() == (~resp["geverifieerd"]).sum()
    flag = dict(zip(resp["onderdeel"], resp["geverifieerd"]))
    for what, shown in zip(table["Wat"], table["Geverifieerd"]):
        assert ("niet geverifieerd" in shown) == (not flag[what]), what
    assert agenda.count_unverified(table) == (~resp["geverifieerd"]).sum()
    only = agenda.responsibility_table(resp, ds.vocab, "T13")
    assert set(only["Code"]) == {"T13"} and only["Link"].null_count() == 0


def test_region_responsibilities_joins_status_and_keeps_unknown_missing(ds, resp):
    peiling = ds.latest_peiling
    # haal één beoordeling weg: die moet 'Onbekend' worden, niet 0
    dropped = ds.assessments.filter(~((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == "JZ13")
                                      & (pl.col("thema_code") == "T05")))
    ds2 = dataclasses.replace(ds, assessments=dropped)
    out = agenda.region_responsibilities(ds2, "JZ13", peiling, resp)
    assert out.columns == ["Code", "Thema", "Niveau", "Trekker(s)", "Betrokken", "Geverifieerd", "Status regio",
                           "status_waarde"]
    assert out["Code"].to_list() == list(THEMES)
    t05 = out.filter(pl.col("Code") == "T05").row(0, named=True)
    assert t05["Status regio"] == "Onbekend" and t05["status_waarde"] is None
    own = ds.assessments.filter((pl.col("peiling_id") == peiling) & (pl.col("regio_code") == "JZ13")
                                & (pl.col("thema_code") == "T02")).row(0, named=True)
    t02 = out.filter(pl.col("Code") == "T02").row(0, named=True)
    assert t02["Status regio"] == ds.vocab.status_labels[str(own["status"])]
    assert t02["Trekker(s)"] == "gemeenten" and t02["Geverifieerd"] == agenda.VERIFIED_YES


def test_markdown_is_escaped_and_links_only_our_urls():
    assert agenda.md_escape("[klik](javascript:alert(1)) *vet*") == r"\[klik\]\(javascript:alert\(1\)\) \*vet\*"
    m = pl.DataFrame({"mijlpaal_id": ["M1"], "datum": [dt.date(2024, 4, 1)], "precisie": ["kwartaal"],
                      "datum_tekst": [None], "titel": ["A [b]"], "status": ["verwacht"],
                      "bron_url": ["https://a.nl/x ; javascript:alert(1)"]})
    md = agenda.milestone_sources_markdown(m)
    assert md == r"- **Q2 2024** — A \[b\] *(verwacht)*: [bron](https://a.nl/x)"


# --------------------------------------------------------------------------------------------
# Tijdlijn
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("start,precision,end", [
    (dt.date(2024, 3, 11), "dag", dt.date(2024, 3, 11)),
    (dt.date(2025, 1, 1), "maand", dt.date(2025, 1, 31)),
    (dt.date(2024, 10, 1), "kwartaal", dt.date(2024, 12, 31)),
    (dt.date(2027, 1, 1), "jaar", dt.date(2027, 12, 31)),
])
def test_period_end(start, precision, end):
    assert agenda.period_end(start, precision) == end


def test_assign_levels_never_overlaps_on_one_level():
    starts = [0, 5, 10, 12, 40, 41, 42]
    widths = [30] * len(starts)
    slots = [1, -1, 2, -2, 3, -3, 4, -4]
    levels = agenda.assign_levels(starts, widths, slots)
    assert levels[:3] == [1, -1, 2]
    for lv in set(levels):
        spans = sorted((s, s + w) for s, w, l in zip(starts, widths, levels) if l == lv)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), f"overlap op niveau {lv}"


def test_timeline_puts_peilingen_on_the_same_axis(ds, milestones):
    frame = agenda.timeline_frame(milestones, ds.peilingen)
    assert frame.filter(pl.col("soort") == "peiling").height == ds.peilingen.height
    assert frame.filter(pl.col("soort") == "mijlpaal").height == milestones.height
    fig = agenda.timeline_figure(frame, today=dt.date(2026, 11, 24))
    names = [t.name for t in fig.data]
    assert names == ["mijlpaal (gebeurd)", "mijlpaal (verwacht / aangekondigd)", "peiling (voorbeelddata)"]
    assert "peiling (voorbeelddata)" in fig.layout.yaxis.ticktext
    texts = [a.text for a in fig.layout.annotations]
    assert sum(t.startswith("Agenda<br>ondertekend<br>") for t in texts) == 1 and "vandaag" in texts
    # echte (niet-illustratieve) peilingen heten gewoon 'peiling'
    real = agenda.timeline_frame(milestones, ds.peilingen.with_columns(pl.lit(False).alias("illustratief")))
    assert agenda.timeline_figure(real).data[-1].name == "peiling"
