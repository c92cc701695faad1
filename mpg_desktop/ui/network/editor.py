"""The network map editor: map and list on the left, panels on the right, everything undoable.

Layout: toolbar (undo/redo, zoom, fit, auto-layout, ties between persons, new snapshot, finalise,
compare, export); the snapshot timeline; the quick-add bar; then the map (or the same data as a
list) next to the panels Persoon / Controle / Meetwaarden / Verschil.

The editor owns a ``MapDocument``; every change goes through ``MapDocument.edit`` and so onto the
undo stack. ``document.edited`` tells the owner (the case tab) to save. Snapshots that are
finalised are read-only here too (V10): no dragging, no fields, a banner says what to do.
GUI thread only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_codes import DrawnWith, LeftReason, SnapshotKind
from mpg_desktop.models.network_diff import diff_map
from mpg_desktop.models.network_issues import Issue
from mpg_desktop.models.network_map import NetworkMap, Person, Placement
from mpg_desktop.models.network_reminders import check_evaluation_snapshots, check_startkaart_due
from mpg_desktop.models.network_snapshot import (
    add_person,
    edit_snapshot,
    finalise,
    needs_left_reason,
    new_id,
    new_measurement,
    remove_person,
)
from mpg_desktop.models.network_validation import validate_map
from mpg_desktop.models.validation import ValidationError
from mpg_desktop.ui.network.diff_panel import DiffPanel
from mpg_desktop.ui.network.diff_text import diff_groups, person_marks
from mpg_desktop.ui.network.document import Change, MapDocument
from mpg_desktop.ui.network.ego_panel import EgoPanel
from mpg_desktop.ui.network.geometry import drop_placement
from mpg_desktop.ui.network.issues_panel import IssuesPanel
from mpg_desktop.ui.network.left_reason_dialog import ask_left_reason
from mpg_desktop.ui.network.legend import LegendLabel
from mpg_desktop.ui.network.list_view import PersonsTable
from mpg_desktop.ui.network.metrics_panel import MetricsPanel
from mpg_desktop.ui.network.person_panel import PersonPanel
from mpg_desktop.ui.network.quick_add import QuickAddBar
from mpg_desktop.ui.network.scene import NetworkScene, SceneOptions
from mpg_desktop.ui.network.timeline import NewSnapshotDialog, Timeline
from mpg_desktop.ui.network.view import NetworkView

BANNER_STYLE = "background: #fff4ce; color: #3b2e00; padding: 4px 8px;"
COMPARE_STYLE = "background: #e6f0fa; color: #002f5f; padding: 4px 8px;"


class NetworkEditor(QWidget):
    """``refreshed`` after every redraw (tests wait for it); ``exported`` with the written files."""

    refreshed = Signal()
    exported = Signal(list)
    export_failed = Signal(str)

    def __init__(
        self,
        network_map: NetworkMap,
        parent: QWidget | None = None,
        *,
        catalogue: NetworkCatalogue | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue or default_catalogue()
        self.document = MapDocument(network_map, self)
        self.selected: str | None = None
        self.comparing = False
        self.show_peer_ties = False
        self.show_keep_away_lines = False
        self.trajectory_start: date | None = None  # for the V12 reminder
        self.evaluation_dates: tuple[date, ...] = ()  # for the V13 reminder
        self.issues: list[Issue] = []

        self.scene = NetworkScene(self, self.catalogue)
        self.view = NetworkView(self.scene, self)
        self.table = PersonsTable(self.catalogue, self)
        self.quick_add = QuickAddBar(self.catalogue, self)
        self.timeline = Timeline(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Melding bij dit meetmoment"))
        self.person_panel = PersonPanel(self.catalogue, self)
        self.ego_panel = EgoPanel(self)
        self.empty_panel = QLabel(
            self.tr(
                "Kies iemand op de kaart of in de lijst, of het midden voor de zelfwaardering. "
                "Nieuwe personen voegt u toe met het veld 'Nieuw' hierboven (Alt+N)."
            ),
            self,
        )
        self.empty_panel.setWordWrap(True)
        self.empty_panel.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.issues_panel = IssuesPanel(self)
        self.metrics_panel = MetricsPanel(self.catalogue, self)
        self.diff_panel = DiffPanel(self)

        self._build_actions()
        self._build_layout()
        self._connect()
        self.refresh()

    # -- construction --------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text.replace("&", ""))
        action.setStatusTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        stack = self.document.undo_stack
        # Own actions rather than createUndoAction: a fixed, short text in the toolbar; what will be
        # undone is in the tooltip.
        self.undo_action = self._action(self.tr("Ongedaan maken"), stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("Opnieuw"), stack.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(self.tr("Ongedaan maken: {what}").format(what=text))
        )
        stack.redoTextChanged.connect(
            lambda text: self.redo_action.setToolTip(self.tr("Opnieuw: {what}").format(what=text))
        )
        self.zoom_in_action = self._action(self.tr("+"), self.view.zoom_in, "Ctrl+=", self.tr("Inzoomen (Ctrl+=)"))
        self.zoom_out_action = self._action(self.tr("−"), self.view.zoom_out, "Ctrl+-", self.tr("Uitzoomen (Ctrl+-)"))
        self.fit_action = self._action(self.tr("Passend"), self.view.fit, "Ctrl+0", self.tr("Hele kaart in beeld"))
        self.layout_action = self._action(
            self.tr("Schikken"), self.auto_layout, tip=self.tr("Iedereen netjes verdelen over ring en vak")
        )
        self.peer_action = self._action(self.tr("Relaties"), self._toggle_peer_ties)
        self.peer_action.setCheckable(True)
        self.peer_action.setToolTip(self.tr("Lijnen tussen personen onderling tonen"))
        self.new_snapshot_action = self._action(self.tr("Nieuw meetmoment…"), self.new_snapshot, "Ctrl+M")
        self.finalise_action = self._action(
            self.tr("Vaststellen…"), self.finalise_snapshot, tip=self.tr("Dit meetmoment vastleggen (alleen lezen)")
        )
        self.compare_action = self._action(
            self.tr("Vergelijken"), self._toggle_compare, "Ctrl+D", self.tr("Verschil met het vorige meetmoment")
        )
        self.compare_action.setCheckable(True)
        self.export_action = self._action(self.tr("Exporteren…"), self.export, "Ctrl+E")
        self.print_action = self._action(self.tr("Afdrukken…"), self.print_map, "Ctrl+P")

    def _build_layout(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setAccessibleName(self.tr("Werkbalk netwerkkaart"))
        for action in (self.undo_action, self.redo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (
            self.new_snapshot_action,
            self.finalise_action,
            self.compare_action,
            self.export_action,
            self.print_action,
        ):
            toolbar.addAction(action)
        self.toolbar = toolbar

        map_page = QWidget(self)
        self.legend = LegendLabel(map_page)
        self.legend_button = QToolButton(map_page)
        self.legend_button.setText(self.tr("Legenda"))
        self.legend_button.setCheckable(True)
        self.legend_button.setChecked(True)
        self.legend_button.toggled.connect(self.legend.setVisible)
        map_tools = QHBoxLayout()
        map_tools.setContentsMargins(2, 2, 2, 2)
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_action,
            self.layout_action,
            self.peer_action,
        ):
            button = QToolButton(map_page)
            button.setDefaultAction(action)
            button.setAccessibleName(action.toolTip())
            map_tools.addWidget(button)
        map_tools.addStretch()
        map_tools.addWidget(self.legend_button)
        map_layout = QVBoxLayout(map_page)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.setSpacing(0)
        map_layout.addWidget(self.view, 1)
        map_layout.addLayout(map_tools)
        map_layout.addWidget(self.legend)
        self.left = QTabWidget(self)
        self.left.addTab(map_page, self.tr("Kaart"))
        self.left.addTab(self.table, self.tr("Lijst"))
        self.details = QStackedWidget(self)
        self.details.addWidget(self.empty_panel)
        self.details.addWidget(self.person_panel)
        self.details.addWidget(self.ego_panel)
        details_scroll = QScrollArea(self)
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the panel's fields need: the map gives way, the fields are not cut off.
        details_scroll.setMinimumWidth(self.person_panel.minimumSizeHint().width() + 24)
        self.right = QTabWidget(self)
        self.right.addTab(details_scroll, self.tr("Persoon"))
        self.right.addTab(self.issues_panel, self.tr("Controle"))
        self.right.addTab(self.metrics_panel, self.tr("Meetwaarden"))
        self.right.addTab(self.diff_panel, self.tr("Verschil"))
        splitter = QSplitter(self)
        splitter.addWidget(self.left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([650, 350])  # the map first; the panel keeps at least what its fields need
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.timeline)
        layout.addWidget(self.quick_add)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.document.changed.connect(self.refresh)
        self.document.edit_refused.connect(self._refused)
        self.scene.selectionChanged.connect(self._scene_selection)
        self.scene.persons_dropped.connect(self._dropped)
        self.view.delete_requested.connect(self.remove_selected)
        self.table.person_selected.connect(self.select)
        self.quick_add.add_requested.connect(self.add_person)
        self.person_panel.edit_requested.connect(self.edit)
        self.person_panel.remove_requested.connect(lambda _pid: self.remove_selected())
        self.ego_panel.edit_requested.connect(self.edit)
        self.issues_panel.person_activated.connect(self.select)
        self.timeline.snapshot_chosen.connect(self.document.show_snapshot)
        self.right.currentChanged.connect(lambda _index: self._refresh_panels())

    # -- state ---------------------------------------------------------------------------
    @property
    def network_map(self) -> NetworkMap:
        return self.document.map

    def set_map(self, network_map: NetworkMap) -> None:
        """Show another map (or a freshly loaded one); the undo history starts afresh."""
        self.selected = None
        self.document.load(network_map)
        self.view.fit()

    def edit(self, text: str, change: Change) -> bool:
        return self.document.edit(text, change)

    def _refused(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Netwerkkaart"), message)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------
    def refresh(self) -> None:
        network_map, snapshot = self.document.map, self.document.snapshot
        editable = self.document.editable
        earlier = self.document.previous_snapshot if self.comparing else None
        diff = (
            diff_map(network_map, earlier.snapshot_id, snapshot.snapshot_id, self.catalogue)
            if (earlier is not None and snapshot is not None)
            else None
        )
        options = SceneOptions(
            editable=editable,
            marks=person_marks(diff) if diff is not None else None,
            earlier=earlier,
            show_peer_ties=self.show_peer_ties,
            show_keep_away_lines=self.show_keep_away_lines,
        )
        self.scene.show_snapshot(network_map, snapshot, options)
        if self.selected not in (None, "ego") and (snapshot is None or snapshot.state(self.selected) is None):
            self.selected = None
        self.scene.select(self.selected)
        self.table.set_content(network_map, snapshot, self.selected)
        self.timeline.set_snapshots(network_map.snapshots_by_date, self.document.snapshot_id)
        self.issues = self._issues()
        self.quick_add.setEnabled(editable)
        self.layout_action.setEnabled(editable)
        self.finalise_action.setEnabled(editable)
        self.compare_action.setEnabled(self.document.previous_snapshot is not None)
        self.export_action.setEnabled(snapshot is not None)
        self._show_banner(diff is not None)
        self._refresh_panels(diff)
        self.refreshed.emit()

    def _issues(self) -> list[Issue]:
        snapshot_id = self.document.snapshot_id
        issues = [i for i in validate_map(self.document.map, self.catalogue) if i.snapshot_id in (None, snapshot_id)]
        today = date.today()
        if self.trajectory_start is not None:
            issues += check_startkaart_due(self.document.map, self.trajectory_start, today)
        if self.evaluation_dates:
            issues += check_evaluation_snapshots(self.document.map, self.evaluation_dates, today)
        return issues

    def _show_banner(self, comparing: bool) -> None:
        snapshot = self.document.snapshot
        if snapshot is None:
            self.banner.setText(self.tr("Deze kaart heeft nog geen meetmoment. Kies 'Nieuw meetmoment…'."))
            self.banner.setStyleSheet(BANNER_STYLE)
        elif comparing:
            earlier = self.document.previous_snapshot
            assert earlier is not None
            self.banner.setText(
                self.tr(
                    "Vergelijking met {earlier}: groen = nieuw, oranje = gewijzigd, rood gestippeld = uit beeld, "
                    "grijs = hetzelfde. De lijst staat onder Verschil."
                ).format(earlier=f"{self.tr(earlier.kind.label)} {earlier.reference_date:%d-%m-%Y}")
            )
            self.banner.setStyleSheet(COMPARE_STYLE)
        elif snapshot.is_final:
            self.banner.setText(
                self.tr(
                    "Dit meetmoment ({day}) is vastgesteld en kan niet meer veranderen. "
                    "Kies 'Nieuw meetmoment…' om de kaart bij te werken."
                ).format(day=f"{snapshot.reference_date:%d-%m-%Y}")
            )
            self.banner.setStyleSheet(BANNER_STYLE)
        else:
            self.banner.setText("")
            self.banner.setStyleSheet("")
        self.banner.setVisible(bool(self.banner.text()))

    def _refresh_panels(self, diff: object = None) -> None:
        network_map, snapshot_id = self.document.map, self.document.snapshot_id
        editable = self.document.editable
        if snapshot_id is not None and self.selected == "ego":
            self.ego_panel.show_ego(network_map, snapshot_id, self.issues, editable)
            self.details.setCurrentWidget(self.ego_panel)
        elif snapshot_id is not None and self.selected is not None:
            self.person_panel.show_person(network_map, snapshot_id, self.selected, self.issues, editable)
            self.details.setCurrentWidget(self.person_panel)
        else:
            self.details.setCurrentWidget(self.empty_panel)
        self.issues_panel.show_issues(self.issues)
        errors = sum(1 for i in self.issues if i.blocking)
        self.right.setTabText(
            1, self.tr("Controle ({count})").format(count=len(self.issues)) if self.issues else self.tr("Controle")
        )
        if errors:
            self.right.setTabToolTip(1, self.tr("{errors} fout(en)").format(errors=errors))
        self.metrics_panel.show_metrics(network_map, snapshot_id)
        self._refresh_diff()

    def _refresh_diff(self) -> None:
        network_map, snapshot = self.document.map, self.document.snapshot
        earlier = self.document.previous_snapshot
        if snapshot is None or earlier is None:
            self.diff_panel.show_groups(self.tr("Dit is het eerste meetmoment: er is nog niets te vergelijken."), [])
            return
        diff = diff_map(network_map, earlier.snapshot_id, snapshot.snapshot_id, self.catalogue)
        title = self.tr("Van {earlier} naar {later}").format(
            earlier=f"{self.tr(earlier.kind.label)} {earlier.reference_date:%d-%m-%Y}",
            later=f"{self.tr(snapshot.kind.label)} {snapshot.reference_date:%d-%m-%Y}",
        )
        self.diff_panel.show_groups(
            title, diff_groups(diff, network_map.names, self.catalogue, network_map.focus_label)
        )

    # -- selection -----------------------------------------------------------------------
    def select(self, person_id: str | None) -> None:
        if person_id == self.selected:
            return
        self.selected = person_id
        self.scene.select(person_id)
        self.table.select_person(person_id if person_id != "ego" else None)
        self._refresh_panels()

    def _scene_selection(self) -> None:
        if self.scene.signalsBlocked():
            return
        chosen = self.scene.selected_id()
        if chosen != self.selected and (chosen is not None or not self.scene.selectedItems()):
            self.selected = chosen
            self.table.select_person(chosen if chosen != "ego" else None)
            self._refresh_panels()
            if chosen not in (None, "ego"):
                self.right.setCurrentIndex(0)

    # -- edits ---------------------------------------------------------------------------
    def focus_quick_add(self) -> None:
        self.quick_add.name.setFocus()
        self.quick_add.name.selectAll()

    def add_person(self, name: str, relationship: str, household: bool) -> None:
        snapshot_id = self.document.snapshot_id
        if snapshot_id is None:
            return
        person = Person(new_id(), name, relationship)
        if self.edit(
            self.tr("Toevoegen: {name}").format(name=name),
            lambda m: add_person(m, snapshot_id, person, household=household, catalogue=self.catalogue),
        ):
            self.select(person.person_id)

    def remove_selected(self) -> None:
        person_id, snapshot_id = self.selected, self.document.snapshot_id
        if person_id in (None, "ego") or snapshot_id is None or not self.document.editable:
            return
        assert person_id is not None
        name = self.document.map.person(person_id).display_name
        left_reason: LeftReason | None = None
        if needs_left_reason(self.document.map, snapshot_id, person_id):
            go_on, left_reason = ask_left_reason(self, name)
            if not go_on:
                return
        else:
            answer = QMessageBox.question(
                self,
                self.tr("Van de kaart halen"),
                self.tr(
                    "{name} van dit meetmoment halen? Eerdere meetmomenten blijven zoals ze waren; "
                    "u kunt dit ongedaan maken."
                ).format(name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.edit(
            self.tr("Van de kaart: {name}").format(name=name),
            lambda m: remove_person(m, snapshot_id, person_id, left_reason),
        )

    def _dropped(self, dropped: list[tuple[str, float, float]]) -> None:
        snapshot = self.document.snapshot
        if snapshot is None or not self.document.editable:
            self.refresh()
            return
        moves: dict[str, Placement] = {}
        for person_id, x, y in dropped:
            state = snapshot.state(person_id)
            if state is not None:
                ring, angle = drop_placement(x, y, state.category, self.scene.geometry)
                moves[person_id] = Placement(ring, angle)
        snapshot_id = snapshot.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            return edit_snapshot(
                m,
                snapshot_id,
                lambda s: replace(
                    s,
                    persons=tuple(
                        replace(p, placement=moves[p.person_id]) if p.person_id in moves else p for p in s.persons
                    ),
                ),
            )

        names = self.document.map.names
        text = (
            self.tr("Verplaatsen: {name}").format(name=names.get(next(iter(moves)), ""))
            if len(moves) == 1
            else self.tr("{count} personen verplaatsen").format(count=len(moves))
        )
        if not moves or not self.edit(text, change):
            self.refresh()  # nothing changed: put the items back where they belong

    def auto_layout(self) -> None:
        """Spread everyone evenly over their sector and ring again (the ring/sector rules stay)."""
        snapshot_id = self.document.snapshot_id
        if snapshot_id is None:
            return

        def change(m: NetworkMap) -> NetworkMap:
            return edit_snapshot(
                m,
                snapshot_id,
                lambda s: replace(s, persons=tuple(replace(p, placement=Placement(p.ring, None)) for p in s.persons)),
            )

        self.edit(self.tr("Schikken"), change)

    def _toggle_peer_ties(self, on: bool) -> None:
        self.show_peer_ties = on
        self.refresh()

    def _toggle_compare(self, on: bool) -> None:
        self.comparing = on
        if on:
            self.right.setCurrentWidget(self.diff_panel)
        self.refresh()

    def set_comparing(self, on: bool) -> None:
        self.compare_action.setChecked(on)
        self._toggle_compare(on)

    # -- snapshots -----------------------------------------------------------------------
    def new_snapshot(self) -> None:
        latest = self.document.map.latest_snapshot

        def check(kind: SnapshotKind, day: date, drawn: frozenset[DrawnWith]) -> str | None:
            try:
                new_measurement(self.document.map, kind, day, drawn_with=drawn)
            except ValidationError as error:
                return error.message
            return None

        dialog = NewSnapshotDialog(latest, check, date.today(), self)
        if dialog.exec() == NewSnapshotDialog.DialogCode.Accepted:
            self.take_snapshot(*dialog.values())

    def take_snapshot(
        self, kind: SnapshotKind, day: date, drawn_with: frozenset[DrawnWith] | None = None
    ) -> str | None:
        """'Nieuw meetmoment': a concept copy of the latest snapshot, shown at once. Returns its id."""
        snapshot_id = new_id()
        done = self.document.edit(
            self.tr("Nieuw meetmoment {day}").format(day=f"{day:%d-%m-%Y}"),
            lambda m: new_measurement(m, kind, day, snapshot_id=snapshot_id, drawn_with=drawn_with)[0],
            show_snapshot=snapshot_id,
        )
        return snapshot_id if done else None

    def finalise_snapshot(self) -> None:
        snapshot = self.document.snapshot
        if snapshot is None or snapshot.is_final:
            return
        errors = [i for i in self.issues if i.blocking and i.snapshot_id in (None, snapshot.snapshot_id)]
        if errors:
            QMessageBox.information(
                self,
                self.tr("Nog niet vaststellen"),
                self.tr("Los eerst deze fouten op:\n\n{errors}").format(errors="\n".join(i.message for i in errors)),
            )
            self.right.setCurrentWidget(self.issues_panel)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Meetmoment vaststellen"),
            self.tr(
                "Het meetmoment van {day} vaststellen? Daarna kan het niet meer veranderen; latere wijzigingen "
                "komen in een nieuw meetmoment."
            ).format(day=f"{snapshot.reference_date:%d-%m-%Y}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            snapshot_id = snapshot.snapshot_id
            self.edit(self.tr("Vaststellen"), lambda m: finalise(m, snapshot_id))

    # -- export --------------------------------------------------------------------------
    def export(self) -> None:
        from mpg_desktop.ui.network.export import export_interactively

        snapshot_id = self.document.snapshot_id
        if snapshot_id is not None:
            export_interactively(self, self.document.map, snapshot_id, self._exported, self._export_failed)

    def print_map(self, printer: QPrinter | None = None) -> bool:
        """Print the map and its measures (names replaced by roles unless the coach confirms a
        copy with names for the family file). Returns True when something was printed."""
        from mpg_desktop.ui.network.export import confirm_identifiable
        from mpg_desktop.ui.network.render import print_sheet

        snapshot_id = self.document.snapshot_id
        if snapshot_id is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
            identifiable = QMessageBox.question(
                self,
                self.tr("Afdrukken"),
                self.tr("Met namen afdrukken (voor het gezinsdossier)? Kies Nee voor rollen in plaats van namen."),
            ) == QMessageBox.StandardButton.Yes and confirm_identifiable(self)
        else:
            identifiable = False
        print_sheet(printer, self.document.map, snapshot_id, identifiable=identifiable, parent=self)
        return True

    def _exported(self, paths: list[Path]) -> None:
        self.exported.emit(paths)

    def _export_failed(self, error: BaseException) -> None:
        message = self.tr("Exporteren is niet gelukt: {reason}. Kies een andere map en probeer het opnieuw.").format(
            reason=self.tr("geen toegang of schijf vol") if isinstance(error, OSError) else type(error).__name__
        )
        self.export_failed.emit(message)
        QMessageBox.warning(self, self.tr("Exporteren"), message)
