"""Flat node, edge and metric records of a map for export: what may leave the app (spec 4.8).

Pseudonymised by default: display names become role labels numbered in registry order
('vriend 1', 'vriend 2'; stable over snapshots), node ids are 'ego', 'p1', 'p2' … instead of the
stored ids, dates move to the first of the month, and every free text (reasons, notes, support
notes, phone, focus label) is dropped. ``identifiable=True`` must be asked for explicitly; it adds
names, ids and texts (the caller confirms client consent and logs the export). Values are plain
str/int/float/bool or None (= not applicable); formats are written by ``documents.network_export``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import Enum

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_layout import layout_positions
from mpg_desktop.models.network_map import NetworkMap, PeerTie, PersonState
from mpg_desktop.models.network_metrics import compute_metrics
from mpg_desktop.models.network_rating import Rating, rating_label, rating_score, rating_symbol

EGO_ID = "ego"
RING_SPACING = 100.0  # layout units per ring in exported x/y (Gephi reads x and y node attributes)
Value = str | int | float | bool | None
Record = dict[str, Value]


@dataclass(frozen=True)
class ExportTables:
    """One snapshot as a graph: graph attributes, nodes (the ego first) and edges (ego ties first)."""

    graph: Record
    nodes: list[Record]
    edges: list[Record]


def node_ids(network_map: NetworkMap) -> dict[str, str]:
    """person_id -> 'p1', 'p2' … in registry order (stable over snapshots, meaningless outside the export)."""
    return {person.person_id: f"p{index}" for index, person in enumerate(network_map.persons, start=1)}


def pseudonyms(network_map: NetworkMap, catalogue: NetworkCatalogue | None = None) -> dict[str, str]:
    """person_id -> role label with a number per role, e.g. 'broer/zus 2'."""
    catalogue = catalogue or default_catalogue()
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for person in network_map.persons:
        info = catalogue.relationships.get(person.relationship)
        role = info.role_label if info else "persoon"
        counts[role] += 1
        labels[person.person_id] = f"{role} {counts[role]}"
    return labels


def export_date(day: date, identifiable: bool) -> str:
    """ISO date; in a pseudonymised export the first of the month."""
    return (day if identifiable else day.replace(day=1)).isoformat()


def snapshot_labels(network_map: NetworkMap) -> dict[str, str]:
    """snapshot_id -> 'm1', 'm2' … in date order."""
    return {s.snapshot_id: f"m{index}" for index, s in enumerate(network_map.snapshots_by_date, start=1)}


def export_tables(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> ExportTables:
    """The records of one snapshot. KeyError for an unknown snapshot id."""
    catalogue = catalogue or default_catalogue()
    snapshot = network_map.snapshot(snapshot_id)
    ids = node_ids(network_map)
    graph: Record = {
        "snapshot": snapshot_labels(network_map)[snapshot_id],
        "snapshot_kind": snapshot.kind.value,
        "reference_date": export_date(snapshot.reference_date, identifiable),
        "status": snapshot.status.value,
        "drawn_with": _codes(snapshot.drawn_with),
        "focus_kind": network_map.focus_kind.value,
    }
    ego: Record = {
        "Id": EGO_ID,
        "Label": network_map.focus_label if identifiable else network_map.focus_kind.value,
        "node_kind": "ego",
        "focus_kind": network_map.focus_kind.value,
        "self_rating": _int(snapshot.ego.self_rating),
        "self_rating_symbol": rating_symbol(snapshot.ego.self_rating),
        "self_rating_score_1_5": rating_score(snapshot.ego.self_rating),
        "x": 0.0,
        "y": 0.0,
    }
    if identifiable:
        graph.update(
            snapshot_id=snapshot.snapshot_id, map_id=network_map.map_id, strengths_note=snapshot.strengths_note
        )
        ego.update(self_rating_reason=snapshot.ego.self_rating_reason)
    labels = network_map.names if identifiable else pseudonyms(network_map, catalogue)
    positions = layout_positions(snapshot, [p.person_id for p in network_map.persons], RING_SPACING)
    nodes = [ego]
    edges: list[Record] = []
    for state in snapshot.persons:
        x, y = positions[state.person_id]
        node = _person_node(network_map, state, ids, labels, catalogue, identifiable)
        node.update(x=round(x, 3), y=round(-y, 3))  # y up, as Gephi and yEd draw it
        nodes.append(node)
        edges.append(_ego_edge(state, ids, identifiable))
    edges.extend(_peer_edge(tie, ids, identifiable) for tie in snapshot.peer_ties)
    return ExportTables(graph, nodes, edges)


def metric_records(
    network_map: NetworkMap, *, identifiable: bool = False, catalogue: NetworkCatalogue | None = None
) -> list[Record]:
    """One record per snapshot in date order: snapshot label, kind, date, then every measure."""
    labels = snapshot_labels(network_map)
    records: list[Record] = []
    for snapshot in network_map.snapshots_by_date:
        record: Record = {
            "snapshot": labels[snapshot.snapshot_id],
            "snapshot_kind": snapshot.kind.value,
            "reference_date": export_date(snapshot.reference_date, identifiable),
        }
        record.update(compute_metrics(snapshot, catalogue).flat())
        records.append(record)
    return records


def _codes(values: frozenset[str]) -> str:
    """A set of codes as one cell: sorted, joined by ';'."""
    return ";".join(sorted(str(v) for v in values))


def _int(rating: Rating | None) -> int | None:
    return None if rating is None else int(rating)


def _enum(value: Enum | None) -> str | None:
    return None if value is None else str(value.value)


def _person_node(
    network_map: NetworkMap,
    state: PersonState,
    ids: dict[str, str],
    labels: dict[str, str],
    catalogue: NetworkCatalogue,
    identifiable: bool,
) -> Record:
    person = network_map.person(state.person_id)
    groups = {catalogue.support_group(code) for code in state.support_types} - {None}
    node: Record = {
        "Id": ids[state.person_id],
        "Label": labels[state.person_id],
        "node_kind": "persoon",
        "relationship": person.relationship,
        "category": state.category.value,
        "network_type": state.network_type.value,
        "ring": int(state.ring),
        "angle": None if state.placement.angle is None else float(state.placement.angle),
        "household": state.household,
        "vip": state.vip,
        "keep_away": state.keep_away,
        "keep_away_scope": _codes(state.keep_away_scope),
        "can_call_on": state.can_call_on.value,
        "support_types": _codes(state.support_types),
        "support_groups": _codes(frozenset(g.value for g in groups if g is not None)),
        "is_supporter": state.is_supporter,
        "contact_frequency": state.contact_frequency.value,
        "location": state.location.value,
        "availability": state.availability.value,
        "availability_reason": _enum(state.availability_reason),
        "helped_before": state.helped_before.value,
        "knows_about_problems": state.knows_about_problems.value,
        "contact_permission": state.contact_permission.value,
        "gives_back": state.gives_back.value,
        "left_reason": _enum(state.left_reason),
    }
    if identifiable:
        node.update(
            name=person.display_name,
            person_id=person.person_id,
            phone=person.phone,
            support_note=state.support_note,
            notes=state.notes,
        )
    return node


def _rating_fields(rating: Rating | None) -> Record:
    return {
        "rating": _int(rating),
        "rating_symbol": rating_symbol(rating),
        "rating_label": rating_label(rating),
        "score_1_5": rating_score(rating),
    }


def _ego_edge(state: PersonState, ids: dict[str, str], identifiable: bool) -> Record:
    tie = state.tie
    edge: Record = {"Source": EGO_ID, "Target": ids[state.person_id], "Type": "Undirected", "edge_kind": "ego"}
    edge.update(_rating_fields(tie.rating))
    edge.update(
        rated_by=tie.rated_by.value,
        perceived_rating=_int(tie.perceived_rating_by_other),
        perceived_rating_symbol=rating_symbol(tie.perceived_rating_by_other),
        coach_estimate=_int(tie.coach_estimate),
    )
    if identifiable:
        edge.update(reason=tie.reason)
    return edge


def _peer_edge(tie: PeerTie, ids: dict[str, str], identifiable: bool) -> Record:
    edge: Record = {"Source": ids[tie.person_a], "Target": ids[tie.person_b], "Type": "Undirected", "edge_kind": "peer"}
    edge.update(_rating_fields(tie.rating))
    edge.update(peer_kind=tie.kind.value)
    if identifiable:
        edge.update(note=tie.note)
    return edge
