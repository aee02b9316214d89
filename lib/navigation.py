"""De paginalijst, op één plek: app.py bouwt er st.navigation mee, de tests lopen er overheen.

De URL van een pagina is altijd de bestandsnaam zonder .py. Wijkt die af, dan toont Streamlit bij een
directe link eerst de melding 'Page not found' (de oude automatische pages/-indeling kent alleen de
bestandsnamen), ook al opent de pagina daarna wel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageSpec:
    path: str  # relatief aan de repo-root
    title: str
    icon: str  # emoji: Material-iconen laden een webfont van buiten
    section: str
    requires_analyst: bool = False  # alleen in de navigatie als er een analist-wachtwoord is ingesteld
    aggregate_safe: bool = False  # ook in de geaggregeerde modus: toont geen enkele regio herkenbaar

    @property
    def url_path(self) -> str:
        return Path(self.path).stem


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/start.py", "Start", "🏠", "Overzicht", aggregate_safe=True),
    PageSpec("pages/kaart.py", "Kaart", "🗺️", "Overzicht"),
    PageSpec("pages/regio.py", "Regioprofiel", "📍", "Verdieping"),
    PageSpec("pages/vergelijken.py", "Regio's vergelijken", "⚖️", "Verdieping"),
    PageSpec("pages/context.py", "Voortgang en context", "📊", "Verdieping"),
    PageSpec("pages/heatmap.py", "Thema's per regio", "🟦", "Verdieping"),
    PageSpec("pages/behoeften.py", "Ondersteuningsbehoeften", "🤝", "Verdieping"),
    PageSpec("pages/leernetwerken.py", "Leernetwerken", "🧩", "Verdieping", aggregate_safe=True),
    PageSpec("pages/aan_zet.py", "Wie is aan zet", "🗓️", "Verdieping", aggregate_safe=True),
    PageSpec("pages/presentatie.py", "Presentatie", "🎞️", "Achtergrond", aggregate_safe=True),
    PageSpec("pages/over_de_data.py", "Over de data", "ℹ️", "Achtergrond", aggregate_safe=True),
    PageSpec("pages/importeren.py", "Importeren", "📥", "Achtergrond", requires_analyst=True),
)

SECTIONS: tuple[str, ...] = ("Overzicht", "Verdieping", "Achtergrond")


PRESENTATION = next(p for p in PAGES if p.url_path == "presentatie")


def visible_pages(analyst_configured: bool, aggregate: bool = False) -> tuple[PageSpec, ...]:
    """De pagina's die app.py registreert: analistpagina's alleen als er een analist is ingesteld; in de
    geaggregeerde modus alleen pagina's zonder herkenbare regio (de rest is dan ook via de URL onbereikbaar)."""
    return tuple(
        p for p in PAGES
        if (analyst_configured or not p.requires_analyst) and (p.aggregate_safe or not aggregate)
    )
