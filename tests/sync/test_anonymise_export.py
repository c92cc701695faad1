"""Export from a real store: no identifier leaves, consent gate, k >= 5, stable pseudonyms, and the
supervisor analysis runs on the decrypted bundle.

Planted families carry a sentinel in every text field (names, family name, notes, referral
questions, reasons, referrer and helper contacts, consent signer, decision and closure texts)
and unusual birth dates; the scan covers every table and the decrypted bundle's every entry.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select

from mpg_desktop.models.admission import Decision, DecisionKind
from mpg_desktop.models.choices import Choice
from mpg_desktop.models.closure import Closure, Handover, Success
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import InvolvedHelp, Referral, ReferrerContact
from mpg_desktop.models.traject import Contact
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import add_contacts
from mpg_desktop.storage.demo_data import create_demo_store, demo_names
from mpg_desktop.storage.lifecycle_repository import (
    record_transition,
    register_referral,
    save_closure,
    save_consent,
    save_decision,
)
from mpg_desktop.storage.lifecycle_tables import ConsentRow
from mpg_desktop.storage.tables import FamilyRow
from mpg_desktop.sync.analysis import ind_aanmeldingen, ind_duur, pool_bundles
from mpg_desktop.sync.analysis.tables import from_imported
from mpg_desktop.sync.bundle_archive import unpack_archive
from mpg_desktop.sync.bundle_reader import open_bundle
from mpg_desktop.sync.export_pipeline import format_preview, org_pseudonymiser, prepare_export, store_uid, write_export
from mpg_desktop.sync.export_schema import EXPORT_SCHEMA
from mpg_desktop.sync.keys import device_public_key
from mpg_desktop.sync.kgate import QUASI_IDENTIFIERS
from mpg_desktop.sync.pseudonyms import Entity
from tests.conftest import FAST_KDF
from tests.sync.bundle_kit import Kit, MemoryImportLog, MemoryRegistry

AS_OF = date(2026, 6, 1)
NOW = datetime(2026, 6, 1, 12, 0)
BIRTH_DATES = (date(1977, 3, 19), date(1979, 11, 23), date(2016, 7, 29))


@dataclass
class Planted:
    values: list[str]

    def new(self) -> str:
        self.values.append(f"ZQXSENTINEL{len(self.values) + 1:04d}")
        return self.values[-1]


def _consent(p: Planted, purpose: str, withdrawn: date | None = None) -> Consent:
    return Consent(
        Choice(purpose), "Supervisor", ("status",), date(2026, 1, 5), p.new(), Choice("ouder"),
        ConsentForm.SCHRIFTELIJK, recorded_by=p.new(), withdrawn_on=withdrawn,
    )  # fmt: skip


def _plant_family(store: CaseStore, p: Planted, index: int) -> int:
    members = (
        Person(p.new(), p.new(), BIRTH_DATES[0], Role.MOEDER, Sex.VROUW, school_work=p.new()),
        Person(p.new(), p.new(), BIRTH_DATES[1], Role.VADER, Sex.MAN, lives_in_household=False),
        Person(p.new(), p.new(), BIRTH_DATES[2], Role.KIND, placed_where=p.new()),
    )
    referral = Referral(
        referral_date=date(2026, 1, 10 + index),
        area=Choice("overig", p.new()),
        referrer_type=Choice("professional", p.new()),
        referring_organisation=Choice("cjg", p.new()),
        referrer_contact=ReferrerContact(p.new(), p.new(), "06-12345678", f"{p.new()}@example.nl"),
        reasons=(Choice("anders", p.new()),),
        referrer_question=p.new(),
        family_question=p.new(),
        child_safety_note=p.new(),
        consequences_of_not_cooperating=p.new(),
        case_manager=p.new(),
        involved_help=(InvolvedHelp(p.new(), p.new(), p.new()),),
        network_support_from=p.new(),
        legal_frame=Choice("vrijwillig"),
    )
    family_id, traject_id = register_referral(store, Family(p.new(), members), referral)
    add_contacts(store, traject_id, [Contact(date(2026, 2, 1), "huisbezoek", 30, p.new())])
    coach = p.new()
    save_decision(
        store, traject_id, Decision(DecisionKind.GO, date(2026, 1, 20), p.new(), explanation=p.new(), coach=coach)
    )
    steps = [(Phase.IN_BEOORDELING, 12), (Phase.KENNISMAKING, 20), (Phase.INFORMATIEFASE, 25), (Phase.PLANVORMING, 40)]
    steps += [(Phase.UITVOERING, 60), (Phase.AFGESLOTEN, 120)]
    current = Phase.AANGEMELD
    for target, day in steps:
        at = datetime.combine(date(2026, 1, 1), time(10)) + timedelta(days=day)
        closing = target is Phase.AFGESLOTEN
        if closing:
            save_closure(
                store, traject_id,
                Closure(at.date(), Choice("doelen_bereikt"), Success.JA, coach_impression=p.new(),
                        goal_evaluation_notes=p.new(), conclusions=p.new(), handovers=(Handover(p.new(), p.new()),)),
            )  # fmt: skip
        kind = TransitionKind.VOORUIT
        record_transition(store, traject_id, PhaseTransition(current, target, at, coach, kind, reason=p.new()))
        current = target
    save_consent(store, family_id, _consent(p, "monitoring_basis"))
    return family_id


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("export")
    store = create_demo_store(folder / "store", kdf=FAST_KDF)
    with store.session() as session:  # this test decides who consented, not the demo
        session.execute(delete(ConsentRow))
    p = Planted([])
    planted = [_plant_family(store, p, i) for i in range(6)]
    with store.session() as session:
        demo_ids = [fid for fid in session.scalars(select(FamilyRow.id)) if fid not in planted]
    consenting, no_consent, withdrawn = demo_ids[:-4], demo_ids[-4:-1], demo_ids[-1]
    for fid in consenting:
        save_consent(store, fid, _consent(p, "monitoring_basis"))
    save_consent(store, withdrawn, _consent(p, "monitoring_basis", withdrawn=date(2026, 4, 2)))
    kit = Kit()
    first = prepare_export(store, as_of=AS_OF, now=NOW)
    written = write_export(store, first, folder, kit.supervisor.public)
    second = prepare_export(store, as_of=AS_OF, now=NOW)
    pseudo, _ = org_pseudonymiser(store)
    registry = MemoryRegistry()
    registry.register(device_public_key(base64.b64decode(store.get_meta("export_device_key"))))
    result = {
        "store": store, "first": first, "second": second, "written": written, "kit": kit, "registry": registry,
        "planted": planted, "no_consent": no_consent, "withdrawn": withdrawn, "consenting": consenting,
        "sentinels": p.values, "pseudo": pseudo, "uid": store_uid(store),
    }  # fmt: skip
    yield result
    store.close()


def _needles(sentinels: list[str]) -> list[str]:
    names = demo_names()
    dates = [f(d) for d in BIRTH_DATES for f in (date.isoformat, lambda d: d.strftime("%d-%m-%Y"))]
    return [*sentinels, *dates, "06-12345678", "@example.nl", "Demo-coach", *names.surnames, *names.female[:20]]


def _cells(tables: dict[str, list[dict[str, object]]]) -> list[str]:
    return [str(v) for rows in tables.values() for row in rows for v in row.values() if v is not None]


def test_no_identifier_in_any_table_or_in_the_decrypted_bundle(exported: dict[str, Any]) -> None:
    needles = _needles(exported["sentinels"])
    assert len(exported["sentinels"]) > 100  # the plant really happened
    cells = _cells(exported["first"].tables.tables)
    assert cells, "tables are empty"
    hits = [n for n in needles if any(n in c for c in cells if len(n) > 3)]
    assert hits == []
    kit: Kit = exported["kit"]
    entries = unpack_archive(kit.archive_of(exported["written"].path.read_bytes()))
    assert "tables/families.csv" in entries
    blob = b"\n".join(entries.values())
    # Case-sensitive for names (pseudonyms are lower-case base32 and may spell 'lisa' by chance);
    # the sentinels are also searched in lower case.
    assert [n for n in needles if len(n) > 3 and n.encode() in blob] == []
    assert [n for n in exported["sentinels"] if n.lower().encode() in blob.lower()] == []
    # positive control: the same scan finds a needle that is there
    assert any(n.encode() in blob for n in ["traj_pid", *needles])


def test_consent_gate_excludes_counts_and_tombstones(exported: dict[str, Any]) -> None:
    first = exported["first"]
    preview = first.preview
    pid = lambda fid: exported["pseudo"].pid(Entity.GEZIN, f"{exported['uid']}/{fid}")  # noqa: E731
    exported_pids = {row["family_pid"] for row in first.tables.tables["families"]}
    assert {pid(f) for f in exported["planted"] + exported["consenting"]} == exported_pids
    assert not exported_pids & {pid(f) for f in [*exported["no_consent"], exported["withdrawn"]]}
    assert preview.excluded == {"geen_toestemming": 3, "toestemming_ingetrokken": 1}
    assert first.tables.tables["tombstones"] == [
        {"family_pid": pid(exported["withdrawn"]), "reden": "toestemming_ingetrokken", "vanaf_maand": "2026-04"}
    ]
    total_trajects = preview.trajectories + 4  # each demo family has one traject
    assert sum(row["n"] for row in first.tables.tables["referral_aggregates"]) == total_trajects
    assert preview.special_withheld == preview.families_exported
    text = format_preview(first)
    assert "geen toestemming voor monitoring: 3" in text and f"profiel {preview.profile}" in text


def test_k_anonymity_holds_on_the_family_table(exported: dict[str, Any]) -> None:
    families = exported["first"].tables.tables["families"]
    periods = {}
    for row in exported["first"].tables.tables["trajectories"]:
        periods[row["family_pid"]] = row["aanmeld_periode"]
    keys = []
    for row in families:
        values = {**row, "aanmeld_periode": periods[row["family_pid"]]}
        if all(values[q] in (None, "*") for q in QUASI_IDENTIFIERS if q != "gemeente_code"):
            continue
        keys.append(tuple(values[q] for q in QUASI_IDENTIFIERS))
    assert keys, "every family suppressed: the gate proved nothing"
    assert min(Counter(keys).values()) >= 5
    assert exported["first"].preview.profile in {f"P{i}" for i in range(7)}


def test_pseudonyms_stable_across_runs(exported: dict[str, Any]) -> None:
    first, second = exported["first"].tables.tables, exported["second"].tables.tables
    assert first["families"] == second["families"]
    assert [r["traj_pid"] for r in first["trajectories"]] == [r["traj_pid"] for r in second["trajectories"]]
    assert {r["family_pid"][0] for r in first["families"]} == {"G"}
    assert {r["traj_pid"][0] for r in first["trajectories"]} == {"T"}


def test_supervisor_analysis_runs_on_the_bundle(exported: dict[str, Any]) -> None:
    kit: Kit = exported["kit"]
    imported = open_bundle(
        exported["written"].path.read_bytes(),
        supervisor_private_key=kit.supervisor.private,
        devices=exported["registry"],
        import_log=MemoryImportLog(),
        schema=EXPORT_SCHEMA,
    )
    pooled = pool_bundles([from_imported(imported)])
    assert len(pooled.families) == exported["first"].preview.families_exported
    referrals = ind_aanmeldingen(pooled)
    count = referrals.loc[referrals["measure"] == "aanmeldingen", "value"].sum()
    assert count == exported["first"].preview.trajectories
    duration = ind_duur(pooled)
    mean = duration.loc[(duration["measure"] == "duur_maanden") & (duration["statistic"] == "mean"), "value"]
    assert len(mean) == 1 and mean.iloc[0] > 0  # planted trajects: intake day 25 -> end day 120
