"""Schema migrations: from empty, from every kept older store, and refusal of newer stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from mpg_desktop.storage import migrate
from mpg_desktop.storage.case_store import PRE_MIGRATION_DIR, CaseStore
from mpg_desktop.storage.cases_repository import list_case_summaries, list_contacts, load_family
from mpg_desktop.storage.errors import StoreTooNew
from mpg_desktop.storage.network_repository import list_maps, load_maps
from tests.fixtures.make_store_fixtures import (
    FIXTURE_PASSPHRASE,
    HERE,
    seed_contacts,
    seed_map_ids,
    seed_network_map,
)

PAST_REVISIONS = sorted(path.name.removeprefix("store_v") for path in HERE.glob("store_v*"))


def test_every_past_revision_has_a_fixture() -> None:
    revisions = [rev.revision for rev in migrate.ScriptDirectory.from_config(migrate._config()).walk_revisions()]
    past = set(revisions) - {migrate.head_revision()}
    assert past and past <= set(PAST_REVISIONS)


def test_fresh_store_is_at_head(store: CaseStore) -> None:
    assert store.schema_revision() == migrate.head_revision()
    assert store.count("contacts") == 0
    assert store.count("network_maps") == 0


@pytest.mark.parametrize("revision", PAST_REVISIONS)
def test_upgrade_from_kept_store(revision: str, tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(HERE / f"store_v{revision}", folder)
    store = CaseStore.open(folder, FIXTURE_PASSPHRASE)
    try:
        assert store.schema_revision() == migrate.head_revision()
        [case] = list_case_summaries(store)
        family = load_family(store, case.family_id)
        assert [p.surname for p in family.members] == ["Pinas", "de Boer"]
        contacts = [
            (c.contact_date.isoformat(), c.kind, c.duration_minutes) for c in list_contacts(store, case.traject_id)
        ]
        assert contacts == seed_contacts(revision)
        assert [m.map_id for m in list_maps(store, case.traject_id)] == seed_map_ids(revision)
        for stored in load_maps(store, case.traject_id):  # the document reads back as it was written
            assert stored.network_map == seed_network_map() and stored.revision == 3
            assert stored.focus_person_id == family.members[0].id
        assert store.verify().ok
    finally:
        store.close()
    # An encrypted copy of the old file was kept before migrating.
    copies = list((folder / PRE_MIGRATION_DIR).glob("*.db"))
    assert len(copies) == 1
    assert not copies[0].read_bytes().startswith(b"SQLite format 3")


def test_newer_store_is_refused_untouched(store: CaseStore, store_dir: Path) -> None:
    with store.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    db = next(store_dir.glob("case-store-*.db"))
    before = db.read_bytes()
    with pytest.raises(StoreTooNew) as error:
        CaseStore.open(store_dir, "keukentafel zonder verbinding 42")
    assert "nieuwere versie" in error.value.message
    assert db.read_bytes() == before
