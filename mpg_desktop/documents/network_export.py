"""Export a network map snapshot as GraphML and CSV (spec bolletjesschema 4.8).

What is exported (and the pseudonymisation, on by default) is decided in
``models.network_records``; this module only writes formats:

* GraphML through networkx, undirected, one node 'ego' plus 'p1', 'p2' …; opens in Gephi, yEd and
  ``networkx.read_graphml``. Nodes carry ``label``, ``x`` and ``y`` (the map layout, y up), which
  Gephi uses as label and position. Missing values are left out of a node or edge, as GraphML allows.
* CSV as Gephi's spreadsheet import expects: a node list (``Id``, ``Label`` …) and an edge list
  (``Source``, ``Target``, ``Type`` …), plus one metrics row per snapshot. UTF-8 without BOM, comma,
  RFC 4180 quoting, LF line ends, booleans 0/1, empty cell = not applicable. A text cell starting
  with ``= + - @``, tab or CR gets a leading apostrophe so a spreadsheet never runs it as a formula
  (rating symbols such as ``+/-`` included); numbers are written as numbers.

``*_bytes`` functions return the file content and write nothing; ``write_*`` functions write
atomically (temporary file in the same folder, fsync, rename, owner-only permissions). Both are
pure computation plus, for ``write_*``, file I/O: run them on a worker, not on the GUI thread.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from mpg_desktop.models.network_catalogue import NetworkCatalogue
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.network_records import Record, Value, export_tables, metric_records

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SNAPSHOT_COLUMNS = ("snapshot", "snapshot_kind", "reference_date")


def escape_cell(value: Value) -> str:
    """One CSV cell: None -> '', bool -> 0/1, numbers as is, risky text prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def to_networkx(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> nx.Graph:
    """The snapshot as an undirected networkx graph (node ids 'ego', 'p1' …; attributes without None)."""
    tables = export_tables(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue)
    graph = nx.Graph(**_present(tables.graph))
    for node in tables.nodes:
        attributes = _present(node)
        node_id = attributes.pop("Id")
        # Gephi's GraphML importer takes 'label', 'x' and 'y' as the node's label and position.
        attributes["label"] = attributes.pop("Label")
        graph.add_node(node_id, **attributes)
    for edge in tables.edges:
        attributes = _present(edge)
        source, target = attributes.pop("Source"), attributes.pop("Target")
        attributes.pop("Type")
        graph.add_edge(source, target, **attributes)
    return graph


def graphml_bytes(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> bytes:
    """GraphML (UTF-8) of one snapshot."""
    buffer = io.BytesIO()
    graph = to_networkx(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue)
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def nodes_csv_bytes(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> bytes:
    """Node list of one snapshot: the ego row first; snapshot columns repeated on every row."""
    tables = export_tables(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue)
    context = {key: tables.graph[key] for key in SNAPSHOT_COLUMNS}
    nodes = [{**node, **context} for node in tables.nodes]
    # Person columns before the ego's own columns, so the table reads naturally.
    return _csv(nodes, _columns(("Id", "Label", "node_kind", *SNAPSHOT_COLUMNS), [*nodes[1:], nodes[0]]))


def edges_csv_bytes(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> bytes:
    """Edge list of one snapshot: ego ties, then ties between persons."""
    tables = export_tables(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue)
    return _csv(tables.edges, _columns((), tables.edges))


def metrics_csv_bytes(
    network_map: NetworkMap, *, identifiable: bool = False, catalogue: NetworkCatalogue | None = None
) -> bytes:
    """One row of measures per snapshot, in date order (the trend)."""
    records = metric_records(network_map, identifiable=identifiable, catalogue=catalogue)
    return _csv(records, _columns((), records))


def write_graphml(
    path: Path,
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> Path:
    """Write the GraphML of one snapshot atomically to ``path``."""
    write_bytes_atomic(path, graphml_bytes(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue))
    return path


def write_csv_files(
    folder: Path,
    stem: str,
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> list[Path]:
    """Write ``<stem>_nodes.csv``, ``<stem>_edges.csv`` and ``<stem>_metrics.csv``, each atomically."""
    contents = {
        "nodes": nodes_csv_bytes(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue),
        "edges": edges_csv_bytes(network_map, snapshot_id, identifiable=identifiable, catalogue=catalogue),
        "metrics": metrics_csv_bytes(network_map, identifiable=identifiable, catalogue=catalogue),
    }
    paths = []
    for name, data in contents.items():
        path = folder / f"{stem}_{name}.csv"
        write_bytes_atomic(path, data)
        paths.append(path)
    return paths


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open a folder and does not need it."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _present(record: Record) -> dict[str, str | int | float | bool]:
    return {key: value for key, value in record.items() if value is not None}


def _columns(leading: tuple[str, ...], records: Iterable[Record]) -> list[str]:
    """``leading``, then every other key in order of first appearance."""
    columns = dict.fromkeys(leading)
    for record in records:
        columns.update(dict.fromkeys(record))
    return list(columns)


def _csv(rows: list[Record], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([escape_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8")
