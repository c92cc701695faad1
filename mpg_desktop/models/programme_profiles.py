"""Programme profiles (*programma-profielen*, spec 1.3, 1.4, 1.5, 2.3) as data.

The shipped file is ``resources/programme_profiles.json``; an organisation may edit it or add a
profile. A profile may name ``based_on`` another profile and then lists only what differs: blocks
merge key by key, lists replace, and ``null`` for a deadline switches that deadline off. The base
profile (``standaard``, spec 1.4) must be complete. Unknown keys are refused so that a typo does not
silently fall back to a default.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.offsets import Offset

DEFAULT_PROFILE_ID = "standaard"


class Anchor(StrEnum):
    """The key date a deadline counts from (spec 1.8)."""

    REFERRAL = "referral"  # aanmelddatum
    RECEIVED = "received"  # datum ontvangst (falls back to the referral date)
    DECISION = "decision"  # besluitdatum
    START = "start"  # startdatum begeleiding = introduction meeting held
    PLAN_SIGNED = "plan_signed"  # first signed plan version
    CLOSING = "closing"  # entered AFRONDING
    AFTERCARE = "aftercare"  # entered NAZORG


class DeadlineKind(StrEnum):
    """Every deadline the app knows. The first eight are set per profile under ``deadlines``; the
    others follow from the blocks ``waiting_list_review_days``, ``evaluation``,
    ``duration_review_months``, ``duration_months`` and ``aftercare``."""

    CHECKS_STARTEN = "checks_starten"
    BESLUIT = "besluit"
    TERUGKOPPELING_BESLUIT = "terugkoppeling_besluit"
    KENNISMAKING = "kennismaking"
    INFORMATIEFASE = "informatiefase"
    PLAN_ONDERTEKEND = "plan_ondertekend"
    TUSSENEVALUATIE = "tussenevaluatie"
    AFRONDING = "afronding"
    WACHTLIJST_HERBEOORDELING = "wachtlijst_herbeoordeling"
    EVALUATIE = "evaluatie"
    DUURBEOORDELING = "duurbeoordeling"
    EINDE_BEGELEIDING = "einde_begeleiding"
    EINDE_NAZORG = "einde_nazorg"

    @property
    def label(self) -> str:
        return DEADLINE_LABELS[self]


DEADLINE_LABELS: dict[DeadlineKind, str] = {
    DeadlineKind.CHECKS_STARTEN: "Checks starten",
    DeadlineKind.BESLUIT: "Besluit go/no-go",
    DeadlineKind.TERUGKOPPELING_BESLUIT: "Besluit terugkoppelen aan aanmelder",
    DeadlineKind.KENNISMAKING: "Kennismakingsgesprek",
    DeadlineKind.INFORMATIEFASE: "Informatiefase afronden",
    DeadlineKind.PLAN_ONDERTEKEND: "Gezinsplan ondertekend",
    DeadlineKind.TUSSENEVALUATIE: "Tussenevaluatie met aanmelder",
    DeadlineKind.AFRONDING: "Afronding klaar",
    DeadlineKind.WACHTLIJST_HERBEOORDELING: "Wachtlijst: herbeoordeling",
    DeadlineKind.EVALUATIE: "Evaluatie",
    DeadlineKind.DUURBEOORDELING: "Duurbeoordeling: doorgaan of afronden",
    DeadlineKind.EINDE_BEGELEIDING: "Einde begeleidingstermijn",
    DeadlineKind.EINDE_NAZORG: "Einde nazorg",
}
CONFIGURED_DEADLINES = tuple(DeadlineKind)[:8]


class AdmissionCriterion(StrEnum):
    """The admission criteria of spec 2.3; a profile lists the ones it applies."""

    HUISHOUDEN = "huishouden"
    MEERDERE_LEEFGEBIEDEN = "meerdere_leefgebieden"
    WERKGEBIED = "werkgebied"
    RESET_VARIANT = "reset_variant"
    RESET_DRIE_RISICOFACTOREN = "reset_drie_risicofactoren"
    DRIE_HULPVRAGEN = "drie_hulpvragen"
    GEEN_CONFLICTEREND_TRAJECT = "geen_conflicterend_traject"
    GEEN_INDICATIE_NODIG = "geen_indicatie_nodig"
    GEEN_CRISIS = "geen_crisis"


@dataclass(frozen=True)
class DeadlineRule:
    """Due ``due`` after the ``anchor`` date; shown as a warning from ``warn`` after it, if set."""

    kind: DeadlineKind
    anchor: Anchor
    due: Offset
    warn: Offset | None = None


@dataclass(frozen=True)
class EvaluationPlan:
    """Evaluations at fixed months after the anchor (``at_months``), then every ``interval_months``."""

    anchor: Anchor
    interval_months: int | None
    at_months: tuple[int, ...] = ()


@dataclass(frozen=True)
class ExtensionLimits:
    """Spec 1.5: maximum months per extension and number of extensions (None = no maximum), and
    from which count the app warns."""

    max_months: int | None
    max_count: int | None
    warn_after: int | None


@dataclass(frozen=True)
class AftercareLimits:
    """Spec 1.4, 5.7: how long aftercare lasts and how many follow-up contacts (None = no limit)."""

    max_months: int | None
    max_contacts: int | None


@dataclass(frozen=True)
class ProgrammeProfile:
    id: str
    label: str
    description: str
    source: str
    deadlines: tuple[DeadlineRule, ...]
    waiting_list_review_days: int | None
    evaluation: EvaluationPlan
    duration_review_months: tuple[int, ...]
    duration_months: int | None  # standard support period from the start; None = open-ended
    extension: ExtensionLimits
    aftercare: AftercareLimits
    admission_criteria: tuple[AdmissionCriterion, ...]
    areas: tuple[str, ...]  # werkgebied codes; empty = no area restriction
    hours_budget: int | None  # informative (ReSet 85 h); the app does not count hours

    def deadline(self, kind: DeadlineKind) -> DeadlineRule | None:
        return next((rule for rule in self.deadlines if rule.kind is kind), None)


class ProfileFileError(DomainError):
    """The profile file cannot be used; the message names the profile and the problem."""


_TOP_KEYS = {
    "id",
    "based_on",
    "label",
    "description",
    "source",
    "deadlines",
    "waiting_list_review_days",
    "evaluation",
    "duration_review_months",
    "duration_months",
    "extension",
    "aftercare",
    "admission_criteria",
    "areas",
    "hours_budget",
}
_BLOCK_KEYS = {
    "evaluation": {"from", "interval_months", "at_months"},
    "extension": {"max_months", "max_count", "warn_after"},
    "aftercare": {"max_months", "max_contacts"},
}


def _merge(parent: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(parent.get(key), dict):
            merged[key] = _merge(parent[key], value)
        else:
            merged[key] = value
    return merged


def _whole_number(value: Any, where: str, *, allow_none: bool = True) -> int | None:
    """A count of days, months or hours from the file: a whole number >= 0, or null when allowed."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProfileFileError(f"{where}: vul een heel getal van 0 of meer in (of null voor geen).")
    return value


