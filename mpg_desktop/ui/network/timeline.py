"""Stepping through the snapshots of a map (oldest left), and the dialog for 'Nieuw meetmoment'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.network_codes import DrawnWith, SnapshotKind
from mpg_desktop.models.network_map import Snapshot
from mpg_desktop.ui.form_support import FIELD_ERROR_STYLE

FINAL_MARK = "✔"


class Timeline(QWidget):
    """One button per snapshot in date order, with previous/next; emits ``snapshot_chosen``."""

    snapshot_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous_button = QPushButton(self.tr("◀"), self)
        self.previous_button.setAccessibleName(self.tr("Vorig meetmoment"))
        self.previous_button.setToolTip(self.tr("Vorig meetmoment"))
        self.next_button = QPushButton(self.tr("▶"), self)
        self.next_button.setAccessibleName(self.tr("Volgend meetmoment"))
        self.next_button.setToolTip(self.tr("Volgend meetmoment"))
        for button in (self.previous_button, self.next_button):
            button.setMaximumWidth(36)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.strip = QWidget(self)
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidget(self.strip)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFixedHeight(self.previous_button.sizeHint().height() + 8)
        label = QLabel(self.tr("Meetmomenten:"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.previous_button)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.next_button)
        self.ids: list[str] = []
        self.current: str | None = None
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.group.idClicked.connect(lambda index: self.snapshot_chosen.emit(self.ids[index]))

    def set_snapshots(self, snapshots: tuple[Snapshot, ...], current: str | None) -> None:
        ids = [s.snapshot_id for s in snapshots]
        texts = [self._text(s) for s in snapshots]
        buttons = self.group.buttons()
        if ids != self.ids or [b.text() for b in buttons] != texts:
            for button in buttons:
                self.group.removeButton(button)
                button.deleteLater()
            for index, (snapshot, text) in enumerate(zip(snapshots, texts, strict=True)):
                button = QPushButton(text, self.strip)
                button.setCheckable(True)
                state = self.tr("vastgesteld") if snapshot.is_final else self.tr("concept")
                button.setToolTip(state)
                button.setAccessibleName(self.tr("Meetmoment {text}, {state}").format(text=text, state=state))
                self.group.addButton(button, index)
                self.strip_layout.insertWidget(index, button)
            self.ids = ids
        self.current = current
        if current in ids:
            self.group.button(ids.index(current)).setChecked(True)
        position = ids.index(current) if current in ids else -1
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(0 <= position < len(ids) - 1)

    def _text(self, snapshot: Snapshot) -> str:
        mark = f"{FINAL_MARK} " if snapshot.is_final else ""
        return f"{mark}{self.tr(snapshot.kind.label)} {snapshot.reference_date:%d-%m-%Y}"

    def _step(self, step: int) -> None:
        if self.current in self.ids:
            index = self.ids.index(self.current) + step
            if 0 <= index < len(self.ids):
                self.snapshot_chosen.emit(self.ids[index])


Check = Callable[[SnapshotKind, date, frozenset[DrawnWith]], str | None]


class NewSnapshotDialog(QDialog):
    """Kind, date and who sat at the table; ``check`` returns a Dutch error or None."""

    def __init__(self, latest: Snapshot | None, check: Check, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuw meetmoment"))
        self.check = check
        self.kind = QComboBox(self)
        for kind in SnapshotKind:
            self.kind.addItem(self.tr(kind.label), kind.value)
        default = SnapshotKind.EVALUATIE if latest is not None else SnapshotKind.STARTKAART
        self.kind.setCurrentIndex(self.kind.findData(default.value))
        self.kind.setAccessibleName(self.tr("Soort meetmoment"))
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        self.day.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))  # Dutch month names
        self.day.setAccessibleName(self.tr("Datum"))
        self.drawn_with = {code: QCheckBox(self.tr(code.label), self) for code in DrawnWith}
        for code, box in self.drawn_with.items():
            box.setChecked(code in (latest.drawn_with if latest is not None else {DrawnWith.CLIENT}))
        self.error = QLabel(self)
        self.error.setStyleSheet(FIELD_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        explanation = QLabel(
            self.tr(
                "Het nieuwe meetmoment begint als kopie van de kaart van {day}. Pas daarna aan wat veranderd is."
            ).format(day=f"{latest.reference_date:%d-%m-%Y}")
            if latest is not None
            else self.tr("Het eerste meetmoment van deze kaart."),
            self,
        )
        explanation.setWordWrap(True)
        drawn = QWidget(self)
        drawn_layout = QHBoxLayout(drawn)
        drawn_layout.setContentsMargins(0, 0, 0, 0)
        for box in self.drawn_with.values():
            drawn_layout.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("&Soort:"), self.kind)
        form.addRow(self.tr("&Datum:"), self.day)
        form.addRow(self.tr("Getekend met:"), drawn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Maken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> tuple[SnapshotKind, date, frozenset[DrawnWith]]:
        day = self.day.date()
        drawn = frozenset(code for code, box in self.drawn_with.items() if box.isChecked())
        return SnapshotKind(self.kind.currentData()), date(day.year(), day.month(), day.day()), drawn

    def try_accept(self) -> None:
        problem = self.check(*self.values())
        if problem:
            self.error.setText("⚠ " + problem)
            self.error.show()
            return
        self.accept()
