"""Schema, loaders en elke validatiefout, met kleine foute bestanden."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from lib import schema
from lib.loaders import ILLUSTRATIVE_DIR, data_version, load_dataset
from lib.paths import DATA_DIR
from lib.validation import DataValidationError, Issue


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_embedded_dataset_shape(ds):
    regions = ds.regions.filter(pl.col("jaar") == 2024)
    assert regions.height == 42
    codes = regions["regio_code"].to_list()
    assert "JZ40" not in codes
    assert codes == [f"JZ{i:02d}" for i in range(1, 44) if i != 40]
    assert ds.membership.filter(pl.col("jaar") == 2024).height == 342
    assert ds.membership["gemeente_code"].n_unique() == 342
    assert len(ds.vocab.theme_codes) == 14
    assert len(ds.peiling_ids) >= 3
    assert ds.peilingen["soort"][0] == "startfoto"
    for pid in ds.peiling_ids:
        sub = ds.assessments.filter(pl.col("peiling_id") == pid)
        assert sub.height == 42 * 14
    assert ds.kind == "illustratief"
    assert ds.assessments["illustratief"].all() and ds.needs["illustratief"].all()


def test_needs_per_region_between_one_and_six(ds):
    counts = ds.needs.group_by("peiling_id", "regio_code").len()
    assert counts["len"].min() >= 1 and counts["len"].max() <= 6
    per_peiling = counts.group_by("peiling_id").len()
    assert (per_peiling["len"] == 42).all(), "elke regio heeft in elke peiling minstens één behoefte"


def test_unknown_stays_missing(ds):
    unknown = ds.assessments.filter(pl.col("status") == "onbekend")
    assert unknown.height > 0
    assert unknown["status_waarde"].null_count() == unknown.height
    known = ds.assessments.filter(pl.col("status").cast(pl.String).is_in(["0", "1", "2", "3", "4"]))
    assert known["status_waarde"].null_count() == 0


def test_illustrative_data_shaped_by_national_findings(ds):
    start = ds.assessments.filter(pl.col("peiling_id") == ds.peiling_ids[0])
    means = start.group_by("thema_code").agg(pl.col("status_waarde").mean()).sort("status_waarde")
    lagging = means["thema_code"].cast(pl.String).head(3).to_list()
    assert "T02" in lagging and "T10" in lagging
    needs = ds.needs.filter(pl.col("peiling_id") == ds.peiling_ids[0]).group_by("categorie_code").len()
    top2 = needs.sort("len", descending=True)["categorie_code"].cast(pl.String).head(2).to_list()
    assert set(top2) == {"C01", "C02"}


def test_progress_over_time(ds):
    means = ds.assessments.group_by("peiling_id").agg(pl.col("status_waarde").mean())
    ordered = [means.filter(pl.col("peiling_id") == p)["status_waarde"].item() for p in ds.peiling_ids]
    assert ordered == sorted(ordered), "gemiddelde voortgang neemt toe over de peilingen"


def test_generator_is_deterministic(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "data/generate_illustrative.py", "--out", str(tmp_path)], cwd=root, check=True,
                   capture_output=True)
    for table in schema.PROGRESS_TABLES:
        assert (tmp_path / table.file).read_bytes() == (ILLUSTRATIVE_DIR / table.file).read_bytes(), table.file


def test_data_version_changes_with_file(tmp_path):
    (tmp_path / "a.csv").write_text("x\n1\n")
    v1 = data_version(tmp_path)
    (tmp_path / "a.csv").write_text("x\n12\n")
    assert data_version(tmp_path) != v1


# ---------------------------------------------------------------------------------------------
# Foute bestanden: elke fout noemt bestand, regel en/of kolom
# ---------------------------------------------------------------------------------------------
@pytest.fixture()
def progress_copy(tmp_path):
    dst = tmp_path / "progress"
    shutil.copytree(ILLUSTRATIVE_DIR, dst)
    return dst


def _issues(progress_dir: Path) -> list[Issue]:
    with pytest.raises(DataValidationError) as exc:
        load_dataset(DATA_DIR, progress_dir)
    return exc.value.issues


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_missing_column(progress_copy):
    p = progress_copy / "assessments.csv"
    df = pl.read_csv(p, infer_schema=False).drop("status")
    df.write_csv(p)
    issues = _issues(progress_copy)
    assert any(i.column == "status" and "ontbreekt" in i.message and i.file == "assessments.csv" for i in issues)


def test_extra_column(progress_copy):
    p = progress_copy / "support_needs.csv"
    pl.read_csv(p, infer_schema=False).with_columns(pl.lit("x").alias("kleur")).write_csv(p)
    issues = _issues(progress_copy)
    assert any(i.column == "kleur" and "onbekende kolom" in i.message for i in issues)


def test_wrong_type(progress_copy):
    _edit(progress_copy / "peilingen.csv", "2024-11-01", "1 november 2024")
    issues = _issues(progress_copy)
    (issue,) = [i for i in issues if i.column == "datum"]
    assert issue.row == 3 and "JJJJ-MM-DD" in issue.message and issue.value == "1 november 2024"


def test_unknown_region_code(progress_copy):
    _edit(progress_copy / "assessments.csv", "P2024-03,JZ01,T01,", "P2024-03,JZ40,T01,")
    issues = _issues(progress_copy)
    bad = [i for i in issues if i.column == "regio_code" and i.value == "JZ40"]
    assert bad and bad[0].row == 2 and "regiocode" in bad[0].message


def test_unknown_theme_code(progress_copy):
    _edit(progress_copy / "assessments.csv", "P2024-03,JZ01,T01,", "P2024-03,JZ01,T15,")
    issues = _issues(progress_copy)
    assert any(i.column == "thema_code" and i.value == "T15" and i.row == 2 for i in issues)


def test_status_out_of_range(progress_copy):
    p = progress_copy / "assessments.csv"
    df = pl.read_csv(p, infer_schema=False)
    df = df.with_columns(pl.when(pl.int_range(pl.len()) == 4).then(pl.lit("5")).otherwise(pl.col("status"))
                         .alias("status"))
    df.write_csv(p)
    issues = _issues(progress_copy)
    (issue,) = [i for i in issues if i.column == "status"]
    assert issue.row == 6 and issue.value == "5" and "0–4" in issue.message


def test_duplicate_key(progress_copy):
    p = progress_copy / "assessments.csv"
    df = pl.read_csv(p, infer_schema=False)
    pl.concat([df, df.head(1)]).write_csv(p)
    issues = _issues(progress_copy)
    dup = [i for i in issues if "dubbele regel" in i.message]
    assert dup and dup[0].row == df.height + 2 and "regel 2" in dup[0].message


def test_region_missing_from_peiling(progress_copy):
    p = progress_copy / "assessments.csv"
    df = pl.read_csv(p, infer_schema=False)
    df.filter(~((pl.col("peiling_id") == "P2025-06") & (pl.col("regio_code") == "JZ17"))).write_csv(p)
    issues = _issues(progress_copy)
    msg = [i for i in issues if "ontbrekend" in i.message]
    assert msg and "P2025-06" in msg[0].message and "JZ17" in msg[0].message and "verwacht 42" in msg[0].message


def test_wrong_encoding(progress_copy):
    p = progress_copy / "assessments.csv"
    text = p.read_text(encoding="utf-8").replace("Breed draagvlak", "Breed draagvlak é", 1)
    p.write_bytes(text.encode("cp1252"))
    issues = _issues(progress_copy)
    (issue,) = [i for i in issues if i.file == "assessments.csv"]
    assert "UTF-8" in issue.message and issue.row is not None and issue.row >= 2


def test_empty_file(progress_copy):
    (progress_copy / "support_needs.csv").write_bytes(b"")
    issues = _issues(progress_copy)
    assert any(i.file == "support_needs.csv" and "leeg" in i.message for i in issues)


def test_all_problems_reported_at_once(progress_copy):
    _edit(progress_copy / "assessments.csv", "P2024-03,JZ01,T01,", "P2024-03,JZ01,T99,")
    _edit(progress_copy / "support_needs.csv", ",hoog,", ",urgent,")
    issues = _issues(progress_copy)
    files = {i.file for i in issues}
    assert {"assessments.csv", "support_needs.csv"} <= files


def test_issue_text_names_file_row_column():
    text = str(Issue("a.csv", "onbekende status", row=7, column="status", value="9"))
    assert text == "a.csv, regel 7, kolom 'status': onbekende status (gevonden: '9')"


def test_bom_is_accepted(progress_copy):
    p = progress_copy / "peilingen.csv"
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert load_dataset(DATA_DIR, progress_copy).peiling_ids


def test_duplicate_headers_after_trimming(progress_copy):
    p = progress_copy / "peilingen.csv"
    text = p.read_text(encoding="utf-8").replace("peiling_id,datum", "peiling_id, peiling_id ,datum", 1)
    p.write_text(text, encoding="utf-8")
    issues = _issues(progress_copy)
    assert any(i.file == "peilingen.csv" and i.row == 1 and "meer dan één keer" in i.message for i in issues)
