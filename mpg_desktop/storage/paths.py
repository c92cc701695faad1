"""Where files live, and how they are written: owner-only and atomically.

The data folder comes from platformdirs; ``MPG_DATA_DIR`` overrides it (tests, portable use).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from platformdirs import user_data_dir

from mpg_desktop.storage.errors import DiskFull

APP_NAME = "mpg_desktop"
HEADER_NAME = "keys.json"
PREVIOUS_HEADER_NAME = "previous-keys.json"


def data_dir() -> Path:
    override = os.environ.get("MPG_DATA_DIR")
    base = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(base)


def default_store_dir() -> Path:
    return data_dir() / "store"


def demo_store_dir() -> Path:
    return data_dir() / "demo"


def log_dir() -> Path:
    return ensure_private_dir(data_dir() / "logs")


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(PermissionError):
        path.chmod(0o700)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that a crash leaves either the old or the new file.

    The temporary file sits next to the target (same filesystem), is fsynced, then renamed.
    ENOSPC becomes DiskFull and leaves no partial file behind.
    """
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull() from exc
        raise
