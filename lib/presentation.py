"""Presentatiemodus voor startconferenties: een reeks dia's uit `data/presentatie.toml`.

Puur: lezen, valideren (Nederlandse meldingen) en de reeks voor de modus bepalen. De pagina tekent.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from lib.paths import DATA_DIR
from lib.validation import DataValidationError, Issue

CONFIG = DATA_DIR / "presentatie.toml"
KINDS = ("verdeling", "landelijk_per_thema", "heatmap", "behoeften", "thema_uitgelicht", "regio")
#: Dia's die regio's herkenbaar maken; in de geaggregeerde modus nooit getoond.
REGION_LEVEL = {"heatmap", "regio"}


@dataclass(frozen=True)
class Slide:
    soort: str
    titel: str
    thema: str | None = None
    regio: str | None = None
    alleen_niet_geaggregeerd: bool = False
    vervanging_geaggregeerd: str | None = None
    titel_en: str = ""  # Engelse titel (leeg = de Nederlandse)

    def title(self, lang: str = "nl") -> str:
        return self.titel_en if lang == "en" and self.titel_en else self.titel


def load_slides(path: Path = CONFIG, theme_codes: tuple[str, ...] = (), region_codes: tuple[str, ...] = ()) -> list[Slide]:
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataValidationError([Issue(name, f"niet te lezen als TOML: {exc}")]) from None
    items = raw.get("dia", [])
    issues: list[Issue] = []
    slides: list[Slide] = []
    if not items:
        issues.append(Issue(name, "geen dia's gevonden; verwacht blokken [[dia]]"))
    for i, item in enumerate(items, start=1):
        where = f"dia {i}"
        soort = item.get("soort")
        if soort not in KINDS:
            issues.append(Issue(name, f"{where}: onbekende soort; toegestaan: {', '.join(KINDS)}", column="soort",
                                value=str(soort)))
            continue
        if not str(item.get("titel", "")).strip():
            issues.append(Issue(name, f"{where}: titel ontbreekt", column="titel"))
        if soort == "thema_uitgelicht" and item.get("thema") not in theme_codes:
            issues.append(Issue(name, f"{where}: onbekend thema", column="thema", value=str(item.get("thema"))))
        if soort == "regio" and item.get("regio") not in region_codes:
            issues.append(Issue(name, f"{where}: onbekende regio", column="regio", value=str(item.get("regio"))))
        repl = item.get("vervanging_geaggregeerd")
        if repl is not None and (repl not in KINDS or repl in REGION_LEVEL):
            issues.append(Issue(name, f"{where}: vervanging moet een geaggregeerde soort zijn", column="vervanging_geaggregeerd",
                                value=str(repl)))
        slides.append(Slide(
            soort=soort, titel=str(item.get("titel", "")).strip(), thema=item.get("thema"), regio=item.get("regio"),
            alleen_niet_geaggregeerd=bool(item.get("alleen_niet_geaggregeerd", False)),
            vervanging_geaggregeerd=repl, titel_en=str(item.get("titel_en", "")).strip(),
        ))
    if issues:
        raise DataValidationError(issues)
    return slides


def slides_for_mode(slides: list[Slide], aggregate: bool) -> list[Slide]:
    """In de geaggregeerde modus: regiodia's vervangen of weglaten (ook als de configuratie dat vergeet)."""
    if not aggregate:
        return list(slides)
    out = []
    for s in slides:
        if s.vervanging_geaggregeerd:
            out.append(Slide(soort=s.vervanging_geaggregeerd, titel=s.titel, thema=s.thema, titel_en=s.titel_en))
        elif s.soort in REGION_LEVEL or s.alleen_niet_geaggregeerd:
            continue
        else:
            out.append(s)
    return out


def clamp_index(value: object, n: int) -> int:
    """Dia-nummer uit de URL (1-gebaseerd) → index; ongeldig of buiten bereik → dichtstbijzijnde."""
    try:
        i = int(str(value)) - 1
    except (TypeError, ValueError):
        return 0
    return max(0, min(n - 1, i))
