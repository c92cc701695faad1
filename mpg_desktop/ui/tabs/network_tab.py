"""Netwerk: the network maps (bolletjesschema) of the case, one per centre person, with the editor.

Maps are read when the tab is first shown for a case (on the store worker) and saved after every
edit (``MapSaver``: in order, one transaction each). The editor itself lives in ``ui.network``.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.network_codes import FocusKind, SnapshotKind
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.network_snapshot import add_snapshot, new_map
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.errors import StoreError
from mpg_desktop.storage.network_repository import StoredMap, load_maps
from mpg_desktop.ui.network.editor import NetworkEditor
from mpg_desktop.ui.network.new_map_dialog import NewMapDialog
from mpg_desktop.ui.network.saver import MapSaver
from mpg_desktop.ui.tabs.base import CaseTab
from mpg_desktop.ui.workers import Job


class MapWindow(QWidget):
    """The editor in a window of its own (a map needs room). Closing it puts the editor back in the tab;
    locking closes it like every window with case data."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Netwerkkaart – MPG Desktop"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)


class NetworkTab(CaseTab):
    """Emits ``maps_loaded`` once the maps of a case are on screen and ``saved`` after each save."""

    title = "Netwerk"
    maps_loaded = Signal(int)
    saved = Signal(int)

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.case: CaseSummary | None = None
        self._stale = False
        self.maps: list[StoredMap] = []
        self.saver: MapSaver | None = None  # the saver of the map on screen
        self._savers: dict[str, MapSaver] = {}  # per map id: keeps the revision between switches
        self._latest: dict[str, NetworkMap] = {}  # per map id: the map as last edited
        self._retiring: list[MapSaver] = []  # savers of an earlier case, finishing their last save
        self.editor: NetworkEditor | None = None

        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Netwerkkaart van"))
        chooser_label = QLabel(self.tr("&Kaart van:"), self)
        chooser_label.setBuddy(self.chooser)
        self.new_button = QPushButton(self.tr("Nieuwe &kaart…"), self)
        self.window_button = QPushButton(self.tr("Groot &venster"), self)
        self.window_button.setToolTip(self.tr("De kaart in een eigen, groot venster openen"))
        self.window_button.setEnabled(False)
        self.map_window: MapWindow | None = None
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Opslaan"))
        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.window_button)
        top.addWidget(self.status)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        self.empty_text = QLabel(
            self.tr(
                "Er is nog geen netwerkkaart voor dit gezin. Teken de kaart samen met de cliënt: wie zijn er "
                "belangrijk, hoe is de relatie, wie helpt waarmee?"
            ),
            self.empty,
        )
        self.empty_text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Netwerkkaart &maken…"), self.empty)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.create_button)
        empty_layout.addStretch()
        self.elsewhere = QWidget(self)
        elsewhere_layout = QVBoxLayout(self.elsewhere)
        elsewhere_text = QLabel(self.tr("De kaart staat in een eigen venster."), self.elsewhere)
        self.back_button = QPushButton(self.tr("Terug naar dit tabblad"), self.elsewhere)
        elsewhere_layout.addWidget(elsewhere_text)
        elsewhere_layout.addWidget(self.back_button)
        elsewhere_layout.addStretch()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.elsewhere)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self.chooser.activated.connect(self._chosen)
        self.new_button.clicked.connect(self.create_map)
        self.create_button.clicked.connect(self.create_map)
        self.window_button.clicked.connect(self.pop_out)
        self.back_button.clicked.connect(lambda: self.map_window is not None and self.map_window.close())

    # -- loading -------------------------------------------------------------------------
    def load(self, case: CaseSummary) -> None:
        same = self.case is not None and self.case.traject_id == case.traject_id
        self.case = case
        if same and not self._stale:
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.case is not None:
            self.reload()

    def reload(self, show_map: str | None = None) -> None:
        """Read the case's maps on the store worker; then show ``show_map`` (or the first)."""
        if self.case is None:
            return
        self._stale = False
        traject_id, store = self.case.traject_id, self.store
        self.status.setText(self.tr("Bezig met laden…"))
        job = Job(lambda _ctx: load_maps(store, traject_id))
        job.succeeded.connect(lambda maps: self._loaded(traject_id, maps, show_map))
        job.failed.connect(self._failed)
        job.start()

    def _loaded(self, traject_id: int, maps: list[StoredMap], show_map: str | None) -> None:
        if self.case is None or self.case.traject_id != traject_id:
            return  # the coach chose another case meanwhile
        self.maps = maps
        self._retire_savers()
        self.chooser.clear()
        for stored in maps:
            m = stored.network_map
            self.chooser.addItem(f"{m.focus_label} ({self.tr(m.focus_kind.label).lower()})", m.map_id)
        self.status.setText("")
        if not maps:
            self.chooser.setEnabled(False)
            if self.map_window is not None:
                self.map_window.close()
            self.window_button.setEnabled(False)
            self.pages.setCurrentWidget(self.empty)
        else:
            self.chooser.setEnabled(True)
            ids = [s.network_map.map_id for s in maps]
            index = ids.index(show_map) if show_map in ids else 0
            self.chooser.setCurrentIndex(index)
            self._open(maps[index])
        self.maps_loaded.emit(len(maps))

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.maps):
            self._open(self.maps[index])

    def _open(self, stored: StoredMap) -> None:
        map_id = stored.network_map.map_id
        self.saver = self._saver_for(map_id, stored.revision, stored.focus_person_id)
        self._show_editor(self._latest.get(map_id, stored.network_map))

    def _show_editor(self, network_map: NetworkMap) -> None:
        if self.editor is None:
            self.editor = NetworkEditor(network_map, self)
            self.editor.document.edited.connect(self._edited)
            self.pages.addWidget(self.editor)
        self.editor.set_map(network_map)
        if self.case is not None:
            self.editor.trajectory_start = self.case.referral_date
            self.editor.evaluation_dates = tuple(
                d for d in (self.case.last_evaluation_on, self.case.next_evaluation()) if d is not None
            )
            self.editor.refresh()
        self.window_button.setEnabled(True)
        if self.map_window is None:
            self.pages.setCurrentWidget(self.editor)
        else:
            self.map_window.setWindowTitle(
                self.tr("Netwerkkaart van {label} – MPG Desktop").format(label=network_map.focus_label)
            )

    def pop_out(self) -> None:
        """Show the editor in its own maximised window."""
        if self.editor is None or self.map_window is not None:
            return
        window = MapWindow(self)
        layout = window.layout()
        assert layout is not None
        layout.addWidget(self.editor)  # takes the editor out of the tab
        self.editor.show()  # a widget given a new parent is hidden until shown again
        self.map_window = window
        window.setWindowTitle(
            self.tr("Netwerkkaart van {label} – MPG Desktop").format(label=self.editor.network_map.focus_label)
        )
        window.closed.connect(self._pop_in)
        self.pages.setCurrentWidget(self.elsewhere)
        window.showMaximized()

    def _pop_in(self) -> None:
        window, self.map_window = self.map_window, None
        if self.editor is not None:
            self.pages.addWidget(self.editor)
            self.pages.setCurrentWidget(self.editor)
        if window is not None:
            window.deleteLater()

    def _saver_for(self, map_id: str, revision: int, focus_person_id: int | None) -> MapSaver:
        saver = self._savers.get(map_id)
        if saver is None:
            assert self.case is not None
            saver = MapSaver(self.store, self.case.traject_id, revision, focus_person_id, self)
            saver.saved.connect(self._saved)
            saver.failed.connect(self._save_failed)
            saver.busy_changed.connect(self._busy_changed)
            self._savers[map_id] = saver
        return saver

    def _retire_savers(self) -> None:
        """Forget the savers of what was shown before; busy ones finish their last save first."""
        self._retiring = [s for s in (*self._retiring, *self._savers.values()) if s.busy]
        for saver in self._savers.values():
            if saver not in self._retiring:
                saver.deleteLater()
        self._savers, self._latest, self.saver = {}, {}, None

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("Bezig met opslaan…"))

    # -- making and saving ---------------------------------------------------------------
    def create_map(self) -> None:
        if self.case is None:
            return
        family = load_family(self.store, self.case.family_id)
        taken = {s.focus_person_id for s in self.maps if s.focus_person_id is not None}
        dialog = NewMapDialog(family.members, taken, date.today(), self)
        if dialog.exec() != NewMapDialog.DialogCode.Accepted:
            return
        label, kind, person_id = dialog.values()
        self.start_map(label, kind, person_id)

    def start_map(self, label: str, kind: FocusKind, focus_person_id: int | None) -> NetworkMap:
        """A new map with an empty startkaart of today, saved at once and shown."""
        assert self.case is not None
        network_map = new_map(
            label,
            kind,
            case_id=self.case.traject_id,
            created_by=self.store.get_meta("coach_name"),
            created_at=datetime.now().replace(microsecond=0),
        )
        network_map, _snapshot = add_snapshot(network_map, SnapshotKind.STARTKAART, date.today())
        self.maps.append(StoredMap(network_map, self.case.traject_id, focus_person_id, 0))
        self.chooser.setEnabled(True)
        self.chooser.addItem(f"{label} ({self.tr(network_map.focus_kind.label).lower()})", network_map.map_id)
        self.chooser.setCurrentIndex(self.chooser.count() - 1)
        self.saver = self._saver_for(network_map.map_id, 0, focus_person_id)
        self._latest[network_map.map_id] = network_map
        self._show_editor(network_map)
        self.saver.request(network_map)
        return network_map

    def _edited(self, network_map: NetworkMap) -> None:
        saver = self._savers.get(network_map.map_id)
        if saver is not None:
            self._latest[network_map.map_id] = network_map
            saver.request(network_map)

    def _saved(self, revision: int) -> None:
        if not any(saver.busy for saver in self._savers.values()):
            self.status.setText(self.tr("Opgeslagen"))
        self.saved.emit(revision)

    def _save_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Niet opgeslagen"))
        self._failed(error)
        shown = self.editor.network_map.map_id if self.editor is not None else None
        self.reload(shown)  # show what is stored; the undo history starts afresh

    def _failed(self, error: BaseException) -> None:
        message = (
            error.message
            if isinstance(error, StoreError)
            else self.tr("De netwerkkaart kon niet worden gelezen of opgeslagen. Probeer het opnieuw.")
        )
        QMessageBox.warning(self, self.tr("Netwerkkaart"), message)
