"""Kleine, herbruikbare stukjes opmaak: de voorbeelddata-markering, bronregels en paginabewaking.

Tekst uit databestanden gaat nooit door unsafe_allow_html: alles hier is gewone markdown of tekst.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import polars as pl
import streamlit as st

from lib import charts, html_table, i18n, schema
from lib.data_access import get_dataset
from lib.i18n import t
from lib.loaders import Dataset
from lib.validation import DataValidationError


def _ensure_app_navigation() -> None:
    """Zorg dat een pagina altijd via app.py (st.navigation, filters, paginaconfiguratie) draait.

    Met een map `pages/` naast app.py start Streamlit in de oude automatische paginamodus zolang in dit
    serverproces nog geen st.navigation is aangeroepen. Opent de allereerste bezoeker na een herstart
    een directe link (bijv. /regio?regio=JZ13), dan draait Streamlit die pagina los, zonder app.py: geen
    filters, verkeerde navigatie. Zet de modus om en draai opnieuw: dan loopt de run via app.py naar
    dezelfde pagina.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def load_or_stop() -> Dataset:
    """Laad de data; bij fouten een Nederlandse uitleg per probleem en stop (nooit een traceback).

    De cache is taalonafhankelijk; in het Engels krijgt de Dataset hier Engelse labels (vocab, peilingnamen).
    """
    _ensure_app_navigation()
    try:
        return in_language(get_dataset(), i18n.current_lang())
    except DataValidationError as exc:
        st.error(t("ui.data_fout"))
        st.dataframe(
            pl.DataFrame(
                {
                    "bestand": [i.file for i in exc.issues],
                    "regel": [i.row for i in exc.issues],
                    "kolom": [i.column or "" for i in exc.issues],
                    "probleem": [i.message for i in exc.issues],
                    "gevonden": [i.value or "" for i in exc.issues],
                }
            ),
            hide_index=True,
        )
        st.stop()
        raise  # pragma: no cover - st.stop() eindigt de run


def in_language(ds: Dataset, lang: str) -> Dataset:
    """De Dataset met labels in `lang`: thema's, statussen, categorieën, prioriteiten uit de label_en-kolommen
    van de databestanden en peilingnamen uit soort en datum. Nederlands: ongewijzigd."""
    if lang == i18n.DEFAULT:
        return ds
    from dataclasses import replace

    from lib.paths import DATA_DIR

    months = t("algemeen.maanden", lang=lang).split(",")
    labels = [
        t(f"peiling.{soort if soort in schema.PEILING_KINDS else 'voortgang'}", lang=lang,
          maand=months[d.month - 1], jaar=d.year)
        for soort, d in zip(ds.peilingen["soort"].to_list(), ds.peilingen["datum"].to_list())
    ]
    return replace(ds, vocab=schema.vocabulary(DATA_DIR, lang),
                   peilingen=ds.peilingen.with_columns(pl.Series("label", labels, dtype=pl.String)))


def illustrative_marker(ds: Dataset, peiling: str | None = None) -> None:
    """De markering die op elk scherm met gegenereerde cijfers zichtbaar moet zijn.

    Per peiling: een geïmporteerde peiling krijgt geen voorbeelddata-waarschuwing. Zonder peiling (een
    weergave over alle peilingen) en met gemengde data: de waarschuwing, met de geïmporteerde peilingen erbij.
    """
    if peiling is None and ds.kind == "gemengd":
        # peiling_id's zijn gevalideerde codes (geen vrije tekst); toch als code getoond, niet als markdown
        imported = ds.peilingen.filter(~pl.col("illustratief"))["peiling_id"].to_list()
        st.warning(t("ui.voorbeeld_gemengd", marker=marker_text(), peilingen=", ".join(f"`{p}`" for p in imported),
                     uitleg=explanation_text()), icon="🧪")
    elif ds.is_illustrative(peiling):
        st.warning(f"**{marker_text()}.** {explanation_text()}", icon="🧪")
    elif ds.kind == "gemengd":
        st.info(t("ui.geimporteerd_andere_voorbeeld"), icon="ℹ️")


def marker_text() -> str:
    """De voorbeelddata-markering in de huidige taal (Nederlands = schema.ILLUSTRATIVE_MARKER)."""
    return schema.ILLUSTRATIVE_MARKER if i18n.current_lang() == i18n.DEFAULT else t("ui.voorbeeld_marker")


def explanation_text() -> str:
    return schema.ILLUSTRATIVE_EXPLANATION if i18n.current_lang() == i18n.DEFAULT else t("ui.voorbeeld_uitleg")


def attribution_geo() -> str:
    return schema.ATTRIBUTION_GEO if i18n.current_lang() == i18n.DEFAULT else t("ui.bron_geo")


def attribution_membership() -> str:
    return schema.ATTRIBUTION_MEMBERSHIP if i18n.current_lang() == i18n.DEFAULT else t("ui.bron_indeling")


def source_progress() -> str:
    """Bronregel voor exports van voortgangsdata, in de huidige taal."""
    return SOURCE_PROGRESS if i18n.current_lang() == i18n.DEFAULT else t("ui.bron_voortgang")


def source_footer(geo: bool = False) -> None:
    lines = [attribution_membership()]
    if geo:
        lines.insert(0, attribution_geo())
    st.caption("  \n".join(lines))