def _rule(kind: DeadlineKind, raw: Any, where: str) -> DeadlineRule:
    if not isinstance(raw, dict) or set(raw) - {"after", "warn_after", "from"} or "after" not in raw:
        raise ProfileFileError(f'{where}: schrijf de termijn als {{"after": "14 dagen", "from": "decision"}}.')
    try:
        anchor = Anchor(raw.get("from", ""))
    except ValueError:
        options = ", ".join(anchor.value for anchor in Anchor)
        raise ProfileFileError(f"{where}: 'from' moet een van deze zijn: {options}.") from None
    try:
        due = Offset.parse(str(raw["after"]))
        warn = Offset.parse(str(raw["warn_after"])) if raw.get("warn_after") else None
    except ValueError as error:
        raise ProfileFileError(f"{where}: {error}") from None
    probe = date(2026, 1, 5)  # any date: a warning must come before the due date
    if warn is not None and warn.after(probe) >= due.after(probe):
        raise ProfileFileError(f"{where}: 'warn_after' ({warn}) moet korter zijn dan 'after' ({due}).")
    return DeadlineRule(kind, anchor, due, warn)


def _check_keys(raw: Mapping[str, Any], where: str) -> None:
    unknown = sorted(set(raw) - _TOP_KEYS)
    if unknown:
        raise ProfileFileError(f"{where}: onbekende sleutel(s) {', '.join(unknown)}. Controleer de spelling.")
    for block, keys in _BLOCK_KEYS.items():
        value = raw.get(block)
        if isinstance(value, dict) and set(value) - keys:
            raise ProfileFileError(f"{where}, {block}: onbekende sleutel(s) {', '.join(sorted(set(value) - keys))}.")


