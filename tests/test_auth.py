"""Analist-toegang: scrypt-hash, controle, rem op foute pogingen en het hash-commando."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from lib import auth
from lib.paths import ROOT


def test_hash_and_verify():
    h = auth.hash_password("geheim wachtwoord 1")
    assert h.startswith("scrypt$16384$8$1$")
    assert auth.verify_password("geheim wachtwoord 1", h)
    assert not auth.verify_password("geheim wachtwoord 2", h)
    assert auth.hash_password("x" * 12) != auth.hash_password("x" * 12), "elk hash krijgt een eigen zout"


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$1$2", "bcrypt$16384$8$1$YQ$YQ", "scrypt$x$8$1$YQ$YQ",
                                    "scrypt$16384$8$1$!!$!!", "scrypt$1073741824$8$1$YQ$YQ"])
def test_malformed_hash_never_matches_and_never_raises(stored):
    assert auth.verify_password("iets", stored) is False


def test_configured_hash_from_mapping():
    h = auth.hash_password("abcdefghijkl")
    assert auth.configured_hash({"analist": {"wachtwoord_hash": h}}) == h
    assert auth.configured_hash({"analist": {"wachtwoord_hash": "plaintekst"}}) is None
    assert auth.configured_hash({"iets_anders": {}}) is None
    assert auth.configured_hash({}) is None

    class NoSecrets:
        def get(self, key):
            raise FileNotFoundError("geen secrets.toml")

    assert auth.configured_hash(NoSecrets()) is None


def test_delays_grow_after_five_failures():
    assert [auth.delay_after(n) for n in range(1, 9)] == [0, 0, 0, 0, 5, 10, 20, 40]
    assert auth.delay_after(100) == auth.MAX_DELAY_S


def test_throttle_blocks_even_the_right_password_while_waiting():
    h = auth.hash_password("juist-wachtwoord")
    t = auth.LoginThrottle()
    now = 1000.0
    for i in range(auth.MAX_FREE_ATTEMPTS):
        ok, msg = t.attempt("fout", h, now=now)
        assert not ok
    assert "5 seconden" in msg and t.wait_seconds(now) == 5
    ok, msg = t.attempt("juist-wachtwoord", h, now=now + 1)
    assert not ok and "Te veel mislukte pogingen" in msg and t.failures == 5, "tijdens de wachttijd niet geteld"
    ok, msg = t.attempt("fout", h, now=now + 6)
    assert not ok and t.wait_seconds(now + 6) == 10
    ok, _ = t.attempt("juist-wachtwoord", h, now=now + 17)
    assert ok and t.failures == 0 and t.wait_seconds(now + 17) == 0


def test_hash_command_prints_secrets_snippet():
    out = subprocess.run([sys.executable, "-m", "lib.auth", "hash"], input="een lang wachtwoord\n",
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    lines = out.strip().splitlines()
    assert lines[0] == "[analist]"
    stored = lines[1].split(" = ", 1)[1].strip('"')
    assert auth.verify_password("een lang wachtwoord", stored)
    short = subprocess.run([sys.executable, "-m", "lib.auth", "hash"], input="kort\n", capture_output=True,
                           text=True, cwd=ROOT)
    assert short.returncode == 1 and "12 tekens" in short.stderr


def test_main_usage(capsys):
    assert auth.main([]) == 2
    assert "python -m lib.auth hash" in capsys.readouterr().err


def test_main_reads_stdin_when_not_a_tty(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("nog een lang wachtwoord\n"))
    assert auth.main(["hash"]) == 0
    assert "wachtwoord_hash = \"scrypt$" in capsys.readouterr().out
