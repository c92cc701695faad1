"""Why a dossier part is missing (spec 5.5: a part may be missing with a reason)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.ui.records.fields import TextBox
from mpg_desktop.ui.records.record_dialog import Attempt, RecordDialog


class MissingReasonDialog(RecordDialog[str]):
    def __init__(self, part_label: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reden: {part} ontbreekt").format(part=part_label), parent)
        self.reason = self.add_field(
            self.tr("&Reden:"),
            TextBox(self, lines=3, placeholder=self.tr("bijvoorbeeld: gezin wilde geen nulmeting; uitval na 2 weken")),
            "reason",
        )
        self.reason.setPlainText(reason)
        self.finish()

    def read(self, attempt: Attempt) -> str | None:
        return self.reason.value()

    def check(self, record: str) -> list[FieldIssue]:
        return []
