"""Teksten en tabellen voor de pagina 'Over de data' (uit het schema afgeleid, niet overgetypt)."""

from __future__ import annotations

import polars as pl

from lib import schema
from lib.loaders import Dataset

REAL_VS_ILLUSTRATIVE = """
**Echt** (uit openbare bronnen):
- de 42 jeugdzorgregio's van 2024 met hun CBS-codes en namen;
- welke gemeente bij welke regio en provincie hoort (342 gemeenten in 2024);
- de grenzen van gemeenten en regio's;
- de formulering van de thema's en van de in de metarapportage genoemde ondersteuningsbehoeften.

**Illustratief** (gegenereerd, fictief):
- de statussen per regio en thema, de sterke en zwakke punten, de vervolgstappen en de
  ondersteuningsbehoeften per regio in de ingebouwde dataset.

De regionale startfoto's zijn niet openbaar; alleen de geanonimiseerde metarapportage is dat. Daarom
maakt een vast script (`data/generate_illustrative.py`, vaste seed) plausibele voorbeelddata, gevormd
naar de landelijke bevindingen: de meeste stappen zijn nog nodig bij *lokale teams en toegang* en bij
de *verbinding met onderwijs en volwassenen-ggz*; de grootste ondersteuningsbehoefte ligt bij
*toegang en lokale teams* en *domeinoverstijgend werken*. Elke regel draagt `illustratief = true`.
**Trek uit deze cijfers geen conclusies over een echte regio.**
"""

SOURCES = """
- **Regio-indeling en grenzen:** CBS, *Gebiedsindelingen 2024*, via PDOK (gemeenten, jeugdregio's,
  provincies). De gemeentegrenzen komen van Kadaster (Bestuurlijke Grenzen). Gegeneraliseerde kopie
  via `cartomap/nl`. Licentie **CC BY 4.0** — naamsvermelding: *Kaartgrenzen: CBS / Kadaster (CBS
  Gebiedsindelingen 2024, via PDOK), gegeneraliseerd door cartomap/nl — CC BY 4.0*.
- **Indeling gemeente → jeugdregio en → provincie 2024:** afgeleid uit dezelfde CBS-lagen (elke
  gemeente bij de regio en de provincie waarin haar representatieve punt ligt; gecontroleerd tegen
  de grootste overlap, 342 van 342 gelijk). CC BY 4.0.
- **Hervormingsagenda, startfoto's en metarapportage:** VNG (vng.nl, *Implementatieplan Hervormingsagenda
  Jeugd vastgesteld*, 16 november 2023) en de presentatie van de startfoto's en de metarapportage op
  23 april 2024 (voordejeugdenhetgezin.nl).
"""

#: Details die regio's bij naam noemen: niet in de geaggregeerde modus.
REGION_DETAILS = """
- **Codes:** de regio's van 2024 hebben de codes JZ01–JZ39 en JZ41–JZ43; er is geen JZ40.
- **Regio's over een provinciegrens:** JZ12 Noord-Veluwe (Zeewolde ligt in Flevoland), JZ21 Food Valley
  (drie Utrechtse gemeenten) en JZ32 Rijk van Nijmegen (Mook en Middelaar ligt in Limburg). De
  provinciefilter rekent een regio tot de provincie van de meeste van haar gemeenten.
"""

AGGREGATE_NOTE = """
**Geanonimiseerde weergave.** Net als de metarapportage toont het dashboard nu alleen het landelijke
beeld: geen regionamen, -codes, gemeenten of regiokaarten, en aantallen die op minder regio's rusten
dan de drempel worden onderdrukt of samengevoegd. Per provincie alleen waar die genoeg regio's telt.
"""

FORMAT_INTRO = """
De voortgangsdata bestaat uit drie CSV-bestanden (UTF-8, komma als scheidingsteken, één kopregel).
Codes zijn leidend, nooit namen: regio's op CBS-code (namen veranderen tussen jaren), thema's op
`Txx`, categorieën op `Cxx`. Een status is `0`–`4`, `onbekend` of `nvt`; een lege cel betekent onbekend.
Bij het laden wordt alles gecontroleerd; een fout noemt bestand, regel en kolom.
"""


def dataset_kind_text(ds: Dataset) -> str:
    return {
        "illustratief": "alleen voorbeelddata (fictieve cijfers).",
        "geïmporteerd": "alleen geïmporteerde peilingen.",
        "gemengd": "een mix van geïmporteerde peilingen en voorbeelddata.",
    }[ds.kind]


def _yes_no(col: str) -> pl.Expr:
    return pl.when(pl.col(col)).then(pl.lit("ja")).otherwise(pl.lit("nee"))


def themes_table(ds: Dataset) -> pl.DataFrame:
    return ds.themes.select(
        pl.col("thema_code").alias("Code"), pl.col("label_nl").alias("Thema"),
        pl.col("omschrijving").alias("Omschrijving"), _yes_no("geverifieerd").alias("Geverifieerd"),
        pl.col("bron").alias("Bron"),
    )


def status_table(ds: Dataset) -> pl.DataFrame:
    return ds.status_scale.select(
        pl.col("status_code").alias("Code"), pl.col("label_nl").alias("Status"),
        pl.col("omschrijving").alias("Betekenis"),
    )


def categories_table(ds: Dataset) -> pl.DataFrame:
    return ds.categories.select(
        pl.col("categorie_code").alias("Code"), pl.col("label_nl").alias("Categorie"),
        pl.col("thema_code").alias("Thema"), _yes_no("geverifieerd").alias("In metarapportage genoemd"),
        pl.col("bron").alias("Bron"),
    )


def peilingen_table(ds: Dataset) -> pl.DataFrame:
    return ds.peilingen.select(
        pl.col("peiling_id").alias("Code"), pl.col("label").alias("Peiling"), pl.col("datum").alias("Peildatum"),
        pl.col("soort").alias("Soort"), pl.col("indeling_jaar").alias("Regio-indeling"),
        pl.when(pl.col("illustratief")).then(pl.lit("voorbeelddata")).otherwise(pl.lit("geïmporteerd")).alias("Data"),
    )


def columns_table(table: schema.Table) -> pl.DataFrame:
    return pl.DataFrame({
        "Kolom": [c.name for c in table.columns],
        "Verplicht": ["ja" if c.required else "nee" for c in table.columns],
        "Betekenis": [c.description for c in table.columns],
    })
