"""The base of every record form: fields with their messages next to them, Enter saves, Esc cancels.

Saving happens in two steps. First the fields are read: input that cannot be a value (31-02, 25:00)
stops here with the message under the field. Then the record's domain check runs; its findings
are shown under the fields and the Save button becomes "Toch opslaan". Pressing it again without
changes stores the record as it is: a form may always be saved incomplete (spec 0.2),
completeness is enforced at phase transitions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QListWidget,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.validation import FieldIssue, Severity, has_errors
from mpg_desktop.ui.form_support import FIELD_ERROR_STYLE, FieldErrors, UnsavedChangesGuard

R = TypeVar("R")
T = TypeVar("T")

WARNING_STYLE = "color: #7a4b00; font-weight: bold;"


class Attempt(Protocol):
    """``attempt(widget, reader)``: ``reader()``, or None with its ValidationError shown under ``widget``."""

    def __call__(self, widget: QWidget, reader: Callable[[], T], /) -> T | None: ...


class IssueLabels(FieldErrors):
    """FieldErrors that also show the domain's findings: errors in red, warnings in dark amber."""

    def show_issues(self, field: QWidget, issues: list[FieldIssue]) -> None:
        label = self._labels[field]
        errors = any(issue.severity is Severity.FOUT for issue in issues)
        label.setStyleSheet(FIELD_ERROR_STYLE if errors else WARNING_STYLE)
        label.setText("\n".join(("⚠ " if i.severity is Severity.FOUT else "Let op: ") + i.message for i in issues))
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # right under its field
        label.show()

    def clear(self) -> None:
        super().clear()
        for label in self._labels.values():
            label.setStyleSheet(FIELD_ERROR_STYLE)


class RecordDialog(QDialog, Generic[R]):
    """Subclasses add their fields with ``add_field``, call ``finish()`` at the end of ``__init__``
    and implement ``read`` (fields -> record) and ``check`` (the domain's findings)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, width: int = 560) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._width = width
        self._result: R | None = None
        self._reviewed: R | None = None
        self._widgets: dict[str, QWidget] = {}  # record attribute -> the field showing its findings
        self._fields: list[QWidget] = []  # in form order
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(FIELD_ERROR_STYLE)
        self.notice.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = IssueLabels(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Opslaan"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Enter in a text box starts a new line; Ctrl+Enter saves from anywhere in the form.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.main_layout = layout = QVBoxLayout(self)
        # The dialog grows when messages appear under the fields instead of squeezing them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.guard: UnsavedChangesGuard | None = None

    def add_field(self, label: str, widget: T, *fields: str) -> T:
        """One row; ``fields`` are the record attributes whose findings show under it."""
        assert isinstance(widget, QWidget)
        self.errors.add_row(label, widget)
        self._fields.append(widget)
        for name in fields:
            self._widgets[name] = widget
        return widget

    def finish(self) -> None:
        """Start watching for typed text; call after the fields were filled from the record."""
        hint = self.sizeHint()
        self.resize(max(self._width, hint.width()), hint.height())
        # The buttons were created first, so Tab from the last field reaches Opslaan and Annuleren;
        # the cursor starts in the first field, not on a button.
        if self._fields:
            self._fields[0].setFocus()
        self.guard = guard = UnsavedChangesGuard(self)

        def mark(*_args: object) -> None:
            guard.dirty = True

        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(mark)
        for checklist in self.findChildren(QListWidget):
            checklist.itemChanged.connect(mark)
        for table in self.findChildren(QTableWidget):
            table.itemChanged.connect(mark)

    # -- subclass hooks ------------------------------------------------------------------
    def read(self, attempt: Attempt) -> R | None:
        """Build the record; read each parsed field through ``attempt(widget, reader)``."""
        raise NotImplementedError

    def check(self, record: R) -> list[FieldIssue]:
        raise NotImplementedError

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        self.errors.clear()
        self.notice.hide()
        bad: list[QWidget] = []

        def attempt(widget: QWidget, reader: Callable[[], T]) -> T | None:
            return self.errors.attempt(widget, reader, bad)

        record = self.read(attempt)
        if bad or record is None:
            if bad:
                bad[0].setFocus()
            return
        issues = self.check(record)
        if issues and record != self._reviewed:
            self._show_findings(issues)
            self._reviewed = record
            return
        self._result = record
        self.accept()

    def _show_findings(self, issues: list[FieldIssue]) -> None:
        by_widget: dict[QWidget, list[FieldIssue]] = {}
        loose: list[FieldIssue] = []
        for issue in issues:
            widget = self._widgets.get(issue.field)
            if widget is None:
                loose.append(issue)
            else:
                by_widget.setdefault(widget, []).append(issue)
        for widget, found in by_widget.items():
            self.errors.show_issues(widget, found)
        lines = [issue.message for issue in loose]
        if has_errors(issues):
            lines.append(
                self.tr(
                    "Nog niet compleet. Vul aan, of kies 'Toch opslaan' om het zo te bewaren en later aan te vullen."
                )
            )
        else:
            lines.append(self.tr("Controleer de opmerkingen. Kies 'Toch opslaan' als het zo klopt."))
        self.notice.setText("\n".join(lines))
        self.notice.setStyleSheet(FIELD_ERROR_STYLE if has_errors(issues) else WARNING_STYLE)
        self.notice.show()
        self.save_button.setText(self.tr("Toch &opslaan"))
        layout = self.main_layout
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        self.resize(self.width(), max(self.height(), needed if needed > 0 else self.sizeHint().height()))
        first = next((w for w in self._widgets.values() if w in by_widget), None)
        if first is not None:
            first.setFocus()

    def record(self) -> R | None:
        """The saved record once the dialog was accepted."""
        return self._result

    def reject(self) -> None:
        if self.guard is None or self.guard.confirm_discard():
            super().reject()
