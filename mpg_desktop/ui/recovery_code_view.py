"""Shows a recovery code large and once, with a button to print it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class RecoveryCodeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self.code_label = QLabel(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(16, font.pointSize() + 6))
        font.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(font)
        self.code_label.setStyleSheet("padding: 12px; border: 2px dashed palette(mid);")
        self.code_label.setAccessibleName(self.tr("Herstelcode"))
        self.print_button = QPushButton(self.tr("Herstelcode &afdrukken…"), self)
        self.print_button.clicked.connect(self.print_code)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        layout.addLayout(row)

    def set_code(self, code: str) -> None:
        self._code = code
        groups = code.split("-")
        # Two lines of four groups: easier to copy onto paper without mistakes.
        self.code_label.setText("  ".join(groups[:4]) + "\n" + "  ".join(groups[4:]))

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            painter.setFont(self.code_label.font())
            page = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            text = self.tr(
                "MPG Desktop – herstelcode\n\n{code}\n\n"
                "Bewaar dit papier op een veilige plek, apart van de laptop.\n"
                "Met deze code opent u het dossierbestand als u de wachtwoordzin kwijt bent."
            ).format(code=self.code_label.text())
            painter.drawText(page.adjusted(200, 200, -200, -200), 0, text)
        finally:
            painter.end()
