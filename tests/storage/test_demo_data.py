"""The demo case file: synthetic, spread over the phases, with several surnames per family."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

from mpg_desktop.models.phases import Phase
from mpg_desktop.storage.cases_repository import list_case_summaries, list_contacts
from mpg_desktop.storage.demo_data import DEMO_PASSPHRASE, create_demo_store, demo_names
from tests.conftest import FAST_KDF


def test_demo_store_is_marked_and_spread_over_phases(tmp_path: Path) -> None:
    store = create_demo_store(tmp_path / "demo", kdf=FAST_KDF)
    try:
        assert store.header.is_demo and store.header.demo_passphrase == DEMO_PASSPHRASE
        assert not store.header.uses_device_secret  # opens on any machine
        cases = list_case_summaries(store)
        assert len(cases) == 25
        assert set(Counter(case.phase for case in cases)) == set(Phase)
        assert sum(len(case.surnames) > 1 for case in cases) >= 10  # own surnames per member
        today = date.today()
        assert any(case.evaluation_due(today) for case in cases)
        assert all(len(list_contacts(store, case.traject_id)) == 6 for case in cases[:3])
        known = set(demo_names().surnames)
        assert {surname for case in cases for surname in case.surnames} <= known
    finally:
        store.close()


def test_demo_is_reproducible(tmp_path: Path) -> None:
    first = create_demo_store(tmp_path / "a", kdf=FAST_KDF)
    second = create_demo_store(tmp_path / "b", kdf=FAST_KDF)
    try:
        names_a = [(c.family_name, c.phase) for c in list_case_summaries(first)]
        names_b = [(c.family_name, c.phase) for c in list_case_summaries(second)]
        assert names_a == names_b
    finally:
        first.close()
        second.close()


def test_demo_households_are_plausible(tmp_path: Path) -> None:
    from mpg_desktop.models.household import Role
    from mpg_desktop.storage.cases_repository import load_family

    store = create_demo_store(tmp_path / "demo", kdf=FAST_KDF)
    try:
        today = date.today()
        for case in list_case_summaries(store):
            family = load_family(store, case.family_id)
            firsts = [p.first_name for p in family.members]
            assert len(firsts) == len(set(firsts)), family.name
            mother = next(p for p in family.members if p.role is Role.MOEDER)
            children = sorted((p for p in family.members if p.role is Role.KIND), key=lambda p: p.birth_date)
            assert children, family.name
            for child in children:
                assert 18 <= mother.age_on(child.birth_date) <= 45, family.name
            for older, younger in pairwise(children):
                assert (younger.birth_date - older.birth_date).days > 0, family.name
            assert all(p.birth_date <= today for p in family.members)
    finally:
        store.close()


def test_demo_histories_match_their_phases(tmp_path: Path) -> None:
    from mpg_desktop.models.deadlines import Bucket, compute_deadlines, dashboard_bucket
    from mpg_desktop.models.phase_log import replay
    from mpg_desktop.models.programme_profiles import profile_or_default
    from mpg_desktop.models.referral_validation import referral_complete
    from mpg_desktop.storage.lifecycle_repository import load_lifecycle

    store = create_demo_store(tmp_path / "demo", kdf=FAST_KDF)
    try:
        today = date.today()
        buckets: Counter[Bucket] = Counter()
        for case in list_case_summaries(store):
            state = load_lifecycle(store, case.traject_id)
            assert replay(state.transitions) is state.phase, case.family_name
            assert referral_complete(state.referral, today=today), case.family_name
            if state.phase is Phase.AFGESLOTEN:
                assert state.end_date is not None and state.closure is not None
            if state.phase in (Phase.UITVOERING, Phase.AFRONDING):
                assert state.traject.plan_signed_on is not None
            profile = profile_or_default(state.traject.programme_profile)
            for termijn in compute_deadlines(profile, state.key_dates(), state.phase, today):
                bucket = dashboard_bucket(termijn, today)
                if bucket is not None:
                    buckets[bucket] += 1
        assert buckets[Bucket.TE_LAAT] >= 1  # a few overdue items to practise with
    finally:
        store.close()


def test_demo_dates_are_in_order_and_most_families_consented(tmp_path: Path) -> None:
    from mpg_desktop.storage.lifecycle_repository import list_consents, load_lifecycle

    store = create_demo_store(tmp_path / "demo", kdf=FAST_KDF)
    try:
        consented = 0
        for case in list_case_summaries(store):
            state = load_lifecycle(store, case.traject_id)
            if state.traject.plan_signed_on is not None and state.start_date is not None:
                assert state.start_date <= state.traject.plan_signed_on, case.family_name
            days = [t.at for t in state.transitions]
            assert days == sorted(days)
            consented += bool(list_consents(store, case.family_id))
        assert consented >= 8
    finally:
        store.close()
