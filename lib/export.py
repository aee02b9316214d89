"""Export naar CSV en XLSX: met bronregels bovenaan en beveiligd tegen formule-injectie.

Een cel die begint met =, +, -, @, tab of carriage return wordt door Excel/LibreOffice als formule
gelezen. Zulke tekstcellen krijgen een apostrof ervoor (OWASP: CSV injection), zodat de waarde als
tekst wordt getoond. Getallen blijven getallen.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import polars as pl

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str | None) -> str | None:
    if value is None or value == "":
        return value
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def neutralise_expr(col: pl.Expr) -> pl.Expr:
    """Hetzelfde als `neutralise`, als Polars-expressie (geen Python-functie per cel).

    Bewust geen map_elements: een Python-functie in Polars' threadpool heeft de GIL nodig, en met
    meerdere sessies tegelijk (Streamlit draait elke sessie in een eigen thread) kon dat vastlopen
    tegen een andere thread die de GIL hield en op diezelfde threadpool wachtte (bench/load_test.py
    liet de server zo hangen; vgl. pola-rs/polars#10970).
    """
    text = col.cast(pl.String)
    risky = pl.any_horizontal([text.str.starts_with(p) for p in FORMULA_PREFIXES])
    return pl.when(risky).then(pl.lit("'") + text).otherwise(text)


def neutralise_frame(df: pl.DataFrame) -> pl.DataFrame:
    """Alle tekstkolommen (ook categorieën) veilig maken; kolomnamen ook."""
    exprs = []
    for name, dtype in df.schema.items():
        col = pl.col(name)
        if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
            col = neutralise_expr(col)
        exprs.append(col.alias(neutralise(name) or name))
    return df.select(exprs)


def safe_filename(*parts: str, ext: str) -> str:
    stem = "_".join(p for p in parts if p)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-_") or "export"
    return f"{stem[:120]}.{ext}"


def header_lines(title: str, sources: list[str], filters_text: str, illustrative: bool) -> list[str]:
    from lib.i18n import t

    lines = [title, t("export.filters", filters=filters_text), t("export.gemaakt", datum=dt.date.today().isoformat())]
    if illustrative:
        lines.append(t("export.let_op"))
    lines += [t("export.bron", bron=s) for s in sources]
    return [neutralise(line) or "" for line in lines]


def to_csv_bytes(df: pl.DataFrame, header: list[str] | None = None, separator: str = ";") -> bytes:
    """CSV (UTF-8 met BOM, zodat Excel de tekens goed leest). Bronregels als commentaar (#) bovenaan."""
    body = neutralise_frame(df).write_csv(separator=separator)
    top = "".join(f"# {line}\n" for line in header or [])
    return ("\ufeff" + top + body).encode("utf-8")


def to_xlsx_bytes(df: pl.DataFrame, header: list[str] | None = None, sheet: str = "Data") -> bytes:
    """XLSX met een blad 'Data' en, als er bronregels zijn, een blad 'Bron'."""
    import xlsxwriter

    buf = io.BytesIO()
    safe = neutralise_frame(df)
    with xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False,
                                   "in_memory": True}) as wb:
        safe.write_excel(workbook=wb, worksheet=sheet[:31], autofit=True)
        if header:
            ws = wb.add_worksheet("Bron")
            for i, line in enumerate(header):
                ws.write_string(i, 0, line)
    return buf.getvalue()


def read_csv_export(data: bytes, separator: str = ";") -> pl.DataFrame:
    """Lees een export terug (voor tests en round-trips): slaat de #-bronregels over."""
    text = data.decode("utf-8-sig")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return pl.read_csv(io.StringIO(body), separator=separator, infer_schema=False)
