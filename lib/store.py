"""Opslag van geïmporteerde peilingen: onveranderlijke versies plus een manifest.

Eén kleine interface (`ProgressStore`) met de lokale bestanden als standaard. Een gedeelde opslag voor
meerdere app-replica's (PostgreSQL, S3-compatibele objectopslag) implementeert dezelfde methoden;
pagina's en `lib/data_access.py` praten alleen met `get_store()` en merken het verschil niet.

Model
-----
- Een **versie** is een volledige momentopname van álle geïmporteerde peilingen (de drie
  progressietabellen), geserialiseerd met `encode_version` tot één zip met CSV's. Versies zijn
  onveranderlijk: eenmaal geschreven worden ze nooit aangepast of verwijderd.
- Het **manifest** zegt welke versies er zijn (wie, wanneer, welke peilingen), welke actief is, en houdt
  een logboek bij. Terugzetten = een nieuwe manifest-revisie die naar een oudere versie wijst.
- De ingebedde voorbeelddata in `data/illustrative/` wordt hier nooit aangeraakt.

Lokale bestanden (`LocalStore`)::

    <DASHBOARD_STORE_DIR>/manifest.json          # atomisch vervangen (tijdelijk bestand, fsync, rename)
    <DASHBOARD_STORE_DIR>/versions/<id>.zip      # atomisch geschreven, daarna alleen gelezen
    <DASHBOARD_STORE_DIR>/.lock                  # flock rond lezen-wijzigen-schrijven van het manifest

Volgorde bij een import: eerst de versie (compleet en gesynct), dan pas het manifest. Een crash ertussen
laat hooguit een versie achter waar het manifest niet naar verwijst; die is onzichtbaar. Een crash tijdens
het schrijven laat hooguit een `.<naam>.tmp`-bestand achter, dat nergens wordt gelezen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import secrets
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Protocol, runtime_checkable

import polars as pl

from lib import schema
from lib.io import write_bytes_atomic
from lib.paths import ROOT
from lib.validation import cast_table, check_columns, errors, read_csv_strings

ENV_DIR = "DASHBOARD_STORE_DIR"
ENV_BACKEND = "DASHBOARD_STORE_BACKEND"
DEFAULT_DIR = ROOT / "store"
FORMAT = 1
#: Een tmp-bestand dat zo oud is, hoort bij een afgebroken schrijfbeurt en wordt opgeruimd.
STALE_TEMP_SECONDS = 3600
#: 'Niet controleren' voor write_version(expected_active=...).
ANY = object()
#: Tabelnaam → bestandsnaam binnen een versie (de schema-namen van de progressietabellen).
VERSION_TABLES: dict[str, schema.Table] = {t.name: t for t in schema.PROGRESS_TABLES}


class StoreError(Exception):
    """Een probleem met de opslag, in het Nederlands uitgelegd."""


@dataclass(frozen=True)
class VersionInfo:
    version_id: str
    created_at: str  # ISO 8601, UTC
    user: str
    note: str
    peilingen: tuple[str, ...]  # alle peilingen in deze momentopname
    changed: tuple[str, ...]  # peilingen die deze import toevoegde of verving
    source_files: tuple[str, ...]
    sha256: str
    size: int

    @classmethod
    def from_json(cls, d: dict) -> VersionInfo:
        return cls(
            version_id=str(d["version_id"]), created_at=str(d["created_at"]), user=str(d.get("user", "")),
            note=str(d.get("note", "")), peilingen=tuple(d.get("peilingen", ())),
            changed=tuple(d.get("changed", ())), source_files=tuple(d.get("source_files", ())),
            sha256=str(d["sha256"]), size=int(d["size"]),
        )


@dataclass(frozen=True)
class Event:
    at: str
    user: str
    action: str  # "import" of "terugzetten"
    version_id: str | None  # None = terug naar alleen de voorbeelddata


@dataclass(frozen=True)
class Manifest:
    revision: int = 0
    active: str | None = None
    versions: tuple[VersionInfo, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)

    def version(self, version_id: str) -> VersionInfo:
        for v in self.versions:
            if v.version_id == version_id:
                return v
        raise StoreError(f"versie '{version_id}' bestaat niet in de opslag")

    @property
    def active_version(self) -> VersionInfo | None:
        return self.version(self.active) if self.active else None

    def to_bytes(self) -> bytes:
        d = {
            "format": FORMAT, "revision": self.revision, "active": self.active,
            "versions": [asdict(v) for v in self.versions], "events": [asdict(e) for e in self.events],
        }
        return json.dumps(d, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Manifest:
        try:
            d = json.loads(raw.decode("utf-8"))
            m = cls(
                revision=int(d["revision"]), active=d.get("active"),
                versions=tuple(VersionInfo.from_json(v) for v in d.get("versions", [])),
                events=tuple(Event(**e) for e in d.get("events", [])),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise StoreError(f"het manifest van de opslag is onleesbaar ({type(exc).__name__})") from exc
        if m.active is not None:
            m.version(m.active)  # bestaat de actieve versie?
        return m


# --------------------------------------------------------------------------------------------
# Serialisatie van een versie (gedeeld door alle backends)
# --------------------------------------------------------------------------------------------
def empty_tables() -> dict[str, pl.DataFrame]:
    return {name: pl.DataFrame(schema={c.name: c.dtype for c in t.columns}) for name, t in VERSION_TABLES.items()}


def encode_version(tables: dict[str, pl.DataFrame], meta: dict | None = None) -> bytes:
    """Drie progressietabellen → één zip met CSV's (UTF-8, schema-kolomvolgorde) en meta.json."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, table in VERSION_TABLES.items():
            df = tables[name].select(table.column_names)
            info = zipfile.ZipInfo(table.file, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, df.write_csv().encode("utf-8"))
        info = zipfile.ZipInfo("meta.json", date_time=(1980, 1, 1, 0, 0, 0))
        zf.writestr(info, json.dumps({"format": FORMAT, **(meta or {})}, ensure_ascii=False).encode("utf-8"))
    return buf.getvalue()


