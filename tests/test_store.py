"""De opslag van geïmporteerde peilingen: onveranderlijke versies, atomisch manifest, nooit half.

De kill-test start telkens een apart proces dat één versie schrijft en schiet het op een willekeurig
moment af (SIGKILL). Daarna moet de opslag leesbaar zijn en óf zonder de nieuwe versie, óf met de
complete nieuwe versie.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lib import io as lib_io
from lib import store
from lib.loaders import ILLUSTRATIVE_DIR, read_progress

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables() -> dict[str, pl.DataFrame]:
    t, issues = read_progress(ILLUSTRATIVE_DIR)
    assert not issues
    return {k: v.with_columns(pl.lit(False).alias("illustratief")) for k, v in t.items()}


def tree_bytes(root: Path) -> dict[str, str]:
    """Elk bestand onder root met zijn sha256 (om 'byte-gelijk' te controleren)."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_empty_store_reads_as_empty_without_creating_anything(tmp_path):
    s = store.LocalStore(tmp_path / "nieuw")
    assert s.manifest() == store.Manifest()
    assert s.list_versions() == []
    assert store.read_active(s) == (None, None)
    assert not (tmp_path / "nieuw").exists(), "lezen mag niets aanmaken (kijkers zijn alleen-lezen)"


def test_round_trip_is_exact(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    info = s.write_version(tables, user="Analist", changed=("P2024-03",), source_files=("a.csv",))
    back = s.read_version(info.version_id)
    for name in tables:
        assert_frame_equal(back[name], tables[name].select(back[name].columns))
    m = s.manifest()
    assert m.active == info.version_id and m.revision == 1
    assert m.events[-1].action == "import" and m.events[-1].user == "Analist"
    assert info.sha256 == hashlib.sha256((tmp_path / "versions" / f"{info.version_id}.zip").read_bytes()).hexdigest()


def test_versions_are_immutable_and_restore_is_a_pointer(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    v1 = s.write_version(tables, user="a")
    v1_bytes = (tmp_path / "versions" / f"{v1.version_id}.zip").read_bytes()
    changed = {k: v.head(10) for k, v in tables.items()}
    v2 = s.write_version(changed, user="b")
    assert s.manifest().active == v2.version_id
    m = s.restore(v1.version_id, user="c")
    assert m.active == v1.version_id and len(m.versions) == 2 and m.revision == 3
    assert (tmp_path / "versions" / f"{v1.version_id}.zip").read_bytes() == v1_bytes
    assert [e.action for e in m.events] == ["import", "import", "terugzetten"]
    assert s.read_version(v1.version_id)["assessments"].height == tables["assessments"].height
    m = s.restore(None, user="c")
    assert m.active is None and store.read_active(s) == (None, None)
    assert [v.version_id for v in s.list_versions()] == sorted([v1.version_id, v2.version_id], reverse=True)


def test_version_key_changes_with_every_manifest_change(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    keys = {s.version_key()}
    v = s.write_version(tables, user="a")
    keys.add(s.version_key())
    s.restore(None, user="a")
    keys.add(s.version_key())
    s.restore(v.version_id, user="a")
    keys.add(s.version_key())
    assert len(keys) == 4


def test_damaged_version_is_refused(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    v = s.write_version(tables, user="a")
    path = tmp_path / "versions" / f"{v.version_id}.zip"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(store.StoreError, match="beschadigd"):
        s.read_version(v.version_id)
    with pytest.raises(store.StoreError):
        s.restore(v.version_id, user="a")


def test_unreadable_manifest_is_a_store_error(tmp_path):
    (tmp_path / "manifest.json").write_text("{niet af", encoding="utf-8")
    with pytest.raises(store.StoreError, match="onleesbaar"):
        store.LocalStore(tmp_path).manifest()


def test_unknown_version_and_path_tricks_are_refused(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    s.write_version(tables, user="a")
    for bad in ("bestaat-niet", "../manifest", ".lock"):
        with pytest.raises(store.StoreError):
            s.read_version(bad)
        with pytest.raises(store.StoreError):
            s.restore(bad, user="a")


def test_crash_before_manifest_leaves_old_state(tmp_path, tables, monkeypatch):
    """Een fout bij het vervangen van het manifest: de nieuwe versie is onzichtbaar, de oude blijft actief."""
    s = store.LocalStore(tmp_path)
    v1 = s.write_version(tables, user="a")
    before = (tmp_path / "manifest.json").read_bytes()
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith("manifest.json"):
            raise OSError("schijf vol")
        return real_replace(src, dst)

    monkeypatch.setattr(lib_io.os, "replace", failing_replace)
    with pytest.raises(OSError):
        s.write_version({k: v.head(5) for k, v in tables.items()}, user="b")
    monkeypatch.undo()
    assert (tmp_path / "manifest.json").read_bytes() == before
    assert s.manifest().active == v1.version_id and len(s.list_versions()) == 1
    assert not list(tmp_path.glob(".manifest.json.*.tmp")), "tijdelijk bestand niet opgeruimd"


def test_crash_during_version_write_leaves_nothing(tmp_path, tables, monkeypatch):
    s = store.LocalStore(tmp_path)
    before = tree_bytes(tmp_path)

    def failing_fsync(fd):
        raise OSError("I/O-fout")

    monkeypatch.setattr(lib_io.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        s.write_version(tables, user="a")
    monkeypatch.undo()
    assert s.manifest().active is None
    assert not list((tmp_path / "versions").glob("*.zip"))
    assert not list((tmp_path / "versions").glob(".*.tmp"))
    assert before == {}


def test_concurrent_writers_all_land_in_the_manifest(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    small = {k: v.head(20) for k, v in tables.items()}
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for _ in range(4):
                store.LocalStore(tmp_path).write_version(small, user=f"w{n}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    m = s.manifest()
    assert len(m.versions) == 16 and m.revision == 16 and len({v.version_id for v in m.versions}) == 16


def test_stale_temp_files_are_swept(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    (tmp_path / "versions").mkdir(parents=True)
    old = tmp_path / "versions" / ".20240101T000000Z-abc.zip.x1.tmp"
    fresh = tmp_path / ".manifest.json.x2.tmp"
    old.write_bytes(b"half")
    fresh.write_bytes(b"bezig")
    past = time.time() - 2 * store.STALE_TEMP_SECONDS
    os.utime(old, (past, past))
    s.write_version(tables, user="a")
    assert not old.exists(), "oud half bestand niet opgeruimd"
    assert fresh.exists(), "een tmp-bestand van een schrijver die nog bezig kan zijn, blijft staan"


def test_get_store_uses_env_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ENV_DIR, str(tmp_path / "x"))
    s = store.get_store()
    assert isinstance(s, store.ProgressStore) and isinstance(s, store.LocalStore)
    assert s.root == tmp_path / "x"
    monkeypatch.setenv(store.ENV_BACKEND, "postgres")
    with pytest.raises(store.StoreError, match="onbekende opslag"):
        store.get_store()


def test_default_dir_is_git_ignored():
    ignored = subprocess.run(["git", "check-ignore", "-q", str(store.DEFAULT_DIR / "manifest.json")], cwd=ROOT)
    assert ignored.returncode == 0, "store/ hoort in .gitignore"


# --------------------------------------------------------------------------------------------
# Afschieten tijdens het schrijven
# --------------------------------------------------------------------------------------------
CHILD = r"""
import random, sys, time
sys.path.insert(0, sys.argv[1])
import polars as pl
from lib import store
from lib.loaders import ILLUSTRATIVE_DIR, read_progress

root, label = sys.argv[2], sys.argv[3]
t, _ = read_progress(ILLUSTRATIVE_DIR)
rng = random.Random(label)
# veel onsamendrukbare tekst: dan duurt het schrijven lang genoeg om er middenin te kunnen schieten
noise = [rng.randbytes(1000).hex() for _ in range(t["assessments"].height)]
t["assessments"] = t["assessments"].with_columns(pl.Series("sterke_punten", noise))
t["peilingen"] = t["peilingen"].with_columns(pl.lit(label).alias("label"))

# meld het begin van het echte schrijven (versie, dan manifest), zodat de ouder daarna kan schieten
real_write = store.write_bytes_atomic
started = []
def announced(data, path):
    if not started:
        started.append(time.perf_counter())
        print("schrijft", flush=True)
    real_write(data, path)
store.write_bytes_atomic = announced
print("klaar", flush=True)
store.LocalStore(root).write_version(t, user=label)
print(f"geschreven {time.perf_counter() - started[0]:.4f}", flush=True)
"""


def _spawn(root: Path, label: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(root), label],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for expected in ("klaar", "schrijft"):
        line = proc.stdout.readline()
        assert line.strip() == expected, proc.stderr.read()
    return proc


def _check_store(root: Path, before: store.Manifest, label: str) -> str:
    """De opslag is leesbaar en heeft óf geen nieuwe versie, óf precies één complete nieuwe."""
    s = store.LocalStore(root)
    m = s.manifest()  # moet parsen
    assert m.versions[: len(before.versions)] == before.versions, "oude versies veranderd"
    new = m.versions[len(before.versions):]
    assert len(new) <= 1
    for v in m.versions:  # elke versie in het manifest is er, onbeschadigd (oude: alleen de hash, ze zijn al gelezen)
        raw = (root / "versions" / f"{v.version_id}.zip").read_bytes()
        assert hashlib.sha256(raw).hexdigest() == v.sha256 and len(raw) == v.size
    for v in new:  # de nieuwe versie helemaal lezen
        tables = s.read_version(v.version_id)
        assert tables["peilingen"]["label"].unique().to_list() == [v.user]
        assert tables["assessments"].height == 2940
    if m.active:
        s.read_version(m.active)
    if new:
        assert m.active == new[0].version_id and new[0].user == label and m.revision == before.revision + 1
        return "compleet"
    assert m == before, "manifest veranderd zonder nieuwe versie"
    return "geen"


def test_kill_mid_write_never_leaves_half_a_version(tmp_path):
    root = tmp_path / "store"
    # ijking: hoe lang duurt één schrijfbeurt hier?
    proc = _spawn(root, "ijking")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    duration = float(out.split()[-1])
    rng = random.Random(20240423)
    outcomes = {"geen": 0, "compleet": 0}
    leftovers = 0
    rounds = int(os.environ.get("KILL_ROUNDS", "12"))
    for i in range(rounds):
        before = store.LocalStore(root).manifest()
        label = f"ronde-{i}"
        proc = _spawn(root, label)
        time.sleep(rng.uniform(0, duration * 1.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
        outcomes[_check_store(root, before, label)] += 1
        tmp = list(root.rglob(".*.tmp"))
        leftovers += len(tmp)
        for p in tmp:  # zoals de opslag zelf oude tmp-bestanden opruimt (zie test_stale_temp_files_are_swept)
            p.unlink()
    print(f"\nkill-test: {outcomes}, ijking {duration * 1000:.0f} ms, rondes met een half tmp-bestand: "
          f"{leftovers}")
    # alle versies die het manifest noemt zijn leesbaar; verweesde .zip's (gekild na de versie, vóór het
    # manifest) en .tmp-bestanden worden nergens gelezen
    s = store.LocalStore(root)
    listed = {f"{v.version_id}.zip" for v in s.list_versions()}
    assert listed <= {p.name for p in (root / "versions").glob("*.zip")}
    assert sum(outcomes.values()) == rounds
    json.loads((root / "manifest.json").read_text(encoding="utf-8"))


def test_expected_active_prevents_lost_updates(tmp_path, tables):
    s = store.LocalStore(tmp_path)
    v1 = s.write_version(tables, user="a", expected_active=None)
    before = tree_bytes(tmp_path)
    with pytest.raises(store.StoreError, match="andere analist"):
        s.write_version(tables, user="b", expected_active=None)  # b las nog 'geen import'
    assert tree_bytes(tmp_path) == before, "een geweigerde schrijfbeurt laat niets achter"
    v2 = s.write_version(tables, user="b", expected_active=v1.version_id)
    assert s.manifest().active == v2.version_id