def _build(raw: Mapping[str, Any], where: str) -> ProgrammeProfile:
    missing = sorted(_TOP_KEYS - {"based_on"} - set(raw))
    if missing:
        raise ProfileFileError(f"{where}: ontbreekt: {', '.join(missing)}.")
    deadlines_raw = raw["deadlines"]
    if not isinstance(deadlines_raw, dict):
        raise ProfileFileError(f"{where}: 'deadlines' moet een object zijn.")
    rules = []
    for key, value in deadlines_raw.items():
        if key not in CONFIGURED_DEADLINES:
            options = ", ".join(kind.value for kind in CONFIGURED_DEADLINES)
            raise ProfileFileError(f"{where}: onbekende termijn '{key}'. Kies uit: {options}.")
        if value is not None:  # null switches an inherited deadline off
            rules.append(_rule(DeadlineKind(key), value, f"{where}, termijn {key}"))
    evaluation = raw["evaluation"]
    try:
        anchor = Anchor(evaluation.get("from", ""))
    except (ValueError, AttributeError):
        raise ProfileFileError(f"{where}: 'evaluation' heeft een geldige 'from' nodig.") from None
    at_months = tuple(
        _whole_number(m, f"{where}, evaluation.at_months", allow_none=False) or 0
        for m in evaluation.get("at_months", [])
    )
    try:
        criteria = tuple(AdmissionCriterion(c) for c in raw["admission_criteria"])
    except ValueError as error:
        options = ", ".join(c.value for c in AdmissionCriterion)
        raise ProfileFileError(f"{where}: onbekend toelatingscriterium ({error}). Kies uit: {options}.") from None
    return ProgrammeProfile(
        id=str(raw["id"]),
        label=str(raw["label"]),
        description=str(raw["description"]),
        source=str(raw["source"]),
        deadlines=tuple(rules),
        waiting_list_review_days=_whole_number(raw["waiting_list_review_days"], f"{where}, waiting_list_review_days"),
        evaluation=EvaluationPlan(
            anchor, _whole_number(evaluation.get("interval_months"), f"{where}, evaluation"), at_months
        ),
        duration_review_months=tuple(
            _whole_number(m, f"{where}, duration_review_months", allow_none=False) or 0
            for m in raw["duration_review_months"]
        ),
        duration_months=_whole_number(raw["duration_months"], f"{where}, duration_months"),
        extension=ExtensionLimits(
            _whole_number(raw["extension"].get("max_months"), f"{where}, extension.max_months"),
            _whole_number(raw["extension"].get("max_count"), f"{where}, extension.max_count"),
            _whole_number(raw["extension"].get("warn_after"), f"{where}, extension.warn_after"),
        ),
        aftercare=AftercareLimits(
            _whole_number(raw["aftercare"].get("max_months"), f"{where}, aftercare.max_months"),
            _whole_number(raw["aftercare"].get("max_contacts"), f"{where}, aftercare.max_contacts"),
        ),
        admission_criteria=criteria,
        areas=tuple(str(area) for area in raw["areas"]),
        hours_budget=_whole_number(raw["hours_budget"], f"{where}, hours_budget"),
    )


def parse_programme_profiles(document: Any, name: str = "programme_profiles.json") -> dict[str, ProgrammeProfile]:
    """Resolve ``based_on`` and check every profile of a decoded profile file."""
    if not isinstance(document, dict) or not isinstance(document.get("profiles"), list):
        raise ProfileFileError(f"{name}: het bestand moet een object met een lijst 'profiles' zijn.")
    raw_by_id: dict[str, dict[str, Any]] = {}
    for raw in document["profiles"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"].strip():
            raise ProfileFileError(f"{name}: elk profiel heeft een 'id' nodig.")
        if raw["id"] in raw_by_id:
            raise ProfileFileError(f"{name}: het profiel '{raw['id']}' staat er twee keer in.")
        _check_keys(raw, f"{name}, profiel '{raw['id']}'")
        raw_by_id[raw["id"]] = raw

    def resolved(profile_id: str, chain: tuple[str, ...]) -> dict[str, Any]:
        raw = raw_by_id[profile_id]
        parent_id = raw.get("based_on")
        if parent_id is None:
            return dict(raw)
        if parent_id not in raw_by_id:
            raise ProfileFileError(f"{name}, profiel '{profile_id}': based_on '{parent_id}' bestaat niet.")
        if parent_id in chain:
            raise ProfileFileError(f"{name}, profiel '{profile_id}': based_on verwijst in een kring.")
        parent = resolved(parent_id, (*chain, profile_id))
        merged = _merge(parent, raw)
        # A deadline the child names replaces the parent's rule whole (no stray inherited warn_after).
        merged["deadlines"] = {**parent.get("deadlines", {}), **raw.get("deadlines", {})}
        merged.pop("based_on", None)
        return merged

    profiles = {pid: _build(resolved(pid, (pid,)), f"{name}, profiel '{pid}'") for pid in raw_by_id}
    default = document.get("default_profile", DEFAULT_PROFILE_ID)
    if default not in profiles:
        raise ProfileFileError(f"{name}: het standaardprofiel '{default}' ontbreekt.")
    return profiles


def load_programme_profiles(file: Traversable | None = None) -> dict[str, ProgrammeProfile]:
    """Load the profile file (default: the shipped one). Raises ProfileFileError with a Dutch message."""
    entry = file if file is not None else resources.files("mpg_desktop") / "resources" / "programme_profiles.json"
    try:
        document = json.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileFileError(
            "Het bestand met programmaprofielen ontbreekt. Zet het terug of herinstalleer."
        ) from None
    except json.JSONDecodeError as error:
        raise ProfileFileError(f"{entry.name}: geen geldige JSON (regel {error.lineno}): {error.msg}.") from None
    return parse_programme_profiles(document, entry.name)


@cache
def default_programme_profiles() -> dict[str, ProgrammeProfile]:
    """The shipped profiles, loaded once per process. Do not mutate the returned dict."""
    return load_programme_profiles()


def profile_or_default(profile_id: str, profiles: Mapping[str, ProgrammeProfile] | None = None) -> ProgrammeProfile:
    """The profile a traject names, or the default profile when the id is unknown (a removed
    custom profile must not make old cases unreadable)."""
    available = profiles if profiles is not None else default_programme_profiles()
    return available.get(profile_id) or available[DEFAULT_PROFILE_ID]
