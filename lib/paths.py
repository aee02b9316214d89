"""Paden binnen de repository, altijd relatief aan de repo-root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
GEO_DIR = ROOT / "geo"
# Bronbestanden die naast de repository staan (alleen voor de build-scripts, nooit voor de app).
SHARED_DIR = ROOT.parent / "shared"
