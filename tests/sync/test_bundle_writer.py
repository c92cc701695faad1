"""Writing bundles (spec 4.8): round trip, manifest, allowlist, no plaintext, no stray files, atomicity."""

from __future__ import annotations

import errno
import functools
import os
import re
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import mpg_desktop
from mpg_desktop.storage import paths
from mpg_desktop.storage.errors import DiskFull
from mpg_desktop.sync.bundle_archive import pack_archive
from mpg_desktop.sync.bundle_format import MAGIC, RECIPIENT_KEY_ID_BYTES, sha256_hex
from mpg_desktop.sync.bundle_reader import read_bundle
from mpg_desktop.sync.bundle_writer import build_archive, write_bundle
from mpg_desktop.sync.errors import BundleWriteFailed, ExportRefused
from mpg_desktop.sync.import_result import ImportStatus
from mpg_desktop.sync.keys import key_id
from tests.sync.bundle_kit import BUNDLE_ID, NOW, Kit, pid, sample_info, sample_tables

UUID_NAME = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.mpgb")


@pytest.fixture
def kit() -> Kit:
    return Kit()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def write(kit: Kit, folder: Path, tables: Any = None) -> Any:
    return write_bundle(
        folder,
        sample_tables() if tables is None else tables,
        schema=kit.schema,
        info=sample_info(),
        device_private_key=kit.device.private,
        supervisor_public_key=kit.supervisor.public,
    )


def read(kit: Kit, path: Path) -> Any:
    return read_bundle(
        path,
        supervisor_private_key=kit.supervisor.private,
        devices=kit.registry,
        import_log=kit.log,
        schema=kit.schema,
    )


def test_round_trip_returns_every_row_as_written(kit: Kit, out: Path) -> None:
    tables = sample_tables()
    written = write(kit, out, tables)
    result = read(kit, written.path)

    assert result.status is ImportStatus.NEW
    assert result.manifest == written.manifest
    assert set(result.tables) == set(tables)
    for name, rows in tables.items():
        expected = [{key: None if value is None else str(value) for key, value in row.items()} for row in rows]
        assert [dict(row) for row in result.tables[name].rows] == expected
    assert [t.family_pid for t in result.tombstones] == [pid("G", "withdrawn")]
    assert result.device.label == "Laptop test"
    assert "4 tabellen, 17 regels, 1 gezin(nen) te verwijderen" in result.message


def test_file_name_header_and_manifest_follow_the_spec(kit: Kit, out: Path) -> None:
    written = write(kit, out)
    data = written.path.read_bytes()
    manifest = written.manifest

    assert UUID_NAME.fullmatch(written.path.name)
    assert written.path.name == f"{written.bundle_id}.mpgb"
    assert uuid.UUID(written.bundle_id).version == 4
    assert data[:4] == MAGIC and data[4] == 1
    assert data[5 : 5 + RECIPIENT_KEY_ID_BYTES] == key_id(kit.supervisor.public)
    assert str(manifest.schema_version) == "1.0.0"
    assert manifest.app_version == mpg_desktop.__version__
    assert manifest.device_key_id == key_id(kit.device.public).hex()
    assert manifest.created_utc.second == 0 and manifest.created_utc.microsecond == 0
    assert dict(manifest.counts) == {
        "families_in_scope": 9,
        "excluded_no_consent": 2,
        "special_withheld": 3,
        "families_exported": 7,
        "trajectories": 7,
        "tombstones": 1,
        "referral_aggregate_rows": 2,
    }
    assert [(t.name, t.rows) for t in manifest.tables] == [
        ("families", 7),
        ("trajectories", 7),
        ("tombstones", 1),
        ("referral_aggregates", 2),
    ]
    entries = kit.entries_of(data)
    assert list(entries)[:2] == ["manifest.json", "manifest.sig"]
    for table in manifest.tables:
        assert sha256_hex(entries[table.path]) == table.sha256


def test_archive_is_deterministic_with_fixed_id_and_time(kit: Kit) -> None:
    def archive() -> bytes:
        data, _ = build_archive(
            sample_tables(),
            schema=kit.schema,
            info=sample_info(),
            device_private_key=kit.device.private,
            bundle_id=BUNDLE_ID,
            now=NOW,
        )
        return data

    first = archive()
    assert first == archive()
    # Ed25519 is deterministic and the ZIP has fixed timestamps, so this is a byte-level check.
    assert b"\x00\x00\x21\x00" in first  # DOS date 1980-01-01 = 0x0021, time 0


def test_the_bundle_file_contains_no_plaintext(kit: Kit, out: Path) -> None:
    planted = "Plantvlag-Jansen-3012AB"
    tables = sample_tables()
    tables["families"][0]["area_code"] = planted
    tables["referral_aggregates"][0]["gemeente_code"] = planted
    data = write(kit, out, tables).path.read_bytes()

    needles = [planted, planted.lower(), "manifest.json", "tables/families", "family_pid", "GM0014", "mpg-bundle"]
    needles.append(pid("G", "family0"))
    for needle in needles:
        for encoding in ("utf-8", "utf-16-le"):
            assert needle.encode(encoding) not in data, needle
    # positive control: the same scan finds the needle in the decrypted archive
    assert planted.encode() in kit.archive_of(data)


