"""Genereer de ILLUSTRATIEVE voortgangsdata (fictief, deterministisch, met vaste seed).

De echte startfoto's per regio zijn niet openbaar. Dit script maakt plausibele, maar verzonnen
statussen, teksten en ondersteuningsbehoeften voor de echte 42 regio's en 14 thema's, gevormd naar de
landelijke bevindingen van de metarapportage (23 april 2024):
- de meeste stappen nog nodig op lokale teams en toegang (T02) en op de verbinding met onderwijs en
  volwassenen-ggz (T10); arbeidsmarkt (T14) is een uitdaging;
- de grootste ondersteuningsbehoefte ligt bij toegang en lokale teams (C01) en domeinoverstijgend
  werken (C02).

Elke regel krijgt `illustratief=true`. Hetzelfde seed geeft byte-voor-byte dezelfde bestanden.

Gebruik:  uv run python data/generate_illustrative.py [--seed 2023] [--scale 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from lib import schema  # noqa: E402
from lib.io import write_csv_atomic  # noqa: E402
from lib.paths import DATA_DIR  # noqa: E402

SEED = 2023
OUT_DIR = DATA_DIR / "illustrative"

PEILINGEN = [
    ("P2024-03", dt.date(2024, 3, 1), "Startfoto (maart 2024)", "startfoto"),
    ("P2024-11", dt.date(2024, 11, 1), "Peiling november 2024", "voortgang"),
    ("P2025-06", dt.date(2025, 6, 1), "Peiling juni 2025", "voortgang"),
    ("P2025-12", dt.date(2025, 12, 1), "Peiling december 2025", "voortgang"),
    ("P2026-06", dt.date(2026, 6, 1), "Peiling juni 2026", "voortgang"),
]

# Verschuiving van het startniveau per thema (negatief = loopt achter, zie metarapportage).
THEME_OFFSET = {
    "T01": 0.0, "T02": -0.9, "T03": 0.4, "T04": -0.3, "T05": 0.1, "T06": -0.2, "T07": 0.5,
    "T08": -0.1, "T09": -0.2, "T10": -0.8, "T11": 0.2, "T12": 0.0, "T13": 0.3, "T14": -0.6,
}
# Kans per peiling op een stap vooruit (achterlopende thema's gaan trager).
THEME_PACE = {code: 0.32 + 0.08 * off for code, off in THEME_OFFSET.items()}

# Gewichten van de behoeftecategorieën (C01 en C02 het grootst).
CATEGORY_WEIGHT = {
    "C01": 9, "C02": 8, "C03": 5, "C04": 5, "C05": 4, "C06": 3, "C07": 3, "C08": 3, "C09": 2, "C10": 2,
}

STRENGTHS = [
    "Breed draagvlak bij de gemeenten in de regio",
    "Goede samenwerking met de gecontracteerde aanbieders",
    "Bestuurlijke afspraken liggen vast",
    "Ervaren projectleider aangesteld",
    "Cliëntenraad denkt actief mee",
    "Gezamenlijke regiovisie vastgesteld",
    "Korte lijnen tussen beleid en uitvoering",
    "Goede ervaringen met een pilot",
]
WEAKNESSES = {
    "T01": "Nog geen gedeelde afbakening van wat onder jeugdhulp valt",
    "T02": "Lokale teams verschillen sterk in samenstelling en werkwijze",
    "T03": "Inkoopafspraken tussen subregio's lopen uiteen",
    "T04": "Te weinig kleinschalige alternatieven voor verblijf",
    "T05": "Weinig zicht op de effectiviteit van ingezette hulp",
    "T06": "Jeugdigen en ouders worden laat betrokken",
    "T07": "Tarieven sluiten nog niet aan op de AMvB reële prijzen",
    "T08": "Veel verschillende verantwoordingseisen per gemeente",
    "T09": "Lange wachttijden bij specialistische hulp",
    "T10": "Verbinding met onderwijs en volwassenen-ggz is nog beperkt",
    "T11": "Overdrachten in de jeugdbeschermingsketen kosten veel tijd",
    "T12": "Beleidsinformatie is versnipperd over systemen",
    "T13": "Financiële druk op de gemeentebegrotingen",
    "T14": "Moeite met het werven en behouden van professionals",
}
NEXT_STEPS = {
    "T01": "Gesprek in de raad over de reikwijdte voorbereiden",
    "T02": "Basisfuncties voor de lokale teams regionaal afspreken",
    "T03": "Regiovisie herijken en inkoop gezamenlijk organiseren",
    "T04": "Afbouwplan verblijf opstellen met aanbieders",
    "T05": "Leeragenda met aanbieders en professionals starten",
    "T06": "Jongerenpanel inrichten voor de regio",
    "T07": "Kostprijsonderzoek laten uitvoeren",
    "T08": "Verantwoording standaardiseren met de productstructuur",
    "T09": "Wachtlijstbeheer regionaal inrichten",
    "T10": "Afspraken maken met samenwerkingsverbanden onderwijs en ggz",
    "T11": "Werkafspraken met de gecertificeerde instellingen vernieuwen",
    "T12": "Gezamenlijk dashboard met beleidsinformatie opzetten",
    "T13": "Meerjarige financiële verkenning maken",
    "T14": "Regionale arbeidsmarktaanpak starten",
}
NEED_TEXT = {
    "C01": "Ondersteuning bij het versterken van de lokale teams",
    "C02": "Hulp bij een integrale gezinsaanpak over domeinen heen",
    "C03": "Begeleiding bij afspraken met het onderwijs",
    "C04": "Kennis over samenwerking met de volwassenen-ggz",
    "C05": "Aanpak voor tekorten aan personeel",
    "C06": "Juridisch advies over gegevensdeling",
    "C07": "Ondersteuning bij financiële sturing",
    "C08": "Advies over regionale governance en inkoop",
    "C09": "Hulp bij het opzetten van monitoring",
    "C10": "Ondersteuning bij de afbouw van verblijf",
}
PRIORITY_WEIGHT = (("hoog", 4), ("middel", 4), ("laag", 2))


def _weighted(rng: random.Random, pairs) -> str:
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights, k=1)[0]


def generate(region_codes: list[str], theme_codes: list[str], seed: int = SEED,
             peilingen=PEILINGEN, indeling_jaar: int = 2024) -> dict[str, pl.DataFrame]:
    """Genereer de drie progressietabellen. Puur: dezelfde invoer en seed geven dezelfde frames."""
    rng = random.Random(seed)
    latent = {r: rng.gauss(0, 0.6) for r in region_codes}

    peiling_df = pl.DataFrame(
        {
            "peiling_id": [p[0] for p in peilingen],
            "datum": [p[1] for p in peilingen],
            "label": [p[2] for p in peilingen],
            "soort": [p[3] for p in peilingen],
            "indeling_jaar": [indeling_jaar] * len(peilingen),
            "illustratief": [True] * len(peilingen),
        },
        schema={"peiling_id": pl.String, "datum": pl.Date, "label": pl.String, "soort": pl.String,
                "indeling_jaar": pl.Int16, "illustratief": pl.Boolean},
    )

    rows = []
    level: dict[tuple[str, str], int] = {}
    for p_index, (pid, *_rest) in enumerate(peilingen):
        for r in region_codes:
            for t in theme_codes:
                offset = THEME_OFFSET.get(t, 0.0)
                if p_index == 0:
                    base = 1.5 + offset + latent[r] + rng.gauss(0, 0.7)
                    level[(r, t)] = max(0, min(4, round(base)))
                else:
                    u = rng.random()
                    if u < THEME_PACE.get(t, 0.3) and level[(r, t)] < 4:
                        level[(r, t)] += 1
                    elif u > 0.965 and level[(r, t)] > 0:
                        level[(r, t)] -= 1
                s = level[(r, t)]
                u2 = rng.random()
                unknown_rate = 0.05 if p_index == 0 else 0.025
                if u2 < unknown_rate:
                    status = schema.STATUS_UNKNOWN
                elif t == "T11" and u2 > 0.992:
                    status = schema.STATUS_NA
                else:
                    status = str(s)
                strengths = rng.choice(STRENGTHS) if status not in ("0", schema.STATUS_UNKNOWN) else ""
                weakness = WEAKNESSES.get(t, "") if status in ("0", "1", "2") else ""
                next_step = NEXT_STEPS.get(t, "") if status not in ("4", schema.STATUS_NA) else "Resultaat borgen"
                rows.append((pid, r, t, status, strengths, weakness, next_step))
    assessments = pl.DataFrame(
        rows,
        schema=["peiling_id", "regio_code", "thema_code", "status", "sterke_punten", "zwakke_punten", "vervolgstappen"],
        orient="row",
    ).with_columns(pl.lit(True).alias("illustratief"))

    needs_rows = []
    cats = list(CATEGORY_WEIGHT)
    vocab = schema.vocabulary()
    current: dict[str, dict[str, str]] = {}
    for p_index, (pid, *_rest) in enumerate(peilingen):
        for r in region_codes:
            if p_index == 0:
                n = rng.choices([1, 2, 3, 4, 5, 6], weights=[2, 4, 5, 4, 2, 1], k=1)[0]
                chosen: dict[str, str] = {}
                while len(chosen) < n:
                    c = rng.choices(cats, weights=[CATEGORY_WEIGHT[c] for c in cats], k=1)[0]
                    chosen.setdefault(c, _weighted(rng, PRIORITY_WEIGHT))
            else:
                chosen = {c: prio for c, prio in current[r].items() if rng.random() < 0.8}
                if rng.random() < 0.35 or not chosen:
                    c = rng.choices(cats, weights=[CATEGORY_WEIGHT[c] for c in cats], k=1)[0]
                    chosen.setdefault(c, _weighted(rng, PRIORITY_WEIGHT))
                while len(chosen) > 6:
                    chosen.pop(sorted(chosen)[-1])
            current[r] = chosen
            for c in sorted(chosen):
                needs_rows.append((pid, r, c, vocab.category_theme.get(c, "T01"), chosen[c], NEED_TEXT.get(c, "")))
    needs = pl.DataFrame(
        needs_rows,
        schema=["peiling_id", "regio_code", "categorie_code", "thema_code", "prioriteit", "omschrijving"],
        orient="row",
    ).with_columns(pl.lit(True).alias("illustratief"))
    return {"peilingen": peiling_df, "assessments": assessments, "support_needs": needs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    regions = pl.read_csv(DATA_DIR / schema.REGIONS.file, infer_schema=False)
    region_codes = regions.filter(pl.col("jaar") == "2024")["regio_code"].sort().to_list()
    theme_codes = list(schema.vocabulary().theme_codes)
    frames = generate(region_codes, theme_codes, seed=args.seed)
    for table in schema.PROGRESS_TABLES:
        write_csv_atomic(frames[table.name].select(table.column_names), args.out / table.file)
    print(
        f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
        + ", ".join(f"{k} {v.height} regels" for k, v in frames.items())
    )


if __name__ == "__main__":
    main()
