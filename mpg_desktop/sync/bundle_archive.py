"""The inner ZIP archive of a bundle, packed and unpacked entirely in memory (EXP-22).

Packing is deterministic: entries in the given order, stored, dated 1980-01-01, Unix
permissions 0600, so the same tables always give the same bytes. Unpacking treats the archive as
hostile (anyone holding the supervisor's public key can make a sealed box): exactly the allowed
entry names, no duplicates, no folders, no encryption, no compression, CRCs checked. Every
problem is E06 ARCHIEF_ONGELDIG.

Pure functions on bytes; thread-safe.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

from mpg_desktop.sync.bundle_format import (
    MANIFEST_ENTRY,
    MAX_ARCHIVE_ENTRIES,
    SIGNATURE_ENTRY,
    TABLES_FOLDER,
    ZIP_TIMESTAMP,
)
from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused

_TABLE_ENTRY = re.compile(re.escape(TABLES_FOLDER) + r"[a-z][a-z0-9_]{0,62}\.csv")
_UNIX = 3
_ENCRYPTED_FLAG = 0x1


def pack_archive(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A ZIP of ``entries`` (name, content) in this order; nothing touches the disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.create_system = _UNIX  # else it depends on the platform that made the bundle
            info.external_attr = 0o600 << 16
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, content)
    return buffer.getvalue()


def is_allowed_entry(name: str) -> bool:
    return name in (MANIFEST_ENTRY, SIGNATURE_ENTRY) or _TABLE_ENTRY.fullmatch(name) is not None


def unpack_archive(data: bytes) -> dict[str, bytes]:
    """All entries by name. Which tables must be present is checked later, against the manifest."""
    try:
        entries = _read_entries(data)
    except ImportRefused:
        raise
    except Exception as exc:
        # zipfile raises many types on hostile input (BadZipFile, ValueError, EOFError, struct
        # errors, NotImplementedError …); for the importer they all mean the same thing.
        raise ImportRefused(ImportErrorCode.ARCHIEF_ONGELDIG) from exc
    for required in (MANIFEST_ENTRY, SIGNATURE_ENTRY):
        if required not in entries:
            raise ImportRefused(ImportErrorCode.ARCHIEF_ONGELDIG, "De inhoudsopgave of de handtekening ontbreekt.")
    return entries


def _read_entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ARCHIVE_ENTRIES:
            raise ImportRefused(ImportErrorCode.ARCHIEF_ONGELDIG, "De bundel bevat te veel onderdelen.")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise ImportRefused(ImportErrorCode.ARCHIEF_ONGELDIG, "De bundel bevat onderdelen dubbel.")
        for info in infos:
            if not is_allowed_entry(info.filename) or info.is_dir():
                raise ImportRefused(ImportErrorCode.ARCHIEF_ONGELDIG, "De bundel bevat onverwachte onderdelen.")
            if info.flag_bits & _ENCRYPTED_FLAG or info.compress_type != zipfile.ZIP_STORED:
                raise ImportRefused(ImportErrorCode.ARCHIEF_ONGELDIG)
        # read() checks each entry's CRC-32 and its local header against the central directory.
        return {info.filename: archive.read(info) for info in infos}
