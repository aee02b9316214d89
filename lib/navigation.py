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

    @property
    def url_path(self) -> str:
        return Path(self.path).stem


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/start.py", "Start", "🏠", "Overzicht"),
    PageSpec("pages/regio.py", "Regioprofiel", "📍", "Verdieping"),
    PageSpec("pages/vergelijken.py", "Regio's vergelijken", "⚖️", "Verdieping"),
    PageSpec("pages/context.py", "Voortgang en context", "📊", "Verdieping"),
    PageSpec("pages/over_de_data.py", "Over de data", "ℹ️", "Achtergrond"),
)

SECTIONS: tuple[str, ...] = ("Overzicht", "Verdieping", "Achtergrond")
