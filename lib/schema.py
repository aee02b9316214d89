"""Het ene schema van het dashboard.

Alle kolomnamen, Polars-typen, geordende categorieën (thema's, statussen, behoeftecategorieën,
prioriteiten) en Nederlandse labels komen hier vandaan. De labels zelf staan in data-bestanden
(`data/themes.csv`, `data/status_scale.csv`, `data/need_categories.csv`, `data/priorities.csv`);
dit module leest ze en geeft ze een vaste vorm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

from lib.paths import DATA_DIR

# --------------------------------------------------------------------------------------------
# Codes en patronen
# --------------------------------------------------------------------------------------------
REGION_CODE_RE = re.compile(r"^JZ\d{2}$")
GEMEENTE_CODE_RE = re.compile(r"^GM\d{4}$")
PROVINCE_CODE_RE = re.compile(r"^PV\d{2}$")
THEME_CODE_RE = re.compile(r"^T\d{2}$")
CATEGORY_CODE_RE = re.compile(r"^C\d{2}$")
PEILING_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
# Naam van een peiling: komt in koppen, zinnen en grafiektitels terecht (markdown). Alleen letters, cijfers,
# spaties en gewone leestekens, zodat een naam uit een upload nooit opmaak of een link wordt.
# (Rust-regex voor polars: \p{L} = elke letter, ook é en ë.)
PEILING_LABEL_PATTERN = r"^[\p{L}\p{N} ()\-–—.,:/'’&+]{1,80}$"
PEILING_LABEL_RULE = "alleen letters, cijfers, spaties en - – ( ) . , : / ' & +; geen opmaaktekens als * _ [ ] < > # |; hoogstens 80 tekens"

#: Statuscodes zoals ze in bestanden staan. 0-4 is de ordinale schaal; "onbekend" en "nvt" tellen
#: nergens mee in gemiddelden (onbekend is niet nul).
STATUS_LEVELS: tuple[int, ...] = (0, 1, 2, 3, 4)
STATUS_CODES: tuple[str, ...] = ("0", "1", "2", "3", "4", "onbekend", "nvt")
STATUS_UNKNOWN = "onbekend"
STATUS_NA = "nvt"
StatusEnum = pl.Enum(list(STATUS_CODES))

PEILING_KINDS: tuple[str, ...] = ("startfoto", "voortgang")

#: Attributie, letterlijk zoals de bronnen vragen.
ATTRIBUTION_GEO = (
    "Kaartgrenzen: CBS / Kadaster (CBS Gebiedsindelingen 2024, via PDOK), "
    "gegeneraliseerd door cartomap/nl — CC BY 4.0"
)
ATTRIBUTION_MEMBERSHIP = (
    "Indeling gemeente → jeugdregio en → provincie: CBS Gebiedsindelingen 2024 (via PDOK), "
    "afgeleid uit de gegeneraliseerde grenzen — CC BY 4.0"
)
ILLUSTRATIVE_MARKER = "Voorbeelddata — fictieve cijfers"
ILLUSTRATIVE_EXPLANATION = (
    "De voortgangscijfers, sterke en zwakke punten, vervolgstappen en ondersteuningsbehoeften "
    "in deze weergave zijn gegenereerd. Ze zeggen niets over de werkelijke situatie in een regio. "
    "Echt zijn alleen de regio's, de gemeenten, de grenzen en de themanamen."
)


# --------------------------------------------------------------------------------------------
# Tabellen en kolommen
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType | type[pl.DataType]
    required: bool
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    label_nl: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_names(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


REGIONS = Table(
    name="regions",
    file="regions.csv",
    label_nl="jeugdregio's",
    columns=(
        Column("jaar", pl.Int16, True, "Jaar van de indeling (bijv. 2024)."),
        Column("regio_code", pl.String, True, "CBS-code van de jeugdregio, JZ01–JZ43 (in 2024 zonder JZ40)."),
        Column("regio_naam", pl.String, True, "CBS-naam (statnaam) van de jeugdregio in dat jaar."),
        Column("provincie_code", pl.String, True, "Provincie waar de meeste gemeenten van de regio liggen."),
        Column("provincie_naam", pl.String, True, "Naam van die provincie."),
        Column("aantal_gemeenten", pl.Int16, True, "Aantal gemeenten in de regio in dat jaar."),
        Column("bron", pl.String, False, "Bron en licentie."),
    ),
    key=("jaar", "regio_code"),
)

MEMBERSHIP = Table(
    name="membership",
    file="membership.csv",
    label_nl="gemeenten per jeugdregio",
    columns=(
        Column("jaar", pl.Int16, True, "Jaar van de indeling."),
        Column("gemeente_code", pl.String, True, "CBS-gemeentecode, GMxxxx."),
        Column("gemeente_naam", pl.String, True, "CBS-naam van de gemeente."),
        Column("regio_code", pl.String, True, "Jeugdregio waartoe de gemeente dat jaar behoort."),
        Column("provincie_code", pl.String, True, "Provincie van de gemeente (PVxx)."),
        Column("provincie_naam", pl.String, True, "Naam van de provincie."),
        Column("bron", pl.String, False, "Bron en licentie."),
    ),
    key=("jaar", "gemeente_code"),
)

PEILINGEN = Table(
    name="peilingen",
    file="peilingen.csv",
    label_nl="peilingen",
    columns=(
        Column("peiling_id", pl.String, True, "Korte unieke code van de peiling, bijv. P2024-03."),
        Column("datum", pl.Date, True, "Peildatum, JJJJ-MM-DD."),
        Column("label", pl.String, True, "Naam zoals het dashboard hem toont: letters, cijfers, spaties en gewone leestekens (geen opmaaktekens), hoogstens 80 tekens."),
        Column("soort", pl.String, True, "startfoto of voortgang."),
        Column("indeling_jaar", pl.Int16, True, "Jaar van de regio-indeling waarop de peiling is gebaseerd."),
        Column("illustratief", pl.Boolean, True, "true als de cijfers gegenereerd (fictief) zijn."),
    ),
    key=("peiling_id",),
)

ASSESSMENTS = Table(
    name="assessments",
    file="assessments.csv",
    label_nl="beoordelingen (peiling × regio × thema)",
    columns=(
        Column("peiling_id", pl.String, True, "Code van de peiling."),
        Column("regio_code", pl.String, True, "CBS-code van de jeugdregio."),
        Column("thema_code", pl.String, True, "Themacode T01–T14."),
        Column("status", pl.String, True, "0–4, onbekend of nvt (leeg = onbekend)."),
        Column("sterke_punten", pl.String, False, "Vrije tekst."),
        Column("zwakke_punten", pl.String, False, "Vrije tekst."),
        Column("vervolgstappen", pl.String, False, "Vrije tekst."),
        Column("illustratief", pl.Boolean, True, "true als de regel gegenereerd (fictief) is."),
    ),
    key=("peiling_id", "regio_code", "thema_code"),
)

SUPPORT_NEEDS = Table(
    name="support_needs",
    file="support_needs.csv",
    label_nl="ondersteuningsbehoeften",
    columns=(
        Column("peiling_id", pl.String, True, "Code van de peiling."),
        Column("regio_code", pl.String, True, "CBS-code van de jeugdregio."),
        Column("categorie_code", pl.String, True, "Categorie C01–C10."),
        Column("thema_code", pl.String, True, "Thema waar de behoefte bij hoort (T01–T14)."),
        Column("prioriteit", pl.String, True, "hoog, middel of laag."),
        Column("omschrijving", pl.String, False, "Vrije tekst."),
        Column("illustratief", pl.Boolean, True, "true als de regel gegenereerd (fictief) is."),
    ),
    key=("peiling_id", "regio_code", "categorie_code"),
)

THEMES = Table(
    name="themes",
    file="themes.csv",
    label_nl="thema's",
    columns=(
        Column("thema_code", pl.String, True, "T01–T14."),
        Column("label_nl", pl.String, True, "Nederlandse naam."),
        Column("label_kort", pl.String, True, "Korte naam voor kolomkoppen."),
        Column("label_en", pl.String, True, "Engelse naam."),
        Column("label_kort_en", pl.String, False, "Korte Engelse naam (leeg = label_en)."),
        Column("omschrijving", pl.String, True, "Wat er onder valt."),
        Column("geverifieerd", pl.Boolean, True, "Is de formulering in een bron gevonden?"),
        Column("bron", pl.String, True, "Bron van de formulering."),
    ),
    key=("thema_code",),
)

NEED_CATEGORIES = Table(
    name="need_categories",
    file="need_categories.csv",
    label_nl="categorieën van ondersteuningsbehoeften",
    columns=(
        Column("categorie_code", pl.String, True, "C01–C10."),
        Column("label_nl", pl.String, True, "Nederlandse naam."),
        Column("label_en", pl.String, True, "Engelse naam."),
        Column("thema_code", pl.String, True, "Thema dat erbij hoort."),
        Column("geverifieerd", pl.Boolean, True, "In de metarapportage genoemd?"),
        Column("bron", pl.String, True, "Bron."),
    ),
    key=("categorie_code",),
)

STATUS_SCALE = Table(
    name="status_scale",
    file="status_scale.csv",
    label_nl="statusschaal",
    columns=(
        Column("status_code", pl.String, True, "0–4, onbekend, nvt."),
        Column("waarde", pl.Int8, False, "Ordinale waarde 0–4; leeg voor onbekend en nvt."),
        Column("label_nl", pl.String, True, "Nederlandse naam."),
        Column("label_kort", pl.String, True, "Korte naam voor in cellen."),
        Column("label_en", pl.String, True, "Engelse naam."),
        Column("label_kort_en", pl.String, False, "Korte Engelse naam (leeg = label_en)."),
        Column("omschrijving", pl.String, True, "Uitleg."),
    ),
    key=("status_code",),
)

PRIORITIES = Table(
    name="priorities",
    file="priorities.csv",
    label_nl="prioriteiten",
    columns=(
        Column("prioriteit_code", pl.String, True, "hoog, middel, laag."),
        Column("label_nl", pl.String, True, "Nederlandse naam."),
        Column("label_en", pl.String, True, "Engelse naam."),
        Column("volgorde", pl.Int8, True, "Sorteervolgorde."),
    ),
    key=("prioriteit_code",),
)

#: Tabellen met progressiegegevens (illustratief of geïmporteerd).
PROGRESS_TABLES: tuple[Table, ...] = (PEILINGEN, ASSESSMENTS, SUPPORT_NEEDS)
#: Referentietabellen (echt, of configuratie).
REFERENCE_TABLES: tuple[Table, ...] = (THEMES, STATUS_SCALE, NEED_CATEGORIES, PRIORITIES, REGIONS, MEMBERSHIP)
ALL_TABLES: tuple[Table, ...] = REFERENCE_TABLES + PROGRESS_TABLES


# --------------------------------------------------------------------------------------------
# Labels en volgordes (uit de data-bestanden)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Vocabulary:
    """Geordende codes met hun Nederlandse labels, gelezen uit de configuratiebestanden."""

    theme_codes: tuple[str, ...]
    theme_labels: dict[str, str]
    theme_short: dict[str, str]
    status_labels: dict[str, str]
    status_short: dict[str, str]
    category_codes: tuple[str, ...]
    category_labels: dict[str, str]
    category_theme: dict[str, str]
    priority_codes: tuple[str, ...]
    priority_labels: dict[str, str]


def _read_reference(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False)


@lru_cache(maxsize=8)
def vocabulary(data_dir: Path = DATA_DIR, lang: str = "nl") -> Vocabulary:
    """Codes en labels; `lang="en"` neemt de kolommen label_en/label_kort_en (leeg = de lange Engelse naam)."""
    themes = _read_reference(data_dir / THEMES.file)
    status = _read_reference(data_dir / STATUS_SCALE.file)
    cats = _read_reference(data_dir / NEED_CATEGORIES.file)
    prio = _read_reference(data_dir / PRIORITIES.file).sort(pl.col("volgorde").cast(pl.Int8))
    en = lang == "en"
    label = "label_en" if en else "label_nl"

    return Vocabulary(
        theme_codes=tuple(themes["thema_code"]),
        theme_labels=dict(zip(themes["thema_code"], themes[label])),
        theme_short=dict(zip(themes["thema_code"], _short(themes, en))),
        status_labels=dict(zip(status["status_code"], status[label])),
        status_short=dict(zip(status["status_code"], _short(status, en))),
        category_codes=tuple(cats["categorie_code"]),
        category_labels=dict(zip(cats["categorie_code"], cats[label])),
        category_theme=dict(zip(cats["categorie_code"], cats["thema_code"])),
        priority_codes=tuple(prio["prioriteit_code"]),
        priority_labels=dict(zip(prio["prioriteit_code"], prio[label])),
    )


def _short(df: pl.DataFrame, en: bool) -> list[str]:
    """Korte labels: label_kort, of in het Engels label_kort_en (leeg of ontbrekend = label_en)."""
    if not en:
        return df["label_kort"].to_list()
    if "label_kort_en" not in df.columns:
        return df["label_en"].to_list()
    return [s or long for s, long in zip(df["label_kort_en"].to_list(), df["label_en"].to_list())]


def status_value_expr(col: str = "status") -> pl.Expr:
    """Ordinale waarde 0–4 van een statuskolom; null voor onbekend en nvt (nooit 0)."""
    return (
        pl.when(pl.col(col).cast(pl.String).is_in([str(v) for v in STATUS_LEVELS]))
        .then(pl.col(col).cast(pl.String).cast(pl.Int8, strict=False))
        .otherwise(None)
        .cast(pl.Int8)
    )


# --------------------------------------------------------------------------------------------
# Wie is aan zet: verantwoordelijkheden per thema en de tijdlijn van de agenda (lib/agenda.py)
# --------------------------------------------------------------------------------------------
#: Niveaus en partijen van de vijfhoek, zoals ze in de bestanden staan (lijsten gescheiden door ';').
NIVEAUS: tuple[str, ...] = ("lokaal", "regionaal", "landelijk")
PARTIES: tuple[str, ...] = ("Rijk", "gemeenten", "aanbieders", "professionals", "cliëntorganisaties")
MILESTONE_PRECISIONS: tuple[str, ...] = ("dag", "maand", "kwartaal", "jaar")
MILESTONE_STATUSES: tuple[str, ...] = ("gebeurd", "verwacht")
SOURCE_TAGS: tuple[str, ...] = ("V", "V-weak")  # tags uit het domeinonderzoek: geverifieerd / alleen derde bron
LIST_SEPARATOR = ";"

RESPONSIBILITIES = Table(
    name="responsibilities",
    file="responsibilities.csv",
    label_nl="verantwoordelijkheden per thema (wie is aan zet)",
    columns=(
        Column("regel_id", pl.String, True, "Korte unieke code, bijv. R03a."),
        Column("thema_code", pl.String, True, "Thema T01–T14."),
        Column("onderdeel", pl.String, True, "Wat er moet gebeuren (kort)."),
        Column("niveau", pl.String, False, "lokaal, regionaal en/of landelijk (';'); leeg = niet in de bronnen."),
        Column("trekker", pl.String, False, "Partij(en) van de vijfhoek die trekken (';'); leeg = niet in de bronnen."),
        Column("betrokken", pl.String, False, "Partij(en) van de vijfhoek die betrokken zijn (';')."),
        Column("geverifieerd", pl.Boolean, True, "true alleen als niveau én partijen in een bron staan."),
        Column("bron", pl.String, True, "Bron in woorden (ook: waarop een niet-geverifieerde regel berust)."),
        Column("bron_url", pl.String, True, "Een of meer URL's van de bron (';')."),
        Column("toelichting", pl.String, False, "Wat wel en niet in de bron staat."),
    ),
    key=("regel_id",),
)

MILESTONES = Table(
    name="milestones",
    file="milestones.csv",
    label_nl="mijlpalen van de Hervormingsagenda",
    columns=(
        Column("mijlpaal_id", pl.String, True, "Korte unieke code, bijv. M01."),
        Column("datum", pl.Date, True, "Begin van de periode, JJJJ-MM-DD."),
        Column("precisie", pl.String, True, "dag, maand, kwartaal of jaar: hoe precies de bron de datum geeft."),
        Column("datum_tekst", pl.String, False, "De datum zoals de bron hem noemt, als die afwijkt (bijv. 'begin 2027')."),
        Column("titel", pl.String, True, "Wat er gebeurde of gebeurt."),
        Column("label_kort", pl.String, True, "Korte tekst voor in de tijdlijn."),
        Column("omschrijving", pl.String, False, "Toelichting."),
        Column("thema_codes", pl.String, False, "Thema's waar de mijlpaal bij hoort (';')."),
        Column("status", pl.String, True, "gebeurd, of verwacht (aangekondigd; niet nagegaan of het is gebeurd)."),
        Column("bron", pl.String, True, "Bron in woorden."),
        Column("bron_url", pl.String, True, "Een of meer URL's van de bron (';')."),
        Column("tag", pl.String, True, "V (geverifieerd) of V-weak (alleen een derde bron)."),
    ),
    key=("mijlpaal_id",),
)


# --------------------------------------------------------------------------------------------
# CBS-contextcijfers (lib/context.py, data/build_context.py); percentages zijn Float64
# --------------------------------------------------------------------------------------------
_C = Column

CBS_2024 = Table(
    name="cbs_2024", file="gemeente_kerncijfers_2024.csv", label_nl="CBS-kerncijfers per gemeente 2024",
    columns=(
        _C("gemeente_code", pl.String, True, "CBS-gemeentecode, grenzen 2024."),
        _C("gemeente_naam", pl.String, True, "CBS-naam."),
        _C("jaar", pl.Int16, True, "2024."),
        _C("inwoners", pl.Int64, True, "Inwoners op 1 januari."),
        _C("percentage_inwoners_0_15", pl.Int16, True, "Aandeel 0–15 jaar, hele procenten."),
        _C("percentage_inwoners_15_25", pl.Int16, True, "Aandeel 15–25 jaar, hele procenten."),
    ),
    key=("gemeente_code",),
)
CBS_2022 = Table(
    name="cbs_2022", file="gemeente_kerncijfers_2022.csv", label_nl="CBS-kerncijfers per gemeente 2022",
    columns=CBS_2024.columns + (
        _C("percentage_jongeren_met_jeugdzorg", pl.Float64, True, "% jongeren < 23 met jeugdzorg, 2022."),
    ),
    key=("gemeente_code",),
)
HERINDELING = Table(
    name="herindeling", file="herindeling_2022_2024.csv",
    label_nl="gemeenten die tussen 2022 en 2024 veranderden",
    columns=(
        _C("gemeente_code_2022", pl.String, True, "Code in de CBS-cijfers van 2022."),
        _C("gemeente_naam_2022", pl.String, True, "Naam in de CBS-cijfers van 2022."),
        _C("gemeente_code_2024", pl.String, True, "Gemeente van 2024 waarin ze opging (of dezelfde)."),
        _C("gemeente_naam_2024", pl.String, True, "Naam in 2024."),
        _C("datum_wijziging", pl.Date, True, "Datum van de herindeling."),
        _C("toelichting", pl.String, True, "Wat er veranderde."),
    ),
    key=("gemeente_code_2022",),
)
GEMEENTE_CONTEXT = Table(
    name="gemeente_kerncijfers", file="gemeente_kerncijfers.csv",
    label_nl="contextcijfers per gemeente (grenzen 2024)",
    columns=(
        _C("indeling_jaar", pl.Int16, True, "Jaar van de gemeentegrenzen en de regio-indeling (2024)."),
        _C("jaar", pl.Int16, True, "Jaar van inwoners en leeftijdsaandelen (2024 of 2022)."),
        _C("gemeente_code", pl.String, True, "CBS-gemeentecode (grenzen van indeling_jaar)."),
        _C("gemeente_naam", pl.String, True, "CBS-naam in indeling_jaar."),
        _C("regio_code", pl.String, True, "Jeugdregio in indeling_jaar."),
        _C("inwoners", pl.Int64, True, "Inwoners op 1 januari van jaar (bij samenvoeging: som)."),
        _C("pct_0_15", pl.Float64, True, "% inwoners 0–15 jaar (CBS: hele procenten)."),
        _C("pct_15_25", pl.Float64, True, "% inwoners 15–25 jaar (CBS: hele procenten)."),
        _C("pct_jeugdzorg_2022", pl.Float64, True, "% jongeren < 23 met jeugdzorg in 2022."),
        _C("gemeente_codes_2022", pl.String, True, "De gemeente(n) van 2022 waaruit de 2022-cijfers komen (;)."),
        _C("herindeling", pl.String, False, "Wat er tussen 2022 en 2024 veranderde (leeg: niets)."),
        _C("benadering", pl.Boolean, True, "true als een cijfer in deze regel uit meerdere gemeenten is gewogen."),
        _C("toelichting", pl.String, False, "Waarom een benadering."),
        _C("bron", pl.String, True, "Bron, jaar en licentie."),
    ),
    key=("indeling_jaar", "jaar", "gemeente_code"),
)
REGIO_CONTEXT = Table(
    name="regio_kerncijfers", file="regio_kerncijfers.csv",
    label_nl="contextcijfers per jeugdregio (indeling 2024)",
    columns=(
        _C("indeling_jaar", pl.Int16, True, "Jaar van de regio-indeling (2024)."),
        _C("jaar", pl.Int16, True, "Jaar van inwoners en leeftijdsaandelen (2024 of 2022)."),
        _C("regio_code", pl.String, True, "CBS-code van de jeugdregio."),
        _C("regio_naam", pl.String, True, "CBS-naam in indeling_jaar."),
        _C("inwoners", pl.Int64, True, "Som van de inwoners van de gemeenten (exact)."),
        _C("aantal_gemeenten", pl.Int16, True, "Aantal gemeenten (grenzen van indeling_jaar)."),
        _C("pct_0_15", pl.Float64, True, "% 0–15 jaar, met inwoners gewogen (benadering)."),
        _C("pct_15_25", pl.Float64, True, "% 15–25 jaar, met inwoners gewogen (benadering)."),
        _C("pct_jeugdzorg_2022", pl.Float64, True, "% jongeren met jeugdzorg 2022, met inwoners 2022 gewogen."),
        _C("herindeling", pl.String, False, "Gemeenten van de regio die tussen 2022 en 2024 veranderden."),
        _C("benadering", pl.Boolean, True, "true: de percentages zijn een benadering (zie toelichting)."),
        _C("toelichting", pl.String, True, "Waarom een benadering."),
        _C("bron", pl.String, True, "Bron, jaar en licentie."),
    ),
    key=("indeling_jaar", "jaar", "regio_code"),
)
