"""The main window: the case list on the left, the chosen case on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop import __version__
from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.phases import Phase
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import list_case_summaries
from mpg_desktop.storage.errors import StoreError
from mpg_desktop.ui.case_list_model import SUMMARY_ROLE, CaseFilterModel, CaseListModel
from mpg_desktop.ui.case_view import CaseView
from mpg_desktop.ui.dashboard import DeadlineDashboard, DeadlineOverview, deadline_counts
from mpg_desktop.ui.settings import UiSettings
from mpg_desktop.ui.workers import Job


class MainWindow(QMainWindow):
    """Emits ``lock_requested`` (Ctrl+L) and ``cases_loaded`` once the list is filled."""

    lock_requested = Signal()
    cases_loaded = Signal(int)
    idle_minutes_changed = Signal(int)
    quit_requested = Signal()  # closed by the coach (not by locking)
    deadlines_counted = Signal()

    def __init__(self, store: CaseStore, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.locking = False
        self._select_next: int | None = None
        self.setWindowTitle(self.tr("MPG Desktop"))
        # 1340x760 fits a 1366x768 laptop screen; never larger than the screen we are on.
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        self.resize(
            min(1340, available.width()) if available else 1340,
            min(760, available.height()) if available else 760,
        )

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Zoek op gezinsnaam of dossiernummer…"))
        self.search.setAccessibleName(self.tr("Zoeken"))
        self.search.setClearButtonEnabled(True)
        self.phase_filter = QComboBox(self)
        self.phase_filter.setAccessibleName(self.tr("Filter op fase"))
        self.phase_filter.addItem(self.tr("Alle fasen"), None)
        for phase in Phase:
            self.phase_filter.addItem(self.tr(phase.label), phase)
        self.due_filter = QCheckBox(self.tr("Alleen &evaluatie nodig"), self)

        # Parented to the window: Qt deletes them with the view, never Python's collector before it.
        self.model = CaseListModel(parent=self)
        self.proxy = CaseFilterModel(parent=self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Lijst van dossiers"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(200)  # size columns from the first rows, not thousands
        # The family name gets a fair fixed share (the coach can drag it); the last column fills up.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 165)
        header.setStretchLastSection(True)
        self.count_label = QLabel(self)

        self.search.textChanged.connect(self._filter_changed)
        self.phase_filter.currentIndexChanged.connect(self._filter_changed)
        self.due_filter.toggled.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.phase_filter)
        filters.addWidget(self.due_filter)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        self.dashboard = DeadlineDashboard(self)
        left_layout.addWidget(self.dashboard)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)
        self.case_view = CaseView(store, self)
        self.case_view.changed.connect(self.refresh)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 640])
        self.setCentralWidget(splitter)

        self._build_status_bar()
        self._build_menus()
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        encryption = QLabel(self.tr("Versleuteld opgeslagen (SQLCipher, AES-256)"), self)
        encryption.setAccessibleName(self.tr("Versleuteling"))
        bar.addPermanentWidget(encryption)
        if self.store.header.is_demo:
            demo = QLabel(self.tr("DEMO – verzonnen gegevens"), self)
            demo.setStyleSheet("background: #fff4ce; color: #3b2e00; padding: 0 6px;")
            bar.addPermanentWidget(demo)
        elif not self.store.header.uses_device_secret:
            bar.addPermanentWidget(QLabel(self.tr("Alleen wachtwoordzin (geen sleutelbos)"), self))
        self.backup_label = QLabel(self)
        self.backup_label.setAccessibleName(self.tr("Laatste back-up"))
        bar.addPermanentWidget(self.backup_label)
        self.update_backup_label()

    def update_backup_label(self) -> None:
        raw = self.store.get_meta("last_backup_at")
        if raw:
            when = datetime.fromisoformat(raw)
            self.backup_label.setText(self.tr("Laatste back-up: {when}").format(when=f"{when:%d-%m-%Y %H:%M}"))
        else:
            self.backup_label.setText(self.tr("Nog geen back-up gemaakt"))

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever focus is in the window
        return action

    def _build_menus(self) -> None:
        from mpg_desktop.ui import backup_flow, key_dialogs, referral_flow, settings_dialog

        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.new_referral_action = self._action(
            self.tr("&Nieuwe aanmelding…"), lambda: referral_flow.new_referral(self), "Ctrl+N"
        )
        file_menu.addAction(self.new_referral_action)
        file_menu.addSeparator()
        self.backup_action = self._action(self.tr("Back-up &maken…"), lambda: backup_flow.make_backup(self), "Ctrl+B")
        self.restore_action = self._action(self.tr("Back-up &terugzetten…"), lambda: backup_flow.restore(self))
        self.undo_restore_action = self._action(
            self.tr("Terugzetten &ongedaan maken…"), lambda: backup_flow.undo_restore(self)
        )
        self.verify_action = self._action(self.tr("Bestand &controleren"), lambda: backup_flow.verify(self))
        self.lock_action = self._action(self.tr("&Vergrendelen"), self.lock_requested.emit, "Ctrl+L")
        quit_action = self._action(self.tr("&Afsluiten"), self.close, QKeySequence.StandardKey.Quit)
        for action in (self.backup_action, self.restore_action, self.undo_restore_action, self.verify_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("&Instellingen"))
        settings_menu.addAction(
            self._action(self.tr("&Wachtwoordzin wijzigen…"), lambda: key_dialogs.change_passphrase(self))
        )
        settings_menu.addAction(self._action(self.tr("Opnieuw &versleutelen…"), lambda: key_dialogs.rekey(self)))
        settings_menu.addAction(
            self._action(self.tr("Automatisch &vergrendelen…"), lambda: settings_dialog.edit_idle_minutes(self))
        )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Over MPG Desktop"), self._about))

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the case list off the GUI thread; keeps the selected case if it still exists."""
        job = Job(lambda _ctx: list_case_summaries(self.store), writes=False)
        job.succeeded.connect(self._set_cases)
        job.failed.connect(self.show_error)
        job.start()

    def select_after_refresh(self, traject_id: int) -> None:
        """Select this case when the next refresh has loaded it (a case just created)."""
        self._select_next = traject_id

    def _set_cases(self, cases: list[CaseSummary]) -> None:
        selected = self.case_view.case.traject_id if self.case_view.case else None
        if self._select_next is not None:
            selected, self._select_next = self._select_next, None
            self.search.clear()
            self.phase_filter.setCurrentIndex(0)
            self.due_filter.setChecked(False)
        self.model.today = date.today()
        self.model.set_cases(cases)
        self._update_count()
        if selected is not None:
            self.select_case(selected)
        self.cases_loaded.emit(len(cases))
        today = date.today()
        job = Job(lambda _ctx: deadline_counts(self.store, today), writes=False)
        job.succeeded.connect(self._show_deadlines)
        job.start()

    def _show_deadlines(self, overview: DeadlineOverview) -> None:
        self.dashboard.show_counts(overview.counts)
        self.model.set_deadlines(overview.worst)
        self.deadlines_counted.emit()

    def select_case(self, traject_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            case = self.proxy.index(row, 0).data(SUMMARY_ROLE)
            if case.traject_id == traject_id:
                self.table.selectRow(row)
                return True
        return False

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.search.text())
        phase = self.phase_filter.currentData()  # Qt hands the enum back as its string value
        self.proxy.set_phase(Phase(phase) if phase else None)
        self.proxy.set_due_only(self.due_filter.isChecked())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} van {total} dossiers").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        case = rows[0].data(SUMMARY_ROLE) if rows else None
        if case != self.case_view.case:
            self.case_view.show_case(case)

    # -- feedback ------------------------------------------------------------------------
    def show_error(self, error: BaseException) -> None:
        message = (
            error.message
            if isinstance(error, StoreError)
            else self.tr(
                "Er ging iets mis. Er is niets verloren gegaan van wat al was opgeslagen. Probeer het opnieuw."
            )
        )
        QMessageBox.warning(self, self.tr("MPG Desktop"), message)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Over MPG Desktop"),
            self.tr(
                "<h3>MPG Desktop {version}</h3><p>Gezinsdossiers voor multiprobleemgezinnen, "
                "versleuteld op deze laptop.</p>"
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if Job.running_count(writes_only=True) and not self.locking:
            answer = QMessageBox.question(
                self,
                self.tr("Nog bezig"),
                self.tr("MPG Desktop is nog bezig met opslaan. Wacht tot het klaar is en sluit dan af."),
                QMessageBox.StandardButton.Ok,
            )
            del answer
            event.ignore()
            return
        event.accept()
        if not self.locking:
            self.quit_requested.emit()
