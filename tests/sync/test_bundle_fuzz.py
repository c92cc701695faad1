"""Hostile bundles: whatever is done to a bundle, the reader either returns the whole verified
content or refuses with ``ImportRefused`` and a Dutch message; never another exception, never
part of a bundle.

Four layers are attacked: the file bytes; the decrypted ZIP (resealed, as anyone holding the
supervisor's public key can); the manifest (re-signed with the registered key, as a faulty
exporter would); a table (re-hashed and re-signed). ``MPG_FUZZ_EXAMPLES`` sets the examples per
test (default 300; ``make soak``-style runs use 10000).
"""

from __future__ import annotations

import copy
import functools
import os
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from mpg_desktop.sync.errors import ImportRefused
from mpg_desktop.sync.import_result import ImportedBundle
from tests.sync.bundle_kit import Kit, manifest_of, sample_tables, with_table

EXAMPLES = int(os.environ.get("MPG_FUZZ_EXAMPLES", "300"))
fuzz = settings(max_examples=EXAMPLES)


@functools.cache
def baseline() -> tuple[Kit, bytes, ImportedBundle]:
    kit = Kit()
    tables = sample_tables()
    # Cells with quotes, commas, line breaks and formula starts, so the CSV parser is exercised.
    tables["referral_aggregates"].append({"aanmeld_kwartaal": '=1+"2",\r\n3', "gemeente_code": "-GM", "n": -1})
    data = kit.bundle(tables)
    return kit, data, kit.open(data)


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one to three byte-level changes: truncate, flip, insert, delete, overwrite."""
    result = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        size = len(result)
        kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "overwrite"]))
        position = draw(st.integers(0, max(size - 1, 0)))
        if kind == "truncate":
            del result[position:]
        elif kind == "flip" and size:
            result[position] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            result[position:position] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "delete":
            del result[position : position + draw(st.integers(1, 64))]
        else:
            patch = draw(st.binary(min_size=1, max_size=16))
            result[position : position + len(patch)] = patch
    return bytes(result)


def outcome(kit: Kit, data: bytes) -> ImportedBundle | ImportRefused:
    try:
        result = kit.open(data)
    except ImportRefused as exc:
        assert exc.message.endswith(f"(Foutcode {exc.code.label}.)")
        assert "Er is niets geïmporteerd." in exc.message
        event(exc.code.label)  # the statistics show which checks the fuzzing reaches
        return exc
    event("accepted")
    return result


def assert_whole(kit: Kit, result: ImportedBundle) -> None:
    """A returned bundle is complete: every table of the schema, every row the manifest counts."""
    assert set(result.tables) == {table.name for table in kit.schema.tables}
    for entry in result.manifest.tables:
        table = result.tables[entry.name]
        assert len(table.rows) == entry.rows
        assert all(tuple(row) == table.columns for row in table.rows)


@fuzz
@given(st.data())
def test_mutated_file_is_refused_or_unchanged(data: st.DataObject) -> None:
    kit, original, expected = baseline()
    result = outcome(kit, data.draw(mutated(original)))
    if isinstance(result, ImportedBundle):
        # Only a change that changes nothing can pass the sealed box.
        assert result == expected


@fuzz
@given(st.data())
def test_mutated_archive_is_refused_or_unchanged(data: st.DataObject) -> None:
    kit, original, expected = baseline()
    archive = kit.archive_of(original)
    result = outcome(kit, kit.seal(data.draw(mutated(archive))))
    if isinstance(result, ImportedBundle):
        # ZIP metadata (dates, comments, extra fields) may change; the content may not.
        assert result.tables == expected.tables and result.manifest == expected.manifest


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=8,
)


@fuzz
@given(st.data())
def test_signed_manifest_with_odd_values_is_refused_or_whole(data: st.DataObject) -> None:
    kit, original, _expected = baseline()
    entries = kit.entries_of(original)
    manifest: dict[str, Any] = copy.deepcopy(manifest_of(entries))
    for _ in range(data.draw(st.integers(1, 3))):
        target: Any = manifest
        key: Any = data.draw(st.sampled_from(sorted(target)))
        # Sometimes descend one level (into counts, tables[i] or a list) before changing a value.
        if isinstance(target[key], dict | list) and target[key] and data.draw(st.booleans()):
            target = target[key]
            key = data.draw(st.sampled_from(sorted(target) if isinstance(target, dict) else range(len(target))))
        if isinstance(target, dict) and data.draw(st.integers(0, 4)) == 0:
            del target[key]
        else:
            target[key] = data.draw(json_values)
    result = outcome(kit, kit.resign(entries, manifest))
    if isinstance(result, ImportedBundle):
        assert_whole(kit, result)


@fuzz
@given(st.data())
def test_signed_table_with_odd_bytes_is_refused_or_whole(data: st.DataObject) -> None:
    kit, original, _expected = baseline()
    entries = kit.entries_of(original)
    name = data.draw(st.sampled_from(["families", "trajectories", "tombstones", "referral_aggregates"]))
    path = f"tables/{name}.csv"
    table = data.draw(mutated(entries[path]))
    entries[path] = table
    rows = data.draw(st.integers(0, 12))
    manifest = manifest_of(entries)
    counts_key = {"families": "families_exported", "referral_aggregates": "referral_aggregate_rows"}.get(name, name)
    manifest["counts"][counts_key] = rows
    result = outcome(kit, kit.resign(entries, with_table(manifest, name, table, rows=rows)))
    if isinstance(result, ImportedBundle):
        assert_whole(kit, result)
        assert len(result.tables[name].rows) == rows
