"""An increasing delay after repeated wrong passphrases or recovery codes.

The real defence against guessing is Argon2id's cost; the delay stops a person at the keyboard
from trying many passphrases quickly. Failures are counted per process, in memory: writing them
to disk would change files on every wrong attempt, and a thief with the file can skip the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from mpg_desktop.storage.errors import TooManyAttempts

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60.0


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong attempts: 0, 0, 0, 2, 4, 8, … up to 60."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_SECONDS, 2.0 ** (failures - FREE_ATTEMPTS + 1))


@dataclass
class UnlockThrottle:
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    _next_allowed: float = field(default=0.0)

    def remaining(self) -> float:
        """Seconds until the next attempt is allowed (0 when allowed now)."""
        return max(0.0, self._next_allowed - self.clock())

    def check(self) -> None:
        """Raise TooManyAttempts while the delay runs."""
        wait = self.remaining()
        if wait > 0:
            raise TooManyAttempts(wait)

    def record_failure(self) -> None:
        self.failures += 1
        self._next_allowed = self.clock() + delay_after(self.failures)

    def record_success(self) -> None:
        self.failures = 0
        self._next_allowed = 0.0
