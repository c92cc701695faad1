"""Recovery codes: 160 random bits written as 8 groups of 4 base32 characters.

Base32 avoids characters that look alike on paper (no 0/1/8/9); input is forgiving about case,
spaces and dashes.
"""

from __future__ import annotations

import base64
import os

GROUPS = 8
GROUP_LENGTH = 4
_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def new_recovery_code() -> str:
    raw = base64.b32encode(os.urandom(20)).decode("ascii")  # 32 characters, no padding
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def normalise_recovery_code(text: str) -> str | None:
    """The canonical form, or None if ``text`` cannot be a recovery code."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    # Common misreadings from paper.
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != GROUPS * GROUP_LENGTH or not set(cleaned) <= _ALPHABET:
        return None
    return "-".join(cleaned[i : i + GROUP_LENGTH] for i in range(0, len(cleaned), GROUP_LENGTH))
