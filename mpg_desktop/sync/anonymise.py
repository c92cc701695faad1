"""Build the export tables of spec 4.4 from a case store (spec 4.2 steps 1-6).

Consent gate (4.3), column allowlist (only coded values, counts and day offsets are ever read
into a row; no name, address, birth date or free text), pseudonyms (4.5), generalisation (4.6)
and the k >= 5 gate (4.7). The result holds the tables and a preview for the coach. Reads the
store only; run on a worker for big stores.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from mpg_desktop.models.admission import DecisionKind
from mpg_desktop.models.choices import Tri
from mpg_desktop.models.closure import Success, is_dropout
from mpg_desktop.models.consent import Consent
from mpg_desktop.models.extensions import Extension
from mpg_desktop.models.family_type import derive_family_type
from mpg_desktop.models.household import CHILD_ROLES, Family
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.programme_profiles import default_programme_profiles
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import (
    LifecycleState,
    RecordKind,
    list_consents,
    list_records,
    load_lifecycle,
)
from mpg_desktop.storage.tables import TrajectRow
from mpg_desktop.sync import generalise as gen
from mpg_desktop.sync.analysis import codes
from mpg_desktop.sync.kgate import K, run_gate
from mpg_desktop.sync.pseudonyms import Entity, Pseudonymiser

Row = dict[str, Any]
MONITORING_BASIS = "monitoring_basis"
MONITORING_BIJZONDER = "monitoring_bijzonder"
TOMBSTONE_DAYS = 366  # EXP-03: at least 12 months

# Local referring organisation codes -> aanmelder_type (B.3); anything else is "overig".
_REFERRER = {"bureau_woonkans": "woningcorporatie", "wijkteam": "vraagwijzer_wijkteam", "zelf": "zelfmelding"}
_RESULT = {Success.JA: "geslaagd", Success.DEELS: "gedeeltelijk", Success.NEE: "niet_geslaagd"}
_EVENTS = {
    Phase.KENNISMAKING: "eerste_contact",
    Phase.INFORMATIEFASE: "informatiefase_start",
    Phase.UITVOERING: "uitvoering_start",
    Phase.AFRONDING: "afronding_start",
    Phase.NAZORG: "nazorg_start",
    Phase.AFGESLOTEN: "afsluiting",
}


@dataclass(frozen=True)
class ExportSettings:
    """Organisation codes of the export (spec 4.4.1/4.4.2) and the reference date."""

    as_of: date
    org_code: str = "onbekend"
    gemeente_code: str = "onbekend"
    team_code: str = "onbekend"
    store_uid: str = "store"  # random per store: makes local ids unique across laptops
    row_version: str = "1970-01-01T00:00:00Z"  # the export time; newest export wins (IMP-13)


@dataclass(frozen=True)
class ExportPreview:
    """What the coach sees before confirming (spec 4.2 step 6, EXP-05)."""

    families_in_scope: int
    families_exported: int
    excluded: dict[str, int]  # reason -> families
    special_withheld: int
    tombstones: int
    trajectories: int
    phase_events: int
    referral_aggregate_rows: int
    profile: str
    k: int
    n_locally_suppressed: int

    @property
    def excluded_no_consent(self) -> int:
        return sum(self.excluded.values())


@dataclass(frozen=True)
class ExportTables:
    tables: dict[str, list[Row]]
    preview: ExportPreview
    exported_family_ids: tuple[int, ...] = field(default=())


def _has_active(consents: list[Consent], purpose: str, on: date) -> bool:
    return any(c.purpose.code == purpose and c.active_on(on) for c in consents)


def _exclusion(consents: list[Consent], on: date) -> str | None:
    """None when the family may be exported; else the reason code."""
    if _has_active(consents, MONITORING_BASIS, on):
        return None
    if any(c.purpose.code == MONITORING_BASIS and c.withdrawn_on is not None for c in consents):
        return "toestemming_ingetrokken"
    return "geen_toestemming"


def _withdrawn_month(consents: list[Consent], on: date) -> str | None:
    dates = [
        c.withdrawn_on
        for c in consents
        if c.purpose.code == MONITORING_BASIS and c.withdrawn_on is not None and c.withdrawn_on <= on
    ]
    if not dates or (on - max(dates)).days > TOMBSTONE_DAYS:
        return None
    return gen.month(max(dates))


def _family_ids_and_trajects(store: CaseStore) -> dict[int, list[int]]:
    with store.session() as session:
        pairs = session.execute(select(TrajectRow.family_id, TrajectRow.id).order_by(TrajectRow.id)).all()
    out: dict[int, list[int]] = {}
    for family_id, traject_id in pairs:
        out.setdefault(family_id, []).append(traject_id)
    return out


def _aanmelder_type(state: LifecycleState) -> str:
    ref = state.referral
    if ref.referrer_type is not None and ref.referrer_type.code in ("zelf", "zelfmelding", "gezin"):
        return "zelfmelding"
    code = ref.referring_organisation.code if ref.referring_organisation else None
    if code is None:
        return "onbekend"
    if code in codes.AANMELDER_TYPE:
        return code
    return _REFERRER.get(code, "overig")


def _decision(state: LifecycleState) -> tuple[str | None, str | None]:
    decision = state.decision
    if decision is None or decision.kind is None:
        return (None, None) if state.phase is not Phase.NIET_GESTART else ("no_go", "onbekend")
    reason = None
    if decision.kind is DecisionKind.INGETROKKEN:
        reason = "ingetrokken_door_aanmelder"
    elif decision.kind is DecisionKind.NO_GO:
        code = decision.no_go_reason.code if decision.no_go_reason else "onbekend"
        reason = code if code in codes.AFWIJSREDEN or code == "onbekend" else "overig"
    return decision.kind.value, reason


def _programma(profile: str) -> str:
    """Only a known programme profile id leaves the laptop; anything else is 'overig'."""
    return profile if profile in default_programme_profiles() else "overig"


def _status(phase: Phase) -> str:
    if phase is Phase.NIET_GESTART:
        return "afgewezen"
    if phase is Phase.AFGESLOTEN:
        return "afgesloten"
    if phase in (Phase.AANGEMELD, Phase.IN_BEOORDELING, Phase.WACHTLIJST):
        return "aangemeld"
    return "lopend"


def _household(family: Family, on: date) -> dict[str, str | None]:
    """Level-0 family quasi-identifiers computed at the referral date (EXP-41)."""
    children = [
        gen.age_in_years(p.birth_date, on)
        for p in family.members
        if p.role in CHILD_ROLES and p.lives_in_household and not p.deceased and p.birth_date <= on
    ]
    return {
        "huishouden_type": derive_family_type(family.members, on).family_type.value,
        "n_kinderen": gen.n_children(len(children)),
        "jongste_kind_leeftijd": gen.child_age_band(min(children)) if children else None,
        "leeftijdssamenstelling": gen.age_composition(children),
    }


def _events(state: LifecycleState, referral: date) -> list[Row]:
    found: list[tuple[str, date]] = [("aanmelding", referral)]
    if state.decision_date is not None:
        found.append(("besluit", state.decision_date))
    for row in state.transitions:
        if row.to_phase in _EVENTS:
            found.append((_EVENTS[row.to_phase], row.at.date()))
    if state.traject.plan_signed_on is not None:
        found.append(("plan_getekend", state.traject.plan_signed_on))
    if state.aftercare_end_date is not None:
        found.append(("nazorg_eind", state.aftercare_end_date))
    seen: Counter[str] = Counter()
    rows = []
    for event, day in found:
        seen[event] += 1
        rows.append({"event": event, "dag": (day - referral).days, "volgnr": seen[event]})
    return rows


def _entered(state: LifecycleState, phase: Phase) -> date | None:
    days = [row.at.date() for row in state.transitions if row.to_phase is phase]
    return days[0] if days else None


def _trajectory(state: LifecycleState, extensions: int, earlier: int, special: bool) -> Row:
    """Trajectory columns except pseudonyms and the period (set by the caller)."""
    ref = state.traject.referral_date
    besluit, afwijsreden = _decision(state)
    status = _status(state.phase)
    closure = state.closure
    closed = status == "afgesloten"
    end = state.end_date or (closure.end_date if closure else None) or state.traject.closed_on
    dropout = closed and closure is not None and is_dropout(closure)
    frame = state.referral.legal_frame.code if state.referral.legal_frame else "onbekend"
    reason = None
    if closed and closure is not None and closure.reason is not None:
        code = closure.reason.code
        reason = code if code in codes.AFSLUITREDEN else "voortijdig_afgebroken" if dropout else "overig"
    follow = None
    if closed and closure is not None and closure.follow_on_help is not None:
        follow = "geen" if closure.follow_on_help is Tri.NEE else "doorverwezen_overig"
    jb = None
    if special and state.referral.case_manager_involved in (Tri.JA, Tri.NEE):
        jb = int(state.referral.case_manager_involved is Tri.JA)
    return {
        "programma": _programma(state.traject.programme_profile),
        "aanmelder_type": _aanmelder_type(state),
        "besluit": besluit,
        "besluit_dag": gen.day_offset(state.decision_date, ref),
        "afwijsreden": afwijsreden,
        "eerste_contact_dag": gen.day_offset(_entered(state, Phase.KENNISMAKING), ref),
        "intake_dag": gen.day_offset(state.start_date or _entered(state, Phase.INFORMATIEFASE), ref),
        "plan_concept_dag": None,
        "plan_getekend_dag": gen.day_offset(state.traject.plan_signed_on, ref),
        "plan_getekend_door": None,
        "n_verlengingen": extensions,
        "eind_dag": gen.day_offset(end, ref) if closed else None,
        "einddatum_ontbreekt": int(closed and end is None),
        "status": status,
        "afsluitreden": reason,
        "resultaat": (_RESULT.get(closure.success, "onbekend") if closure and closure.success else "onbekend")
        if closed
        else None,
        "uitval_fase": ("voor_start" if state.start_date is None else "later") if dropout else "geen",
        "nazorg_start_dag": gen.day_offset(_entered(state, Phase.NAZORG), ref),
        "nazorg_eind_dag": gen.day_offset(state.aftercare_end_date, ref),
        "vervolg": follow,
        "financiering": state.referral.funding.code if state.referral.funding else None,
        "kader": frame if frame in ("vrijwillig", "drang", "dwang") else "onbekend",
        "jeugdbescherming": jb,
        "eerdere_trajecten": earlier,
    }


def build_export_tables(store: CaseStore, pseudo: Pseudonymiser, settings: ExportSettings) -> ExportTables:
    """All tables of the bundle plus the preview. Nothing is written."""
    on = settings.as_of
    uid = settings.store_uid
    aggregate: Counter[tuple[Any, ...]] = Counter()
    excluded: Counter[str] = Counter()
    candidates: list[tuple[int, Row, list[tuple[LifecycleState, Row, list[Row]]]]] = []
    tombstones: list[Row] = []
    special_withheld = 0
    trajects_of = _family_ids_and_trajects(store)
    for family_id, traject_ids in sorted(trajects_of.items()):
        family = load_family(store, family_id)
        consents = [c for _, c in list_consents(store, family_id)]
        states = [load_lifecycle(store, tid) for tid in traject_ids]
        for state in states:  # 4.4.7: every referral, regardless of consent
            besluit, afwijsreden = _decision(state)
            known = _household(family, state.traject.referral_date)["huishouden_type"] != "onbekend"
            key: tuple[Any, ...] = (gen.quarter(state.traject.referral_date), settings.gemeente_code)
            key += (settings.team_code, _programma(state.traject.programme_profile), _aanmelder_type(state))
            key += (besluit, afwijsreden, int(known))
            aggregate[key] += 1
        reason = _exclusion(consents, on)
        family_pid = pseudo.pid(Entity.GEZIN, f"{uid}/{family_id}")
        if reason is not None:
            excluded[reason] += 1
            month = _withdrawn_month(consents, on)
            if month is not None:
                tombstones.append({"family_pid": family_pid, "reden": "toestemming_ingetrokken", "vanaf_maand": month})
            continue
        special = _has_active(consents, MONITORING_BIJZONDER, on)
        special_withheld += int(not special)
        rows = []
        for earlier, state in enumerate(states):
            tid = state.traject.id
            extensions = len(list_records(store, tid, RecordKind.EXTENSION, Extension)) if tid is not None else 0
            traj = _trajectory(state, extensions, earlier, special)
            traj_pid = pseudo.pid(Entity.TRAJECT, f"{uid}/{tid}")
            coach = state.coach or (state.decision.coach if state.decision else "")
            traj.update(
                traj_pid=traj_pid,
                family_pid=family_pid,
                org_code=settings.org_code,
                team_code=settings.team_code,
                coach_pid=pseudo.pid(Entity.MEDEWERKER, coach.strip().casefold()) if coach.strip() else None,
                row_version=settings.row_version,
            )
            events = [{"traj_pid": traj_pid, **event} for event in _events(state, state.traject.referral_date)]
            rows.append((state, traj, events))
        latest = max(states, key=lambda s: s.traject.referral_date)
        area = latest.referral.area.code if latest.referral.area else None
        qi: Row = {"area_code": area, "gemeente_code": settings.gemeente_code}
        qi.update(_household(family, latest.traject.referral_date))
        candidates.append((family_id, {"family_pid": family_pid, **qi}, rows))

    areas = gen.areas_for([row["area_code"] for _, row, _ in candidates])
    gate_input = []
    for (_, row, traj_rows), area in zip(candidates, areas, strict=True):
        referral = max(state.traject.referral_date for state, _, _ in traj_rows)
        periods = "|".join(gen.period(referral, level) for level in range(3))
        qi = {name: row[name] for name in row if name != "family_pid"}
        gate_input.append({**qi, "area_code": area, "aanmeld_periode": periods})
    gate = run_gate(gate_input)
    level = {"P0": 0, "P1": 1, "P2": 1, "P3": 1, "P4": 1}.get(gate.profile, 2)

    families, trajectories, events = [], [], []
    for (_, row, traj_rows), qi, index in zip(candidates, gate.rows, range(len(candidates)), strict=True):
        suppressed = index in gate.suppressed
        families.append(
            {
                "family_pid": row["family_pid"],
                "area_code": qi["area_code"],
                "in_doelgebied": None,
                "gemeente_code": qi["gemeente_code"],
                "huishouden_type": qi["huishouden_type"],
                "n_kinderen": qi["n_kinderen"],
                "jongste_kind_leeftijd": qi["jongste_kind_leeftijd"],
                "leeftijdssamenstelling": qi["leeftijdssamenstelling"],
                "row_version": settings.row_version,
            }
        )
        for state, traj, traj_events in traj_rows:
            period = gen.SUPPRESSED if suppressed else gen.period(state.traject.referral_date, level)
            trajectories.append({**traj, "aanmeld_periode": period})
            events.extend(traj_events)

    referral_rows = [
        dict(zip(_AGGREGATE_KEYS, key, strict=True)) | {"n": n} for key, n in sorted(aggregate.items(), key=repr)
    ]
    tables: dict[str, list[Row]] = {
        "families": families,
        "trajectories": trajectories,
        "phase_events": events,
        "leefgebied_scores": [],
        "goals": [],
        "goal_evaluations": [],
        "tombstones": tombstones,
        "referral_aggregates": referral_rows,
    }
    preview = ExportPreview(
        families_in_scope=len(trajects_of),
        families_exported=len(families),
        excluded=dict(sorted(excluded.items())),
        special_withheld=special_withheld,
        tombstones=len(tombstones),
        trajectories=len(trajectories),
        phase_events=len(events),
        referral_aggregate_rows=len(referral_rows),
        profile=gate.profile,
        k=K,
        n_locally_suppressed=len(gate.suppressed),
    )
    return ExportTables(tables, preview, tuple(fid for fid, _, _ in candidates))


_AGGREGATE_KEYS = (
    "aanmeld_kwartaal",
    "gemeente_code",
    "team_code",
    "programma",
    "aanmelder_type",
    "besluit",
    "afwijsreden",
    "huishouden_bekend",
)


def export_time(now: datetime) -> str:
    """``row_version`` text: the export time in UTC, to the minute."""
    return now.strftime("%Y-%m-%dT%H:%M:00Z")
