"""Atomisch schrijven: eerst een tijdelijk bestand in dezelfde map, fsync, dan rename.

Een crash halverwege laat zo altijd het oude of het complete nieuwe bestand achter, nooit een half.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polars as pl


def write_bytes_atomic(data: bytes, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_csv_atomic(df: pl.DataFrame, path: Path) -> None:
    write_bytes_atomic(df.write_csv().encode("utf-8"), path)
