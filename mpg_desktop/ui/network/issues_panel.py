"""The findings of the checks (spec 4.4 and reminders) as a list: severity in words, Dutch message.

Activating a line (double-click or Enter) selects the person it is about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mpg_desktop.models.network_issues import Issue, Severity

SEVERITY_COLOURS = {
    Severity.FOUT: "#a4262c",
    Severity.WAARSCHUWING: "#8a5300",
    Severity.INFO: "#404040",
    Severity.HERINNERING: "#0063B1",
}
SEVERITY_ORDER = (Severity.FOUT, Severity.WAARSCHUWING, Severity.HERINNERING, Severity.INFO)


class IssuesPanel(QWidget):
    person_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Meldingen bij dit meetmoment"))
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.issues: list[Issue] = []

    def show_issues(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues, key=lambda i: SEVERITY_ORDER.index(i.severity))
        self.list.clear()
        for issue in self.issues:
            item = QListWidgetItem(f"{self.tr(issue.severity.label)}: {issue.message}")
            item.setForeground(QColor(SEVERITY_COLOURS[issue.severity]))
            item.setData(Qt.ItemDataRole.UserRole, issue.person_id or "")
            self.list.addItem(item)
        errors = sum(1 for i in issues if i.blocking)
        if not issues:
            self.summary.setText(self.tr("Geen meldingen: de kaart voldoet aan de regels."))
        else:
            self.summary.setText(
                self.tr(
                    "{errors} fout(en) en {others} andere melding(en). Fouten moeten weg voordat u het "
                    "meetmoment vaststelt."
                ).format(errors=errors, others=len(issues) - errors)
            )

    def messages(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if person_id:
            self.person_activated.emit(str(person_id))
