"""Toegang voor analisten: een wachtwoord-hash in .streamlit/secrets.toml en een rem op foute pogingen.

Kijkers zijn alleen-lezen. De importpagina bestaat alleen als er een analist-wachtwoord is ingesteld::

    # .streamlit/secrets.toml (nooit committen; staat in .gitignore)
    [analist]
    wachtwoord_hash = "scrypt$16384$8$1$<zout>$<hash>"

Een hash maken (vraagt het wachtwoord twee keer, toont niets op het scherm)::

    uv run python -m lib.auth hash

Het wachtwoord zelf staat nergens; alleen de scrypt-hash met een willekeurig zout. Foute pogingen worden
per sessie afgeremd: na MAX_FREE_ATTEMPTS mislukte pogingen moet de gebruiker steeds langer wachten.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sys
import time
from dataclasses import dataclass

SECRETS_SECTION = "analist"
SECRETS_KEY = "wachtwoord_hash"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_FREE_ATTEMPTS = 5
BASE_DELAY_S = 5.0
MAX_DELAY_S = 15 * 60.0


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R,
                  p: int = SCRYPT_P) -> str:
    """'scrypt$n$r$p$zout$hash' (base64url). Een nieuw willekeurig zout per hash."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Klopt het wachtwoord bij de hash? Een onleesbare hash geeft altijd False (nooit een uitzondering)."""
    try:
        scheme, n, r, p, salt, digest = stored.strip().split("$")
        if scheme != "scrypt":
            return False
        n_i, r_i, p_i = int(n), int(r), int(p)
        if not (2 <= n_i <= 2**20 and 1 <= r_i <= 32 and 1 <= p_i <= 16):
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=n_i, r=r_i, p=p_i,
                                dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError, AttributeError):
        return False
    return hmac.compare_digest(actual, expected)


def configured_hash(secrets: object | None = None) -> str | None:
    """De ingestelde hash uit st.secrets (of een meegegeven mapping), of None als er geen is."""
    if secrets is None:
        import streamlit as st  # st.secrets op moment van aanroep (AppTest vervangt het)

        secrets = st.secrets
    try:
        section = secrets.get(SECRETS_SECTION)  # type: ignore[attr-defined]
        value = section.get(SECRETS_KEY) if section is not None else None
    except Exception:  # noqa: BLE001 - geen secrets.toml (StreamlitSecretNotFoundError) of onleesbaar
        return None
    return value if isinstance(value, str) and value.startswith("scrypt$") else None


def analyst_configured(secrets: object | None = None) -> bool:
    return configured_hash(secrets) is not None


# --------------------------------------------------------------------------------------------
# Rem op foute pogingen (per sessie)
# --------------------------------------------------------------------------------------------
def delay_after(failures: int) -> float:
    """Wachttijd na `failures` mislukte pogingen: 0 voor de eerste vijf, dan 5 s, 10 s, 20 s … (max 15 min)."""
    if failures < MAX_FREE_ATTEMPTS:
        return 0.0
    return min(BASE_DELAY_S * 2 ** (failures - MAX_FREE_ATTEMPTS), MAX_DELAY_S)


@dataclass
class LoginThrottle:
    failures: int = 0
    locked_until: float = 0.0

    def wait_seconds(self, now: float | None = None) -> float:
        now = time.time() if now is None else now
        return max(0.0, self.locked_until - now)

    def attempt(self, password: str, stored: str, now: float | None = None) -> tuple[bool, str]:
        """(gelukt, melding). Tijdens een wachttijd wordt het wachtwoord niet eens gecontroleerd."""
        now = time.time() if now is None else now
        wait = self.wait_seconds(now)
        if wait > 0:
            return False, f"Te veel mislukte pogingen. Probeer het over {int(wait) + 1} seconden opnieuw."
        if verify_password(password, stored):
            self.failures, self.locked_until = 0, 0.0
            return True, "Ingelogd als analist."
        self.failures += 1
        delay = delay_after(self.failures)
        self.locked_until = now + delay
        if delay:
            return False, (f"Onjuist wachtwoord ({self.failures} mislukte pogingen). "
                           f"Probeer het over {int(delay)} seconden opnieuw.")
        left = MAX_FREE_ATTEMPTS - self.failures
        return False, f"Onjuist wachtwoord. Nog {left} poging(en) voordat u moet wachten."


def main(argv: list[str] | None = None) -> int:
    """`python -m lib.auth hash`: vraag een wachtwoord en druk de regel voor secrets.toml af."""
    import getpass

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["hash"]:
        print("Gebruik: python -m lib.auth hash", file=sys.stderr)
        return 2
    if sys.stdin.isatty():
        pw = getpass.getpass("Nieuw analist-wachtwoord: ")
        if pw != getpass.getpass("Nog een keer: "):
            print("De wachtwoorden zijn niet gelijk.", file=sys.stderr)
            return 1
    else:
        pw = sys.stdin.readline().rstrip("\n")
    if len(pw) < 12:
        print("Kies een wachtwoord van minstens 12 tekens.", file=sys.stderr)
        return 1
    print(f"[{SECRETS_SECTION}]")
    print(f'{SECRETS_KEY} = "{hash_password(pw)}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
