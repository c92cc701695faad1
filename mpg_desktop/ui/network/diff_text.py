"""A ``SnapshotDiff`` in Dutch: groups of lines for the diff list, and a mark per person for the map.

Marks: 'nieuw' (appeared), 'gewijzigd' (anything about the person changed), '' (unchanged);
persons who left are drawn apart by the scene ('uit beeld'). Every fixed phrase goes through Qt's
translation (``tr``); names, code labels and symbols are filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from mpg_desktop.models.network_catalogue import NetworkCatalogue
from mpg_desktop.models.network_diff import SnapshotDiff
from mpg_desktop.models.network_map import Snapshot
from mpg_desktop.models.network_rating import Rating, rating_symbol
from mpg_desktop.ui.network.palette import tr

FIELD_LABELS = {
    "network_type": "netwerktype",
    "household": "in het huishouden",
    "can_call_on": "kan een beroep op doen",
    "contact_frequency": "contact",
    "location": "woont",
    "availability": "beschikbaarheid",
    "availability_reason": "reden niet beschikbaar",
    "helped_before": "heeft eerder geholpen",
    "knows_about_problems": "weet van de problemen",
    "contact_permission": "coach mag contact opnemen",
    "gives_back": "cliënt doet iets terug",
    "keep_away_scope": "afspraken op afstand",
    "left_reason": "gestopt met steunen",
    "rated_by": "gewaardeerd door",
    "perceived_rating_by_other": "waardering door de ander",
    "coach_estimate": "inschatting coach",
}

METRIC_LABELS = {
    "size_total": "Personen op de kaart",
    "n_callable": "Kan een beroep op doen",
    "n_supporters": "Steunen",
    "n_professionals": "Hulpverleners",
    "n_positive": "Positieve relaties",
    "n_negative": "Negatieve relaties",
    "n_vip": "VIP's",
    "n_keep_away": "Op afstand",
}


def closer(old: int, new: int) -> str:
    return tr("dichterbij") if new < old else tr("verder weg")


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


def value_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return tr("ja") if value else tr("nee")
    if isinstance(value, Rating):
        return rating_symbol(value)
    if isinstance(value, frozenset):
        return ", ".join(sorted(value_text(v) for v in value)) or tr("geen")
    if isinstance(value, Enum):
        return tr(str(getattr(value, "label", value.value))).lower()
    return str(value)


def person_marks(diff: SnapshotDiff) -> dict[str, str]:
    """person_id -> 'nieuw' / 'gewijzigd' for everyone in the later snapshot who appeared or changed."""
    marks: dict[str, str] = {}
    changed_lists = (
        diff.rating_changed,
        diff.rating_first,
        diff.rating_cleared,
        diff.ring_changed,
        diff.category_changed,
        diff.support_added,
        diff.support_removed,
        diff.state_changed,
    )
    for items in changed_lists:
        for item in items:
            marks[item.person_id] = "gewijzigd"
    for person_id in (*diff.vip_on, *diff.vip_off, *diff.keep_away_on, *diff.keep_away_off):
        marks[person_id] = "gewijzigd"
    for person_id in diff.added:
        marks[person_id] = "nieuw"
    return marks


def diff_groups(
    diff: SnapshotDiff, names: Mapping[str, str], catalogue: NetworkCatalogue, focus_label: str
) -> list[tuple[str, list[str]]]:
    """(group title, lines) in a fixed order; groups without lines are left out."""

    def name(person_id: str) -> str:
        return names.get(person_id, "?")

    def supports(codes: frozenset[str]) -> str:
        return ", ".join(
            sorted(
                catalogue.support_types[c].label_nl.split(",")[0].split(":")[0] if c in catalogue.support_types else c
                for c in codes
            )
        )

    groups: list[tuple[str, list[str]]] = [
        (tr("Nieuw in netwerk"), [name(pid) for pid in diff.added]),
        (
            tr("Uit beeld"),
            [
                name(r.person_id) + (f" – {tr(r.left_reason.label)}" if r.left_reason is not None else "")
                for r in diff.removed
            ],
        ),
        (
            tr("Waardering gewijzigd"),
            [
                f"{name(c.person_id)}: {rating_symbol(c.old)} → {rating_symbol(c.new)}"
                + (f" – “{c.reason}”" if c.reason else "")
                for c in (*diff.rating_changed, *diff.rating_first, *diff.rating_cleared)
            ],
        ),
        (
            tr("Dichterbij of verder weg"),
            [f"{name(c.person_id)}: {closer(c.old, c.new)} (ring {c.old} → {c.new})" for c in diff.ring_changed],
        ),
        (
            tr("VIP en op afstand"),
            [f"{name(pid)}: {tr('nu VIP')}" for pid in diff.vip_on]
            + [f"{name(pid)}: {tr('geen VIP meer')}" for pid in diff.vip_off]
            + [f"{name(pid)}: {tr('op afstand gehouden')}" for pid in diff.keep_away_on]
            + [f"{name(pid)}: {tr('niet meer op afstand')}" for pid in diff.keep_away_off],
        ),
        (
            tr("Steun"),
            [f"{name(c.person_id)}: {tr('steunt nu ook met')} {supports(c.support_types)}" for c in diff.support_added]
            + [
                f"{name(c.person_id)}: {tr('steunt niet meer met')} {supports(c.support_types)}"
                for c in diff.support_removed
            ],
        ),
        (
            tr("Andere wijzigingen"),
            [
                f"{name(c.person_id)}, {tr('vak')}: {value_text(c.old)} → {value_text(c.new)}"
                for c in diff.category_changed
            ]
            + [
                f"{name(c.person_id)}, {field_label(c.field)}: {value_text(c.old)} → {value_text(c.new)}"
                for c in diff.state_changed
            ]
            + [f"{tr('Relatie')} {name(t.person_a)} – {name(t.person_b)}: {tr('nieuw')}" for t in diff.peer_ties_added]
            + [f"{tr('Relatie')} {name(t.person_a)} – {name(t.person_b)}: {tr('weg')}" for t in diff.peer_ties_removed]
            + [
                f"{tr('Relatie')} {name(c.pair[0])} – {name(c.pair[1])}: {value_text(c.old)} → {value_text(c.new)}"
                for c in diff.peer_ties_changed
            ],
        ),
        (
            tr("Zelfwaardering"),
            [
                f"{focus_label}: {rating_symbol(diff.self_rating_changed[0])} → "
                f"{rating_symbol(diff.self_rating_changed[1])}"
            ]
            if diff.self_rating_changed
            else [],
        ),
        (
            tr("Meetwaarden"),
            [
                f"{tr(label)}: {delta:+g}"
                for key, label in METRIC_LABELS.items()
                if (delta := diff.metrics_delta.get(key)) is not None
            ],
        ),
    ]
    return [(title, lines) for title, lines in groups if lines]


def snapshot_title(snapshot: Snapshot) -> str:
    return f"{snapshot.kind.label} {snapshot.reference_date:%d-%m-%Y}"
