"""A network map as a JSON document and back, without loss (spec bolletjesschema 4.8, "JSON").

The case store keeps each map with all its snapshots as one document (``storage.network_repository``);
the same document serves a later full export for transfer between installations. Every field of
every value in ``network_map`` is written, also when it holds its default, so reading gives back an
equal map (``created_at`` included, although it does not take part in equality). Codes are
written as their stored code, ratings as -2..+2 or null, sets as sorted lists, dates in ISO 8601.

Reading is strict about what identifies things (ids, codes) and lenient about fields a later
version may add: a missing optional field takes its default. A document of a newer format version
is refused with a Dutch message. Pure, no I/O; safe on any thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from mpg_desktop.models.network_codes import (
    Availability,
    AvailabilityReason,
    Category,
    ContactFrequency,
    ContactPermission,
    DrawnWith,
    FocusKind,
    KeepAwayScope,
    LeftReason,
    Location,
    NetworkType,
    PeerTieKind,
    RatedBy,
    SnapshotKind,
    SnapshotStatus,
    Ternary,
)
from mpg_desktop.models.network_map import (
    Departure,
    EgoState,
    EgoTie,
    NetworkMap,
    PeerTie,
    Person,
    PersonState,
    Placement,
    Snapshot,
)
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.validation import ValidationError

FORMAT = "mpg-netwerkkaart"
FORMAT_VERSION = 1
FIELD = "Netwerkkaart"

Json = dict[str, Any]
E = TypeVar("E", bound=Enum)


class NetworkDocumentError(ValidationError):
    """A document that is not a network map this version can read. ``message`` is Dutch."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            FIELD,
            f"De netwerkkaart kan niet worden gelezen ({detail}). "
            "Zet een back-up terug of vraag hulp aan uw beheerder.",
        )


class NetworkDocumentTooNew(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            FIELD,
            "Deze netwerkkaart is gemaakt met een nieuwere versie van MPG Desktop. "
            "Installeer de nieuwste versie en open de kaart dan opnieuw.",
        )


# -- writing -------------------------------------------------------------------------------------


def map_to_dict(network_map: NetworkMap) -> Json:
    """The whole map as plain JSON values (dict, list, str, int, float, bool, None)."""
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "map_id": network_map.map_id,
        "focus_label": network_map.focus_label,
        "focus_kind": network_map.focus_kind.value,
        "case_id": network_map.case_id,
        "previous_professionals": sorted(network_map.previous_professionals),
        "created_by": network_map.created_by,
        "created_at": None if network_map.created_at is None else network_map.created_at.isoformat(),
        "persons": [
            {
                "person_id": person.person_id,
                "display_name": person.display_name,
                "relationship": person.relationship,
                "phone": person.phone,
            }
            for person in network_map.persons
        ],
        "snapshots": [_snapshot_to_dict(snapshot) for snapshot in network_map.snapshots],
    }


def map_to_json(network_map: NetworkMap) -> str:
    """The document as compact UTF-8 JSON text (names stay readable, not \\u-escaped)."""
    return json.dumps(map_to_dict(network_map), ensure_ascii=False, separators=(",", ":"))


def _rating(rating: Rating | None) -> int | None:
    return None if rating is None else int(rating)


def _codes(values: Iterable[Enum | str]) -> list[str]:
    return sorted(value.value if isinstance(value, Enum) else value for value in values)


def _snapshot_to_dict(snapshot: Snapshot) -> Json:
    return {
        "snapshot_id": snapshot.snapshot_id,
        "kind": snapshot.kind.value,
        "reference_date": snapshot.reference_date.isoformat(),
        "drawn_with": _codes(snapshot.drawn_with),
        "status": snapshot.status.value,
        "ego": {
            "self_rating": _rating(snapshot.ego.self_rating),
            "self_rating_reason": snapshot.ego.self_rating_reason,
        },
        "persons": [_state_to_dict(state) for state in snapshot.persons],
        "peer_ties": [
            {
                "person_a": tie.person_a,
                "person_b": tie.person_b,
                "kind": tie.kind.value,
                "rating": _rating(tie.rating),
                "note": tie.note,
            }
            for tie in snapshot.peer_ties
        ],
        "departures": [
            {"person_id": d.person_id, "left_reason": None if d.left_reason is None else d.left_reason.value}
            for d in snapshot.departures
        ],
        "evaluation_id": snapshot.evaluation_id,
        "strengths_note": snapshot.strengths_note,
    }


def _state_to_dict(state: PersonState) -> Json:
    tie = state.tie
    return {
        "person_id": state.person_id,
        "category": state.category.value,
        "network_type": state.network_type.value,
        "ring": state.placement.ring,
        "angle": state.placement.angle,
        "tie": {
            "rating": _rating(tie.rating),
            "reason": tie.reason,
            "rated_by": tie.rated_by.value,
            "perceived_rating_by_other": _rating(tie.perceived_rating_by_other),
            "coach_estimate": _rating(tie.coach_estimate),
        },
        "household": state.household,
        "vip": state.vip,
        "keep_away": state.keep_away,
        "keep_away_scope": _codes(state.keep_away_scope),
        "can_call_on": state.can_call_on.value,
        "support_types": _codes(state.support_types),
        "support_note": state.support_note,
        "contact_frequency": state.contact_frequency.value,
        "location": state.location.value,
        "availability": state.availability.value,
        "availability_reason": None if state.availability_reason is None else state.availability_reason.value,
        "helped_before": state.helped_before.value,
        "knows_about_problems": state.knows_about_problems.value,
        "contact_permission": state.contact_permission.value,
        "gives_back": state.gives_back.value,
        "left_reason": None if state.left_reason is None else state.left_reason.value,
        "notes": state.notes,
    }


