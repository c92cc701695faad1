"""'Bestand controleren': SQLite's and SQLCipher's own integrity checks."""

from __future__ import annotations

from dataclasses import dataclass

import sqlcipher3


@dataclass(frozen=True)
class IntegrityReport:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _run(conn: sqlcipher3.Connection, pragma: str, fine: set[str]) -> list[str]:
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlcipher3.DatabaseError as exc:  # a damaged page can stop the check itself
        return [f"{pragma}: {exc}"]
    return [f"{pragma}: {tuple(row) if len(row) > 1 else row[0]}" for row in rows if str(row[0]) not in fine]


def check_connection(conn: sqlcipher3.Connection) -> IntegrityReport:
    """``cipher_integrity_check`` (HMAC of every page), ``integrity_check`` (b-tree structure)
    and ``foreign_key_check``. The cipher check runs first: it reads every page and names the
    damaged ones where the others would stop at the first."""
    problems = _run(conn, "cipher_integrity_check", set())
    problems += _run(conn, "integrity_check", {"ok"})
    problems += _run(conn, "foreign_key_check", set())
    return IntegrityReport(tuple(problems))
