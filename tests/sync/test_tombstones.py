"""Tombstones (IMP-14): parsed from the bundle, and which row versions they discard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mpg_desktop.sync.tombstones import Tombstone
from tests.sync.bundle_kit import Kit, pid, sample_tables


def test_bundle_tombstones_reach_the_caller() -> None:
    kit = Kit()
    tables = sample_tables()
    tables["tombstones"] = [
        {"family_pid": pid("G", "a"), "reden": "toestemming_ingetrokken", "vanaf_maand": "2024-12"},
        {"family_pid": pid("G", "b"), "reden": "verwijderd_op_verzoek", "vanaf_maand": "2025-03"},
    ]
    result = kit.open(kit.bundle(tables))
    assert result.tombstones == (
        Tombstone(pid("G", "a"), "toestemming_ingetrokken", "2024-12"),
        Tombstone(pid("G", "b"), "verwijderd_op_verzoek", "2025-03"),
    )
    assert result.manifest.counts["tombstones"] == 2


def test_a_bundle_without_tombstones() -> None:
    kit = Kit()
    tables = sample_tables()
    tables["tombstones"] = []
    assert kit.open(kit.bundle(tables)).tombstones == ()


@pytest.mark.parametrize(
    ("month", "until"),
    [("2025-02", datetime(2025, 3, 1, tzinfo=UTC)), ("2024-12", datetime(2025, 1, 1, tzinfo=UTC))],
)
def test_a_tombstone_covers_its_whole_month(month: str, until: datetime) -> None:
    stone = Tombstone(pid("G", "a"), "toestemming_ingetrokken", month)
    assert stone.covers_until == until
    assert stone.discards(until - timedelta(microseconds=1))
    assert stone.discards(until - timedelta(days=400))
    assert not stone.discards(until)
    assert not stone.discards(until + timedelta(days=1))


def test_row_versions_must_be_aware() -> None:
    stone = Tombstone(pid("G", "a"), "registratiefout", "2025-02")
    with pytest.raises(ValueError):
        stone.discards(datetime(2025, 1, 1))
