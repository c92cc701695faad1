"""Widgets for coded answers: a single choice with its "namelijk …" text, several choices, and
Ja / Nee / Onbekend. The lists come from the organisation's code lists (resources/code_lists)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.code_lists import CodeList, TextRule


class ChoiceCombo(QWidget):
    """One item of a code list; a "namelijk" field appears for items that ask for text."""

    changed = Signal()

    def __init__(self, code_list: CodeList, parent: QWidget | None = None, *, empty_label: str = "– kies –") -> None:
        super().__init__(parent)
        self.code_list = code_list
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr(empty_label), "")
        for item in code_list.active_items:
            self.combo.addItem(item.label, item.code)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("namelijk …"))
        self.text.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 2)
        layout.addWidget(self.text, 3)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._update)
        self.text.textEdited.connect(lambda _text: self.changed.emit())

    def _update(self) -> None:
        item = self.code_list.item(self.combo.currentData() or "")
        self.text.setVisible(item is not None and item.text is not TextRule.NONE)
        self.changed.emit()

    def choice(self) -> Choice | None:
        code = self.combo.currentData()
        if not code:
            return None
        return Choice(code, self.text.text().strip() if self.text.isVisible() or self.text.text() else "")

    def set_choice(self, choice: Choice | None) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(choice.code if choice else "")))
        self.text.setText(choice.text if choice else "")

    def set_code(self, code: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(code)))


class ChoiceChecklist(QWidget):
    """Several items of a code list, ticked in a list; one "namelijk" field for items that need text."""

    changed = Signal()

    def __init__(self, code_list: CodeList, parent: QWidget | None = None, *, rows: int = 6) -> None:
        super().__init__(parent)
        self.code_list = code_list
        self.list = QListWidget(self)
        for item in code_list.active_items:
            entry = QListWidgetItem(item.label, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * rows + 6)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("anders, namelijk …"))
        self.text.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.text)
        self.setFocusProxy(self.list)
        self.list.itemChanged.connect(self._update)

    def _needs_text(self) -> bool:
        for code in self.codes():
            item = self.code_list.item(code)
            if item is not None and item.text is not TextRule.NONE:
                return True
        return False

    def _update(self, _item: QListWidgetItem | None = None) -> None:
        self.text.setVisible(self._needs_text())
        self.changed.emit()

    def codes(self) -> list[str]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def choices(self) -> tuple[Choice, ...]:
        result = []
        for code in self.codes():
            item = self.code_list.item(code)
            wants_text = item is not None and item.text is not TextRule.NONE
            result.append(Choice(code, self.text.text().strip() if wants_text else ""))
        return tuple(result)

    def set_codes(self, codes: list[str]) -> None:
        for row in range(self.list.count()):
            entry = self.list.item(row)
            checked = entry.data(Qt.ItemDataRole.UserRole) in codes
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class TriCombo(QComboBox):
    """Ja / Nee / Onbekend, or not answered yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("– kies –"), "")
        for value in Tri:
            self.addItem(self.tr(value.label), value.value)

    def value(self) -> Tri | None:
        data = self.currentData()
        return Tri(data) if data else None

    def set_value(self, value: Tri | None) -> None:
        self.setCurrentIndex(max(0, self.findData(value.value if value else "")))