# -- no other file, anywhere ---------------------------------------------------------------
_written_paths: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    # Audit hooks cannot be removed, so this one records only while a test switches it on.
    if _written_paths is None or event != "open":
        return
    path, mode, flags = args
    writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
    )
    if writes and isinstance(path, str | bytes | os.PathLike):
        _written_paths.append(os.fsdecode(path))


@functools.cache
def _install_audit_hook() -> None:
    sys.addaudithook(_audit)  # once per process, and only when a test asks for it


@pytest.fixture
def recorded_writes() -> Iterator[list[str]]:
    global _written_paths
    _install_audit_hook()
    _written_paths = []
    try:
        yield _written_paths
    finally:
        _written_paths = None


def test_no_file_but_the_bundle_is_created_in_the_folder_or_the_temp_dir(
    kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded_writes: list[str]
) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    written = write(kit, out)

    assert sorted(p.name for p in out.iterdir()) == [written.path.name]
    assert list(temp.iterdir()) == []
    # Every file opened for writing was the bundle or its (ciphertext) temporary sibling.
    allowed = re.compile(re.escape(str(out)) + r"/\.?" + re.escape(written.path.name) + r"(\.tmp-\d+)?")
    assert recorded_writes, "the audit hook saw the write"
    assert all(allowed.fullmatch(p) for p in recorded_writes), recorded_writes


def test_disk_full_leaves_no_file(kit: Kit, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(paths.os, "fsync", full)
    with pytest.raises(DiskFull) as caught:
        write(kit, out)
    assert "De schijf is vol" in caught.value.message
    assert list(out.iterdir()) == []


def test_a_missing_folder_is_a_dutch_write_error(kit: Kit, tmp_path: Path) -> None:
    with pytest.raises(BundleWriteFailed) as caught:
        write(kit, tmp_path / "verdwenen-usb-stick")
    assert "Kies een andere map" in caught.value.message


# -- the allowlist -------------------------------------------------------------------------
def test_a_column_off_the_allowlist_stops_the_export(kit: Kit, out: Path) -> None:
    tables = sample_tables()
    tables["families"][3]["naam"] = "Jansen"
    with pytest.raises(ExportRefused) as caught:
        write(kit, out, tables)
    assert "'naam'" in caught.value.message and "'families'" in caught.value.message
    assert "Jansen" not in caught.value.message
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.update(notities=[]), "'notities' staan niet in de exportindeling"),
        (lambda t: t.pop("tombstones"), "'tombstones' ontbreken"),
    ],
)
def test_unknown_or_missing_tables_stop_the_export(kit: Kit, tmp_path: Path, change: Any, words: str) -> None:
    tables = sample_tables()
    change(tables)
    with pytest.raises(ExportRefused) as caught:
        write(kit, tmp_path, tables)
    assert words in caught.value.message


@pytest.mark.parametrize("value", [__import__("datetime").date(2015, 6, 1), float("nan"), b"bytes", ["list"]])
def test_values_a_bundle_cannot_carry_stop_the_export(kit: Kit, tmp_path: Path, value: Any) -> None:
    tables = sample_tables()
    tables["families"][0]["area_code"] = value
    with pytest.raises(ExportRefused, match="'area_code'"):
        write(kit, tmp_path, tables)


def test_manifest_fields_are_checked_before_signing(kit: Kit, out: Path) -> None:
    with pytest.raises(ExportRefused, match="inhoudsopgave is ongeldig"):
        write_bundle(
            out,
            sample_tables(),
            schema=kit.schema,
            info=sample_info(device_pid="Jan Jansen"),
            device_private_key=kit.device.private,
            supervisor_public_key=kit.supervisor.public,
        )
    assert list(out.iterdir()) == []


def test_an_invalid_supervisor_key_stops_the_export(kit: Kit, tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="sleutel van de supervisor"):
        write_bundle(
            tmp_path,
            sample_tables(),
            schema=kit.schema,
            info=sample_info(),
            device_private_key=kit.device.private,
            supervisor_public_key=bytes(32),
        )


@dataclass(frozen=True)
class AggregateRow:
    aanmeld_kwartaal: str
    gemeente_code: str
    n: int


def test_rows_may_be_dataclasses(kit: Kit) -> None:
    tables: dict[str, Any] = sample_tables()
    tables["referral_aggregates"] = [AggregateRow("2025-Q1", "GM0014", 4)]
    result = kit.open(kit.bundle(tables))
    assert [dict(r) for r in result.tables["referral_aggregates"].rows] == [
        {"aanmeld_kwartaal": "2025-Q1", "gemeente_code": "GM0014", "n": "4"}
    ]


def test_pack_archive_writes_nothing_to_disk(tmp_path: Path, recorded_writes: list[str]) -> None:
    pack_archive([("manifest.json", b"{}")])
    assert recorded_writes == []
