"""What changed since the previous snapshot, as a grouped list (the map shows the same by marks)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


class DiffPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("Verschillen met het vorige meetmoment"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)

    def show_groups(self, title: str, groups: list[tuple[str, list[str]]]) -> None:
        self.title.setText(title)
        self.tree.clear()
        for name, lines in groups:
            top = QTreeWidgetItem([f"{name} ({len(lines)})"])
            for line in lines:
                item = QTreeWidgetItem([line])
                item.setToolTip(0, line)  # a long line is cut off on screen; the tooltip shows it whole
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not groups:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Geen verschillen.")]))

    def lines(self) -> list[str]:
        """Every line as shown, groups first then their lines (for tests and screen readers)."""
        out: list[str] = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            if top is None:
                continue
            out.append(top.text(0))
            for index in range(top.childCount()):
                child = top.child(index)
                if child is not None:
                    out.append(child.text(0))
        return out
