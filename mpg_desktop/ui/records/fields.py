"""Input widgets the record forms share: dates, times, code-list choices, Ja/Nee/Onbekend,
household members, and one-name-per-line lists. Reading a widget raises ValidationError with a
Dutch message that names the field; the form shows it next to the field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeList, TextRule
from mpg_desktop.models.household import Person
from mpg_desktop.models.validation import ValidationError, parse_date

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class DateField(QLineEdit):
    """A date typed as dd-mm-jjjj (the way coaches write it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.setMaximumWidth(140)

    def set_date(self, value: date | None) -> None:
        self.setText(f"{value:%d-%m-%Y}" if value else "")

    def read(self, label: str, *, required: bool = True) -> date | None:
        """The date, or None when empty and not required. Raises ValidationError."""
        if not self.text().strip() and not required:
            return None
        return parse_date(self.text(), label)


class TimeField(QLineEdit):
    """A time of day typed as uu:mm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("uu:mm"))
        self.setMaximumWidth(90)

    def set_time(self, value: time) -> None:
        self.setText(f"{value:%H:%M}")

    def read(self, label: str) -> time:
        match = _TIME.match(self.text())
        if match is None:
            raise ValidationError(
                label,
                self.tr("{label}: '{text}' is geen tijd. Schrijf de tijd als uu:mm.").format(
                    label=label, text=self.text().strip()
                ),
            )
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ValidationError(
                label,
                self.tr("{label}: {text} bestaat niet. Kies een tijd van 00:00 tot 23:59.").format(
                    label=label, text=self.text().strip()
                ),
            )
        return time(hour, minute)


class CodeChoice(QWidget):
    """One item of a code list; a "namelijk …" field appears for items that ask for text.

    Help texts of the list show as tooltips (the definitions, spec 6). A retired item stays
    selectable when a stored record uses it, so editing never silently changes an old answer.
    """

    changed = Signal()

    def __init__(self, code_list: CodeList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code_list = code_list
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("– kies –"), "")
        for item in code_list.active_items:
            self._add(item.code)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("namelijk …"))
        self.text.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.text, 1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._update)

    def _add(self, code: str) -> None:
        item = self.code_list.item(code)
        if item is None:
            return
        self.combo.addItem(item.label, item.code)
        if item.help:
            self.combo.setItemData(self.combo.count() - 1, item.help, Qt.ItemDataRole.ToolTipRole)

    def _update(self) -> None:
        item = self.code_list.item(self.combo.currentData() or "")
        self.text.setVisible(item is not None and item.text is not TextRule.NONE)
        self.changed.emit()

    def choice(self) -> Choice | None:
        code = self.combo.currentData()
        if not code:
            return None
        return Choice(code, self.text.text().strip() if not self.text.isHidden() else "")

    def set_choice(self, choice: Choice | None) -> None:
        if choice is not None and self.combo.findData(choice.code) < 0:
            self._add(choice.code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(choice.code if choice else "")))
        self.text.setText(choice.text if choice else "")


class MemberChecklist(QListWidget):
    """The household members, each with a tick box (Space ticks the current one)."""

    def __init__(self, members: Sequence[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for person in members:
            entry = QListWidgetItem(person.full_name, self)
            entry.setData(Qt.ItemDataRole.UserRole, person.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.setTabKeyNavigation(False)
        rows = min(max(len(members), 2), 5)
        self.setMaximumHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4)

    def ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_ids(self, ids: Sequence[int]) -> None:
        for row in range(self.count()):
            entry = self.item(row)
            ticked = entry.data(Qt.ItemDataRole.UserRole) in ids
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


class TextBox(QPlainTextEdit):
    """Longer text. Tab moves on to the next field (a coach never needs a tab character here)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        height = self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth() + 10
        self.setFixedHeight(height)

    def value(self) -> str:
        return self.toPlainText().strip()


class NamesBox(TextBox):
    """Names or organisations, one per line."""

    def names(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.toPlainText().splitlines() if line.strip())

    def set_names(self, names: Sequence[str]) -> None:
        self.setPlainText("\n".join(names))
