"""Eigenschappen van de importvalidatie, getest met duizenden misvormde tabellen (hypothesis).

1. Nooit een onafgevangen uitzondering, wat er ook binnenkomt (tabellen, bytes, koppen).
2. Elke fout noemt een regel of een kolom (of beide).
3. Een tabel met een gegarandeerde fout wordt altijd geweigerd.
4. De opslag is na een geweigerde import byte-gelijk aan ervoor.

Aantal voorbeelden: HYPOTHESIS_EXAMPLES (standaard 1500 tabellen + 400 bestanden, onder de minuut).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib import importer, store
from lib.loaders import load_dataset

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "1500"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

DS = load_dataset()
REGIONS = DS.regions_for(DS.latest_peiling)["regio_code"].to_list()
THEMES = list(DS.vocab.theme_codes)

# Cellen: echte waarden, bijna-echte waarden en rommel door elkaar
cell = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "JZ01", "jz1", "JZ40", "JZ99", "Friesland", "Groningen (regio)", "T01", "t1", "T15",
                     "0", "3", "4.0", "5", "-1", "nvt", "n.v.t.", "onbekend", "In uitvoering", "2024-03-01",
                     "1-3-2024", "31-02-2024", "2024", "2024.0", "startfoto", "voortgang", "hoog", "C01", "C99",
                     "P2027-01", "P 2027", "=1+1", "'=1+1", "<script>alert(1)</script>", "\x00", "\u202e", "é",
                     "true", "x" * 5000]),
    st.text(max_size=20),
)
header = st.one_of(
    st.sampled_from(["peiling_id", "Peiling ID", "peiling_datum", "peiling_label", "peiling_soort", "indeling_jaar",
                     "regio_code", "Regio", "regio_naam", "thema_code", "thema", "status", "STATUS", "sterke_punten",
                     "zwakke punten", "vervolgstappen", "illustratief", "datum", "label", "soort", "categorie_code",
                     "prioriteit", "omschrijving", "", "onbekend", "status_duplicated_0"]),
    st.text(max_size=12),
)


def _valid_rows(n_regions: int) -> list[dict[str, str]]:
    return [{"peiling_id": "P2027-01", "peiling_datum": "2027-01-15", "peiling_label": "Peiling",
             "regio_code": r, "thema_code": t, "status": "3", "sterke_punten": "tekst"}
            for r in REGIONS[:n_regions] for t in THEMES[:3]]


# Gegarandeerde fouten (de laatste mutatie, zodat niets haar ongedaan maakt)
DEFECTS = {
    "status": ["5", "-1", "99", "x", "4,5"],
    "regio_code": ["JZ40", "JZ00", "ZZ", "Atlantis", "JZ100"],
    "thema_code": ["T00", "T15", "T99", "thema"],
    "peiling_datum": ["morgen", "2027-13-01", "32-01-2027"],
    "peiling_id": ["P 2027", "P/2027", "x" * 41],
}


@st.composite
def malformed_table(draw):
    rows = _valid_rows(draw(st.integers(1, 3)))
    df = pl.DataFrame(rows)
    # willekeurige verstoringen: cellen, koppen, kolommen en regels
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["cell", "header", "drop_col", "add_col", "dup_row", "drop_row", "blank_row"]))
        if kind == "cell" and df.height:
            col = draw(st.sampled_from(df.columns))
            i = draw(st.integers(0, df.height - 1))
            df = df.with_columns(pl.Series(col, [draw(cell) if k == i else v for k, v in enumerate(df[col])],
                                           dtype=pl.String))
        elif kind == "header" and df.width:
            col = draw(st.sampled_from(df.columns))
            new = draw(header)
            if new not in df.columns:
                df = df.rename({col: new})
        elif kind == "drop_col" and df.width > 1:
            df = df.drop(draw(st.sampled_from(df.columns)))
        elif kind == "add_col":
            name = draw(header)
            if name not in df.columns:
                df = df.with_columns(pl.lit(draw(cell), dtype=pl.String).alias(name))
        elif kind == "dup_row" and df.height:
            df = pl.concat([df, df[draw(st.integers(0, df.height - 1))]])
        elif kind == "drop_row" and df.height:
            i = draw(st.integers(0, df.height - 1))
            df = pl.concat([df[:i], df[i + 1:]])
        elif kind == "blank_row" and df.width:
            df = pl.concat([df, pl.DataFrame({c: [None] for c in df.columns}, schema=df.schema)])
    # en dan de gegarandeerde fout
    target = draw(st.sampled_from(sorted(DEFECTS)))
    # de kolom zoals de importer haar leest (koppen zijn soepel: 'STATUS', 'Regio' …)
    aliases = importer._HEADER_ALIASES["assessments"]
    cols = [c for c in df.columns
            if aliases.get(importer.normalise_header(c), importer.normalise_header(c)) == target]
    if cols and df.height:
        col = cols[0]
        i = draw(st.integers(0, df.height - 1))
        df = df.with_columns(pl.Series(col, [draw(st.sampled_from(DEFECTS[target])) if k == i else v
                                             for k, v in enumerate(df[col])], dtype=pl.String))
    return df


def tree_bytes(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    """Een opslag met al één geldige versie: een weigering mag daar geen byte aan veranderen."""
    root = tmp_path_factory.mktemp("store")
    rows = [{"peiling_id": "P2027-02", "peiling_datum": "2027-02-01", "peiling_label": "Peiling", "regio_code": r,
             "thema_code": t, "status": "2"} for r in REGIONS for t in THEMES]
    result = importer.validate_tables({"assessments": importer.RawTable(
        "assessments", "basis.csv", pl.DataFrame(rows))}, DS.regions, DS.vocab)
    assert result.ok
    s = store.LocalStore(root)
    importer.import_into_store(s, result, user="basis")
    return s


def _try_import(s: store.ProgressStore, result: importer.ImportResult) -> None:
    """Wat de pagina doet: alleen opslaan als er geen fouten zijn."""
    if result.ok:
        importer.import_into_store(s, result, user="property")


@SETTINGS
@given(df=malformed_table())
def test_malformed_tables_are_rejected_with_a_place_and_store_untouched(df, seeded_store):
    before = tree_bytes(seeded_store.root)
    raw = {"assessments": importer.RawTable("assessments", "fuzz.csv", df)}
    result = importer.validate_tables(raw, DS.regions, DS.vocab, DS.themes)
    assert not result.ok, f"tabel met een gegarandeerde fout geaccepteerd:\n{df}"
    assert result.tables is None
    for issue in result.errors:
        assert issue.row is not None or issue.column is not None, f"fout zonder plaats: {issue}"
        assert issue.message and issue.file
    _try_import(seeded_store, result)
    assert tree_bytes(seeded_store.root) == before


@settings(max_examples=max(EXAMPLES // 4, 50), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(peilingen=st.lists(st.fixed_dictionaries({
    "peiling_id": cell, "datum": cell, "label": cell, "soort": cell, "indeling_jaar": cell}), max_size=4),
    needs=st.lists(st.fixed_dictionaries({"peiling_id": cell, "regio_code": cell, "categorie_code": cell,
                                          "prioriteit": cell, "omschrijving": cell}), max_size=4),
    status=st.sampled_from(DEFECTS["status"]))
def test_xlsx_like_three_tables_never_crash(peilingen, needs, status, seeded_store):
    before = tree_bytes(seeded_store.root)
    assessments = pl.DataFrame(_valid_rows(1)).drop("peiling_datum", "peiling_label").with_columns(
        pl.lit(status).alias("status"))
    raw = {
        "peilingen": importer.RawTable("peilingen", "blad 'peilingen'", pl.DataFrame(
            peilingen, schema={k: pl.String for k in ("peiling_id", "datum", "label", "soort", "indeling_jaar")})),
        "assessments": importer.RawTable("assessments", "blad 'beoordelingen'", assessments),
        "support_needs": importer.RawTable("support_needs", "blad 'ondersteuningsbehoeften'", pl.DataFrame(
            needs, schema={k: pl.String for k in ("peiling_id", "regio_code", "categorie_code", "prioriteit",
                                                  "omschrijving")})),
    }
    result = importer.validate_tables(raw, DS.regions, DS.vocab, DS.themes)
    assert not result.ok
    assert all(i.row is not None or i.column is not None for i in result.errors)
    _try_import(seeded_store, result)
    assert tree_bytes(seeded_store.root) == before


@settings(max_examples=max(EXAMPLES // 4, 50), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["a.csv", "b.xlsx", "c.txt", "d.xls", "e"]),
       data=st.one_of(st.binary(max_size=400),
                      st.lists(st.lists(cell, max_size=6), max_size=6).map(
                          lambda rows: "\n".join(";".join(v or "" for v in r) for r in rows).encode("utf-8",
                                                                                                    "replace")),
                      st.just(b"PK\x03\x04").map(lambda b: b + bytes(range(200)))))
def test_arbitrary_bytes_never_crash(name, data, seeded_store):
    before = tree_bytes(seeded_store.root)
    result = importer.parse_upload([(name, data)], DS.regions, DS.vocab, DS.themes)
    assert isinstance(result, importer.ImportResult)
    if not result.ok:
        assert result.errors and all(i.file for i in result.errors)
    _try_import(seeded_store, result)
    if not result.ok:
        assert tree_bytes(seeded_store.root) == before