# -- reading -------------------------------------------------------------------------------------


def map_from_json(text: str | bytes) -> NetworkMap:
    """Read a document written by ``map_to_json``; NetworkDocumentError / NetworkDocumentTooNew otherwise."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise NetworkDocumentError("geen geldige JSON") from error
    return map_from_dict(data)


def map_from_dict(data: object) -> NetworkMap:
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise NetworkDocumentError("onbekend formaat")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise NetworkDocumentError("onbekende versie")
    if version > FORMAT_VERSION:
        raise NetworkDocumentTooNew()
    try:
        return _map(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, ValidationError):
            raise
        raise NetworkDocumentError(f"{type(error).__name__}: {error}") from error


def _map(data: Mapping[str, Any]) -> NetworkMap:
    created_at = data.get("created_at")
    return NetworkMap(
        map_id=_text(data["map_id"]),
        focus_label=_text(data["focus_label"]),
        focus_kind=_enum(FocusKind, data["focus_kind"]),
        case_id=_optional(data.get("case_id"), _int),
        persons=tuple(
            Person(
                person_id=_text(p["person_id"]),
                display_name=_text(p["display_name"]),
                relationship=_text(p["relationship"]),
                phone=_text(p.get("phone", "")),
            )
            for p in data.get("persons", ())
        ),
        snapshots=tuple(_snapshot(s) for s in data.get("snapshots", ())),
        previous_professionals=frozenset(_text(code) for code in data.get("previous_professionals", ())),
        created_by=_text(data.get("created_by", "")),
        created_at=None if created_at is None else datetime.fromisoformat(_text(created_at)),
    )


def _snapshot(data: Mapping[str, Any]) -> Snapshot:
    ego = data.get("ego", {})
    return Snapshot(
        snapshot_id=_text(data["snapshot_id"]),
        kind=_enum(SnapshotKind, data["kind"]),
        reference_date=date.fromisoformat(_text(data["reference_date"])),
        drawn_with=frozenset(_enum(DrawnWith, code) for code in data.get("drawn_with", ("client",))),
        status=_enum(SnapshotStatus, data.get("status", "concept")),
        ego=EgoState(
            self_rating=_optional(ego.get("self_rating"), _rating_value),
            self_rating_reason=_text(ego.get("self_rating_reason", "")),
        ),
        persons=tuple(_state(s) for s in data.get("persons", ())),
        peer_ties=tuple(
            PeerTie(
                person_a=_text(t["person_a"]),
                person_b=_text(t["person_b"]),
                kind=_enum(PeerTieKind, t["kind"]),
                rating=_optional(t.get("rating"), _rating_value),
                note=_text(t.get("note", "")),
            )
            for t in data.get("peer_ties", ())
        ),
        departures=tuple(
            Departure(_text(d["person_id"]), _optional(d.get("left_reason"), lambda v: _enum(LeftReason, v)))
            for d in data.get("departures", ())
        ),
        evaluation_id=_optional(data.get("evaluation_id"), _text),
        strengths_note=_text(data.get("strengths_note", "")),
    )


def _state(data: Mapping[str, Any]) -> PersonState:
    tie = data.get("tie", {})
    angle = data.get("angle")
    return PersonState(
        person_id=_text(data["person_id"]),
        category=_enum(Category, data["category"]),
        network_type=_enum(NetworkType, data["network_type"]),
        placement=Placement(ring=_int(data["ring"]), angle=None if angle is None else _float(angle)),
        tie=EgoTie(
            rating=_optional(tie.get("rating"), _rating_value),
            reason=_text(tie.get("reason", "")),
            rated_by=_enum(RatedBy, tie.get("rated_by", "client")),
            perceived_rating_by_other=_optional(tie.get("perceived_rating_by_other"), _rating_value),
            coach_estimate=_optional(tie.get("coach_estimate"), _rating_value),
        ),
        household=_bool(data.get("household", False)),
        vip=_bool(data.get("vip", False)),
        keep_away=_bool(data.get("keep_away", False)),
        keep_away_scope=frozenset(_enum(KeepAwayScope, code) for code in data.get("keep_away_scope", ())),
        can_call_on=_enum(Ternary, data.get("can_call_on", "onbekend")),
        support_types=frozenset(_text(code) for code in data.get("support_types", ())),
        support_note=_text(data.get("support_note", "")),
        contact_frequency=_enum(ContactFrequency, data.get("contact_frequency", "onbekend")),
        location=_enum(Location, data.get("location", "onbekend")),
        availability=_enum(Availability, data.get("availability", "onbekend")),
        availability_reason=_optional(data.get("availability_reason"), lambda v: _enum(AvailabilityReason, v)),
        helped_before=_enum(Ternary, data.get("helped_before", "onbekend")),
        knows_about_problems=_enum(Ternary, data.get("knows_about_problems", "onbekend")),
        contact_permission=_enum(ContactPermission, data.get("contact_permission", "nog_niet_besproken")),
        gives_back=_enum(Ternary, data.get("gives_back", "onbekend")),
        left_reason=_optional(data.get("left_reason"), lambda v: _enum(LeftReason, v)),
        notes=_text(data.get("notes", "")),
    )


T = TypeVar("T")


def _optional(value: object, read: Callable[[Any], T]) -> T | None:
    return None if value is None else read(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"tekst verwacht, {type(value).__name__} gevonden")
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"geheel getal verwacht, {type(value).__name__} gevonden")
    return value


def _float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"getal verwacht, {type(value).__name__} gevonden")
    return float(value)


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"ja/nee verwacht, {type(value).__name__} gevonden")
    return value


def _rating_value(value: object) -> Rating:
    return Rating(_int(value))


def _enum(kind: type[E], value: object) -> E:
    return kind(_text(value))