def decode_version(raw: bytes, label: str = "versie") -> dict[str, pl.DataFrame]:
    """Terug naar getypeerde tabellen; elk probleem → StoreError (nooit half gelezen data)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            members = {name: zf.read(t.file) for name, t in VERSION_TABLES.items()}
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise StoreError(f"{label} is geen complete versie ({exc})") from exc
    out = {}
    for name, data in members.items():
        table = VERSION_TABLES[name]
        df, issues = read_csv_strings(data, f"{label}/{table.file}")
        if df is None:
            raise StoreError("; ".join(str(i) for i in issues))
        issues = check_columns(df, table, f"{label}/{table.file}")
        typed, cast_issues = cast_table(df, table, f"{label}/{table.file}")
        issues += cast_issues
        if errors(issues):
            raise StoreError("; ".join(str(i) for i in errors(issues)[:3]))
        out[name] = typed
    return out


def new_version_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    return f"{now:%Y%m%dT%H%M%S}Z-{secrets.token_hex(3)}"


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------------------------
# De interface
# --------------------------------------------------------------------------------------------
@runtime_checkable
class ProgressStore(Protocol):
    """Wat de app van een opslag nodig heeft. Elke methode is per aanroep atomisch."""

    def manifest(self) -> Manifest:
        """Het huidige manifest (leeg als er nog nooit is geïmporteerd)."""

    def list_versions(self) -> list[VersionInfo]:
        """Alle versies, nieuwste eerst."""

    def read_version(self, version_id: str) -> dict[str, pl.DataFrame]:
        """De drie getypeerde progressietabellen van één versie (hash gecontroleerd)."""

    def write_version(self, tables: dict[str, pl.DataFrame], *, user: str, note: str = "",
                      changed: tuple[str, ...] = (), source_files: tuple[str, ...] = (),
                      expected_active: str | None | object = ANY) -> VersionInfo:
        """Sla een nieuwe, complete momentopname op en maak hem actief.

        Met `expected_active`: alleen als die versie (of None) nog steeds actief is, anders StoreError
        (optimistische vergrendeling: twee analisten die tegelijk importeren, overschrijven elkaar niet).
        """

    def restore(self, version_id: str | None, *, user: str) -> Manifest:
        """Maak een bestaande versie weer actief (None = alleen de voorbeelddata)."""

    def version_key(self) -> str:
        """Goedkope sleutel die verandert zodra het manifest verandert (voor de datacache)."""


def read_active(store: ProgressStore) -> tuple[str | None, dict[str, pl.DataFrame] | None]:
    """(actieve versie-id, tabellen) of (None, None) als er geen import actief is."""
    m = store.manifest()
    if m.active is None:
        return None, None
    return m.active, store.read_version(m.active)


# --------------------------------------------------------------------------------------------
# Lokale bestanden
# --------------------------------------------------------------------------------------------
class LocalStore:
    """Versies en manifest als bestanden in één map; geschikt voor één app-instantie (of een gedeeld
    POSIX-bestandssysteem met werkende flock)."""

    def __init__(self, root: Path):
        self.root = Path(root)

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    @property
    def versions_dir(self) -> Path:
        return self.root / "versions"

    def _version_path(self, version_id: str) -> Path:
        if not version_id or "/" in version_id or version_id.startswith("."):
            raise StoreError(f"ongeldige versie-id '{version_id}'")
        return self.versions_dir / f"{version_id}.zip"

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    # -- lezen ------------------------------------------------------------------------------
    def manifest(self) -> Manifest:
        try:
            raw = self.manifest_path.read_bytes()
        except FileNotFoundError:
            return Manifest()
        return Manifest.from_bytes(raw)

    def list_versions(self) -> list[VersionInfo]:
        return sorted(self.manifest().versions, key=lambda v: v.created_at + v.version_id, reverse=True)

    def read_version(self, version_id: str) -> dict[str, pl.DataFrame]:
        info = self.manifest().version(version_id)
        try:
            raw = self._version_path(version_id).read_bytes()
        except FileNotFoundError as exc:
            raise StoreError(f"het bestand van versie '{version_id}' ontbreekt in de opslag") from exc
        if hashlib.sha256(raw).hexdigest() != info.sha256:
            raise StoreError(f"versie '{version_id}' is beschadigd (controlegetal klopt niet)")
        return decode_version(raw, f"versie {version_id}")

    def version_key(self) -> str:
        m = self.manifest()
        return f"local:{self.root}:{m.revision}:{m.active}"

    # -- schrijven --------------------------------------------------------------------------
    def write_version(self, tables: dict[str, pl.DataFrame], *, user: str, note: str = "",
                      changed: tuple[str, ...] = (), source_files: tuple[str, ...] = (),
                      expected_active: str | None | object = ANY) -> VersionInfo:
        version_id = new_version_id()
        peilingen = tuple(sorted(tables["peilingen"]["peiling_id"].to_list()))
        data = encode_version(tables, {"version_id": version_id, "user": user, "peilingen": list(peilingen)})
        decode_version(data)  # wat we niet kunnen teruglezen, slaan we niet op
        info = VersionInfo(
            version_id=version_id, created_at=_now_iso(), user=user, note=note, peilingen=peilingen,
            changed=tuple(changed), source_files=tuple(source_files),
            sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        )
        # 1. de versie zelf: compleet en gesynct vóór het manifest ernaar wijst
        write_bytes_atomic(data, self._version_path(version_id))
        # 2. het manifest: lezen-wijzigen-schrijven onder een slot, atomisch vervangen
        with self._lock():
            m = self.manifest()
            if expected_active is not ANY and m.active != expected_active:
                self._version_path(version_id).unlink(missing_ok=True)  # nooit in het manifest gekomen
                raise StoreError("intussen is er een andere versie actief geworden (een andere analist heeft "
                                 "geïmporteerd of teruggezet); bekijk de voorvertoning opnieuw en bevestig dan")
            new = Manifest(
                revision=m.revision + 1, active=version_id, versions=m.versions + (info,),
                events=m.events + (Event(info.created_at, user, "import", version_id),),
            )
            write_bytes_atomic(new.to_bytes(), self.manifest_path)
            self._sweep_temp()
        return info

    def _sweep_temp(self) -> None:
        """Ruim tmp-bestanden van afgebroken schrijfbeurten op (alleen oude: een ander kan nog bezig zijn)."""
        import time

        limit = time.time() - STALE_TEMP_SECONDS
        for path in [*self.root.glob(".*.tmp"), *self.versions_dir.glob(".*.tmp")]:
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except FileNotFoundError:
                pass

    def restore(self, version_id: str | None, *, user: str) -> Manifest:
        with self._lock():
            m = self.manifest()
            if version_id is not None:
                m.version(version_id)
                self.read_version(version_id)  # alleen terugzetten wat leesbaar en onbeschadigd is
            new = Manifest(
                revision=m.revision + 1, active=version_id, versions=m.versions,
                events=m.events + (Event(_now_iso(), user, "terugzetten", version_id),),
            )
            write_bytes_atomic(new.to_bytes(), self.manifest_path)
        return new


def store_dir() -> Path:
    return Path(os.environ.get(ENV_DIR) or DEFAULT_DIR)


def get_store() -> ProgressStore:
    """De opslag volgens de omgeving (DASHBOARD_STORE_BACKEND, DASHBOARD_STORE_DIR).

    Een gedeelde backend (bijv. 'postgres' of 's3') hoort hier als extra tak bij te komen, met een klasse
    die `ProgressStore` implementeert; pagina's hoeven daarvoor niet te veranderen.
    """
    backend = os.environ.get(ENV_BACKEND, "local").strip().lower() or "local"
    if backend != "local":
        raise StoreError(f"onbekende opslag '{backend}' in {ENV_BACKEND}; ingebouwd is alleen 'local'")
    return LocalStore(store_dir())
