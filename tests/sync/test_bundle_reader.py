"""Import checks of spec 4.9: every error code the reader raises, each with the refusal it must give.

A refusal is always ``ImportRefused`` with the spec's code and a Dutch message that names it;
nothing is returned, so nothing can be applied.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from mpg_desktop.sync import bundle_reader
from mpg_desktop.sync.bundle_archive import pack_archive
from mpg_desktop.sync.bundle_csv import encode_table
from mpg_desktop.sync.bundle_format import HEADER_BYTES, MANIFEST_ENTRY, SIGNATURE_ENTRY, pack_container
from mpg_desktop.sync.bundle_manifest import Manifest
from mpg_desktop.sync.bundle_reader import read_bundle
from mpg_desktop.sync.errors import DEFAULT_MESSAGES, ImportErrorCode, ImportRefused
from mpg_desktop.sync.import_context import RegisteredDevice
from mpg_desktop.sync.import_result import ImportStatus, Table
from mpg_desktop.sync.keys import key_id, new_device_key, new_supervisor_key
from tests.sync.bundle_kit import Kit, assert_dutch_refusal, manifest_of, pid, sample_tables, with_table

E = ImportErrorCode


@pytest.fixture
def kit() -> Kit:
    return Kit()


def read_file(kit: Kit, path: Path) -> Any:
    return read_bundle(
        path,
        supervisor_private_key=kit.supervisor.private,
        devices=kit.registry,
        import_log=kit.log,
        schema=kit.schema,
    )


def refused_file(kit: Kit, path: Path) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        read_file(kit, path)
    return caught.value


# -- E01 ONLEESBAAR ------------------------------------------------------------------------
def test_empty_file(kit: Kit, tmp_path: Path) -> None:
    path = tmp_path / "leeg.mpgb"
    path.write_bytes(b"")
    exc = refused_file(kit, path)
    assert_dutch_refusal(exc, E.ONLEESBAAR)
    assert "leeg" in exc.message


def test_missing_file_and_folder_are_unreadable(kit: Kit, tmp_path: Path) -> None:
    assert_dutch_refusal(refused_file(kit, tmp_path / "weg.mpgb"), E.ONLEESBAAR)
    assert_dutch_refusal(refused_file(kit, tmp_path), E.ONLEESBAAR)


def test_file_over_the_size_limit(kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "groot.mpgb"
    path.write_bytes(kit.bundle())
    monkeypatch.setattr(bundle_reader, "MAX_BUNDLE_BYTES", 1000)
    exc = refused_file(kit, path)
    assert_dutch_refusal(exc, E.ONLEESBAAR)
    assert "te groot" in exc.message


@pytest.mark.parametrize("length", [2, 4, 5, HEADER_BYTES - 1])
def test_file_truncated_inside_the_header(kit: Kit, length: int) -> None:
    exc = kit.refused(kit.bundle()[:length])
    assert_dutch_refusal(exc, E.ONLEESBAAR)
    assert "onvolledig" in exc.message


# -- E02 GEEN_BUNDEL, E03 CONTAINER_ONBEKEND -------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(100), b"PK\x03\x04" + bytes(100), b"Beste supervisor,", b"MPGX" + bytes(60)],
)
def test_not_a_bundle(kit: Kit, data: bytes) -> None:
    assert_dutch_refusal(kit.refused(data), E.GEEN_BUNDEL)


def test_unknown_container_version(kit: Kit) -> None:
    data = bytearray(kit.bundle())
    data[4] = 2
    assert_dutch_refusal(kit.refused(bytes(data)), E.CONTAINER_ONBEKEND)


# -- E04 VERKEERDE_ONTVANGER, E05 ONTSLEUTELEN_MISLUKT ---------------------------------------
def test_bundle_for_another_supervisor(kit: Kit) -> None:
    other = new_supervisor_key()
    assert_dutch_refusal(kit.refused(kit.bundle(supervisor_public=other.public)), E.VERKEERDE_ONTVANGER)


def test_header_claiming_our_key_but_sealed_for_another(kit: Kit) -> None:
    other = new_supervisor_key()
    data = kit.bundle(supervisor_public=other.public)
    forged = pack_container(key_id(kit.supervisor.public), data[HEADER_BYTES:])
    assert_dutch_refusal(kit.refused(forged), E.ONTSLEUTELEN_MISLUKT)


@pytest.mark.parametrize("position", [HEADER_BYTES, HEADER_BYTES + 40, -1, -200])
def test_tampered_ciphertext(kit: Kit, position: int) -> None:
    data = bytearray(kit.bundle())
    data[position] ^= 0x01
    assert_dutch_refusal(kit.refused(bytes(data)), E.ONTSLEUTELEN_MISLUKT)


@pytest.mark.parametrize("cut", [1, 16, 500])
def test_file_truncated_inside_the_ciphertext(kit: Kit, cut: int) -> None:
    assert_dutch_refusal(kit.refused(kit.bundle()[:-cut]), E.ONTSLEUTELEN_MISLUKT)


def test_bytes_appended_to_the_file(kit: Kit) -> None:
    assert_dutch_refusal(kit.refused(kit.bundle() + b"\x00"), E.ONTSLEUTELEN_MISLUKT)


# -- E06 ARCHIEF_ONGELDIG ------------------------------------------------------------------
def test_sealed_content_that_is_not_a_zip(kit: Kit) -> None:
    assert_dutch_refusal(kit.refused(kit.seal(b"geen zip maar tekst")), E.ARCHIEF_ONGELDIG)


@pytest.mark.parametrize(
    "extra", ["tables/../../etc/passwd.csv", "/abs.csv", "tables/Families.csv", "notes.txt", "tables/"]
)
def test_unexpected_or_traversing_entry_names(kit: Kit, extra: str) -> None:
    entries = kit.entries_of(kit.bundle())
    entries[extra] = b"x"
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.ARCHIEF_ONGELDIG)


def test_duplicate_entries(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    items = [(name, data) for name, data in entries.items()]
    with pytest.warns(UserWarning, match="Duplicate name"):
        archive = pack_archive([*items, ("tables/families.csv", b"family_pid\n")])
    assert_dutch_refusal(kit.refused(kit.seal(archive)), E.ARCHIEF_ONGELDIG)


def test_compressed_entries_are_refused(kit: Kit) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in kit.entries_of(kit.bundle()).items():
            archive.writestr(name, data)
    assert_dutch_refusal(kit.refused(kit.seal(buffer.getvalue())), E.ARCHIEF_ONGELDIG)


def test_bad_crc_is_refused(kit: Kit) -> None:
    archive = bytearray(kit.archive_of(kit.bundle()))
    position = archive.index(b"family_pid,area_code")
    archive[position] ^= 0x20  # 'f' -> 'F': same length, wrong CRC
    assert_dutch_refusal(kit.refused(kit.seal(bytes(archive))), E.ARCHIEF_ONGELDIG)


@pytest.mark.parametrize("missing", [MANIFEST_ENTRY, SIGNATURE_ENTRY])
def test_missing_manifest_or_signature(kit: Kit, missing: str) -> None:
    entries = kit.entries_of(kit.bundle())
    del entries[missing]
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.ARCHIEF_ONGELDIG)


def test_table_in_the_archive_but_not_in_the_manifest(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    entries["tables/extra.csv"] = b"a\n1\n"
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.ARCHIEF_ONGELDIG)


def test_table_in_the_manifest_but_not_in_the_archive(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    del entries["tables/trajectories.csv"]
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.ARCHIEF_ONGELDIG)


# -- E07 MANIFEST_ONGELDIG -----------------------------------------------------------------
@pytest.mark.parametrize(
    "raw",
    [b"not json", b"[]", b'{"format": "zip"}', b'{"format": "mpg-bundle", "format": "mpg-bundle"}', b"[" * 5000],
)
def test_manifest_that_does_not_parse(kit: Kit, raw: bytes) -> None:
    entries = kit.entries_of(kit.bundle())
    entries[MANIFEST_ENTRY] = raw
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.MANIFEST_ONGELDIG)


@pytest.mark.parametrize(
    "change",
    [
        {"bundle_id": "niet-een-uuid"},
        {"bundle_id": "5f0c2d0e-3b7a-1c55-9a51-2f7e8d1c6b90"},  # a UUIDv1
        {"device_seq": -1},
        {"device_seq": True},
        {"device_pid": "Jan Jansen"},
        {"created_utc": "2025-02-30T10:00:00Z"},
        {"data_as_of": "gisteren"},
        {"gemeente_codes": "GM0014"},
        {"counts": {"families_exported": 7}},
        {"onbekend_veld": 1},
        {"container_version": 2},
        {"k": 1.5},
        {"tables": [{"name": "families"}]},
    ],
)
def test_signed_manifest_with_invalid_fields(kit: Kit, change: dict[str, Any]) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = {**manifest_of(entries), **change}
    assert_dutch_refusal(kit.refused(kit.resign(entries, manifest)), E.MANIFEST_ONGELDIG)


def test_signed_manifest_missing_a_field(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = manifest_of(entries)
    del manifest["org_code"]
    assert_dutch_refusal(kit.refused(kit.resign(entries, manifest)), E.MANIFEST_ONGELDIG)


def test_signed_manifest_missing_a_table_of_the_schema(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = manifest_of(entries)
    manifest["tables"] = [t for t in manifest["tables"] if t["name"] != "tombstones"]
    manifest = with_table(manifest, "families", entries["tables/families.csv"])
    del entries["tables/tombstones.csv"]
    assert_dutch_refusal(kit.refused(kit.resign(entries, manifest)), E.MANIFEST_ONGELDIG)


# -- E08 HANDTEKENING_ONGELDIG, E09 APPARAAT_ONBEKEND ----------------------------------------
def test_tampered_manifest_breaks_the_signature(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = manifest_of(entries)
    manifest["counts"]["families_in_scope"] = 90
    entries[MANIFEST_ENTRY] = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.HANDTEKENING_ONGELDIG)


@pytest.mark.parametrize("signature", [bytes(64), b"\x01" * 63, b""])
def test_bad_signature(kit: Kit, signature: bytes) -> None:
    entries = kit.entries_of(kit.bundle())
    entries[SIGNATURE_ENTRY] = signature
    assert_dutch_refusal(kit.refused(kit.repack(entries)), E.HANDTEKENING_ONGELDIG)


def test_signed_by_another_key_than_the_manifest_names(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    assert_dutch_refusal(
        kit.refused(kit.resign(entries, manifest_of(entries), device=new_device_key())), E.HANDTEKENING_ONGELDIG
    )


def test_registered_key_naming_another_device_pid(kit: Kit) -> None:
    exc = kit.refused(kit.bundle(device_pid=pid("A", "andere laptop")))
    assert_dutch_refusal(exc, E.HANDTEKENING_ONGELDIG)
    assert "andere laptop" in exc.message


def test_unknown_device(kit: Kit) -> None:
    stranger = new_device_key()
    assert_dutch_refusal(kit.refused(kit.bundle(device=stranger)), E.APPARAAT_ONBEKEND)


def test_revoked_device(kit: Kit) -> None:
    kit.registry.register(kit.device.public, revoked=True, device_pid=pid("A", "laptop"))
    exc = kit.refused(kit.bundle())
    assert_dutch_refusal(exc, E.APPARAAT_ONBEKEND)
    assert "ingetrokken" in exc.message


def test_register_entry_with_a_key_that_does_not_match_its_id(kit: Kit) -> None:
    other = new_device_key()
    kit.registry.devices[key_id(kit.device.public)] = RegisteredDevice(other.public)
    assert_dutch_refusal(kit.refused(kit.bundle()), E.APPARAAT_ONBEKEND)


# -- E11 HASH_WIJKT_AF, E12 AANTAL_WIJKT_AF, E13 ONVERWACHTE_KOLOMMEN -------------------------
def test_table_altered_after_hashing(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    entries["tables/families.csv"] = entries["tables/families.csv"].replace(b"noord", b"zuid!")
    exc = kit.refused(kit.repack(entries))
    assert_dutch_refusal(exc, E.HASH_WIJKT_AF)
    assert "'families'" in exc.message


def test_content_hash_that_does_not_match_the_tables(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = {**manifest_of(entries), "content_sha256": "0" * 64}
    assert_dutch_refusal(kit.refused(kit.resign(entries, manifest)), E.HASH_WIJKT_AF)


def test_row_count_differs_from_manifest(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = manifest_of(entries)
    for table in manifest["tables"]:
        if table["name"] == "trajectories":
            table["rows"] += 1
    exc = kit.refused(kit.resign(entries, manifest))
    assert_dutch_refusal(exc, E.AANTAL_WIJKT_AF)
    assert "'trajectories' heeft 7 regels" in exc.message


def test_counts_entry_differs_from_the_table(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    manifest = manifest_of(entries)
    manifest["counts"]["families_exported"] = 6
    assert_dutch_refusal(kit.refused(kit.resign(entries, manifest)), E.AANTAL_WIJKT_AF)


def test_extra_column_naam_is_refused_not_ignored(kit: Kit) -> None:
    """AF-34: an extra column 'naam' (correctly hashed and signed) gives E13."""
    tables = sample_tables()
    columns = (*kit.schema.tables[0].columns, "naam")
    rows = [{**row, "naam": "Jansen"} for row in tables["families"]]
    data = encode_table(columns, rows)
    entries = kit.entries_of(kit.bundle())
    entries["tables/families.csv"] = data
    manifest = with_table(manifest_of(entries), "families", data, columns=list(columns))
    exc = kit.refused(kit.resign(entries, manifest))
    assert_dutch_refusal(exc, E.ONVERWACHTE_KOLOMMEN)
    assert "'naam'" in exc.message and "Jansen" not in exc.message


def test_missing_column_is_refused(kit: Kit) -> None:
    columns = kit.schema.tables[0].columns[:-1]
    data = encode_table(columns, sample_tables()["families"])
    entries = kit.entries_of(kit.bundle())
    entries["tables/families.csv"] = data
    manifest = with_table(manifest_of(entries), "families", data, columns=list(columns))
    exc = kit.refused(kit.resign(entries, manifest))
    assert_dutch_refusal(exc, E.ONVERWACHTE_KOLOMMEN)
    assert "'row_version'" in exc.message


def test_header_that_differs_from_the_manifest_columns(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    data = entries["tables/families.csv"].replace(b"area_code", b"naam_code", 1)
    entries["tables/families.csv"] = data
    manifest = with_table(manifest_of(entries), "families", data)
    assert_dutch_refusal(kit.refused(kit.resign(entries, manifest)), E.ONVERWACHTE_KOLOMMEN)


def test_unknown_table_in_a_known_version(kit: Kit) -> None:
    entries = kit.entries_of(kit.bundle())
    data = b"naam\nJansen\n"
    entries["tables/notities.csv"] = data
    manifest = manifest_of(entries)
    manifest["tables"].append(
        {"name": "notities", "path": "tables/notities.csv", "rows": 1, "sha256": "", "columns": ["naam"]}
    )
    manifest = with_table(manifest, "notities", data)
    exc = kit.refused(kit.resign(entries, manifest))
    assert_dutch_refusal(exc, E.ONVERWACHTE_KOLOMMEN)
    assert "'notities'" in exc.message


# -- E14 ONGELDIGE_WAARDE (CSV syntax and tombstones) ---------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        b"aanmeld_kwartaal,gemeente_code,n\n2025-Q1,GM0014\n",  # ragged row
        b'aanmeld_kwartaal,gemeente_code,n\n"2025-Q1,GM0014,4\n',  # unterminated quote
        b"aanmeld_kwartaal,gemeente_code,n\n\xff\xfe,GM0014,4\n",  # not UTF-8
        b"",  # no header
    ],
)
def test_malformed_csv(kit: Kit, data: bytes) -> None:
    entries = kit.entries_of(kit.bundle())
    entries["tables/referral_aggregates.csv"] = data
    manifest = with_table(manifest_of(entries), "referral_aggregates", data, rows=1)
    exc = kit.refused(kit.resign(entries, manifest))
    assert_dutch_refusal(exc, E.ONGELDIGE_WAARDE)
    assert "'referral_aggregates'" in exc.message


@pytest.mark.parametrize(
    "row",
    [
        {"family_pid": "Jansen", "reden": "toestemming_ingetrokken", "vanaf_maand": "2025-02"},
        {"family_pid": pid("G", "x"), "reden": "zomaar", "vanaf_maand": "2025-02"},
        {"family_pid": pid("G", "x"), "reden": "registratiefout", "vanaf_maand": "2025-13"},
        {"family_pid": pid("G", "x"), "reden": "registratiefout", "vanaf_maand": None},
    ],
)
def test_invalid_tombstone(kit: Kit, row: dict[str, Any]) -> None:
    tables = sample_tables()
    tables["tombstones"] = [row]
    exc = kit.refused(kit.bundle(tables))
    assert_dutch_refusal(exc, E.ONGELDIGE_WAARDE)
    assert "'tombstones' regel 2" in exc.message


# -- E15/E16 through the checks hook, E17 BUNDELCONFLICT ------------------------------------
def test_content_checks_run_on_verified_tables_and_can_refuse(kit: Kit) -> None:
    seen: list[int] = []

    def tripwire(manifest: Manifest, tables: Any) -> None:
        seen.append(len(tables["families"].rows))
        raise ImportRefused(E.PERSOONSGEGEVENS_GEVONDEN, "Tabel 'families' kolom 'area_code'.")

    exc = kit.refused(kit.bundle(), checks=[tripwire])
    assert_dutch_refusal(exc, E.PERSOONSGEGEVENS_GEVONDEN)
    assert seen == [7]


def test_reimport_of_the_same_bundle_changes_nothing(kit: Kit) -> None:
    data = kit.bundle()
    first = kit.open(data)
    kit.log.hashes[first.manifest.bundle_id] = first.manifest.content_sha256
    again = kit.open(data)
    assert first.status is ImportStatus.NEW
    assert again.status is ImportStatus.ALREADY_IMPORTED
    assert "al eerder geïmporteerd" in again.message


def test_same_bundle_id_with_other_content_is_a_conflict(kit: Kit) -> None:
    first = kit.open(kit.bundle())
    kit.log.hashes[first.manifest.bundle_id] = first.manifest.content_sha256
    tables = sample_tables()
    tables["referral_aggregates"][0]["n"] = 13
    exc = kit.refused(kit.bundle(tables))
    assert_dutch_refusal(exc, E.BUNDELCONFLICT)


# -- messages ------------------------------------------------------------------------------
@pytest.mark.parametrize("code", list(ImportErrorCode))
def test_every_code_has_a_dutch_message_with_its_code(code: ImportErrorCode) -> None:
    exc = ImportRefused(code)
    assert_dutch_refusal(exc, code)
    assert DEFAULT_MESSAGES[code] in exc.message
    assert str(exc) == exc.message
    dutch_words = ("de ", "het ", "een ", "niet", "bundel")
    assert any(word in DEFAULT_MESSAGES[code].lower() for word in dutch_words)


def test_codes_are_the_specs() -> None:
    assert [code.label for code in ImportErrorCode][:3] == [
        "E01 ONLEESBAAR",
        "E02 GEEN_BUNDEL",
        "E03 CONTAINER_ONBEKEND",
    ]
    assert [code.value for code in ImportErrorCode] == [f"E{n:02d}" for n in range(1, 19)]


def test_refusal_names_are_shortened_and_printable(kit: Kit) -> None:
    long_name = "k" + "x" * 60
    entries = kit.entries_of(kit.bundle())
    data = f"{long_name}\n1\n".encode()
    entries[f"tables/{long_name}.csv"] = data
    manifest = manifest_of(entries)
    manifest["tables"].append(
        {"name": long_name, "path": f"tables/{long_name}.csv", "rows": 1, "sha256": "", "columns": [long_name]}
    )
    exc = kit.refused(kit.resign(entries, with_table(manifest, long_name, data)))
    assert long_name not in exc.message and long_name[:39] + "…" in exc.message


def test_returned_tables_hold_every_schema_column(kit: Kit) -> None:
    result = kit.open(kit.bundle())
    families: Table = result.tables["families"]
    assert families.columns == kit.schema.tables[0].columns
    assert all(tuple(row) == families.columns for row in families.rows)
    assert families.rows[1]["area_code"] == "noord" and families.rows[0]["area_code"] == "*"