def plotly_chart(fig, **kwargs):
    """st.plotly_chart voor elke grafiek in de app: zonder sjabloon en thema, zie charts.for_browser."""
    return st.plotly_chart(charts.for_browser(fig), theme=None, **kwargs)


def static_table(table: pl.DataFrame, caption: str | None = None, max_height: int | None = None,
                 label: str | None = None, nowrap: Sequence[str] = ()) -> None:
    """Een leestabel als echte HTML-tabel (tekst loopt door, geen DataFrame-JavaScript), zie
    lib/html_table; met `max_height` schuift hij binnen een kader. Alle celtekst is ge-escaped."""
    st.html(html_table.to_html(table, caption, max_height=max_height, label=label, nowrap=nowrap))


def lazy_expander(label: str, key: str, body: Callable[[], None]) -> None:
    """Een uitklapvak waarvan de inhoud pas wordt gemaakt en verstuurd als het open is.

    Voor tabelalternatieven en andere inhoud achter een klik: dicht kost het niets (geen tabel in de
    websocket, geen DataFrame-JavaScript van ~1,3 MB bij het laden), en openen of sluiten draait alleen
    dit fragment opnieuw, niet de hele pagina. `body` tekent de inhoud (met de waarden van de laatste run).
    """
    _lazy_fragment(label, key, body)


@st.fragment
def _lazy_fragment(label: str, key: str, body: Callable[[], None]) -> None:
    with st.expander(label, key=key, on_change="rerun") as box:
        if box.open:
            body()


def table_alternative(table: pl.DataFrame, key: str, label: str | None = None, note: Callable[[], None] | None = None) -> None:
    """Het tabelalternatief bij een grafiek, in een lui uitklapvak (zie lazy_expander)."""

    def body() -> None:
        if note:
            note()
        st.dataframe(table, hide_index=True)

    lazy_expander(label or t("algemeen.tabel_bij_grafiek"), key, body)


def download_buttons(df: pl.DataFrame, *, title: str, name_parts: list[str], sources: list[str],
                     filters_text: str, illustrative: bool, key: str) -> None:
    """CSV- en XLSX-knoppen voor precies de getoonde tabel, met filters en peiling in de bestandsnaam
    en bronregels bovenaan; formules geneutraliseerd (lib/export)."""
    from lib import export

    df = i18n.columns(df)
    header = export.header_lines(title, sources, filters_text, illustrative)
    c1, c2 = st.columns(2)
    # De bestanden worden pas gemaakt bij een klik (uitgestelde download): een run bouwt geen XLSX meer.
    c1.download_button(
        t("ui.download_csv"), lambda: export.to_csv_bytes(df, header), file_name=export.safe_filename(*name_parts, ext="csv"),
        mime="text/csv", key=f"{key}_csv", icon="⬇️", on_click="ignore",
    )
    c2.download_button(
        t("ui.download_excel"), lambda: export.to_xlsx_bytes(df, header), file_name=export.safe_filename(*name_parts, ext="xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx", icon="⬇️",
        on_click="ignore",
    )


SOURCE_PROGRESS = (
    "Voortgangsdata: ingebouwde voorbeelddata (gegenereerd, fictief) of een geïmporteerde peiling; "
    "regio-indeling CBS Gebiedsindelingen 2024 (CC BY 4.0)"
)


def aggregate_forced() -> bool:
    """Dwingt de inzet de geaggregeerde modus af (omgeving of secrets.toml)?"""
    from lib import privacy

    try:
        secrets = {k: dict(v) if hasattr(v, "items") else v for k, v in st.secrets.items()}
    except Exception:  # noqa: BLE001 - zonder secrets.toml geeft Streamlit een fout; dat is normaal
        secrets = {}
    return privacy.forced_by_deployment(secrets)


def aggregate_mode() -> bool:
    """Staat de geaggregeerde modus aan? Afgedwongen door de inzet, of door de kijker gekozen."""
    from lib import privacy

    return aggregate_forced() or bool(st.session_state.get(privacy.STATE_KEY, False))


def map_tooltip_style() -> None:
    """Vaste CSS (geen data-tekst): de kaarttooltip mag buiten de kaart vallen, zie maps.TOOLTIP_OVERFLOW_CSS."""
    from lib.maps import TOOLTIP_OVERFLOW_CSS

    st.html(f"<style>{TOOLTIP_OVERFLOW_CSS}</style>")


def presentation_style() -> None:
    """Grote letters en geen Streamlit-kop of -werkbalk voor een beamer. Vaste CSS, geen data-tekst."""
    st.html(
        "<style>"
        "header[data-testid='stHeader'], [data-testid='stToolbar'], [data-testid='stSidebar'],"
        "[data-testid='stSidebarCollapsedControl'] {display: none !important;}"
        ".stMainBlockContainer, .block-container {padding-top: 1.5rem !important; max-width: 96vw !important;}"
        ".stApp p, .stApp li, .stApp label, .stApp button p {font-size: 1.35rem !important;}"
        ".stApp h1 {font-size: 3rem !important;}"
        "[data-testid='stMetricValue'], [data-testid='stMetricValue'] * {font-size: 3.2rem !important;}"
        "[data-testid='stMetricLabel'] * {font-size: 1.5rem !important;}"
        "</style>"
    )
