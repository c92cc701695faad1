"""GraphML and CSV exports of the network map (spec 4.8).

Round trip through networkx, pseudonymisation, formula escaping, golden files, atomic writes.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest

from mpg_desktop.documents import network_export
from mpg_desktop.documents.network_export import (
    edges_csv_bytes,
    escape_cell,
    graphml_bytes,
    metrics_csv_bytes,
    nodes_csv_bytes,
    to_networkx,
    write_csv_files,
    write_graphml,
)
from mpg_desktop.models.network_codes import PeerTieKind
from mpg_desktop.models.network_demo import demo_bakker, demo_maps, demo_sanne
from mpg_desktop.models.network_map import EgoState, NetworkMap, PeerTie, Person
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_records import pseudonyms
from mpg_desktop.models.network_snapshot import put_peer_tie, put_state, register_person, set_ego_state

GOLDEN = Path(__file__).parent / "golden"


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def sanne_with_peer_tie() -> NetworkMap:
    return put_peer_tie(
        demo_sanne(), "sanne-2", PeerTie("s-lisa", "s-henk", PeerTieKind.STEUN, Rating.GOED, "zus en pa")
    )


# --- GraphML -------------------------------------------------------------------------------------


@pytest.mark.parametrize("identifiable", [False, True])
def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(identifiable: bool) -> None:
    for m in (*demo_maps(), sanne_with_peer_tie()):
        for snapshot in m.snapshots:
            written = to_networkx(m, snapshot.snapshot_id, identifiable=identifiable)
            read = nx.read_graphml(io.BytesIO(graphml_bytes(m, snapshot.snapshot_id, identifiable=identifiable)))
            assert dict(read.nodes(data=True)) == dict(written.nodes(data=True))
            assert {frozenset((a, b)): d for a, b, d in read.edges(data=True)} == {
                frozenset((a, b)): d for a, b, d in written.edges(data=True)
            }
            defaults = {"node_default", "edge_default"}  # added by the GraphML reader
            assert {k: v for k, v in read.graph.items() if k not in defaults} == written.graph
            assert read.number_of_nodes() == len(snapshot.persons) + 1  # persons + ego


def test_graphml_content_matches_the_snapshot() -> None:
    m = sanne_with_peer_tie()
    graph = nx.read_graphml(io.BytesIO(graphml_bytes(m, "sanne-2")))
    ids = {p.person_id: f"p{i}" for i, p in enumerate(m.persons, start=1)}
    for state in m.snapshot("sanne-2").persons:
        node = graph.nodes[ids[state.person_id]]
        assert (node["category"], node["ring"], node["vip"], node["household"]) == (
            state.category.value,
            state.ring,
            state.vip,
            state.household,
        )
        assert node["support_types"] == ";".join(sorted(state.support_types))
        edge = graph.edges["ego", ids[state.person_id]]
        assert (edge["rating"], edge["rating_symbol"], edge["edge_kind"]) == (
            int(state.tie.rating),  # type: ignore[arg-type]
            state.tie.rating.symbol,  # type: ignore[union-attr]
            "ego",
        )
    assert graph.nodes["p6"]["vip"] is True and graph.nodes["p6"]["label"] == "broer/zus 3"
    assert graph.nodes["ego"]["self_rating"] == 1 and graph.nodes["ego"]["node_kind"] == "ego"
    assert graph.edges[ids["s-lisa"], ids["s-henk"]]["peer_kind"] == "steun"
    assert graph.graph["snapshot_kind"] == "na_netwerkbijeenkomst"
    assert graph.graph["reference_date"] == "2024-04-01"  # first of the month when pseudonymised


def test_unrated_ties_have_no_rating_value_but_a_question_mark() -> None:
    graph = nx.read_graphml(io.BytesIO(graphml_bytes(demo_sanne(), "sanne-1")))
    kevin = graph.edges["ego", "p4"]
    assert "rating" not in kevin and kevin["rating_symbol"] == "?"


# --- pseudonymisation ----------------------------------------------------------------------------

PLANTED = [
    "Zeynepxq",
    "0612398765",
    "Geheimreden",
    "Notitiexq",
    "Steunnotaxq",
    "Zelfredenxq",
    "Sterkpuntxq",
    "Bandnotexq",
]


def planted_map() -> NetworkMap:
    m = replace(sanne_with_peer_tie(), focus_label="Zeynepxq Achternaam")
    m = register_person(m, Person("s-lisa", "Zeynepxq", "broer_zus", phone="0612398765"))
    lisa = m.snapshot("sanne-2").state("s-lisa")
    assert lisa is not None
    tie = replace(lisa.tie, reason="Geheimreden")
    m = put_state(m, "sanne-2", replace(lisa, tie=tie, notes="Notitiexq", support_note="Steunnotaxq"))
    m = set_ego_state(m, "sanne-2", EgoState(Rating.GOED, "Zelfredenxq"))
    snapshots = tuple(replace(s, strengths_note="Sterkpuntxq") for s in m.snapshots)
    m = replace(m, snapshots=snapshots)
    return put_peer_tie(m, "sanne-2", PeerTie("s-lisa", "s-henk", PeerTieKind.STEUN, Rating.GOED, "Bandnotexq"))


def all_exports(m: NetworkMap, identifiable: bool) -> str:
    parts = [metrics_csv_bytes(m, identifiable=identifiable)]
    for s in m.snapshots:
        parts += [
            graphml_bytes(m, s.snapshot_id, identifiable=identifiable),
            nodes_csv_bytes(m, s.snapshot_id, identifiable=identifiable),
            edges_csv_bytes(m, s.snapshot_id, identifiable=identifiable),
        ]
    return b"\n".join(parts).decode("utf-8")


def test_pseudonymised_exports_contain_no_names_ids_or_free_text() -> None:
    m = planted_map()
    text = all_exports(m, identifiable=False)
    secrets = [*PLANTED, *(p.display_name for p in m.persons), *(p.person_id for p in m.persons), m.map_id]
    secrets += [s.snapshot_id for s in m.snapshots] + ["Achternaam", "2024-04-15", "2024-02-05"]
    leaked = [secret for secret in secrets if secret in text]
    assert leaked == []
    assert "broer/zus 3" in text and "kind 1" in text  # role labels instead


def test_identifiable_copy_has_names_and_texts_when_asked() -> None:
    text = all_exports(planted_map(), identifiable=True)
    assert all(secret in text for secret in PLANTED)
    assert "2024-04-15" in text


def test_pseudonyms_are_numbered_per_role_and_stable() -> None:
    labels = pseudonyms(demo_sanne())
    assert labels["s-noor"] == "kind 1" and labels["s-daan"] == "kind 2"
    assert [labels[p] for p in ("s-kevin", "s-rick", "s-lisa")] == ["broer/zus 1", "broer/zus 2", "broer/zus 3"]
    assert labels["s-anouk"] == "jeugdbeschermer 1"


# --- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tverborgen", "'\tverborgen"),
        ("\rregel", "'\rregel"),
        ("++", "'++"),
        ("Anna = lief", "Anna = lief"),
        ("", ""),
        (None, ""),
        (True, "1"),
        (False, "0"),
        (-2, "-2"),
        (0.125, "0.125"),
    ],
)
def test_escape_cell(value: object, cell: str) -> None:
    assert escape_cell(value) == cell  # type: ignore[arg-type]


def test_csv_escapes_formulas_in_names_and_reasons() -> None:
    m = register_person(demo_sanne(), Person("s-lisa", "=cmd|'/C calc'!A0", "broer_zus"))
    lisa = m.snapshot("sanne-2").state("s-lisa")
    assert lisa is not None
    m = put_state(m, "sanne-2", replace(lisa, tie=replace(lisa.tie, reason="@SUM(1+1)")))
    node = next(r for r in rows(nodes_csv_bytes(m, "sanne-2", identifiable=True)) if r["Id"] == "p6")
    edge = next(r for r in rows(edges_csv_bytes(m, "sanne-2", identifiable=True)) if r["Target"] == "p6")
    assert node["Label"] == node["name"] == "'=cmd|'/C calc'!A0"
    assert edge["reason"] == "'@SUM(1+1)"
    assert edge["rating_symbol"] == "'++" and edge["rating"] == "2"
    anouk = next(r for r in rows(edges_csv_bytes(m, "sanne-1")) if r["Target"] == "p8")
    assert anouk["rating"] == "-1" and anouk["rating_symbol"] == "'-"  # numbers stay numbers
    for data in (nodes_csv_bytes(m, "sanne-2", identifiable=True), edges_csv_bytes(m, "sanne-2", identifiable=True)):
        for row in csv.reader(io.StringIO(data.decode("utf-8"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell.lstrip("+-").isdigit()


def test_csv_opens_as_a_gephi_node_and_edge_list() -> None:
    m = sanne_with_peer_tie()
    nodes_data, edges_data = nodes_csv_bytes(m, "sanne-2"), edges_csv_bytes(m, "sanne-2")
    for data in (nodes_data, edges_data):
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
        data.decode("utf-8")
    node_rows, edge_rows = rows(nodes_data), rows(edges_data)
    assert list(node_rows[0])[:3] == ["Id", "Label", "node_kind"]
    assert list(edge_rows[0])[:3] == ["Source", "Target", "Type"]
    assert node_rows[0]["Id"] == "ego" and node_rows[0]["self_rating"] == "1"  # ego attributes included
    assert {r["snapshot_kind"] for r in node_rows} == {"na_netwerkbijeenkomst"}
    lisa = next(r for r in node_rows if r["Id"] == "p6")
    assert (lisa["vip"], lisa["household"], lisa["support_groups"]) == ("1", "0", "praktisch")
    graph = nx.Graph()
    graph.add_nodes_from(r["Id"] for r in node_rows)
    graph.add_edges_from((r["Source"], r["Target"]) for r in edge_rows)
    expected = to_networkx(m, "sanne-2")
    assert set(graph.nodes) == set(expected.nodes)
    assert {frozenset(e) for e in graph.edges} == {frozenset(e) for e in expected.edges}
    assert {r["edge_kind"] for r in edge_rows} == {"ego", "peer"}


def test_metrics_csv_has_one_row_per_snapshot_in_date_order() -> None:
    metric_rows = rows(metrics_csv_bytes(demo_bakker()))
    assert [(r["snapshot"], r["snapshot_kind"], r["reference_date"]) for r in metric_rows] == [
        ("m1", "startkaart", "2023-09-01"),
        ("m2", "tussentijds", "2023-10-01"),
    ]
    assert [r["n_supporters"] for r in metric_rows] == ["3", "2"]
    assert metric_rows[1]["mean_rating_informal"] == "0.0" and metric_rows[0]["self_rating"] == ""


@pytest.mark.parametrize("kind", ["nodes", "edges"])
def test_pseudonymised_csv_matches_golden_file(kind: str) -> None:
    produce = nodes_csv_bytes if kind == "nodes" else edges_csv_bytes
    data = produce(demo_bakker(), "bakker-2")
    golden = GOLDEN / f"bakker-2_{kind}.csv"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data == golden.read_bytes()


# --- atomic writes -------------------------------------------------------------------------------


def test_write_graphml_is_atomic_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "kaart.graphml"
    target.write_bytes(b"oude versie")
    assert write_graphml(target, demo_bakker(), "bakker-2") == target
    assert target.read_bytes() == graphml_bytes(demo_bakker(), "bakker-2")
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.graphml"]  # no temporary file left
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kaart.graphml"
    target.write_bytes(b"oude versie")

    def broken_replace(source: str, destination: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(network_export.os, "replace", broken_replace)
    with pytest.raises(OSError, match="schijf vol"):
        write_graphml(target, demo_bakker(), "bakker-2")
    assert target.read_bytes() == b"oude versie"
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.graphml"]


def test_write_csv_files(tmp_path: Path) -> None:
    paths = write_csv_files(tmp_path, "sanne_m2", demo_sanne(), "sanne-2")
    assert [p.name for p in paths] == ["sanne_m2_nodes.csv", "sanne_m2_edges.csv", "sanne_m2_metrics.csv"]
    assert paths[0].read_bytes() == nodes_csv_bytes(demo_sanne(), "sanne-2")
    assert len(rows(paths[2].read_bytes())) == 2
