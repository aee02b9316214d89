"""Import van een nieuwe (of gecorrigeerde) peiling: lezen, valideren, voorvertonen, opslaan.

Geen st.* hier: de pagina `pages/importeren.py` roept deze functies aan. De bouwstenen van
`lib/validation.py` (Issue, read_csv_strings, check_columns, cast_table, validate_progress) worden
hergebruikt; dit module voegt toe wat een upload van een mens nodig heeft: Excel én CSV, ';' of ',',
UTF-8 of Windows-1252, kopregels in hoofd- of kleine letters, regio's als code of als naam.

Formaat (zie ook het sjabloon en README, 'Een peiling importeren'):

- **XLSX**: de bladen `peilingen`, `beoordelingen` en (optioneel) `ondersteuningsbehoeften`; een blad
  `toelichting` wordt overgeslagen. De kolommen zijn die van het schema (zonder `illustratief`).
- **CSV**: één bestand met de beoordelingen, met de peiling in de eerste kolommen van elke regel:
  `peiling_id; peiling_datum; peiling_label; [peiling_soort]; [indeling_jaar]; regio_code; thema_code;
  status; sterke_punten; zwakke_punten; vervolgstappen`. Ondersteuningsbehoeften gaan in een tweede,
  optionele CSV (`peiling_id; regio_code; categorie_code; [thema_code]; prioriteit; omschrijving`).

Beslissingen:

- Niets wordt opgeslagen zolang er één fout is; alle fouten worden in één keer gemeld (tot MAX_SHOWN).
- **Ontbrekende regio's (of thema's) zijn een waarschuwing, geen fout.** Een peiling mag onvolledig
  zijn (een regio heeft nog niet gereageerd). Elke ontbrekende combinatie regio × thema wordt opgeslagen
  als status `onbekend`, zodat elke weergave haar toont als 'Onbekend' en nooit als 0.
- Een geïmporteerde peiling vervangt een bestaande peiling met dezelfde `peiling_id` volledig
  (beoordelingen én behoeften). Geïmporteerde regels krijgen altijd `illustratief = false`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import polars as pl

from lib import schema
from lib.export import neutralise_frame, to_csv_bytes
from lib.loaders import Dataset, build_dataset, read_validated
from lib.paths import ROOT
from lib.store import ProgressStore, StoreError, VersionInfo, empty_tables, read_active
from lib.validation import (
    DataValidationError,
    Issue,
    cast_table,
    check_columns,
    decode_text,
    errors,
    read_csv_strings,
    validate_progress,
)

# --------------------------------------------------------------------------------------------
# Grenzen
# --------------------------------------------------------------------------------------------


def _max_upload_mb(config: Path = ROOT / ".streamlit" / "config.toml") -> int:
    """Dezelfde grens als Streamlits uploader (server.maxUploadSize in .streamlit/config.toml)."""
    try:
        return int(tomllib.loads(config.read_text(encoding="utf-8"))["server"]["maxUploadSize"])
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError):
        return 5


MAX_UPLOAD_MB = _max_upload_mb()
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
#: Per blad of bestand. 42 regio's × 14 thema's = 588 regels per peiling; dit is ruim 30 peilingen.
MAX_ROWS = 20_000
MAX_TEXT_CHARS = 4_000
#: Zoveel problemen tonen we hoogstens (daarna: "en nog N").
MAX_SHOWN = 500

TABLE_LABELS = {"peilingen": "peilingen", "assessments": "beoordelingen", "support_needs": "ondersteuningsbehoeften"}
_TABLES = {t.name: t for t in schema.PROGRESS_TABLES}
EXPLANATION_SHEET = "toelichting"

#: Kolommen die een analist invult (het schema zonder 'illustratief').
IMPORT_COLUMNS: dict[str, list[str]] = {
    name: [c for c in t.column_names if c != "illustratief"] for name, t in _TABLES.items()
}
#: Kolommen die het sjabloon ter informatie toont en die bij het inlezen worden overgeslagen.
INFO_COLUMNS: dict[str, tuple[str, ...]] = {
    "peilingen": (),
    "assessments": ("regio_naam", "thema_naam"),
    "support_needs": ("regio_naam", "categorie_naam", "thema_naam"),
}
#: CSV-indeling: de peiling staat op elke regel van de beoordelingen.
CSV_PEILING_COLUMNS: dict[str, str] = {
    "peiling_datum": "datum", "peiling_label": "label", "peiling_soort": "soort", "indeling_jaar": "indeling_jaar",
}
CSV_ASSESSMENT_COLUMNS = ["peiling_id", *CSV_PEILING_COLUMNS, *IMPORT_COLUMNS["assessments"][1:]]

_SHEET_ALIASES = {
    "peilingen": "peilingen", "peiling": "peilingen",
    "beoordelingen": "assessments", "beoordeling": "assessments", "assessments": "assessments",
    "ondersteuningsbehoeften": "support_needs", "behoeften": "support_needs", "support_needs": "support_needs",
    "ondersteuningsbehoefte": "support_needs",
}
_IGNORED_SHEETS = {"toelichting", "uitleg", "codes", "instructie"}

_HEADER_ALIASES: dict[str, dict[str, str]] = {
    "peilingen": {"peiling": "peiling_id", "peilingcode": "peiling_id", "peildatum": "datum", "naam": "label",
                  "jaar_indeling": "indeling_jaar", "indelingsjaar": "indeling_jaar"},
    "assessments": {"peiling": "peiling_id", "peilingcode": "peiling_id", "regio": "regio_code",
                    "regiocode": "regio_code", "thema": "thema_code", "themacode": "thema_code",
                    "datum": "peiling_datum", "peildatum": "peiling_datum", "label": "peiling_label",
                    "soort": "peiling_soort", "jaar_indeling": "indeling_jaar", "indelingsjaar": "indeling_jaar"},
    "support_needs": {"peiling": "peiling_id", "peilingcode": "peiling_id", "regio": "regio_code",
                      "regiocode": "regio_code", "categorie": "categorie_code", "categoriecode": "categorie_code",
                      "thema": "thema_code", "themacode": "thema_code", "behoefte": "omschrijving"},
}
_TEXT_COLUMNS = {"sterke_punten", "zwakke_punten", "vervolgstappen", "omschrijving", "label"}


@dataclass
class RawTable:
    """Eén ingelezen blad of bestand: alle cellen als tekst, kopregel zoals de gebruiker hem schreef."""

    table: str  # schema-naam: peilingen, assessments, support_needs
    label: str  # voor meldingen: "blad 'beoordelingen'" of de bestandsnaam
    frame: pl.DataFrame
    rows: list[int] | None = None  # regelnummer per rij in het bestand; None = index + 2


@dataclass
class ImportResult:
    tables: dict[str, pl.DataFrame] | None  # getypeerd volgens het schema; None bij fouten
    issues: list[Issue]
    source_files: tuple[str, ...] = ()
    filled: dict[str, int] = field(default_factory=dict)  # peiling → aangevulde combinaties (onbekend)
    total_issues: int = 0  # vóór het afkappen op MAX_SHOWN

    @property
    def ok(self) -> bool:
        return self.tables is not None and not errors(self.issues)

    @property
    def errors(self) -> list[Issue]:
        return errors(self.issues)

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity != "fout"]


# --------------------------------------------------------------------------------------------
# Normaliseren van namen en codes
# --------------------------------------------------------------------------------------------
def _ascii_lower(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def normalise_header(header: object) -> str:
    """'Regio code ' → 'regio_code'; 'Sterke punten' → 'sterke_punten'; accenten en hoofdletters weg."""
    text = _ascii_lower("" if header is None else str(header)).replace("\ufeff", "")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def normalise_name(text: str, drop_parentheses: bool = False) -> str:
    """Voor het herkennen van regio-, thema- en categorienamen: geen hoofdletters, accenten of leestekens."""
    text = _ascii_lower(text)
    if drop_parentheses:
        text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(jeugdzorgregio|jeugdregio|regio)\s+", "", text)


def _name_keys(name: str) -> set[str]:
    keys = {normalise_name(name), normalise_name(name, drop_parentheses=True)}
    keys |= {normalise_name(inner) for inner in re.findall(r"\(([^)]*)\)", name)}
    return {k for k in keys if k}


@dataclass(frozen=True)
class CodeMatcher:
    """Herkent een code (soepel: 'jz2' → 'JZ02') of een naam (geraden → waarschuwing)."""

    what: str  # "regio", "thema", "categorie"
    prefix: str  # "JZ", "T", "C"
    codes: frozenset[str]
    by_name: dict[str, frozenset[str]]
    names: dict[str, str]  # code → naam, voor meldingen

    @classmethod
    def build(cls, what: str, prefix: str, names: dict[str, list[str]]) -> CodeMatcher:
        by_name: dict[str, set[str]] = {}
        for code, labels in names.items():
            for label in labels:
                for key in _name_keys(label):
                    by_name.setdefault(key, set()).add(code)
        return cls(what, prefix, frozenset(names), {k: frozenset(v) for k, v in by_name.items()},
                   {c: ls[0] for c, ls in names.items()})

    def match(self, value: str) -> tuple[str, bool]:
        """(code, geraden). Onherkenbaar → de waarde zelf (de validatie meldt haar dan)."""
        text = value.strip()
        if text in self.codes:
            return text, False
        m = re.fullmatch(rf"{self.prefix}\s*-?\s*(\d{{1,2}})", text, flags=re.IGNORECASE)
        if m:
            code = f"{self.prefix}{int(m.group(1)):02d}"
            return (code, False) if code in self.codes else (text, False)
        for key in (normalise_name(text), normalise_name(text, drop_parentheses=True)):
            hits = self.by_name.get(key)
            if hits and len(hits) == 1:
                return next(iter(hits)), True
        return text, False


def matchers(regions: pl.DataFrame, vocab: schema.Vocabulary, themes: pl.DataFrame | None = None) -> dict[str, CodeMatcher]:
    region_names: dict[str, list[str]] = {}
    for code, name in regions.sort("jaar", descending=True).select("regio_code", "regio_naam").iter_rows():
        region_names.setdefault(code, []).append(name)
    theme_names = {c: [vocab.theme_labels[c], vocab.theme_short[c]] for c in vocab.theme_codes}
    if themes is not None and "label_en" in themes.columns:
        for c, en in zip(themes["thema_code"], themes["label_en"]):
            theme_names.setdefault(c, []).append(en)
    cat_names = {c: [vocab.category_labels[c]] for c in vocab.category_codes}
    return {
        "regio_code": CodeMatcher.build("regio", "JZ", region_names),
        "thema_code": CodeMatcher.build("thema", "T", theme_names),
        "categorie_code": CodeMatcher.build("categorie", "C", cat_names),
    }


def _status_lookup(vocab: schema.Vocabulary) -> dict[str, str]:
    out = {normalise_name(code): code for code in schema.STATUS_CODES}
    for labels in (vocab.status_labels, vocab.status_short):
        for code, label in labels.items():
            out[normalise_name(label)] = code
    out.update({"n v t": schema.STATUS_NA, "nvt": schema.STATUS_NA, "niet van toepassing": schema.STATUS_NA,
                "onbekend": schema.STATUS_UNKNOWN})
    return out


def normalise_status(value: str | None, lookup: dict[str, str]) -> str:
    """'3', '3.0', '3,0', 'In uitvoering', 'n.v.t.' → de code; leeg → 'onbekend'; anders ongewijzigd."""
    if value is None or not value.strip():
        return schema.STATUS_UNKNOWN
    text = value.strip()
    m = re.fullmatch(r"(\d)(?:[.,]0+)?", text)
    if m:
        return m.group(1)
    if not re.search(r"[^\W\d_]", text):  # geen letters: '-1' of '5' blijft wat het is (en wordt gemeld)
        return text
    return lookup.get(normalise_name(text), text)


_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y",
                 "%d-%m-%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S")


def normalise_date(value: str | None) -> str | None:
    """Datums zoals Excel en Nederlandse gebruikers ze schrijven → JJJJ-MM-DD; onherkenbaar → ongewijzigd."""
    if value is None:
        return None
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def _strip_neutralised(value: str | None) -> str | None:
    """Een apostrof die onze export vóór =, +, -, @ zette, hoort niet bij de tekst."""
    if value and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


# --------------------------------------------------------------------------------------------
# Bestanden lezen
# --------------------------------------------------------------------------------------------
def _decode(raw: bytes, name: str) -> tuple[str | None, list[Issue]]:
    """UTF-8 (met of zonder BOM); anders Windows-1252 met een waarschuwing."""
    text, issues = decode_text(raw, name)
    if text is not None:
        return text, []
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None, [replace(issues[0], message=issues[0].message + "; ook als Windows-1252 niet leesbaar")]
    return text, [Issue(name, "het bestand is niet als UTF-8 opgeslagen en is gelezen als Windows-1252 (ANSI); "
                              "controleer letters met accenten in het voorbeeld, of sla op als 'CSV UTF-8'",
                        severity="waarschuwing")]


def sniff_separator(header_line: str) -> str:
    """';' of ',' (of tab): het teken dat het vaakst buiten aanhalingstekens in de kopregel staat."""
    outside = re.sub(r'"[^"]*"', "", header_line)
    counts = {sep: outside.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _locate_csv_problem(text: str, sep: str) -> int | None:
    """Regelnummer (kop = 1) van de eerste regel met meer velden dan de kopregel."""
    try:
        records = csv.reader(io.StringIO(text), delimiter=sep)
        header = next(records, [])
        for i, rec in enumerate(records):
            if len(rec) > len(header):
                return i + 2
    except csv.Error:
        return None
    return None


def read_csv_upload(name: str, raw: bytes) -> tuple[pl.DataFrame | None, list[int] | None, list[Issue]]:
    text, issues = _decode(raw, name)
    if text is None:
        return None, None, issues
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    offset = 0
    while offset < len(lines) and not lines[offset].strip():
        offset += 1
    sep = None
    if offset < len(lines) and re.fullmatch(r"\s*sep=(.)\s*", lines[offset]):  # Excel's 'sep=;'-regel
        sep = lines[offset].strip()[4]
        offset += 1
    body = "\n".join(lines[offset:])
    if not body.strip():
        return None, None, issues + [Issue(name, "het bestand is leeg; verwacht een kopregel en minstens één dataregel")]
    sep = sep or sniff_separator(lines[offset])
    try:
        df, read_issues = read_csv_strings(body.encode("utf-8"), name, separator=sep)
    except pl.exceptions.DuplicateError:  # koppen die na het weghalen van spaties gelijk worden
        heads = next(csv.reader(io.StringIO(lines[offset]), delimiter=sep), [])
        seen: set[str] = set()
        dup = next((h.strip() for h in heads if h.strip() in seen or seen.add(h.strip())), "")
        return None, None, issues + [Issue(name, f"de kopregel noemt de kolom '{dup}' meer dan één keer "
                                                 "(spaties tellen niet mee); laat er één over", row=1 + offset,
                                           column=dup or "(kolom zonder naam)")]
    if df is None:
        line = _locate_csv_problem(body, sep)
        read_issues = [replace(i, row=(line + offset) if line else i.row,
                               message=i.message + ("; deze regel heeft meer velden dan de kopregel" if line else ""))
                       for i in read_issues]
        return None, None, issues + read_issues
    return df, [i + 2 + offset for i in range(df.height)], issues


def _unique_headers(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        if h in seen:
            seen[h] += 1
            out.append(f"{h}_duplicated_{seen[h] - 1}")
        else:
            seen[h] = 1
            out.append(h)
    return out


def read_xlsx_upload(name: str, raw: bytes) -> tuple[list[RawTable], list[Issue]]:
    import fastexcel

    try:
        reader = fastexcel.read_excel(raw)
        sheet_names = list(reader.sheet_names)
    except Exception:  # noqa: BLE001 - elke leesfout van calamine wordt een melding
        return [], [Issue(name, "dit is geen leesbaar Excel-bestand (.xlsx); open het in Excel en sla het opnieuw "
                                "op als 'Excel-werkmap (.xlsx)'")]
    tables: list[RawTable] = []
    issues: list[Issue] = []
    found: dict[str, str] = {}
    for sheet in sheet_names:
        key = normalise_header(sheet)
        table = _SHEET_ALIASES.get(key)
        if table is None:
            if key not in _IGNORED_SHEETS:
                issues.append(Issue(f"blad '{sheet}'", "dit blad wordt overgeslagen; gelezen worden alleen de bladen "
                                    + ", ".join(TABLE_LABELS.values()), severity="waarschuwing"))
            continue
        label = f"blad '{sheet}'"
        if table in found:
            issues.append(Issue(label, f"er is al een blad '{found[table]}' met dezelfde inhoud; laat er één over"))
            continue
        found[table] = sheet
        try:
            loaded = reader.load_sheet_by_name(sheet, header_row=None, dtypes="string", n_rows=MAX_ROWS + 2)
            total = loaded.total_height
            grid = loaded.to_polars()
        except Exception:  # noqa: BLE001
            issues.append(Issue(label, "dit blad kon niet worden gelezen; sla het bestand opnieuw op als .xlsx"))
            continue
        if total > MAX_ROWS + 1:
            issues.append(Issue(label, f"te veel regels ({total - 1}); hoogstens {MAX_ROWS} dataregels per blad",
                                row=MAX_ROWS + 2))
            continue
        if grid.height == 0 or grid.width == 0:
            tables.append(RawTable(table, label, pl.DataFrame(), []))
            continue
        headers = ["" if h is None else str(h) for h in grid.row(0)]
        keep = [i for i, h in enumerate(headers) if h.strip() or grid[:, i][1:].drop_nulls().str.strip_chars()
                .ne("").any()]
        headers = _unique_headers([headers[i].strip() or f"(kolom {_col_letter(i)} zonder naam)" for i in keep])
        body = grid[1:].select([grid.columns[i] for i in keep])
        body.columns = headers
        tables.append(RawTable(table, label, body, [i + 2 for i in range(body.height)]))
    return tables, issues


def _col_letter(idx: int) -> str:
    letters = ""
    idx += 1
    while idx:
        idx, rem = divmod(idx - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _classify_csv(df: pl.DataFrame) -> str | None:
    cols = {normalise_header(c) for c in df.columns}
    if cols & {"status", "sterke_punten", "zwakke_punten", "vervolgstappen"}:
        return "assessments"
    if cols & {"categorie_code", "categorie", "categoriecode", "prioriteit"}:
        return "support_needs"
    return None


def read_upload(files: Sequence[tuple[str, bytes]]) -> tuple[dict[str, RawTable], list[Issue]]:
    """Bestanden → ruwe tabellen. Controleert aantal, type, grootte, codering en bladen."""
    issues: list[Issue] = []
    if not files:
        return {}, [Issue("upload", "geen bestand gekozen; kies één .xlsx-bestand of één of twee .csv-bestanden")]
    kinds = {}
    for name, raw in files:
        ext = Path(name).suffix.lower()
        if len(raw) > MAX_UPLOAD_BYTES:
            issues.append(Issue(name, f"het bestand is {len(raw) / 1024 / 1024:.1f} MB; hoogstens {MAX_UPLOAD_MB} MB"))
        elif not raw.strip(b" \t\r\n\xef\xbb\xbf"):
            issues.append(Issue(name, "het bestand is leeg; verwacht een kopregel en minstens één dataregel"))
        elif ext == ".xlsx":
            kinds[name] = "xlsx" if raw[:4] == b"PK\x03\x04" else "bad"
            if kinds[name] == "bad":
                issues.append(Issue(name, "dit bestand heet .xlsx maar is geen Excel-werkmap; sla het in Excel op als "
                                          "'Excel-werkmap (.xlsx)'"))
        elif ext in (".csv", ".txt"):
            if b"\x00" in raw[:4096] or raw[:4] == b"PK\x03\x04":
                issues.append(Issue(name, "dit bestand heet .csv maar is geen tekstbestand; sla het op als "
                                          "'CSV UTF-8 (met scheidingstekens)'"))
            else:
                kinds[name] = "csv"
        elif ext in (".xls", ".xlsm", ".xlsb", ".ods", ".numbers"):
            issues.append(Issue(name, f"het bestandstype '{ext}' wordt niet ondersteund; sla het op als "
                                      "'Excel-werkmap (.xlsx)' of als 'CSV UTF-8'"))
        else:
            issues.append(Issue(name, f"het bestandstype '{ext or '(geen extensie)'}' wordt niet ondersteund; "
                                      "toegestaan: .xlsx of .csv"))
    if errors(issues):
        return {}, issues
    n_xlsx = sum(k == "xlsx" for k in kinds.values())
    if n_xlsx and len(files) > 1:
        return {}, [Issue("upload", "kies óf één Excel-bestand (.xlsx), óf één of twee CSV-bestanden (beoordelingen "
                                    "en eventueel ondersteuningsbehoeften), niet allebei")]
    if len(files) > 2:
        return {}, [Issue("upload", f"{len(files)} bestanden gekozen; hoogstens twee CSV-bestanden (beoordelingen en "
                                    "ondersteuningsbehoeften) of één .xlsx")]
    tables: dict[str, RawTable] = {}
    for name, raw in files:
        if kinds[name] == "xlsx":
            found, sheet_issues = read_xlsx_upload(name, raw)
            issues += sheet_issues
            for t in found:
                tables[t.table] = t
            if not errors(sheet_issues):
                for table in ("peilingen", "assessments"):
                    if table not in tables:
                        issues.append(Issue(name, f"het blad '{TABLE_LABELS[table]}' ontbreekt; gevonden bladen: "
                                                  + ", ".join(t.label for t in found)))
            continue
        df, rows, csv_issues = read_csv_upload(name, raw)
        issues += csv_issues
        if df is None:
            continue
        if df.height > MAX_ROWS:
            issues.append(Issue(name, f"te veel regels ({df.height}); hoogstens {MAX_ROWS} dataregels per bestand",
                                row=MAX_ROWS + 2))
            continue
        kind = _classify_csv(df)
        if kind is None:
            issues.append(Issue(name, "niet duidelijk wat dit bestand bevat: een CSV met beoordelingen heeft een kolom "
                                      "'status', een CSV met ondersteuningsbehoeften een kolom 'categorie_code'",
                                column=df.columns[0] if df.columns else None))
        elif kind in tables:
            issues.append(Issue(name, f"er is al een CSV met {TABLE_LABELS[kind]} gekozen ({tables[kind].label})"))
        else:
            tables[kind] = RawTable(kind, name, df, rows)
    if not errors(issues) and tables and "assessments" not in tables and "peilingen" not in tables:
        issues.append(Issue("upload", "er ontbreekt een bestand met beoordelingen (kolom 'status'); een peiling "
                                      "vervangt altijd beoordelingen én behoeften samen"))
    return tables, issues


# --------------------------------------------------------------------------------------------
# Tabellen valideren
# --------------------------------------------------------------------------------------------
@dataclass
class _Prepared:
    table: str
    label: str
    frame: pl.DataFrame  # canonieke kolomnamen, alle waarden tekst, lege rijen weg
    rows: list[int]
    colmap: dict[str, str]  # canonieke naam → kop zoals in het bestand


def _prepare(raw: RawTable, allowed: list[str], aliases: dict[str, str]) -> tuple[_Prepared | None, list[Issue]]:
    issues: list[Issue] = []
    df = raw.frame
    rows = raw.rows if raw.rows is not None else [i + 2 for i in range(df.height)]
    if df.height > MAX_ROWS:
        return None, [Issue(raw.label, f"te veel regels ({df.height}); hoogstens {MAX_ROWS} dataregels", row=MAX_ROWS + 2)]
    info = set(INFO_COLUMNS[raw.table])
    rename: dict[str, str] = {}
    colmap: dict[str, str] = {}
    drop: list[str] = []
    for col in df.columns:
        norm = normalise_header(re.sub(r"_duplicated_\d+$", "", col))
        norm = aliases.get(norm, norm)
        if norm in colmap:
            issues.append(Issue(raw.label, f"de kolom '{norm}' komt meer dan één keer voor (als '{colmap[norm]}' en "
                                           f"'{re.sub(r'_duplicated_[0-9]+$', '', col)}'); laat er één over", column=col))
            drop.append(col)
            continue
        if norm == "illustratief":
            issues.append(Issue(raw.label, "de kolom 'illustratief' wordt genegeerd: geïmporteerde data telt altijd "
                                           "als echt (illustratief = false)", column=col, severity="waarschuwing"))
            drop.append(col)
            continue
        if norm in info and norm not in allowed:
            drop.append(col)
            colmap[norm] = col
            continue
        rename[col] = norm
        colmap[norm] = col
    df = df.drop(drop)
    # regio_naam/thema_naam/categorie_naam mogen de code vervangen als de codekolom ontbreekt
    for code_col, name_col in (("regio_code", "regio_naam"), ("thema_code", "thema_naam"),
                               ("categorie_code", "categorie_naam")):
        if code_col in allowed and code_col not in rename.values() and name_col in colmap and \
                colmap[name_col] in raw.frame.columns:
            df = df.with_columns(raw.frame[colmap[name_col]].alias(colmap[name_col]))
            rename[colmap[name_col]] = code_col
            colmap[code_col] = colmap[name_col]
    df = df.rename(rename)
    # kolommen controleren met de gedeelde controle (verplicht en onbekend)
    check_table = schema.Table(raw.table, raw.label, raw.label, tuple(
        schema.Column(c, pl.String, _required(raw.table, c), "") for c in allowed), ())
    col_issues = check_columns(df, check_table, raw.label)
    issues += [replace(i, column=colmap.get(i.column, i.column)) for i in col_issues]
    # helemaal lege regels overslaan (regelnummers blijven die van het bestand)
    df = df.select([pl.col(c).cast(pl.String) for c in df.columns])
    if df.width:
        blank = pl.all_horizontal([pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in df.columns])
        keep = df.select(~blank).to_series().to_list()
        df = df.filter(pl.Series(keep, dtype=pl.Boolean))
        rows = [r for r, k in zip(rows, keep) if k]
    if df.height == 0 and raw.table != "support_needs":
        issues.append(Issue(raw.label, "geen dataregels; verwacht vanaf regel 2 minstens één regel onder de kopregel",
                            row=2))
    return _Prepared(raw.table, raw.label, df, rows, colmap), issues


def _required(table: str, col: str) -> bool:
    if col in CSV_PEILING_COLUMNS:
        return col in ("peiling_datum", "peiling_label")
    if table == "support_needs" and col == "thema_code":
        return False  # volgt uit de categorie
    if table == "peilingen" and col in ("soort", "indeling_jaar"):
        return False  # standaard: voortgang, nieuwste indeling
    return col in _TABLES[table].required_names


def _derive_peilingen(p: _Prepared) -> tuple[_Prepared, list[Issue]]:
    """CSV-indeling: haal de peilingen uit de peilingkolommen van de beoordelingen."""
    issues: list[Issue] = []
    first: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    cols = [c for c in CSV_PEILING_COLUMNS if c in p.frame.columns]
    for row_no, rec in zip(p.rows, p.frame.select(["peiling_id", *cols]).iter_rows(named=True)):
        pid = (rec["peiling_id"] or "").strip()
        if not pid:
            continue
        if pid not in first:
            first[pid] = {c: (rec[c] or "").strip() for c in cols}
            first_row[pid] = row_no
            continue
        for c in cols:
            value = (rec[c] or "").strip()
            if value and first[pid][c] and value != first[pid][c]:
                issues.append(Issue(p.label, f"peiling {pid} heeft op regel {first_row[pid]} de waarde "
                                             f"'{first[pid][c]}'; elke regel van één peiling moet dezelfde waarde hebben",
                                    row=row_no, column=p.colmap.get(c, c), value=value[:60]))
            elif value and not first[pid][c]:
                first[pid][c] = value
    data = {"peiling_id": list(first)}
    for c, target in CSV_PEILING_COLUMNS.items():
        data[target] = [first[pid].get(c) or None for pid in first]
    frame = pl.DataFrame(data, schema={k: pl.String for k in data})
    colmap = {"peiling_id": p.colmap.get("peiling_id", "peiling_id")}
    colmap |= {target: p.colmap.get(c, c) for c, target in CSV_PEILING_COLUMNS.items()}
    derived = _Prepared("peilingen", p.label, frame, [first_row[pid] for pid in first], colmap)
    p.frame = p.frame.drop(cols)
    return derived, issues


def _map_issue(issue: Issue, prepared: dict[str, _Prepared], internal: dict[str, str]) -> Issue:
    key = internal.get(issue.file)
    p = prepared.get(key) if key else None
    if p is None:
        return issue
    row = issue.row
    if row is not None and 2 <= row < len(p.rows) + 2:
        row = p.rows[row - 2]
    return replace(issue, file=p.label, row=row, column=p.colmap.get(issue.column, issue.column))


def _explain_region(issue: Issue, regions: pl.DataFrame) -> Issue:
    """Een onbekende regio: zeg welke codes bestaan (ook dat JZ40 er niet is) en dat een naam ook mag."""
    if not issue.message.startswith("onbekende regiocode"):
        return issue
    parts = []
    for year in sorted(set(regions["jaar"].to_list())):
        codes = sorted(regions.filter(pl.col("jaar") == year)["regio_code"].to_list())
        nums = {int(c[2:]) for c in codes}
        gaps = [f"JZ{n:02d}" for n in range(min(nums), max(nums)) if n not in nums]
        parts.append(f"{codes[0]}–{codes[-1]}" + (f" zonder {', '.join(gaps)}" if gaps else "") + f" (indeling {year})")
    return replace(issue, message="onbekende regio; toegestaan: een regiocode " + "; ".join(parts)
                   + " of de CBS-naam van de regio (zie het blad toelichting van het sjabloon)")


def _dedupe(issues: list[Issue]) -> list[Issue]:
    """Eén melding per cel (de eerste, meest specifieke); meldingen zonder regel blijven allemaal."""
    seen: set[tuple] = set()
    out = []
    for i in issues:
        if i.row is not None and i.column is not None and i.severity == "fout":
            key = (i.file, i.row, i.column)
            if key in seen:
                continue
            seen.add(key)
        elif (i.file, i.row, i.column, i.message) in seen:
            continue
        seen.add((i.file, i.row, i.column, i.message))
        out.append(i)
    return out


def validate_tables(raw: dict[str, RawTable], regions: pl.DataFrame, vocab: schema.Vocabulary,
                    themes: pl.DataFrame | None = None) -> ImportResult:
    """Ruwe teksttabellen → getypeerde progressietabellen, of alle problemen.

    Elke fout noemt een regel of een kolom (of beide) van het bestand zoals de gebruiker het ziet.
    """
    issues: list[Issue] = []
    prepared: dict[str, _Prepared] = {}
    csv_layout = "peilingen" not in raw and "assessments" in raw
    for name in ("peilingen", "assessments", "support_needs"):
        if name not in raw:
            continue
        allowed = CSV_ASSESSMENT_COLUMNS if (name == "assessments" and csv_layout) else IMPORT_COLUMNS[name]
        allowed = allowed + [c for c in INFO_COLUMNS[name] if c not in allowed]
        allowed_check = [c for c in allowed if c not in INFO_COLUMNS[name]]
        p, found = _prepare(raw[name], allowed_check, _HEADER_ALIASES[name])
        issues += found
        if p is not None:
            prepared[name] = p
    if "assessments" not in raw:
        issues.append(Issue("upload", "er ontbreken beoordelingen: een blad 'beoordelingen' of een CSV met een "
                                      "kolom 'status'", column="status"))
    if errors(issues) or "assessments" not in prepared:
        return _finish(None, issues, prepared)
    if csv_layout:
        prepared["peilingen"], found = _derive_peilingen(prepared["assessments"])
        issues += found
    if "support_needs" not in prepared:
        prepared["support_needs"] = _Prepared("support_needs", "ondersteuningsbehoeften", pl.DataFrame(
            schema={c: pl.String for c in IMPORT_COLUMNS["support_needs"]}), [], {})
        issues.append(Issue("upload", "geen ondersteuningsbehoeften meegestuurd: de geïmporteerde peiling(en) "
                                      "krijgen geen behoeften", severity="waarschuwing"))

    # waarden normaliseren (codes, namen, status, datums)
    match = matchers(regions, vocab, themes)
    status_lookup = _status_lookup(vocab)
    latest_year = str(regions["jaar"].max()) if regions.height else ""
    priority_lookup = {normalise_name(c): c for c in vocab.priority_codes}
    priority_lookup |= {normalise_name(lbl): c for c, lbl in vocab.priority_labels.items()}
    guesses: dict[tuple[str, str, str], list] = {}
    for name, p in prepared.items():
        df = p.frame
        exprs = []
        for col in df.columns:
            values = [_strip_neutralised(v.strip()) if isinstance(v, str) else v for v in df[col].to_list()]
            values = [v if v else None for v in values]
            if col in match:
                out = []
                for row_no, v in zip(p.rows, values):
                    if v is None:
                        out.append(None)
                        continue
                    code, guessed = match[col].match(v)
                    if guessed:
                        guesses.setdefault((p.label, col, v), [code, row_no, 0])[2] += 1
                    out.append(code)
                values = out
            elif col == "status":
                values = [normalise_status(v, status_lookup) for v in values]
            elif col == "prioriteit":
                values = [priority_lookup.get(normalise_name(v), v) if v else v for v in values]
            elif col == "soort":
                values = [(normalise_name(v).replace(" ", "") or None) if v else "voortgang" for v in values]
            elif col == "datum":
                values = [normalise_date(v) for v in values]
            elif col == "indeling_jaar":
                values = [re.sub(r"^(\d{4})[.,]0+$", r"\1", v) if v else latest_year for v in values]
            elif col in _TEXT_COLUMNS:
                for row_no, v in zip(p.rows, values):
                    if v and len(v) > MAX_TEXT_CHARS:
                        issues.append(Issue(p.label, f"tekst van {len(v)} tekens; hoogstens {MAX_TEXT_CHARS}",
                                            row=row_no, column=p.colmap.get(col, col), value=v[:60]))
            exprs.append(pl.Series(col, values, dtype=pl.String))
        p.frame = pl.DataFrame(exprs) if exprs else df
        if name == "peilingen":
            for c, default in (("soort", "voortgang"), ("indeling_jaar", latest_year)):
                if c not in p.frame.columns:
                    p.frame = p.frame.with_columns(pl.lit(default, dtype=pl.String).alias(c))
    for (label, col, value), (code, row_no, count) in guesses.items():
        name = match[col].names.get(code, "")
        issues.append(Issue(label, f"{match[col].what} '{value}' gelezen als {code} {name}"
                                   + (f" ({count} regels, eerste op regel {row_no})" if count > 1 else ""),
                            row=row_no, column=_prepared_col(prepared, label, col), value=value[:60],
                            severity="waarschuwing"))
    needs = prepared["support_needs"].frame
    if "categorie_code" in needs.columns:
        fill = pl.col("categorie_code").replace_strict(vocab.category_theme, default=None, return_dtype=pl.String)
        if "thema_code" not in needs.columns:
            needs = needs.with_columns(fill.alias("thema_code"))
        else:
            needs = needs.with_columns(pl.coalesce(pl.col("thema_code"), fill).alias("thema_code"))
        prepared["support_needs"].frame = needs

    # typen en samenhang: de gedeelde controles uit lib/validation.py
    internal = {f"#{name}": name for name in prepared}
    typed: dict[str, pl.DataFrame] = {}
    for name, p in prepared.items():
        frame = p.frame.with_columns(pl.lit("false").alias("illustratief"))
        for c in _TABLES[name].column_names:
            if c not in frame.columns:
                frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(c))
        t, found = cast_table(frame.select(_TABLES[name].column_names), _TABLES[name], f"#{name}")
        typed[name] = t
        issues += [_map_issue(i, prepared, internal) for i in found]
    found = validate_progress(typed["peilingen"], typed["assessments"], typed["support_needs"], regions, vocab,
                              files={n: f"#{n}" for n in prepared}, missing_regions_severity="waarschuwing")
    issues += [_map_issue(_explain_region(i, regions), prepared, internal) for i in found]
    # een peiling zonder één beoordeling is geen peiling
    a = typed["assessments"]
    used = set(a["peiling_id"].drop_nulls().to_list())
    filled_in = set(a.filter(pl.col("status") != schema.STATUS_UNKNOWN)["peiling_id"].drop_nulls().to_list())
    for idx, pid in enumerate(typed["peilingen"]["peiling_id"].to_list()):
        if pid and pid not in used:
            issues.append(_map_issue(Issue("#peilingen", f"peiling {pid} heeft geen enkele beoordeling",
                                           row=idx + 2, column="peiling_id", value=pid), prepared, internal))
        elif pid and pid not in filled_in:
            issues.append(_map_issue(Issue("#peilingen", f"peiling {pid} heeft geen enkele ingevulde status (alles "
                                                         "leeg of onbekend); vul minstens één status in",
                                           row=idx + 2, column="peiling_id", value=pid), prepared, internal))
    if errors(issues):
        return _finish(None, issues, prepared)
    typed, filled = fill_missing(typed, regions, vocab)
    for pid, n in filled.items():
        issues.append(Issue(prepared["assessments"].label, f"peiling {pid}: {n} combinaties van regio en thema "
                                                           "ontbreken en worden opgeslagen als 'onbekend'",
                            column=prepared["assessments"].colmap.get("status", "status"), severity="waarschuwing"))
    return _finish(typed, issues, prepared, filled)


def _prepared_col(prepared: dict[str, _Prepared], label: str, col: str) -> str:
    for p in prepared.values():
        if p.label == label:
            return p.colmap.get(col, col)
    return col


def _finish(tables: dict[str, pl.DataFrame] | None, issues: list[Issue], prepared: dict[str, _Prepared],
            filled: dict[str, int] | None = None) -> ImportResult:
    issues = _dedupe(issues)
    order = sorted(range(len(issues)), key=lambda k: (issues[k].severity != "fout", k))
    issues = [issues[k] for k in order]
    return ImportResult(tables, issues[:MAX_SHOWN], tuple(p.label for p in prepared.values()), filled or {},
                        total_issues=len(issues))


def fill_missing(tables: dict[str, pl.DataFrame], regions: pl.DataFrame,
                 vocab: schema.Vocabulary) -> tuple[dict[str, pl.DataFrame], dict[str, int]]:
    """Vul elke ontbrekende combinatie regio × thema aan met status 'onbekend' (nooit 0)."""
    a = tables["assessments"]
    parts = [a]
    filled: dict[str, int] = {}
    for pid, year in tables["peilingen"].select("peiling_id", "indeling_jaar").iter_rows():
        codes = regions.filter(pl.col("jaar") == year)["regio_code"].to_list()
        grid = pl.DataFrame({"regio_code": codes}).join(pl.DataFrame({"thema_code": list(vocab.theme_codes)}),
                                                          how="cross")
        present = a.filter(pl.col("peiling_id") == pid).select("regio_code", "thema_code")
        missing = grid.join(present, on=["regio_code", "thema_code"], how="anti")
        if missing.height:
            filled[pid] = missing.height
            parts.append(missing.with_columns(
                pl.lit(pid).alias("peiling_id"), pl.lit(schema.STATUS_UNKNOWN).alias("status"),
                pl.lit(None, dtype=pl.String).alias("sterke_punten"),
                pl.lit(None, dtype=pl.String).alias("zwakke_punten"),
                pl.lit(None, dtype=pl.String).alias("vervolgstappen"), pl.lit(False).alias("illustratief"),
            ).select(a.columns).cast(a.schema))
    out = dict(tables)
    out["assessments"] = pl.concat(parts).sort("peiling_id", "regio_code", "thema_code")
    return out, filled


def parse_upload(files: Sequence[tuple[str, bytes]], regions: pl.DataFrame, vocab: schema.Vocabulary,
                 themes: pl.DataFrame | None = None) -> ImportResult:
    """Het hele pad van geüploade bestanden naar getypeerde tabellen (of alle problemen)."""
    raw, issues = read_upload(files)
    if errors(issues):
        result = _finish(None, issues, {})
    else:
        result = validate_tables(raw, regions, vocab, themes)
        all_issues = _dedupe(issues + result.issues)
        result.issues = all_issues[:MAX_SHOWN]
        result.total_issues += len(issues)
    result.source_files = tuple(n for n, _ in files)
    return result


# --------------------------------------------------------------------------------------------
# Samenvoegen, opslaan en de gecombineerde dataset
# --------------------------------------------------------------------------------------------
def merge_progress(base: dict[str, pl.DataFrame], overlay: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """`overlay` vervangt in `base` elke peiling met dezelfde peiling_id volledig (alle drie tabellen)."""
    ids = overlay["peilingen"]["peiling_id"].to_list()
    out = {}
    for name, table in _TABLES.items():
        kept = base[name].filter(~pl.col("peiling_id").is_in(ids)).select(table.column_names)
        new = overlay[name].select(table.column_names).cast(kept.schema)
        out[name] = pl.concat([kept, new])
    return out


def import_into_store(store: ProgressStore, result: ImportResult, *, user: str, note: str = "") -> VersionInfo:
    """Sla een geldige import op als nieuwe versie: de actieve import plus deze peilingen."""
    if not result.ok or result.tables is None:
        raise ValueError("alleen een import zonder fouten kan worden opgeslagen")
    active_id, active = read_active(store)
    snapshot = merge_progress(active or empty_tables(), result.tables)
    changed = tuple(result.tables["peilingen"]["peiling_id"].to_list())
    return store.write_version(snapshot, user=user.strip()[:80] or "onbekend", note=note, changed=changed,
                               source_files=result.source_files, expected_active=active_id)


def load_combined_dataset(data_dir: Path, illustrative_dir: Path, store: ProgressStore | None,
                          active_version: str | None) -> Dataset:
    """De ingebedde voorbeelddata plus de actieve import (die peilingen met dezelfde id vervangt).

    Is de opgeslagen import onleesbaar of niet (meer) geldig, dan blijft de voorbeelddata staan en staat
    de reden in `Dataset.warnings`; een beleidsmaker krijgt nooit een traceback.
    """
    reference, progress, vocab, warnings = read_validated(data_dir, illustrative_dir)
    if store is not None and active_version is not None:
        try:
            imported = store.read_version(active_version)
            merged = merge_progress(progress, imported)
            found = validate_progress(merged["peilingen"], merged["assessments"], merged["support_needs"],
                                      reference["regions"], vocab, missing_regions_severity="waarschuwing")
            if errors(found):
                raise StoreError("; ".join(str(i) for i in errors(found)[:3]))
            progress = merged
        except StoreError as exc:
            warnings.append(Issue("opslag", f"de geïmporteerde versie {active_version} kon niet worden gebruikt; "
                                            f"alleen de voorbeelddata wordt getoond ({exc})", severity="waarschuwing"))
    return build_dataset(reference, progress, vocab, warnings)


# --------------------------------------------------------------------------------------------
# Voorvertoning en tabellen voor de pagina
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Preview:
    peilingen: pl.DataFrame  # per peiling: wat verandert
    status_counts: pl.DataFrame  # per status: aantal per peiling, nieuw en (bij vervangen) nu
    text_sample: pl.DataFrame  # eerste regels met vrije tekst (om te controleren, als tekst getoond)


def preview(result: ImportResult, ds: Dataset) -> Preview:
    t = result.tables
    assert t is not None
    current = dict(zip(ds.peilingen["peiling_id"], ds.peilingen["illustratief"]))
    rows = []
    for p in t["peilingen"].sort("datum").iter_rows(named=True):
        pid = p["peiling_id"]
        a = t["assessments"].filter(pl.col("peiling_id") == pid)
        reported = a.filter(pl.col("status") != schema.STATUS_UNKNOWN)
        if pid not in current:
            change = "nieuw"
        else:
            change = "vervangt voorbeelddata" if current[pid] else "vervangt eerdere import"
        expected = set(ds.regions.filter(pl.col("jaar") == p["indeling_jaar"])["regio_code"].to_list())
        missing = sorted(expected - set(a.filter(pl.col("status") != schema.STATUS_UNKNOWN)["regio_code"]))
        rows.append({
            "peiling": pid, "naam": p["label"], "datum": p["datum"].isoformat(), "soort": p["soort"],
            "wijziging": change, "regio's met gegevens": reported["regio_code"].n_unique(),
            "thema's met gegevens": reported["thema_code"].n_unique(), "beoordelingen": a.height,
            "aangevuld als onbekend": result.filled.get(pid, 0),
            "behoeften": t["support_needs"].filter(pl.col("peiling_id") == pid).height,
            "regio's zonder gegevens": ", ".join(missing[:10]) + (" …" if len(missing) > 10 else ""),
        })
    # per status een regel; per peiling een kolom 'nieuw' en, als ze iets vervangt, een kolom 'nu'
    labels = ds.vocab.status_labels
    counts: dict[str, list] = {"status": [labels.get(c, c) for c in schema.STATUS_CODES]}
    for pid in t["peilingen"].sort("datum")["peiling_id"].to_list():
        new = dict(t["assessments"].filter(pl.col("peiling_id") == pid)["status"].value_counts().iter_rows())
        counts[f"{pid} nieuw"] = [new.get(c, 0) for c in schema.STATUS_CODES]
        if pid in current:
            old = dict(ds.assessments.filter(pl.col("peiling_id") == pid)["status"].cast(pl.String)
                       .value_counts().iter_rows())
            counts[f"{pid} nu"] = [old.get(c, 0) for c in schema.STATUS_CODES]
    text_cols = ["peiling_id", "regio_code", "thema_code", "status", "sterke_punten", "zwakke_punten",
                 "vervolgstappen"]
    sample = t["assessments"].filter(pl.any_horizontal([pl.col(c).is_not_null() for c in text_cols[4:]]))
    return Preview(
        peilingen=pl.DataFrame(rows),
        status_counts=pl.DataFrame(counts),
        text_sample=sample.select(text_cols).head(8).with_columns(pl.col("thema_code").cast(pl.String)),
    )


def issues_frame(issues: list[Issue]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "soort": ["fout" if i.severity == "fout" else "waarschuwing" for i in issues],
            "blad of bestand": [i.file for i in issues],
            "regel": ["" if i.row is None else str(i.row) for i in issues],
            "kolom": [i.column or "" for i in issues],
            "gevonden": [i.value or "" for i in issues],
            "probleem": [i.message for i in issues],
        },
        schema={"soort": pl.String, "blad of bestand": pl.String, "regel": pl.String, "kolom": pl.String,
                "gevonden": pl.String, "probleem": pl.String},
    )


def versions_frame(store: ProgressStore) -> pl.DataFrame:
    m = store.manifest()
    rows = [{
        "versie": v.version_id, "geïmporteerd (UTC)": v.created_at.replace("T", " ")[:16], "door": v.user,
        "gewijzigde peilingen": ", ".join(v.changed), "alle geïmporteerde peilingen": ", ".join(v.peilingen),
        "bestanden": ", ".join(v.source_files), "actief": "ja" if v.version_id == m.active else "",
    } for v in store.list_versions()]
    return pl.DataFrame(rows, schema={k: pl.String for k in (
        "versie", "geïmporteerd (UTC)", "door", "gewijzigde peilingen", "alle geïmporteerde peilingen", "bestanden",
        "actief")})


# --------------------------------------------------------------------------------------------
# Sjablonen
# --------------------------------------------------------------------------------------------
def _template_peiling(ds: Dataset, today: dt.date | None = None) -> dict[str, str]:
    today = today or dt.date.today()
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    return {"peiling_id": f"P{today:%Y-%m}", "datum": today.replace(day=1).isoformat(),
            "label": f"Peiling {months[today.month - 1]} {today.year}", "soort": "voortgang",
            "indeling_jaar": str(ds.regions["jaar"].max())}


def _template_grid(ds: Dataset, peiling: dict[str, str]) -> pl.DataFrame:
    regions = ds.regions.filter(pl.col("jaar") == int(peiling["indeling_jaar"])).select("regio_code", "regio_naam")
    themes = pl.DataFrame({"thema_code": list(ds.vocab.theme_codes),
                           "thema_naam": [ds.vocab.theme_labels[c] for c in ds.vocab.theme_codes]})
    return regions.join(themes, how="cross").with_columns(
        pl.lit(peiling["peiling_id"]).alias("peiling_id"), pl.lit(None, dtype=pl.String).alias("status"),
        *(pl.lit(None, dtype=pl.String).alias(c) for c in ("sterke_punten", "zwakke_punten", "vervolgstappen")),
    )


def column_help(ds: Dataset) -> pl.DataFrame:
    """Elke kolom van het sjabloon met uitleg en toegestane waarden (voor het blad 'toelichting')."""
    v = ds.vocab
    allowed = {
        "peiling_id": "letters, cijfers, '-' of '_' (hoogstens 40 tekens); dezelfde code vervangt die peiling",
        "datum": "JJJJ-MM-DD (ook D-M-JJJJ of een Excel-datum)",
        "soort": ", ".join(schema.PEILING_KINDS) + " (leeg = voortgang)",
        "indeling_jaar": ", ".join(str(y) for y in sorted(set(ds.regions["jaar"].to_list()))) + " (leeg = nieuwste)",
        "regio_code": "JZ01–JZ43 (zonder JZ40) of de CBS-naam; zie hieronder",
        "thema_code": ", ".join(v.theme_codes) + " (of de themanaam)",
        "status": ", ".join(f"{c} = {v.status_labels[c]}" for c in schema.STATUS_CODES) + "; leeg = onbekend",
        "categorie_code": ", ".join(v.category_codes) + " (of de naam)",
        "prioriteit": ", ".join(v.priority_codes),
    }
    rows = []
    for name in ("peilingen", "assessments", "support_needs"):
        for col in IMPORT_COLUMNS[name]:
            c = _TABLES[name].column(col)
            rows.append({"blad": TABLE_LABELS[name], "kolom": col,
                         "verplicht": "ja" if _required(name, col) else "nee",
                         "uitleg": c.description, "toegestane waarden": allowed.get(col, "vrije tekst")})
        for col in INFO_COLUMNS[name]:
            rows.append({"blad": TABLE_LABELS[name], "kolom": col, "verplicht": "nee",
                         "uitleg": "Ter informatie; wordt bij het inlezen overgeslagen (mag weg).",
                         "toegestane waarden": "—"})
    return pl.DataFrame(rows)


def _code_lists(ds: Dataset) -> list[tuple[str, pl.DataFrame]]:
    v = ds.vocab
    year = ds.regions["jaar"].max()
    return [
        ("Statusschaal", ds.status_scale.select(pl.col("status_code").alias("code"), pl.col("label_nl").alias("naam"),
                                                pl.col("omschrijving"))),
        ("Thema's", pl.DataFrame({"code": list(v.theme_codes), "naam": [v.theme_labels[c] for c in v.theme_codes]})),
        (f"Jeugdregio's (indeling {year})", ds.regions.filter(pl.col("jaar") == year).select(
            pl.col("regio_code").alias("code"), pl.col("regio_naam").alias("naam"))),
        ("Categorieën van ondersteuningsbehoeften", pl.DataFrame({
            "code": list(v.category_codes), "naam": [v.category_labels[c] for c in v.category_codes],
            "thema": [v.category_theme[c] for c in v.category_codes]})),
        ("Prioriteiten", pl.DataFrame({"code": list(v.priority_codes),
                                       "naam": [v.priority_labels[c] for c in v.priority_codes]})),
    ]


TEMPLATE_STEPS = [
    "Vul op het blad 'peilingen' de peiling in (één regel per peiling). Dezelfde peiling_id als een bestaande "
    "peiling vervangt die peiling helemaal.",
    "Vul op het blad 'beoordelingen' per regio en thema de status in; een lege status betekent 'onbekend' "
    "(telt nooit als 0). De kolommen regio_naam en thema_naam zijn alleen ter informatie.",
    "Ondersteuningsbehoeften (optioneel): één regel per regio en categorie.",
    "Ontbreekt een regio of thema, dan volgt een waarschuwing en wordt de combinatie opgeslagen als 'onbekend'.",
    "Upload het bestand op de pagina Importeren; u ziet eerst wat er verandert en bevestigt daarna.",
]


def template_xlsx(ds: Dataset, today: dt.date | None = None) -> bytes:
    """Excel-sjabloon: toelichting (kolommen en codes), peilingen, beoordelingen (alle regio × thema),
    ondersteuningsbehoeften. Alle tekst gaat als tekst de werkmap in, nooit als formule."""
    import xlsxwriter

    peiling = _template_peiling(ds, today)
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False, "in_memory": True}) as wb:
        bold = wb.add_format({"bold": True})
        title = wb.add_format({"bold": True, "font_size": 14})
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        info_head = wb.add_format({"bold": True, "bg_color": "#EEEEEE", "font_color": "#555555", "border": 1})
        info = wb.add_format({"font_color": "#555555"})
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})

        ws = wb.add_worksheet(EXPLANATION_SHEET)
        ws.set_column(0, 0, 26)
        ws.set_column(1, 1, 22)
        ws.set_column(2, 2, 10)
        ws.set_column(3, 4, 60)
        ws.write_string(0, 0, "Sjabloon voor een peiling — Hervormingsagenda Jeugd", title)
        r = 2
        for i, step in enumerate(TEMPLATE_STEPS, 1):
            ws.write_string(r, 0, f"{i}. {step}")
            r += 1
        r += 1
        ws.write_string(r, 0, "Kolommen", bold)
        r += 1
        help_df = neutralise_frame(column_help(ds))
        for c, name in enumerate(help_df.columns):
            ws.write_string(r, c, name, head)
        for row in help_df.iter_rows():
            r += 1
            for c, value in enumerate(row):
                ws.write_string(r, c, value or "", wrap)
        for heading, df in _code_lists(ds):
            r += 2
            ws.write_string(r, 0, heading, bold)
            r += 1
            df = neutralise_frame(df.select(pl.all().cast(pl.String)))
            for c, name in enumerate(df.columns):
                ws.write_string(r, c, name, head)
            for row in df.iter_rows():
                r += 1
                for c, value in enumerate(row):
                    ws.write_string(r, c, value or "")

        sheets = {
            "peilingen": pl.DataFrame({k: [v] for k, v in peiling.items()}),
            "assessments": _template_grid(ds, peiling).select(
                "peiling_id", "regio_code", "regio_naam", "thema_code", "thema_naam", "status", "sterke_punten",
                "zwakke_punten", "vervolgstappen"),
            "support_needs": pl.DataFrame(schema={c: pl.String for c in (
                "peiling_id", "regio_code", "categorie_code", "thema_code", "prioriteit", "omschrijving")}),
        }
        widths = {"label": 30, "regio_naam": 32, "thema_naam": 44, "sterke_punten": 40, "zwakke_punten": 40,
                  "vervolgstappen": 40, "omschrijving": 50}
        for name, df in sheets.items():
            ws = wb.add_worksheet(TABLE_LABELS[name])
            df = neutralise_frame(df)
            for c, col in enumerate(df.columns):
                is_info = col in INFO_COLUMNS[name]
                ws.write_string(0, c, col, info_head if is_info else head)
                ws.set_column(c, c, widths.get(col, 14), info if is_info else None)
                for r, value in enumerate(df[col].to_list(), 1):
                    if value is not None:
                        ws.write_string(r, c, value)
            ws.freeze_panes(1, 0)
            last = max(df.height, 1000)
            lists = {"status": list(schema.STATUS_CODES), "soort": list(schema.PEILING_KINDS),
                     "prioriteit": list(ds.vocab.priority_codes), "thema_code": list(ds.vocab.theme_codes),
                     "categorie_code": list(ds.vocab.category_codes)}
            for c, col in enumerate(df.columns):
                if col in lists:
                    ws.data_validation(1, c, last, c, {
                        "validate": "list", "source": lists[col], "ignore_blank": True,
                        "error_title": "Ongeldige waarde", "error_message": "Kies een waarde uit de lijst.",
                        "error_type": "warning"})
    return buf.getvalue()


def template_csv(ds: Dataset, today: dt.date | None = None) -> bytes:
    """CSV-sjabloon (';', UTF-8 met BOM): de peiling op elke regel, alle regio's × thema's voorgevuld."""
    peiling = _template_peiling(ds, today)
    grid = _template_grid(ds, peiling).with_columns(
        pl.lit(peiling["datum"]).alias("peiling_datum"), pl.lit(peiling["label"]).alias("peiling_label"),
        pl.lit(peiling["soort"]).alias("peiling_soort"), pl.lit(peiling["indeling_jaar"]).alias("indeling_jaar"),
    )
    cols = ["peiling_id", "peiling_datum", "peiling_label", "peiling_soort", "indeling_jaar", "regio_code",
            "regio_naam", "thema_code", "thema_naam", "status", "sterke_punten", "zwakke_punten", "vervolgstappen"]
    return to_csv_bytes(grid.select(cols), separator=";")


def template_needs_csv(ds: Dataset, today: dt.date | None = None) -> bytes:
    """CSV-sjabloon voor ondersteuningsbehoeften: één voorbeeldregel (overschrijven of verwijderen)."""
    peiling = _template_peiling(ds, today)
    first_region = ds.regions.filter(pl.col("jaar") == ds.regions["jaar"].max())["regio_code"][0]
    code = ds.vocab.category_codes[0]
    df = pl.DataFrame({"peiling_id": [peiling["peiling_id"]], "regio_code": [first_region], "categorie_code": [code],
                       "thema_code": [ds.vocab.category_theme[code]], "prioriteit": [ds.vocab.priority_codes[0]],
                       "omschrijving": ["Voorbeeld: vervang of verwijder deze regel"]})
    return to_csv_bytes(df, separator=";")


# --------------------------------------------------------------------------------------------
# Teksten voor de pagina
# --------------------------------------------------------------------------------------------
IMPORT_HELP = f"""
**Excel (.xlsx)** — het sjabloon heeft de bladen `peilingen`, `beoordelingen` en
`ondersteuningsbehoeften` (optioneel), en een blad `toelichting` met elke kolom en alle toegestane
codes. De beoordelingen zijn voorgevuld met alle regio's × thema's; vul de status (en eventueel de
teksten) in.

**CSV** — één bestand met de beoordelingen, met de peiling op elke regel (`peiling_id`, `peiling_datum`,
`peiling_label`, optioneel `peiling_soort` en `indeling_jaar`), en eventueel een tweede CSV met de
ondersteuningsbehoeften. Scheidingsteken `;` of `,`; UTF-8 (met of zonder BOM) of Windows-1252.

**Regels** — regio's als code (JZ01) of als CBS-naam (een geraden naam wordt gemeld). Status 0–4,
`onbekend` of `nvt`; een lege status is onbekend en telt nooit als 0. Een peiling met een bestaande
`peiling_id` vervangt die peiling helemaal. **Ontbrekende regio's of thema's zijn een waarschuwing**:
die combinaties worden opgeslagen als *onbekend*. Elke andere fout houdt de hele import tegen; u ziet
alle fouten tegelijk. Hoogstens {MAX_UPLOAD_MB} MB en {MAX_ROWS:_} regels per blad.
""".replace(f"{MAX_ROWS:_}", f"{MAX_ROWS:_}".replace("_", "."))
