"""The map being edited, the snapshot on screen, and the undo stack of every edit.

Maps are immutable values, so an edit is "replace map A by map B" and undo puts A back: one
``MapEdit`` command per edit, built by ``MapDocument.edit`` from a pure change function of
``models.network_snapshot``. A change the domain refuses (a finalised snapshot, a date before the
last snapshot ...) pushes nothing and reports the Dutch message through ``edit_refused``.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mpg_desktop.models.network_map import NetworkMap, Snapshot
from mpg_desktop.models.validation import ValidationError

Change = Callable[[NetworkMap], NetworkMap]


class MapEdit(QUndoCommand):
    """Replace the whole map; undo and redo also show the snapshot the edit was made on."""

    def __init__(
        self,
        document: MapDocument,
        text: str,
        before: NetworkMap,
        after: NetworkMap,
        before_snapshot: str | None,
        after_snapshot: str | None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.before, self.after = before, after
        self.before_snapshot, self.after_snapshot = before_snapshot, after_snapshot

    def redo(self) -> None:
        self.document._set(self.after, self.after_snapshot)

    def undo(self) -> None:
        self.document._set(self.before, self.before_snapshot)


class MapDocument(QObject):
    """Emits ``changed`` after every edit, undo, redo, load and change of the snapshot shown;
    ``edited`` only when the map itself changed (the tab then saves)."""

    changed = Signal()
    edited = Signal(object)  # the new NetworkMap
    edit_refused = Signal(str)  # a Dutch message

    def __init__(self, network_map: NetworkMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.map = network_map
        latest = network_map.latest_snapshot
        self.snapshot_id: str | None = latest.snapshot_id if latest else None
        self.undo_stack = QUndoStack(self)

    # -- reading -------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot | None:
        if self.snapshot_id is None:
            return None
        try:
            return self.map.snapshot(self.snapshot_id)
        except KeyError:
            return None

    @property
    def editable(self) -> bool:
        snapshot = self.snapshot
        return snapshot is not None and not snapshot.is_final

    @property
    def previous_snapshot(self) -> Snapshot | None:
        return self.map.previous_snapshot(self.snapshot_id) if self.snapshot is not None else None  # type: ignore[arg-type]

    # -- changing ------------------------------------------------------------------------
    def load(self, network_map: NetworkMap, snapshot_id: str | None = None) -> None:
        """Show another map (or the stored version of this one); the undo history starts afresh."""
        self.undo_stack.clear()
        latest = network_map.latest_snapshot
        self.map = network_map
        self.snapshot_id = snapshot_id if snapshot_id is not None else (latest.snapshot_id if latest else None)
        self.changed.emit()

    def show_snapshot(self, snapshot_id: str) -> None:
        """Step to another snapshot (not an edit: nothing is pushed on the undo stack)."""
        if snapshot_id != self.snapshot_id:
            self.map.snapshot(snapshot_id)  # KeyError for an unknown id
            self.snapshot_id = snapshot_id
            self.changed.emit()

    def edit(self, text: str, change: Change, *, show_snapshot: str | None = None) -> bool:
        """Apply ``change`` as one undoable edit. False when refused or when nothing changed."""
        try:
            after = change(self.map)
        except ValidationError as error:
            self.edit_refused.emit(error.message)
            return False
        except KeyError:
            return False  # the person or snapshot went away under a stale widget: nothing to do
        if after == self.map:
            return False
        target = show_snapshot if show_snapshot is not None else self.snapshot_id
        self.undo_stack.push(MapEdit(self, text, self.map, after, self.snapshot_id, target))
        return True

    def _set(self, network_map: NetworkMap, snapshot_id: str | None) -> None:
        self.map = network_map
        self.snapshot_id = snapshot_id
        self.changed.emit()
        self.edited.emit(network_map)
